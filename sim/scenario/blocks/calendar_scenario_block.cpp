// The calendar as a scenario block (its reader, printer and rows live in calendar_block.cpp):
// read right after the run settings, because the run's length (`ticks`, or `calendar.end`) and
// every time read later depend on it, and the regions take its zone as their default.
#include "block.hpp"
#include "calendar_block.hpp"

namespace unrest::detail {

namespace {

void read(const ReadContext& ctx, Scenario& s) {
    const CalendarBlock calendar = read_calendar_block(ctx.r, ctx.container.get("calendar"));
    s.calendar = calendar.calendar;
    s.run.ticks =
        read_run_ticks(ctx.r, ctx.container.get("ticks"), calendar, ctx.container.field());
}

void print(const Scenario& s, YAML::Node& root) {
    const YAML::Node calendar = calendar_yaml(s.calendar);
    if (!calendar.IsNull()) {
        root["calendar"] = calendar;
    }
}

} // namespace

const Block& calendar_block() {
    static const Block block{"calendar", calendar_parameter_rows, nullptr, nullptr, read, print};
    return block;
}

} // namespace unrest::detail
