// The catalogue of bad inputs (tests/bad_inputs/catalogue.yaml), run end to end against the real
// program: each case sets up a scratch directory, runs `unrest`, and checks its exit status, its
// message and that it changed nothing it should not have: nothing outside the scratch directory
// (the watched root around it, the repository's scenarios/), no file that was there before, and
// for a refusal (exit status 2) nothing added either. The format is described in the catalogue's
// header and in tests/bad_inputs/README.md (issue 6, "What stays true, with tests").
#include "cli_test_util.hpp"
#include "sim/output/sha256.hpp"

#include <map>
#include <optional>
#include <set>
#include <yaml-cpp/yaml.h>

namespace unrest::cli_test {
namespace {

const fs::path& catalogue_path() {
    static const fs::path path = source_dir() / "tests" / "bad_inputs" / "catalogue.yaml";
    return path;
}

const std::set<std::string>& kinds() {
    static const std::set<std::string> k{"scenario", "sweep",        "set",
                                         "journal",  "command-line", "reported"};
    return k;
}

// Seconds a command may take before it is killed (a hang is a defect like any other).
constexpr int command_time_limit_s = 60;

struct Case {
    std::string id;
    std::string kind;
    std::string about;
    YAML::Node files;     // written first
    YAML::Node overwrite; // written after `before`
    std::vector<std::string> dirs;
    std::vector<std::pair<std::string, std::string>> symlinks; // link -> target
    std::vector<std::vector<std::string>> before;
    std::string cwd;
    std::vector<std::pair<std::string, std::string>> env;
    std::vector<std::string> args;
    int status = -1;
    std::vector<std::string> stderr_fragments;
    std::optional<std::vector<std::string>> stdout_fragments;
    std::vector<std::string> may_write;
    std::string problem; // the entry itself is malformed: the test fails with this
};

// gtest names: letters, digits and underscores.
std::string test_name(const std::string& id) {
    std::string name;
    for (const char c : id) {
        name.push_back(std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_');
    }
    return name.empty() ? std::string("unnamed") : name;
}

bool is_kebab_case(const std::string& id) {
    if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != id.npos) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::vector<std::string> string_list(const YAML::Node& node, const char* key) {
    std::vector<std::string> v;
    if (!node) {
        return v;
    }
    if (!node.IsSequence()) {
        throw std::runtime_error(fmt::format("{}: expected a list", key));
    }
    for (const YAML::Node& item : node) {
        v.push_back(item.as<std::string>());
    }
    return v;
}

std::vector<std::pair<std::string, std::string>> string_map(const YAML::Node& node,
                                                            const char* key) {
    std::vector<std::pair<std::string, std::string>> v;
    if (!node) {
        return v;
    }
    if (!node.IsMap()) {
        throw std::runtime_error(fmt::format("{}: expected a mapping", key));
    }
    for (const auto& item : node) {
        v.emplace_back(item.first.as<std::string>(), item.second.as<std::string>());
    }
    return v;
}

const std::set<std::string>& case_keys() {
    static const std::set<std::string> k{"id",   "kind",     "about",  "files",  "overwrite",
                                         "dirs", "symlinks", "before", "cwd",    "env",
                                         "args", "status",   "stderr", "stdout", "may_write"};
    return k;
}

Case read_case(const YAML::Node& node, std::size_t index) {
    Case c;
    c.id = fmt::format("case-{}", index);
    try {
        if (!node.IsMap()) {
            throw std::runtime_error("expected a mapping");
        }
        for (const auto& item : node) {
            const std::string key = item.first.as<std::string>();
            if (case_keys().count(key) == 0) {
                throw std::runtime_error(fmt::format("unknown key '{}'", key));
            }
        }
        for (const char* required : {"id", "kind", "about", "args", "status", "stderr"}) {
            if (!node[required]) {
                throw std::runtime_error(fmt::format("missing '{}'", required));
            }
        }
        c.id = node["id"].as<std::string>();
        c.kind = node["kind"].as<std::string>();
        c.about = node["about"].as<std::string>();
        if (const YAML::Node files = node["files"]) {
            c.files = files;
        }
        if (const YAML::Node overwrite = node["overwrite"]) {
            c.overwrite = overwrite;
        }
        c.dirs = string_list(node["dirs"], "dirs");
        c.symlinks = string_map(node["symlinks"], "symlinks");
        if (const YAML::Node before = node["before"]) {
            if (!before.IsSequence()) {
                throw std::runtime_error("before: expected a list of argument lists");
            }
            for (const YAML::Node& command : before) {
                c.before.push_back(string_list(command, "before[]"));
            }
        }
        c.cwd = node["cwd"] ? node["cwd"].as<std::string>() : std::string();
        c.env = string_map(node["env"], "env");
        c.args = string_list(node["args"], "args");
        c.status = node["status"].as<int>();
        c.stderr_fragments = string_list(node["stderr"], "stderr");
        if (node["stdout"]) {
            c.stdout_fragments = string_list(node["stdout"], "stdout");
        }
        c.may_write = string_list(node["may_write"], "may_write");
        if (!is_kebab_case(c.id)) {
            throw std::runtime_error("id: expected kebab-case (a-z, 0-9, single dashes)");
        }
        if (kinds().count(c.kind) == 0) {
            throw std::runtime_error(fmt::format("kind: expected one of {}, found '{}'",
                                                 fmt::join(kinds(), ", "), c.kind));
        }
        if (c.about.empty() || c.about.find('\n') != std::string::npos) {
            throw std::runtime_error("about: expected one line");
        }
        if (c.stderr_fragments.empty() && c.status != 0) {
            throw std::runtime_error("stderr: expected at least one fragment for a failure");
        }
        if (c.status == 2 && !c.may_write.empty()) {
            throw std::runtime_error("may_write: a refusal (status 2) may write nothing");
        }
    } catch (const std::exception& e) {
        c.problem = fmt::format("catalogue entry {} ({}): {}", index, c.id, e.what());
    }
    return c;
}

std::vector<Case> load_catalogue() {
    std::vector<Case> cases;
    try {
        const YAML::Node root = YAML::LoadFile(catalogue_path().string());
        const YAML::Node list = root["cases"];
        if (!list || !list.IsSequence()) {
            throw std::runtime_error("expected a top-level 'cases' list");
        }
        std::set<std::string> names;
        for (std::size_t i = 0; i < list.size(); ++i) {
            Case c = read_case(list[i], i);
            if (!names.insert(test_name(c.id)).second) {
                c.problem = fmt::format("catalogue entry {}: id '{}' given twice", i, c.id);
                c.id = fmt::format("{}-again-{}", c.id, i);
                names.insert(test_name(c.id));
            }
            cases.push_back(std::move(c));
        }
    } catch (const std::exception& e) {
        Case c;
        c.id = "catalogue";
        c.problem = fmt::format("{}: {}", catalogue_path().string(), e.what());
        cases = {c};
    }
    return cases;
}

const std::vector<Case>& catalogue() {
    static const std::vector<Case> cases = load_catalogue();
    return cases;
}

// --- the scratch directory ---------------------------------------------------------------------

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

struct Places {
    fs::path root;    // the watched root: holds the scratch directory and a sentinel
    fs::path scratch; // where the case's files are and its command runs

    std::string expand(const std::string& text) const {
        return replace_all(replace_all(text, "{scratch}", scratch.string()), "{repo}",
                           source_dir().string());
    }
};

// A scratch-relative path that stays inside the scratch directory.
fs::path inside(const fs::path& scratch, const std::string& relative) {
    const fs::path p(relative);
    if (p.empty() || p.is_absolute()) {
        throw std::runtime_error(fmt::format("'{}': expected a scratch-relative path", relative));
    }
    for (const fs::path& part : p) {
        if (part == "..") {
            throw std::runtime_error(
                fmt::format("'{}': '..' leaves the scratch directory", relative));
        }
    }
    return scratch / p;
}

std::string hex_bytes(const std::string& hex) {
    std::string bytes;
    std::string digits;
    for (const char c : hex) {
        if (std::isxdigit(static_cast<unsigned char>(c)) != 0) {
            digits.push_back(c);
        } else if (c != ' ' && c != '\n') {
            throw std::runtime_error(fmt::format("bytes: '{}' is not a hex digit", c));
        }
    }
    if (digits.size() % 2 != 0) {
        throw std::runtime_error("bytes: expected an even number of hex digits");
    }
    for (std::size_t i = 0; i < digits.size(); i += 2) {
        bytes.push_back(static_cast<char>(std::stoi(digits.substr(i, 2), nullptr, 16)));
    }
    return bytes;
}

// The bytes a `files` entry stands for.
std::string file_content(const YAML::Node& spec, const Places& places) {
    if (spec.IsScalar()) {
        return places.expand(spec.as<std::string>());
    }
    if (!spec.IsMap()) {
        throw std::runtime_error("expected text, {copy}, {repeat, times} or {bytes}");
    }
    if (spec["copy"]) {
        const fs::path from = source_dir() / spec["copy"].as<std::string>();
        if (!fs::is_regular_file(from)) {
            throw std::runtime_error(fmt::format("copy: no file {}", from.string()));
        }
        return read_file(from);
    }
    if (spec["repeat"]) {
        const std::string unit = places.expand(spec["repeat"].as<std::string>());
        const auto times = spec["times"].as<std::size_t>();
        std::string text = spec["before"] ? places.expand(spec["before"].as<std::string>()) : "";
        text.reserve(text.size() + unit.size() * times);
        for (std::size_t i = 0; i < times; ++i) {
            text.append(unit);
        }
        if (spec["after"]) {
            text.append(places.expand(spec["after"].as<std::string>()));
        }
        return text;
    }
    if (spec["bytes"]) {
        return hex_bytes(spec["bytes"].as<std::string>());
    }
    throw std::runtime_error("expected text, {copy}, {repeat, times} or {bytes}");
}

void write_files(const YAML::Node& files, const Places& places) {
    if (!files || files.IsNull()) {
        return;
    }
    if (!files.IsMap()) {
        throw std::runtime_error("files: expected a mapping of path -> content");
    }
    for (const auto& item : files) {
        const fs::path p = inside(places.scratch, item.first.as<std::string>());
        fs::create_directories(p.parent_path());
        write_file(p, file_content(item.second, places));
    }
}

// --- snapshots ---------------------------------------------------------------------------------

struct Entry {
    char type = '?'; // f(ile), d(irectory), l(ink), o(ther)
    std::uintmax_t size = 0;
    std::string digest; // a file's SHA-256, a link's target

    bool operator==(const Entry&) const = default;
};

using Snapshot = std::map<std::string, Entry>; // relative path -> entry

// The lock file a sweep keeps in its directory: every process that takes the lock writes its
// own pid into it (and a refused --resume must take it to look at the directory safely), so only
// its presence and type are compared, never its bytes.
bool is_lock_file(const std::string& relative) {
    return fs::path(relative).filename() == ".unrest.lock";
}

// Every path under `dir` (symbolic links not followed), except under `skip`.
Snapshot snapshot(const fs::path& dir, const fs::path& skip = {}) {
    Snapshot s;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string relative = p.lexically_relative(dir).generic_string();
        const fs::file_status st = fs::symlink_status(p);
        Entry e;
        if (fs::is_symlink(st)) {
            e.type = 'l';
            e.digest = fs::read_symlink(p).string();
        } else if (fs::is_directory(st)) {
            e.type = 'd';
        } else if (fs::is_regular_file(st)) {
            e.type = 'f';
            e.size = fs::file_size(p);
            if (!is_lock_file(relative)) {
                e.digest = sha256_hex(read_file(p));
            } else {
                e.size = 0;
            }
        } else {
            e.type = 'o';
        }
        s[relative] = e;
        if (!skip.empty() && p == skip) {
            it.disable_recursion_pending();
        }
    }
    if (ec) {
        ADD_FAILURE() << "cannot list " << dir << ": " << ec.message();
    }
    return s;
}

std::string describe_entry(const Entry& e) {
    switch (e.type) {
    case 'f':
        return fmt::format("file of {} bytes", e.size);
    case 'd':
        return "directory";
    case 'l':
        return fmt::format("link to '{}'", e.digest);
    default:
        return "other";
    }
}

// Whether `relative` is `allowed` or under it.
bool is_under(const std::string& relative, const std::string& allowed) {
    return relative == allowed || relative.starts_with(allowed + "/");
}

// What differs between two snapshots of `where`, ignoring paths under `may_write`; "" if
// nothing.
std::string differences(const std::string& where, const Snapshot& before, const Snapshot& after,
                        const std::vector<std::string>& may_write = {}) {
    const auto allowed = [&may_write](const std::string& p) {
        return std::any_of(may_write.begin(), may_write.end(),
                           [&p](const std::string& a) { return is_under(p, a); });
    };
    std::vector<std::string> lines;
    for (const auto& [path, entry] : before) {
        if (allowed(path)) {
            continue;
        }
        const auto found = after.find(path);
        if (found == after.end()) {
            lines.push_back(fmt::format("deleted {} ({})", path, describe_entry(entry)));
        } else if (!(found->second == entry)) {
            lines.push_back(fmt::format("changed {}: {} -> {}", path, describe_entry(entry),
                                        describe_entry(found->second)));
        }
    }
    for (const auto& [path, entry] : after) {
        if (!allowed(path) && before.count(path) == 0) {
            lines.push_back(fmt::format("added {} ({})", path, describe_entry(entry)));
        }
    }
    if (lines.empty()) {
        return {};
    }
    if (lines.size() > 20) {
        lines.resize(20);
        lines.emplace_back("...");
    }
    return fmt::format("in {}:\n  {}", where, fmt::join(lines, "\n  "));
}

// Bytes that would act on a terminal: C0 controls but line feed and tab, DEL.
std::string raw_control_bytes(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            return fmt::format("byte 0x{:02x} at offset {}", c, i);
        }
    }
    return {};
}

// `text` for a test's own messages: control characters but line feed and tab as \xNN, so that a
// case about escape sequences does not act on the terminal that shows its failure.
std::string visible(const std::string& text) {
    std::string v;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) {
            v += fmt::format("\\x{:02x}", u);
        } else {
            v.push_back(c);
        }
    }
    return v;
}

// --- running -----------------------------------------------------------------------------------

fs::path working_directory(const Places& places, const std::string& cwd) {
    return cwd.empty() ? places.scratch : inside(places.scratch, cwd);
}

// `cd CWD && env NAME=VALUE... timeout ... unrest ARGS...`, placeholders expanded.
std::string command_line(const Places& places, const std::string& cwd,
                         const std::vector<std::pair<std::string, std::string>>& env,
                         const std::vector<std::string>& args) {
    std::string line =
        fmt::format("cd {} && env", shell_quote(working_directory(places, cwd).string()));
    for (const auto& [name, value] : env) {
        line += " " + shell_quote(name + "=" + places.expand(value));
    }
    line += fmt::format(" timeout -k 5 {} {}", command_time_limit_s, shell_quote(UNREST_BINARY));
    for (const std::string& a : args) {
        line += " " + shell_quote(places.expand(a));
    }
    return line;
}

void make_symlinks(const Case& c, const Places& places) {
    for (const auto& [link, target] : c.symlinks) {
        const fs::path p = inside(places.scratch, link);
        fs::create_directories(p.parent_path());
        fs::create_symlink(places.expand(target), p);
    }
}

// What the command did wrong, one line each; empty when it did everything right.
std::vector<std::string> check(const Case& c, const Places& places, const Result& r) {
    std::vector<std::string> failures;
    if (r.status != c.status) {
        failures.push_back(fmt::format("expected exit status {}, found {}", c.status, r.status));
    }
    for (const std::string& fragment : c.stderr_fragments) {
        if (r.err.find(places.expand(fragment)) == std::string::npos) {
            failures.push_back(fmt::format("stderr lacks '{}'", places.expand(fragment)));
        }
    }
    if (c.stdout_fragments) {
        for (const std::string& fragment : *c.stdout_fragments) {
            if (r.out.find(places.expand(fragment)) == std::string::npos) {
                failures.push_back(fmt::format("stdout lacks '{}'", places.expand(fragment)));
            }
        }
    } else if (c.status != 0 && !r.out.empty()) {
        failures.emplace_back("expected nothing on stdout for a failure");
    }
    for (const auto& [name, text] : {std::pair{"stdout", &r.out}, std::pair{"stderr", &r.err}}) {
        if (const std::string raw = raw_control_bytes(*text); !raw.empty()) {
            failures.push_back(fmt::format("{} holds a raw control character: {}", name, raw));
        }
    }
    return failures;
}

class BadInputs : public ::testing::TestWithParam<Case> {};

TEST_P(BadInputs, AreRefusedAndChangeNothing) {
    const Case& c = GetParam();
    ASSERT_TRUE(c.problem.empty()) << c.problem;
    SCOPED_TRACE(fmt::format("{} ({}): {}", c.id, c.kind, c.about));

    const TempDir root;
    const Places places{root.path(), root / "scratch"};
    fs::create_directory(places.scratch);
    write_file(root / "sentinel.txt", "outside the scratch directory: must stay as it is\n");
    try {
        for (const std::string& d : c.dirs) {
            fs::create_directories(inside(places.scratch, d));
        }
        write_files(c.files, places);
    } catch (const std::exception& e) {
        FAIL() << "setting up: " << e.what();
    }
    for (const std::vector<std::string>& args : c.before) {
        const Result r = run_shell(command_line(places, c.cwd, {}, args));
        ASSERT_EQ(r.status, 0) << "before: unrest " << fmt::format("{}", fmt::join(args, " "))
                               << "\n"
                               << visible(cli_test::describe(r));
    }
    try {
        write_files(c.overwrite, places);
        make_symlinks(c, places);
    } catch (const std::exception& e) {
        FAIL() << "overwrite, symlinks: " << e.what();
    }

    const fs::path scenarios = source_dir() / "scenarios";
    const Snapshot root_before = snapshot(places.root, places.scratch);
    const Snapshot scratch_before = snapshot(places.scratch);
    const Snapshot scenarios_before = snapshot(scenarios);

    const Result r = run_shell(command_line(places, c.cwd, c.env, c.args));

    std::vector<std::string> failures = check(c, places, r);
    for (const std::string& d :
         {differences("the watched root (outside the scratch directory)", root_before,
                      snapshot(places.root, places.scratch)),
          differences("the repository's scenarios/", scenarios_before, snapshot(scenarios)),
          differences("the scratch directory", scratch_before, snapshot(places.scratch),
                      c.may_write)}) {
        if (!d.empty()) {
            failures.push_back(d);
        }
    }

    const std::string ran =
        fmt::format("unrest {}", places.expand(fmt::format("{}", fmt::join(c.args, " "))));
    for (const std::string& f : failures) {
        ADD_FAILURE() << visible(f);
    }
    if (!failures.empty()) {
        ADD_FAILURE() << visible(ran) << "\n" << visible(cli_test::describe(r));
    }
}

void PrintTo(const Case& c, std::ostream* os) {
    *os << c.id;
}

std::string case_name(const ::testing::TestParamInfo<Case>& param) {
    return test_name(param.param.id);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInputs, ::testing::ValuesIn(catalogue()), case_name);

TEST(BadInputsCatalogue, HoldsAtLeastFortyCasesOfEveryKind) {
    std::map<std::string, int> per_kind;
    for (const Case& c : catalogue()) {
        EXPECT_TRUE(c.problem.empty()) << c.problem;
        ++per_kind[c.kind];
    }
    EXPECT_GE(catalogue().size(), 40U);
    for (const std::string& kind : kinds()) {
        EXPECT_GE(per_kind[kind], 5) << kind;
    }
}

} // namespace
} // namespace unrest::cli_test
