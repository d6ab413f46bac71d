#include "input_text.hpp"

#include "load.hpp"

#include <fmt/format.h>

namespace unrest::detail {

namespace {

// The length of the valid UTF-8 sequence of a non-ASCII character starting at `at`, or 0 when
// the bytes there are not one (a stray continuation byte, an overlong form, a surrogate, a code
// point above U+10FFFF, a truncated sequence).
std::size_t utf8_length(std::string_view s, std::size_t at) {
    const auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    unsigned char low = 0x80; // the range of the second byte, narrower after some leads
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
        high = lead == 0xED ? 0x9F : 0xBF; // no UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;  // no overlong forms
        high = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (at + length > s.size() || byte(at + 1) < low || byte(at + 1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

bool is_control(unsigned char c) {
    return c < 0x20 || c == 0x7F;
}

// U+0080..U+009F, written C2 80..C2 9F.
bool is_c1_control(std::string_view s, std::size_t at, std::size_t length) {
    return length == 2 && static_cast<unsigned char>(s[at]) == 0xC2 &&
           static_cast<unsigned char>(s[at + 1]) <= 0x9F;
}

std::string hex_byte(char c) {
    return fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
}

} // namespace

void check_input_size(const std::string& file, std::uintmax_t size) {
    if (size > max_input_bytes) {
        throw ScenarioError(file, 0, 0, "",
                            fmt::format("expected an input file of at most 16 MiB ({} bytes), "
                                        "found {} bytes",
                                        max_input_bytes, size));
    }
}

std::string read_input_stream(std::istream& in, const std::string& file) {
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_input_bytes) {
            throw ScenarioError(file, 0, 0, "",
                                fmt::format("expected an input file of at most 16 MiB ({} "
                                            "bytes), found more",
                                            max_input_bytes));
        }
    }
    return text;
}

void check_input_text(std::string_view text, const std::string& file) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        bool binary = false;
        if (c == '\n') {
            ++line;
            line_start = i + 1;
        } else if (i - line_start >= max_line_bytes) {
            throw ScenarioError(file, line, 1, "",
                                fmt::format("expected lines of at most 1 MiB ({} bytes), found a "
                                            "longer one (write a long list over several lines)",
                                            max_line_bytes));
        } else if (c < 0x80) {
            binary = is_control(c) && c != '\t' && c != '\r';
        } else {
            length = utf8_length(text, i);
            binary = length == 0;
        }
        if (binary) {
            throw ScenarioError(file, line, static_cast<int>(i - line_start) + 1, "",
                                fmt::format("expected a text file (YAML in UTF-8), found binary "
                                            "data (byte 0x{:02x})",
                                            c));
        }
        i += length;
    }
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (is_control(c)) {
                out += hex_byte(text[i]);
            } else {
                out.push_back(text[i]);
            }
            ++i;
            continue;
        }
        const std::size_t length = utf8_length(text, i);
        if (length == 0 || is_c1_control(text, i, length)) {
            const std::size_t n = length == 0 ? 1 : length;
            for (std::size_t k = 0; k < n; ++k) {
                out += hex_byte(text[i + k]);
            }
            i += n;
            continue;
        }
        out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

} // namespace unrest::detail
