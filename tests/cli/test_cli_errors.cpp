// Bad input: every problem exits 2 with `error: FILE:LINE:COLUMN: key.path: ...` on stderr and
// leaves no output directory (nor a temporary sibling) behind.
#include "cli_test_util.hpp"

#include <chrono>
#include <sys/resource.h>

namespace unrest::cli_test {
namespace {

struct BadScenario {
    const char* label;
    const char* yaml;
    const char* location; // LINE:COLUMN: key.path: (the key path may be absent)
    std::vector<std::string> mentions;
};

const std::vector<BadScenario>& bad_scenarios() {
    static const std::vector<BadScenario> cases{
        {"malformed_flow", "name: a\nticks: [1, 2\n", "3:1: ", {"expected valid YAML"}},
        {"malformed_indent", "name: a\n  ticks: 3\n", "2:8: ", {"expected valid YAML"}},
        {"unknown_key",
         "name: a\nticks: 3\nvisoin: {radius: 2}\n",
         "3:1: visoin: ",
         {"unknown key 'visoin'", "did you mean 'vision'?"}},
        {"unknown_nested_key",
         "name: a\nticks: 3\njail:\n  max_trem: 4\n",
         "4:3: jail.max_trem: ",
         {"unknown key 'max_trem'", "did you mean 'max_term'?"}},
        {"wrong_type_number",
         "name: a\nticks: 3\narrest: {k: abc}\n",
         "3:13: arrest.k: ",
         {"expected a number, found 'abc'"}},
        {"wrong_type_bool",
         "name: a\nticks: 3\nmovement:\n  enabled: yes\n",
         "4:12: movement.enabled: ",
         {"expected true or false, found 'yes'"}},
        {"wrong_type_ticks", "name: a\nticks: 3.5\n", "2:8: ticks: ", {"expected an integer"}},
        {"legitimacy_out_of_range",
         "name: a\nticks: 3\nlegitimacy: 1.5\n",
         "3:13: legitimacy: ",
         {"expected a probability in [0, 1], found 1.5"}},
        {"legitimacy_initial_out_of_range",
         "name: a\nticks: 3\nlegitimacy:\n  initial: 1.5\n",
         "4:12: legitimacy.initial: ",
         {"expected a probability in [0, 1], found 1.5"}},
        {"densities_over_one",
         "name: a\nticks: 3\npopulation:\n  citizen_density: 0.9\n  cop_density: 0.2\n",
         "5:16: population.cop_density: ",
         {"citizen_density + cop_density <= 1", "0.9 + 0.2"}},
        {"negative_grid",
         "name: a\nticks: 3\ngrid: {width: -5, height: 10}\n",
         "3:15: grid.width: ",
         {"expected an integer >= 1, found -5"}},
        {"zero_grid_height",
         "name: a\nticks: 3\ngrid:\n  width: 40\n  height: 0\n",
         "5:11: grid.height: ",
         {"expected an integer >= 1, found 0"}},
        {"vision_too_large",
         "name: a\nticks: 3\ngrid: {width: 10, height: 10}\nvision: {radius: 7}\n",
         "4:18: vision.radius: ",
         {"at most 4 on the 10 x 10 grid", "radius 7"}},
        {"vision_too_large_narrow_grid",
         "name: a\nticks: 3\ngrid: {width: 12, height: 30}\nvision:\n  radius: 6\n",
         "5:11: vision.radius: ",
         {"at most 5 on the 12 x 30 grid"}},
        {"missing_ticks",
         "name: a\ngrid: {width: 10, height: 10}\n",
         "1:1: ticks: ",
         {"required key 'ticks'"}},
        {"missing_name", "ticks: 3\n", "1:1: name: ", {"required key 'name'"}},
        {"tab_indentation",
         "name: a\nticks: 3\ngrid:\n\twidth: 3\n",
         "4:1: ",
         {"expected spaces for indentation, found a tab"}},
        {"number_out_of_range",
         "name: a\nticks: 3\narrest:\n  k: 1e309\n",
         "4:6: arrest.k: ",
         {"expected a number, found '1e309' (out of range)"}},
        {"null_section",
         "name: a\nticks: 3\nvision:\n",
         "3:1: vision: ",
         {"expected a mapping, found nothing (leave the key out to use the defaults)"}},
        {"cop_schedule_beyond_the_free_cells",
         "name: a\nticks: 200\ncops:\n  density_changes:\n    - {at: 50, set: 0.5}\n",
         "5:21: cops.density_changes[0].set: ",
         {"expected the cop density to leave room for the 1120 citizens through tick 200 (at most "
          "480 cops on 1600 cells), found 0.5 at tick 50 (800 cops)"}},
        {"negative_seed",
         "name: a\nticks: 3\nseed: -1\n",
         "3:7: seed: ",
         {"expected an integer in [0, 2^64), found '-1'"}},
    };
    return cases;
}

void expect_located_error(const Result& r, const std::string& file, const BadScenario& c) {
    EXPECT_EQ(r.status, 2) << describe(r);
    const std::string line = r.first_error_line();
    const std::string prefix = fmt::format("error: {}:{}", file, c.location);
    EXPECT_TRUE(line.starts_with(prefix))
        << "expected the prefix\n  " << prefix << "\nfound\n  " << line;
    for (const std::string& m : c.mentions) {
        EXPECT_NE(line.find(m), std::string::npos) << "'" << m << "' missing from\n  " << line;
    }
    EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CliErrors, BadScenarioFilesAreLocated) {
    const TempDir tmp;
    for (const BadScenario& c : bad_scenarios()) {
        SCOPED_TRACE(c.label);
        const fs::path file = tmp / fmt::format("{}.yaml", c.label);
        write_file(file, c.yaml);
        const fs::path out = tmp / fmt::format("out-{}", c.label);

        const Result run = unrest({"run", file.string(), "--out", out.string(), "--quiet"});
        expect_located_error(run, file.string(), c);
        expect_no_output(out);

        const Result validate = unrest({"validate", file.string()});
        expect_located_error(validate, file.string(), c);
        EXPECT_EQ(validate.first_error_line(), run.first_error_line());
    }
}

TEST(CliErrors, TheFileIsNamedAsGivenOnTheCommandLine) {
    const TempDir tmp;
    write_file(tmp / "bad.yaml", "name: a\nticks: 3\nlegitimacy: 1.5\n");
    // Relative to the working directory.
    const Result r =
        run_shell(fmt::format("cd {} && {} validate bad.yaml", shell_quote(tmp.path().string()),
                              shell_quote(UNREST_BINARY)));
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.first_error_line(),
              "error: bad.yaml:3:13: legitimacy: expected a probability in [0, 1], found 1.5");
}

TEST(CliErrors, MissingScenarioFile) {
    const TempDir tmp;
    const fs::path file = tmp / "no-such.yaml";
    const fs::path out = tmp / "out";
    const Result r = unrest({"run", file.string(), "--out", out.string(), "--quiet"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(
        r.first_error_line(),
        fmt::format("error: {}: expected a readable file, found no such file", file.string()));
    expect_no_output(out);

    const Result dir = unrest({"validate", tmp.path().string()});
    EXPECT_EQ(dir.status, 2) << describe(dir);
    EXPECT_NE(dir.err.find("found a directory"), std::string::npos) << dir.err;
}

// Not a scenario at all: refused before YAML parsing, with the same message from every command.
TEST(CliErrors, BinaryAndOversizedInputFiles) {
    const TempDir tmp;
    const fs::path binary = tmp / "binary.yaml";
    write_file(binary, std::string("\x7f"
                                   "ELF\x02\x01\x01\0\0",
                                   9));
    const fs::path huge = tmp / "huge.yaml";
    write_file(huge, "name: a\nticks: 3\n");
    fs::resize_file(huge, 50'000'000);
    const std::vector<std::pair<fs::path, std::string>> cases{
        {binary, fmt::format("error: {}:1:1: expected a text file (YAML in UTF-8), found binary "
                             "data (byte 0x7f)",
                             binary.string())},
        {huge, fmt::format("error: {}: expected an input file of at most 16 MiB (16777216 "
                           "bytes), found 50000000 bytes",
                           huge.string())},
    };
    for (const auto& [file, message] : cases) {
        SCOPED_TRACE(file.string());
        const fs::path out = tmp / "out";
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"run", file.string(), "--out", out.string(), "--quiet"},
              std::vector<std::string>{"validate", file.string()},
              std::vector<std::string>{"sweep", file.string(), "--out", out.string(), "--quiet"}}) {
            const Result r = unrest(args);
            EXPECT_EQ(r.status, 2) << describe(r);
            EXPECT_EQ(r.first_error_line(), message);
            EXPECT_TRUE(r.out.empty()) << r.out;
            expect_no_output(out);
        }
    }
}

// A 15 MB list under a misspelt key is refused at the key, before the list is parsed.
TEST(CliErrors, HugeValueUnderAnUnknownKeyIsRefusedAtOnce) {
    const TempDir tmp;
    const fs::path file = tmp / "huge.yaml";
    {
        std::ofstream out(file, std::ios::binary);
        out << "name: x\nticks: 5\nbogus:\n";
        for (int i = 0; i < 1'500'000; ++i) {
            out << "- 1234567\n";
        }
    }
    const auto t0 = std::chrono::steady_clock::now();
    const Result r = unrest({"validate", file.string()});
    const auto wall = std::chrono::steady_clock::now() - t0;
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_TRUE(r.first_error_line().starts_with(fmt::format(
        "error: {}:3:1: bogus: unknown key 'bogus', expected one of: name, ", file.string())))
        << r.first_error_line();
    EXPECT_LT(wall, std::chrono::seconds(2)); // about 0.05 s; the full parse took 8 s
    // The largest child waited for; each test runs in a process of its own under ctest.
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    EXPECT_LT(children.ru_maxrss, 200'000) << "kB at the peak"; // about 25 MB; parsing: 800 MB
}

// A quoted "\e" makes an escape character out of text: the message shows it escaped.
TEST(CliErrors, MessagesCarryNoControlCharacters) {
    const TempDir tmp;
    const fs::path file = tmp / "escape.yaml";
    write_file(file, "name: a\nticks: \"\\e[2J\\e[31m\"\n");
    const Result r = unrest({"validate", file.string()});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(r.first_error_line(),
              fmt::format("error: {}:2:8: ticks: expected an integer >= 0, found the quoted "
                          "string \"\\x1b[2J\\x1b[31m\"",
                          file.string()));
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
}

// --ticks goes through the loader: a schedule is checked through the run's last tick.
TEST(CliErrors, SchedulesAreCheckedThroughTheTicksFlag) {
    const TempDir tmp;
    // 0.25 + 0.125 (t - 9) for t >= 10: 1 at tick 15, 1.125 at tick 16.
    const std::string schedule = "grid: {width: 15, height: 15}\nlegitimacy:\n  initial: 0.5\n"
                                 "  changes:\n    - {at: 5, set: 0.25}\n"
                                 "    - {from: 10, add_per_tick: 0.125}\n";
    const fs::path short_run = tmp / "short.yaml";
    write_file(short_run, "name: short\nticks: 15\n" + schedule);
    const fs::path longer = tmp / "longer";
    const Result refused =
        unrest({"run", short_run.string(), "--out", longer.string(), "--quiet", "--ticks", "300"});
    EXPECT_EQ(refused.status, 2) << describe(refused);
    EXPECT_EQ(refused.first_error_line(),
              fmt::format("error: {}:8:32: legitimacy.changes[1].add_per_tick: expected "
                          "legitimacy to stay in [0, 1] through tick 300, found 1.125 at tick 16",
                          short_run.string()));
    expect_no_output(longer);

    // The reverse: a file refused over its own 300 ticks runs for 15.
    const fs::path long_run = tmp / "long.yaml";
    write_file(long_run, "name: long\nticks: 300\n" + schedule);
    EXPECT_EQ(unrest({"validate", long_run.string()}).status, 2);
    const fs::path shorter = tmp / "shorter";
    const Result ran =
        unrest({"run", long_run.string(), "--out", shorter.string(), "--quiet", "--ticks", "15"});
    ASSERT_EQ(ran.status, 0) << describe(ran);
    const Csv csv = read_csv(shorter / "timeseries.csv");
    ASSERT_EQ(csv.rows.size(), 16U);
    EXPECT_EQ(csv.number(15, "legitimacy"), 1.0);
}

struct BadOverride {
    std::vector<std::string> sets;
    std::string location; // --set:INDEX:COLUMN: key.path: (or the file's, for cross-key checks)
    const char* mention;
};

TEST(CliErrors, BadOverridesAreLocatedInTheirSetArgument) {
    const TempDir tmp;
    const std::vector<BadOverride> cases{
        {{"vision.radius=abc"}, "--set:1:15: vision.radius: ", "expected a number, found 'abc'"},
        {{"grid.width=50", "vison.radius=3"}, "--set:2:1: vison: ", "did you mean 'vision'?"},
        {{"vision"}, "--set:1:1: ", "expected key.path=value, found 'vision'"},
        {{"=3"}, "--set:1:1: ", "expected key.path=value"},
        {{"legitimacy=2"}, "--set:1:12: legitimacy: ", "expected a probability in [0, 1]"},
        // Checks across keys point at the first of the keys present in the file.
        {{"population.citizen_density=0.99"},
         fmt::format("{}:19:16: population.cop_density: ", run2()),
         "citizen_density + cop_density <= 1, found 0.99 + 0.04"},
        {{"grid.width=10", "grid.height=10"},
         fmt::format("{}:21:18: vision.radius: ", run2()),
         "expected a vision reach of at most 4 on the 10 x 10 grid"},
        {{"ticks=-3"}, "--set:1:7: ticks: ", "expected an integer >= 0, found -3"},
        {{"activation.mode=simultaneus"}, "--set:1:17: activation.mode: ", "did you mean"},
    };
    int n = 0;
    for (const BadOverride& c : cases) {
        const std::string label = fmt::format("--set {}", fmt::join(c.sets, " --set "));
        SCOPED_TRACE(label);
        const fs::path out = tmp / fmt::format("out-{}", n++);
        std::vector<std::string> args{"run", run2(), "--out", out.string(), "--quiet"};
        std::vector<std::string> validate_args{"validate", run2()};
        for (const std::string& s : c.sets) {
            args.insert(args.end(), {"--set", s});
            validate_args.insert(validate_args.end(), {"--set", s});
        }
        for (const auto& a : {args, validate_args}) {
            const Result r = unrest(a);
            EXPECT_EQ(r.status, 2) << describe(r);
            const std::string line = r.first_error_line();
            EXPECT_TRUE(line.starts_with(fmt::format("error: {}", c.location))) << line;
            EXPECT_NE(line.find(c.mention), std::string::npos) << line;
            expect_no_output(out);
        }
    }
}

} // namespace
} // namespace unrest::cli_test
