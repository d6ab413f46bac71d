// Hand-made tick records for the output tests.
#pragma once

#include "sim/engine/tick_record.hpp"

#include <cstdint>

namespace unrest::test {

// A Model I record: tick, quiet, active, jailed, cops, arrests, releases, legitimacy.
inline TickRecord classic(Tick tick, std::int64_t quiet, std::int64_t active, std::int64_t jailed,
                          std::int64_t cops, std::int64_t arrests, std::int64_t releases,
                          double legitimacy, int region = 0) {
    TickRecord r;
    r.tick = tick;
    r.region = region;
    r.quiet = quiet;
    r.active = active;
    r.jailed = jailed;
    r.cops = cops;
    r.arrests = arrests;
    r.releases = releases;
    r.legitimacy = legitimacy;
    return r;
}

} // namespace unrest::test
