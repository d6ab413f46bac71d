#include "output_target.hpp"

#include "../scenario/input_text.hpp"
#include "error.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace unrest {

namespace {

// A manifest larger than this is not one that unrest wrote.
constexpr std::uintmax_t max_manifest_bytes = 16u << 20;

// `path` is `dir` or lies below it (both absolute and resolved).
bool is_within(const fs::path& path, const fs::path& dir) {
    auto p = path.begin();
    for (auto d = dir.begin(); d != dir.end(); ++d, ++p) {
        if (d->empty()) {
            continue; // a trailing separator
        }
        if (p == path.end() || *p != *d) {
            return false;
        }
    }
    return true;
}

std::optional<fs::path> resolved_existing(const fs::path& p) {
    std::error_code ec;
    fs::path r = fs::canonical(p, ec);
    if (ec) {
        return std::nullopt;
    }
    return r;
}

// The home directories of this user: $HOME and the password database's entry.
std::vector<fs::path> home_directories() {
    std::vector<fs::path> homes;
    if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0') {
        if (auto r = resolved_existing(home)) {
            homes.push_back(*r);
        }
    }
    if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr) {
        if (auto r = resolved_existing(pw->pw_dir)) {
            homes.push_back(*r);
        }
    }
    return homes;
}

std::string named(const fs::path& given, const fs::path& resolved) {
    const fs::path plain = fs::absolute(given).lexically_normal();
    fs::path trimmed = plain;
    if (!trimmed.has_filename() && trimmed != trimmed.root_path()) {
        trimmed = trimmed.parent_path();
    }
    // Escaped: a name can hold control characters, which must not reach a terminal raw.
    if (trimmed == resolved) {
        return fmt::format("'{}'", detail::printable(given.string()));
    }
    return fmt::format("'{}' (that is '{}')", detail::printable(given.string()),
                       detail::printable(resolved.string()));
}

const char* kind_name(OutputKind kind) {
    return kind == OutputKind::run ? "run" : "sweep";
}

} // namespace

const char* manifest_name(OutputKind kind) {
    return kind == OutputKind::run ? "manifest.json" : "sweep_manifest.json";
}

fs::path resolve_output_path(const fs::path& given) {
    if (given.empty()) {
        throw OutputError("--out: expected a directory path, found an empty string");
    }
    try {
        fs::path r = fs::weakly_canonical(fs::absolute(given));
        while (!r.has_filename() && r != r.root_path()) {
            r = r.parent_path();
        }
        return r;
    } catch (const fs::filesystem_error& e) {
        throw OutputError(fmt::format("--out '{}': cannot resolve the path: {}",
                                      detail::printable(given.string()), e.code().message()));
    }
}

bool is_empty_directory(const fs::path& dir, const std::vector<std::string>& ignored) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(dir, ec))) {
        return false;
    }
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (std::find(ignored.begin(), ignored.end(), name) == ignored.end()) {
            return false;
        }
    }
    return !ec;
}

bool holds_unrest_manifest(const fs::path& dir, OutputKind kind) {
    const fs::path file = dir / manifest_name(kind);
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(file, ec)) ||
        fs::file_size(file, ec) > max_manifest_bytes || ec) {
        return false;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
    if (!j.is_object() || !j.contains("program") || !j["program"].is_object() ||
        !j["program"].contains("git_revision") || !j["program"]["git_revision"].is_string()) {
        return false;
    }
    if (kind == OutputKind::run) {
        return j.contains("run") && j["run"].is_object() && j["run"].contains("scenario_sha256") &&
               j["run"]["scenario_sha256"].is_string();
    }
    return j.contains("design_id") && j["design_id"].is_string();
}

void check_output_target(const fs::path& given, const fs::path& resolved,
                         const OutputRules& rules) {
    const std::string name = named(given, resolved);
    const auto refuse = [&name](const std::string& why) {
        throw OutputError(fmt::format("--out {}: {}", name, why));
    };
    if (resolved == resolved.root_path()) {
        refuse("refusing the root directory; give the output a directory of its own");
    }
    for (const fs::path& home : home_directories()) {
        if (is_within(home, resolved)) {
            refuse(home == resolved ? "refusing the home directory; give the output a directory "
                                      "of its own"
                                    : fmt::format("refusing a directory that holds the home "
                                                  "directory '{}'",
                                                  detail::printable(home.string())));
        }
    }
    std::error_code ec;
    if (const fs::path cwd = fs::current_path(ec); !ec && is_within(cwd, resolved)) {
        refuse(cwd == resolved ? "refusing the working directory; give the output a directory "
                                 "of its own"
                               : fmt::format("refusing an ancestor of the working directory "
                                             "'{}'",
                                             detail::printable(cwd.string())));
    }
    for (const fs::path& input : rules.inputs) {
        if (auto r = resolved_existing(input); r && is_within(*r, resolved)) {
            refuse(fmt::format("refusing a directory that holds the input file '{}'",
                               detail::printable(input.string())));
        }
    }
    const fs::file_status status = fs::symlink_status(resolved, ec);
    if (fs::is_symlink(status)) {
        refuse("a symbolic link that leads nowhere");
    }
    if (!fs::exists(status)) {
        return;
    }
    if (!fs::is_directory(status)) {
        refuse("exists and is not a directory");
    }
    if (is_empty_directory(resolved, {output_lock_name})) {
        return;
    }
    if (!holds_unrest_manifest(resolved, rules.kind)) {
        refuse(fmt::format("exists and is not empty, and holds no {} written by unrest: it is "
                           "not the output of an unrest {}, and --force replaces only those; "
                           "choose another directory",
                           manifest_name(rules.kind), kind_name(rules.kind)));
    }
    if (!rules.force) {
        refuse(rules.kind == OutputKind::run
                   ? "exists and is not empty; pass --force to replace it"
                   : "exists and is not empty; pass --force to replace it, or --resume to "
                     "continue the sweep there");
    }
}

} // namespace unrest
