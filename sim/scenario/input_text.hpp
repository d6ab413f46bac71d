// The raw bytes of an input file (scenario or sweep), checked before the YAML parser sees them,
// and the escaping that keeps input bytes out of messages raw. Internal to the scenario layer.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace unrest::detail {

// The largest input file read: 16 MiB. Scenario and sweep files are a few kilobytes; the cap
// keeps a wrong file (a data file, /dev/zero) from being read whole and handed to yaml-cpp,
// whose tree takes about fifty times the text's size in memory. A longer file is refused with
//   FILE: expected an input file of at most 16 MiB (16777216 bytes), found N bytes
// (for a pipe, whose size is not known beforehand: "found more").
inline constexpr std::uintmax_t max_input_bytes = std::uintmax_t{16} << 20;

// The longest line: 1 MiB. YAML's scanner holds a whole line of a flow collection
// ({a: [1, 2, ...]}) before it can tell a key from a value, so an unknown key on a 15 MB line would
// cost seconds and hundreds of MB before it is refused; a longer line is refused at once with
//   FILE:LINE:1: expected lines of at most 1 MiB (1048576 bytes), found a longer one (...)
inline constexpr std::size_t max_line_bytes = std::size_t{1} << 20;

// The refusal above when `size` exceeds max_input_bytes.
void check_input_size(const std::string& file, std::uintmax_t size);

// All of `in`, refused as above once it holds more than max_input_bytes.
std::string read_input_stream(std::istream& in, const std::string& file);

// Refuses text that is not UTF-8 text YAML may hold, at the first offending byte:
//   FILE:LINE:COLUMN: expected a text file (YAML in UTF-8), found binary data (byte 0x00)
// for a NUL, another C0 control character than tab, line feed and carriage return, DEL, or a
// byte that is not part of valid UTF-8 (a Latin-1 file, UTF-16, a compressed file); and a line
// longer than max_line_bytes.
void check_input_text(std::string_view text, const std::string& file);

// `text` with every byte that could act on a terminal or break the message's single line written
// as \xNN: C0 control characters (line breaks and tabs included), DEL, C1 control characters,
// and bytes that are not valid UTF-8. Other UTF-8 is kept.
std::string printable(std::string_view text);

} // namespace unrest::detail
