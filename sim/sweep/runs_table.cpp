#include "runs_table.hpp"

#include <fmt/format.h>

namespace unrest {

namespace {

// A summary value as CSV text: integers as integers, reals in shortest round-trip form, null as
// empty.
std::string json_text(const nlohmann::ordered_json& v) {
    if (v.is_null()) {
        return {};
    }
    if (v.is_number_integer()) {
        return fmt::format("{}", v.get<std::int64_t>());
    }
    if (v.is_number_unsigned()) {
        return fmt::format("{}", v.get<std::uint64_t>());
    }
    if (v.is_number_float()) {
        return fmt::format("{}", v.get<double>());
    }
    if (v.is_boolean()) {
        return v.get<bool>() ? "true" : "false";
    }
    if (v.is_string()) {
        return v.get<std::string>();
    }
    return v.dump();
}

} // namespace

std::vector<std::string> metric_values(const SweepSpec& spec,
                                       const nlohmann::ordered_json& summary) {
    std::vector<std::string> out;
    out.reserve(spec.metrics.size());
    for (const std::string& path : spec.metrics) {
        const nlohmann::ordered_json* node = &summary;
        std::size_t start = 0;
        while (node != nullptr && start <= path.size()) {
            const std::size_t dot = path.find('.', start);
            const std::string part =
                path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            node = node->is_object() && node->contains(part) ? &(*node)[part] : nullptr;
            if (dot == std::string::npos) {
                break;
            }
            start = dot + 1;
        }
        out.push_back(node != nullptr ? json_text(*node) : std::string());
    }
    return out;
}

RunsTable::RunsTable(const SweepSpec& spec) {
    columns_ = {"run_id", "point", "replicate", "seed"};
    for (const SweepAxis& a : spec.axes) {
        columns_.push_back(a.key);
    }
    for (const std::string& m : spec.metrics) {
        columns_.push_back(m);
    }
    metrics_ = spec.metrics.size();
    columns_.emplace_back("status");
    columns_.emplace_back("error");
}

std::string RunsTable::header_line() const {
    std::string line;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        line.append(i ? "," : "").append(csv_field(columns_[i]));
    }
    line.push_back('\n');
    return line;
}

std::string RunsTable::row_line(const RunPlan& plan, const RunOutcome& outcome) const {
    std::string line =
        fmt::format("{},{},{},{}", plan.run_id, plan.point, plan.replicate, plan.seed);
    for (const std::string& v : plan.values) {
        line.append(",").append(csv_field(v));
    }
    for (std::size_t i = 0; i < metrics_; ++i) {
        const bool known = outcome.ok && i < outcome.metrics.size();
        line.append(",").append(known ? csv_field(outcome.metrics[i]) : std::string());
    }
    std::string error = outcome.error;
    for (char& c : error) {
        // One line of text: line breaks and other control characters become spaces.
        const auto u = static_cast<unsigned char>(c);
        c = (u < 0x20 || u == 0x7f) ? ' ' : c;
    }
    line.append(outcome.ok ? ",ok," : ",error,").append(csv_field(error));
    line.push_back('\n');
    return line;
}

std::string RunsTable::row_problem(const RunPlan& plan,
                                   const std::vector<std::string>& fields) const {
    const std::vector<std::string> planned = [&plan] {
        std::vector<std::string> v{fmt::format("{}", plan.point), fmt::format("{}", plan.replicate),
                                   fmt::format("{}", plan.seed)};
        v.insert(v.end(), plan.values.begin(), plan.values.end());
        return v;
    }();
    for (std::size_t i = 0; i < planned.size(); ++i) {
        if (fields.at(i + 1) != planned[i]) {
            return fmt::format("expected run {}'s {} to be {} as this sweep plans it, found '{}'",
                               plan.run_id, columns_[i + 1], planned[i], printable(fields[i + 1]));
        }
    }
    const std::string& status = fields.at(columns_.size() - 2);
    if (status != "ok" && status != "error") {
        return fmt::format("expected status ok or error, found '{}'", printable(status));
    }
    return {};
}

std::string printable(std::string_view text) {
    constexpr std::size_t most = 60;
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < most; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c >= 0x7f || c == '\\') {
            out += fmt::format("\\x{:02x}", c);
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    if (text.size() > most) {
        out += "...";
    }
    return out;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
        return text;
    }
    std::string q = "\"";
    for (const char c : text) {
        if (c == '"') {
            q.push_back('"');
        }
        q.push_back(c);
    }
    q.push_back('"');
    return q;
}

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back().push_back(c);
        }
    }
    return fields;
}

} // namespace unrest
