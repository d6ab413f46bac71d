// SHA-256 (FIPS 180-4), our own implementation: used to fingerprint the scenario file in the
// manifest, so that a result can be traced to the exact bytes that produced it.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace unrest {

// Incremental hashing: update() any number of times, then digest() once.
class Sha256 {
public:
    Sha256() noexcept;
    void update(std::string_view bytes) noexcept;
    std::array<std::uint8_t, 32> digest() noexcept; // finalises; the object must not be reused

private:
    void compress(const std::uint8_t* block) noexcept;

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_bytes_ = 0;
};

// A digest as lower-case hexadecimal (64 characters).
std::string to_hex(const std::array<std::uint8_t, 32>& digest);

// Lower-case hexadecimal digest (64 characters).
std::string sha256_hex(std::string_view bytes);

// The same of a file's contents, read in binary; throws OutputError if it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& file);

} // namespace unrest
