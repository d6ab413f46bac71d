// Reads a .npz archive back for the tests, independently of the writer (sim/output/npz_writer):
// the zip's end record and central directory, each local header, the member inflated with zlib
// and its CRC-32 checked, then the .npy header parsed into dtype and shape. Any departure from
// what numpy.load accepts (as far as the tests go) is a test failure with a message.
#pragma once

#include <cstdint>
#include <map>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>
#include <zlib.h>

namespace unrest::npz_test {

struct NpyArray {
    std::string descr;         // "|u1", "<i8"
    bool fortran_order = true; // must come back false
    std::vector<std::int64_t> shape;
    std::string data; // the raw array bytes after the header

    std::int64_t elements() const {
        std::int64_t n = 1;
        for (const std::int64_t d : shape) {
            n *= d;
        }
        return n;
    }
    std::uint8_t u8(std::size_t i) const { return static_cast<std::uint8_t>(data.at(i)); }
    std::int64_t i64(std::size_t i) const {
        std::uint64_t v = 0;
        for (int b = 7; b >= 0; --b) {
            v = (v << 8) | static_cast<std::uint8_t>(data.at(8 * i + static_cast<std::size_t>(b)));
        }
        return static_cast<std::int64_t>(v);
    }
};

struct ZipEntry {
    std::string name;
    std::uint16_t method = 0;
    std::uint16_t time = 0;
    std::uint16_t date = 0;
    std::uint32_t crc = 0;
    std::uint32_t compressed = 0;
    std::uint32_t size = 0;
    std::uint32_t offset = 0;
};

inline std::uint32_t le(std::string_view s, std::size_t at, int bytes) {
    if (at + static_cast<std::size_t>(bytes) > s.size()) {
        throw std::runtime_error("zip: read past the end");
    }
    std::uint32_t v = 0;
    for (int b = bytes - 1; b >= 0; --b) {
        v = (v << 8) | static_cast<std::uint8_t>(s[at + static_cast<std::size_t>(b)]);
    }
    return v;
}

// The central directory's entries, in order (throws std::runtime_error when malformed).
inline std::vector<ZipEntry> zip_entries(std::string_view zip) {
    if (zip.size() < 22 || le(zip, zip.size() - 22, 4) != 0x06054b50u) {
        throw std::runtime_error("zip: no end of central directory record at the end");
    }
    const std::size_t end = zip.size() - 22;
    const std::uint32_t count = le(zip, end + 10, 2);
    const std::uint32_t cd_size = le(zip, end + 12, 4);
    const std::uint32_t cd_offset = le(zip, end + 16, 4);
    if (cd_offset + cd_size != end || le(zip, end + 8, 2) != count) {
        throw std::runtime_error("zip: central directory out of place");
    }
    std::vector<ZipEntry> entries;
    std::size_t at = cd_offset;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (le(zip, at, 4) != 0x02014b50u) {
            throw std::runtime_error("zip: bad central directory entry signature");
        }
        ZipEntry e;
        e.method = static_cast<std::uint16_t>(le(zip, at + 10, 2));
        e.time = static_cast<std::uint16_t>(le(zip, at + 12, 2));
        e.date = static_cast<std::uint16_t>(le(zip, at + 14, 2));
        e.crc = le(zip, at + 16, 4);
        e.compressed = le(zip, at + 20, 4);
        e.size = le(zip, at + 24, 4);
        const std::uint32_t name_len = le(zip, at + 28, 2);
        const std::uint32_t extra_len = le(zip, at + 30, 2);
        const std::uint32_t comment_len = le(zip, at + 32, 2);
        e.offset = le(zip, at + 42, 4);
        e.name = std::string(zip.substr(at + 46, name_len));
        entries.push_back(e);
        at += 46 + name_len + extra_len + comment_len;
    }
    if (at != end) {
        throw std::runtime_error("zip: central directory size does not match its entries");
    }
    return entries;
}

// The member's bytes: the local header checked against the central entry, inflated, CRC checked.
inline std::string zip_member(std::string_view zip, const ZipEntry& e) {
    const std::size_t at = e.offset;
    if (le(zip, at, 4) != 0x04034b50u || le(zip, at + 8, 2) != e.method ||
        le(zip, at + 14, 4) != e.crc || le(zip, at + 18, 4) != e.compressed ||
        le(zip, at + 22, 4) != e.size || le(zip, at + 26, 2) != e.name.size() ||
        zip.substr(at + 30, e.name.size()) != e.name) {
        throw std::runtime_error("zip: local header of " + e.name + " disagrees");
    }
    const std::size_t data = at + 30 + e.name.size() + le(zip, at + 28, 2);
    if (e.method != 8) {
        throw std::runtime_error("zip: " + e.name + " is not deflated");
    }
    std::string out(e.size, '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
        throw std::runtime_error("zlib: inflateInit2");
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
    z.avail_in = e.compressed;
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&z, Z_FINISH);
    const bool whole = rc == Z_STREAM_END && z.avail_in == 0 && z.total_out == e.size;
    inflateEnd(&z);
    if (!whole) {
        throw std::runtime_error("zlib: " + e.name + " does not inflate to its size");
    }
    const auto crc = static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())));
    if (crc != e.crc) {
        throw std::runtime_error("zip: CRC-32 of " + e.name + " does not match");
    }
    return out;
}

// A .npy file (version 1.0) parsed: its header's dict and the data, whose size must match.
inline NpyArray parse_npy(const std::string& bytes) {
    if (bytes.size() < 10 || bytes.compare(0, 8, std::string("\x93NUMPY\x01\x00", 8)) != 0) {
        throw std::runtime_error("npy: bad magic or version");
    }
    const std::uint32_t header_len = le(bytes, 8, 2);
    if ((10 + header_len) % 64 != 0 || bytes.size() < 10 + header_len ||
        bytes[10 + header_len - 1] != '\n') {
        throw std::runtime_error("npy: header not padded to 64 bytes with a final newline");
    }
    const std::string dict = bytes.substr(10, header_len);
    static const std::regex re(R"(^\{'descr': '([^']*)', 'fortran_order': (True|False), )"
                               R"('shape': \(([0-9, ]*)\), \} *\n$)");
    std::smatch m;
    if (!std::regex_match(dict, m, re)) {
        throw std::runtime_error("npy: header dict not understood: " + dict);
    }
    NpyArray a;
    a.descr = m[1];
    a.fortran_order = m[2] == "True";
    const std::string dims = m[3];
    static const std::regex number("[0-9]+");
    for (auto it = std::sregex_iterator(dims.begin(), dims.end(), number);
         it != std::sregex_iterator(); ++it) {
        a.shape.push_back(std::stoll(it->str()));
    }
    if (a.shape.size() == 1 && dims.find(',') == std::string::npos) {
        throw std::runtime_error("npy: a one-dimensional shape needs its comma: " + dims);
    }
    a.data = bytes.substr(10 + header_len);
    const std::int64_t item = a.descr == "<i8" ? 8 : a.descr == "|u1" ? 1 : 0;
    if (item == 0 || static_cast<std::int64_t>(a.data.size()) != a.elements() * item) {
        throw std::runtime_error("npy: data size does not match the dtype and shape");
    }
    return a;
}

// Every member of an .npz archive by name (without ".npy"), parsed.
inline std::map<std::string, NpyArray> read_npz(std::string_view zip) {
    std::map<std::string, NpyArray> arrays;
    for (const ZipEntry& e : zip_entries(zip)) {
        if (e.name.size() < 4 || e.name.substr(e.name.size() - 4) != ".npy") {
            throw std::runtime_error("npz: member " + e.name + " is not a .npy");
        }
        arrays[e.name.substr(0, e.name.size() - 4)] = parse_npy(zip_member(zip, e));
    }
    return arrays;
}

} // namespace unrest::npz_test
