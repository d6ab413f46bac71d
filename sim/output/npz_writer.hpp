// A NumPy .npz archive (a zip of .npy arrays, as numpy.savez_compressed writes it), built with
// zlib: each member's bytes are deflated as they arrive, so that only the compressed bytes are
// kept in memory; the archive is written at the end. The bytes depend only on what was written:
// the timestamps are fixed to 1980-01-01 00:00, no extra fields, no ZIP64 (a member or the
// archive past 4 GiB is refused with an OutputError).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unrest {

// The header of a version 1.0 .npy file for a C-order array of `descr` ("|u1", "<i8") and
// `shape`, padded with spaces so that the data starts at a multiple of 64 bytes.
std::string npy_header(std::string_view descr, std::span<const std::int64_t> shape);

// One member of the archive, deflated as it is written.
class NpzMember {
public:
    explicit NpzMember(std::string name); // e.g. "ticks.npy"
    NpzMember(NpzMember&&) noexcept;
    NpzMember& operator=(NpzMember&&) noexcept;
    NpzMember(const NpzMember&) = delete;
    NpzMember& operator=(const NpzMember&) = delete;
    ~NpzMember();

    // Appends bytes to the member; OutputError past 4 GiB (uncompressed) or after finish().
    void write(std::span<const std::uint8_t> bytes);
    void write(std::string_view bytes);
    // Ends the deflate stream; write() is refused afterwards. Called by the archive if needed.
    void finish();

    const std::string& name() const noexcept { return name_; }
    std::uint32_t crc32() const noexcept { return crc_; }
    std::uint64_t size() const noexcept { return size_; }                // uncompressed
    const std::string& compressed() const noexcept { return deflated_; } // after finish()

private:
    struct Stream;
    std::string name_;
    std::unique_ptr<Stream> stream_;
    std::string deflated_;
    std::uint32_t crc_ = 0;
    std::uint64_t size_ = 0;
    bool finished_ = false;
};

// The zip archive of `members` (finished first when they are not), in their order: local
// headers and data, then the central directory. OutputError when an offset or a size does not
// fit the 32-bit fields.
void write_npz(std::ostream& out, std::vector<NpzMember>& members);

// write_npz into "<file>.tmp", then renamed onto `file`; OutputError when it cannot be written.
void write_npz_file(const std::filesystem::path& file, std::vector<NpzMember>& members);

} // namespace unrest
