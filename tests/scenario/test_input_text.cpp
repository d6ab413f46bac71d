// Input files are checked as text before YAML parsing: a size cap, no binary data; and no message
// echoes raw control bytes.
#include "scenario_test_util.hpp"
#include "sim/scenario/input_text.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace unrest {
namespace {

namespace fs = std::filesystem;
using test::load_error;

// A file under the system's temporary folder, removed at the end of the test.
class TempFile {
public:
    TempFile() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = fs::temp_directory_path() /
                fmt::format("unrest_input_text_{}_{}.yaml", info->name(), ::getpid());
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove(path_, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    std::string path() const { return path_.string(); }

private:
    fs::path path_;
};

std::string file_error(const std::string& path) {
    try {
        load_scenario_file(path);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

TEST(InputText, AFileOverTheCapIsRefusedBeforeReading) {
    const TempFile file;
    std::ofstream(file.path()) << "name: a\nticks: 3\n";
    // Sparse: the zeros are never written, and reading them would say "binary data" instead.
    fs::resize_file(file.path(), 50'000'000);
    EXPECT_EQ(file_error(file.path()),
              file.path() + ": expected an input file of at most 16 MiB (16777216 bytes), found "
                            "50000000 bytes");
}

TEST(InputText, AFileAtTheCapIsRead) {
    const TempFile file;
    const std::string head = "name: a\nticks: 3\n";
    {
        // Comment lines of 1 KiB (the last shorter) up to exactly the cap.
        std::ofstream out(file.path());
        out << head;
        std::size_t left = detail::max_input_bytes - head.size();
        while (left > 0) {
            const std::size_t line = std::min<std::size_t>(left, 1024);
            out << std::string(line - 1, '#') << '\n';
            left -= line;
        }
    }
    EXPECT_EQ(file_error(file.path()), "no error");
    std::ofstream(file.path(), std::ios::app) << "#";
    EXPECT_EQ(file_error(file.path()),
              file.path() + ": expected an input file of at most 16 MiB (16777216 bytes), found "
                            "16777217 bytes");
}

TEST(InputText, ALineOverOneMebibyteIsRefused) {
    const std::string head = "name: a\nticks: 3\n";
    const std::string flow =
        "legitimacy: {initial: 0.5, changes: [" + std::string(detail::max_line_bytes, ' ') + "]}\n";
    EXPECT_EQ(load_error(head + flow),
              "s.yaml:3:1: expected lines of at most 1 MiB (1048576 bytes), found a longer one "
              "(write a long list over several lines)");
    // One byte short of the cap is fine.
    EXPECT_EQ(
        load_error(head + "description: " + std::string(detail::max_line_bytes - 14, 'x') + "\n"),
        "no error");
}

// A device or a pipe has no size beforehand: reading stops at the cap.
TEST(InputText, AnEndlessStreamIsCutOffAtTheCap) {
    EXPECT_EQ(file_error("/dev/zero"),
              "/dev/zero: expected an input file of at most 16 MiB (16777216 bytes), found more");
}

TEST(InputText, TextInMemoryOverTheCap) {
    EXPECT_EQ(load_error("name: a\nticks: 3\n" + std::string(detail::max_input_bytes, '#')),
              "s.yaml: expected an input file of at most 16 MiB (16777216 bytes), found 16777233 "
              "bytes");
}

TEST(InputText, ControlCharactersAreBinary) {
    EXPECT_EQ(load_error(std::string("name: a\nticks: 3\0\n", 18)),
              "s.yaml:2:9: expected a text file (YAML in UTF-8), found binary data (byte 0x00)");
    EXPECT_EQ(load_error("name: a\x01\nticks: 3\n"),
              "s.yaml:1:8: expected a text file (YAML in UTF-8), found binary data (byte 0x01)");
    EXPECT_EQ(load_error("name: \x1b[31mred\nticks: 3\n"),
              "s.yaml:1:7: expected a text file (YAML in UTF-8), found binary data (byte 0x1b)");
    EXPECT_EQ(load_error("\x7f"
                         "ELF\x02\x01\x01"),
              "s.yaml:1:1: expected a text file (YAML in UTF-8), found binary data (byte 0x7f)");
}

TEST(InputText, InvalidUtf8IsBinary) {
    // Latin-1 é; an overlong '/'; a UTF-16 surrogate; a sequence cut short by the end.
    EXPECT_EQ(load_error("name: caf\xe9\nticks: 3\n"),
              "s.yaml:1:10: expected a text file (YAML in UTF-8), found binary data (byte 0xe9)");
    EXPECT_EQ(load_error("name: a\xc0\xaf\nticks: 3\n"),
              "s.yaml:1:8: expected a text file (YAML in UTF-8), found binary data (byte 0xc0)");
    EXPECT_EQ(load_error("name: a\nticks: 3\ndescription: \xed\xa0\x80\n"),
              "s.yaml:3:14: expected a text file (YAML in UTF-8), found binary data (byte 0xed)");
    EXPECT_EQ(load_error("name: a\nticks: 3\ndescription: \xe2\x98"),
              "s.yaml:3:14: expected a text file (YAML in UTF-8), found binary data (byte 0xe2)");
    // UTF-16 holds NUL bytes.
    EXPECT_EQ(load_error(std::string("\xff\xfen\0a\0", 6)),
              "s.yaml:1:1: expected a text file (YAML in UTF-8), found binary data (byte 0xff)");
}

TEST(InputText, Utf8TabsAndLineEndsAreText) {
    const Scenario s = test::load("\xef\xbb\xbfname: caf\xc3\xa9 \xe2\x98\x83 \xf0\x9f\x98\x80\r\n"
                                  "ticks: 3\t# a tab before a comment\r\n");
    EXPECT_EQ(s.name, "caf\xc3\xa9 \xe2\x98\x83 \xf0\x9f\x98\x80");
    EXPECT_EQ(s.run.ticks, 3);
}

TEST(InputText, PrintableEscapesControlsAndInvalidUtf8) {
    using detail::printable;
    EXPECT_EQ(printable("plain text, caf\xc3\xa9"), "plain text, caf\xc3\xa9");
    EXPECT_EQ(printable("a\x01"
                        "b\n\t\x7f"),
              "a\\x01b\\x0a\\x09\\x7f");
    EXPECT_EQ(printable("\x1b[2J"), "\\x1b[2J");
    EXPECT_EQ(printable("\xc2\x9b"
                        "31m \xc2\xa0"),
              "\\xc2\\x9b31m \xc2\xa0"); // C1 CSI escaped; no-break space kept
    EXPECT_EQ(printable("\xff\xe9x"), "\\xff\\xe9x");
}

// Escapes in quoted strings make control characters out of text: never echoed raw.
TEST(InputText, MessagesNeverEchoControlCharacters) {
    EXPECT_EQ(load_error("name: a\nticks: \"\\e[2J\"\n"),
              "s.yaml:2:8: ticks: expected an integer >= 0, found the quoted string \"\\x1b[2J\"");
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid: {\"\\e\": 1}\n"),
              "s.yaml:3:8: grid.\\x1b: unknown key '\\x1b', expected one of: width, height, "
              "cell_size_m, origin");
    EXPECT_EQ(load_error("name: a\nticks: 3\n", {"vision.shape=\"a\\u009bb\""}),
              "--set:1:14: vision.shape: expected one of disc, von_neumann, moore, found the "
              "quoted string \"a\\xc2\\x9bb\"");
    // yaml-cpp's own message quotes the bad character.
    const std::string error = load_error("name: a\nticks: 3\n", {"name=\"\\\x01\""});
    EXPECT_EQ(error.find('\x01'), std::string::npos) << error;
    EXPECT_NE(error.find("\\x01"), std::string::npos) << error;
}

} // namespace
} // namespace unrest
