#include "npz_writer.hpp"

#include "../scenario/input_text.hpp"
#include "error.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <fmt/format.h>
#include <fstream>
#include <system_error>
#include <zlib.h>

namespace unrest {

namespace {

constexpr std::uint64_t zip32_max = 0xFFFFFFFFu;
constexpr std::uint16_t version_needed = 20; // 2.0: deflate
constexpr std::uint16_t method_deflate = 8;
constexpr std::uint16_t dos_time = 0;                       // 00:00:00
constexpr std::uint16_t dos_date = (0 << 9) | (1 << 5) | 1; // 1980-01-01
constexpr std::size_t chunk = 1 << 16;

void put16(std::string& s, std::uint16_t v) {
    s.push_back(static_cast<char>(v & 0xFF));
    s.push_back(static_cast<char>(v >> 8));
}

void put32(std::string& s, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
}

std::uint32_t narrow32(std::uint64_t v, const std::string& what) {
    if (v > zip32_max) {
        throw OutputError(fmt::format("{}: {} bytes, past the 4 GiB a zip archive without ZIP64 "
                                      "holds",
                                      what, v));
    }
    return static_cast<std::uint32_t>(v);
}

// The fields shared by the local header (from "version needed") and the central directory
// entry (from "version needed" too), up to the name's length.
void put_common(std::string& s, const NpzMember& m) {
    put16(s, version_needed);
    put16(s, 0); // flags: sizes and CRC in the header, no data descriptor
    put16(s, method_deflate);
    put16(s, dos_time);
    put16(s, dos_date);
    put32(s, m.crc32());
    put32(s, narrow32(m.compressed().size(), m.name() + " (compressed)"));
    put32(s, narrow32(m.size(), m.name()));
    put16(s, static_cast<std::uint16_t>(m.name().size()));
    put16(s, 0); // extra field length
}

} // namespace

std::string npy_header(std::string_view descr, std::span<const std::int64_t> shape) {
    std::string dims;
    for (const std::int64_t d : shape) {
        dims += fmt::format("{}, ", d);
    }
    if (shape.size() > 1) {
        dims.resize(dims.size() - 2); // "(3, 4)"; a single dimension keeps its comma: "(3,)"
    } else if (shape.size() == 1) {
        dims.pop_back();
    }
    std::string dict =
        fmt::format("{{'descr': '{}', 'fortran_order': False, 'shape': ({}), }}", descr, dims);
    // magic (6) + version (2) + header length (2) + dict + padding + '\n': a multiple of 64.
    const std::size_t unpadded = 10 + dict.size() + 1;
    dict.append((64 - unpadded % 64) % 64, ' ');
    dict.push_back('\n');
    std::string header("\x93NUMPY\x01\x00", 8);
    put16(header, static_cast<std::uint16_t>(dict.size()));
    return header + dict;
}

struct NpzMember::Stream {
    z_stream z{};
};

NpzMember::NpzMember(std::string name) : name_(std::move(name)), stream_(new Stream) {
    // Raw deflate (no zlib wrapper: the zip entry is the wrapper). Run-length matching only:
    // the grids are mostly runs of zeros, and on Almaty's frames it is 6 times faster than the
    // default level 6 for 3 % more bytes (level 1 with the default strategy: 45 % more).
    if (deflateInit2(&stream_->z, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_RLE) != Z_OK) {
        throw OutputError(fmt::format("{}: cannot start the compressor (zlib)", name_));
    }
    crc_ = static_cast<std::uint32_t>(::crc32(0L, Z_NULL, 0));
}

NpzMember::NpzMember(NpzMember&&) noexcept = default;

NpzMember& NpzMember::operator=(NpzMember&& other) noexcept {
    if (this != &other) {
        if (stream_ && !finished_) {
            deflateEnd(&stream_->z); // the stream replaced
        }
        name_ = std::move(other.name_);
        stream_ = std::move(other.stream_);
        deflated_ = std::move(other.deflated_);
        crc_ = other.crc_;
        size_ = other.size_;
        finished_ = other.finished_;
    }
    return *this;
}

NpzMember::~NpzMember() {
    if (stream_ && !finished_) {
        deflateEnd(&stream_->z);
    }
}

void NpzMember::write(std::string_view bytes) {
    write(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

void NpzMember::write(std::span<const std::uint8_t> bytes) {
    if (finished_) {
        throw OutputError(fmt::format("{}: written after it was finished", name_));
    }
    if (size_ + bytes.size() > zip32_max) {
        throw OutputError(fmt::format("{}: more than 4 GiB, past what a zip archive without "
                                      "ZIP64 holds",
                                      name_));
    }
    z_stream& z = stream_->z;
    unsigned char out[chunk];
    std::size_t done = 0;
    while (done < bytes.size()) {
        const std::size_t n = std::min<std::size_t>(bytes.size() - done, UINT_MAX / 2);
        // zlib's next_in is not const before 1.2.9's ZLIB_CONST; it does not write through it.
        z.next_in = const_cast<Bytef*>(bytes.data() + done);
        z.avail_in = static_cast<uInt>(n);
        crc_ = static_cast<std::uint32_t>(crc32_z(crc_, bytes.data() + done, n));
        do {
            z.next_out = out;
            z.avail_out = chunk;
            if (deflate(&z, Z_NO_FLUSH) == Z_STREAM_ERROR) {
                throw OutputError(fmt::format("{}: compression failed (zlib)", name_));
            }
            deflated_.append(reinterpret_cast<const char*>(out), chunk - z.avail_out);
        } while (z.avail_out == 0 || z.avail_in > 0);
        done += n;
    }
    size_ += bytes.size();
}

void NpzMember::finish() {
    if (finished_) {
        return;
    }
    z_stream& z = stream_->z;
    unsigned char out[chunk];
    z.next_in = Z_NULL;
    z.avail_in = 0;
    int rc = Z_OK;
    do {
        z.next_out = out;
        z.avail_out = chunk;
        rc = deflate(&z, Z_FINISH);
        if (rc == Z_STREAM_ERROR) {
            throw OutputError(fmt::format("{}: compression failed (zlib)", name_));
        }
        deflated_.append(reinterpret_cast<const char*>(out), chunk - z.avail_out);
    } while (rc != Z_STREAM_END);
    deflateEnd(&z);
    finished_ = true;
}

void write_npz(std::ostream& out, std::vector<NpzMember>& members) {
    if (members.size() > 0xFFFF) {
        throw OutputError(fmt::format("{} members in one zip archive: at most 65535 without ZIP64",
                                      members.size()));
    }
    std::string central;
    std::uint64_t offset = 0;
    for (NpzMember& m : members) {
        m.finish();
        std::string local;
        put32(local, 0x04034b50);
        put_common(local, m);
        local += m.name();
        out.write(local.data(), static_cast<std::streamsize>(local.size()));
        out.write(m.compressed().data(), static_cast<std::streamsize>(m.compressed().size()));

        put32(central, 0x02014b50);
        put16(central, version_needed); // version made by: MS-DOS host, 2.0
        put_common(central, m);
        put16(central, 0); // comment length
        put16(central, 0); // disk number
        put16(central, 0); // internal attributes
        put32(central, 0); // external attributes
        put32(central, narrow32(offset, "snapshot archive offset of " + m.name()));
        central += m.name();
        offset += local.size() + m.compressed().size();
    }
    std::string end;
    put32(end, 0x06054b50);
    put16(end, 0); // this disk
    put16(end, 0); // disk of the central directory
    put16(end, static_cast<std::uint16_t>(members.size()));
    put16(end, static_cast<std::uint16_t>(members.size()));
    put32(end, narrow32(central.size(), "central directory"));
    put32(end, narrow32(offset, "snapshot archive"));
    put16(end, 0); // comment length
    out.write(central.data(), static_cast<std::streamsize>(central.size()));
    out.write(end.data(), static_cast<std::streamsize>(end.size()));
}

void write_npz_file(const std::filesystem::path& file, std::vector<NpzMember>& members) {
    std::filesystem::path temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (out) {
            try {
                write_npz(out, members);
            } catch (const OutputError&) {
                out.close();
                std::error_code ignored;
                std::filesystem::remove(temp, ignored);
                throw;
            }
        }
        out.close();
        if (!out) {
            const int error = errno;
            std::error_code ignored;
            std::filesystem::remove(temp, ignored);
            throw OutputError(
                fmt::format("cannot write '{}': {}", detail::printable(temp.string()),
                            error != 0 ? std::generic_category().message(error) : "write failed"));
        }
    }
    std::error_code error;
    std::filesystem::rename(temp, file, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw OutputError(fmt::format("cannot rename '{}' to '{}': {}",
                                      detail::printable(temp.string()),
                                      detail::printable(file.string()), error.message()));
    }
}

} // namespace unrest
