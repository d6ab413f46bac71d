#include "sim/output/error.hpp"
#include "sim/output/sha256.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <string>

namespace unrest {
namespace {

// FIPS 180-4 examples and the NIST test vectors (csrc.nist.gov, SHA256.pdf, SHA2 additional).
TEST(Sha256, StandardVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingBoundaries) {
    // 55, 56 and 64 bytes: one block, two blocks after padding, a full block.
    EXPECT_EQ(sha256_hex(std::string(55, 'a')),
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(sha256_hex(std::string(56, 'a')),
              "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(sha256_hex(std::string(64, 'a')),
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, IncrementalEqualsOneShot) {
    const std::string text(1000, 'x');
    Sha256 hasher;
    for (std::size_t i = 0; i < text.size(); i += 7) {
        hasher.update(std::string_view(text).substr(i, 7));
    }
    const auto digest = hasher.digest();
    std::string hex;
    for (const auto byte : digest) {
        constexpr const char* digits = "0123456789abcdef";
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    EXPECT_EQ(hex, sha256_hex(text));
}

TEST(Sha256, File) {
    const auto path = std::filesystem::path(::testing::TempDir()) / "unrest_sha256_test.txt";
    {
        std::ofstream out(path, std::ios::binary);
        out << "abc";
    }
    EXPECT_EQ(sha256_file_hex(path),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    std::filesystem::remove(path);
    EXPECT_THROW(sha256_file_hex(path), OutputError);
}

} // namespace
} // namespace unrest
