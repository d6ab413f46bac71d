// The .npz writer: .npy headers as numpy writes them, and an archive that a reader written
// independently of it (npz_reader.hpp: zip records, zlib's inflate, CRC-32) reads back intact.
#include "npz_reader.hpp"
#include "sim/output/error.hpp"
#include "sim/output/npz_writer.hpp"

#include <array>
#include <gtest/gtest.h>
#include <sstream>

namespace unrest {
namespace {

using npz_test::read_npz;
using npz_test::zip_entries;

std::string archive(std::vector<NpzMember>& members) {
    std::ostringstream out;
    write_npz(out, members);
    return out.str();
}

TEST(NpyHeader, IsNumpysVersion1HeaderPaddedTo64Bytes) {
    const std::array<std::int64_t, 1> one = {3};
    const std::string h = npy_header("<i8", one);
    const std::string dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }";
    // numpy.save's bytes for numpy.arange(3): a 118-byte dict padded so that the data start at 128.
    ASSERT_EQ(h.size(), 128u);
    EXPECT_EQ(h.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
    EXPECT_EQ(static_cast<unsigned char>(h[8]) + 256 * static_cast<unsigned char>(h[9]), 118);
    EXPECT_EQ(h.substr(10), dict + std::string(128 - 10 - dict.size() - 1, ' ') + "\n");

    const std::array<std::int64_t, 4> four = {241, 5, 372, 372};
    const std::string h4 = npy_header("|u1", four);
    EXPECT_EQ(h4.size() % 64, 0u);
    EXPECT_NE(h4.find("'shape': (241, 5, 372, 372), }"), std::string::npos);
    EXPECT_EQ(h4.back(), '\n');
}

TEST(NpzWriter, MembersReadBackWithTheirCrcShapeAndBytes) {
    // 300,000 bytes in uneven pieces, some larger than the compressor's 64 KiB buffer.
    std::string big;
    for (std::int64_t i = 0; i < 300000; ++i) {
        big.push_back(static_cast<char>((i * 7919) % 251 < 40 ? i % 7 : 0));
    }
    std::vector<NpzMember> members;
    members.emplace_back("ticks.npy");
    const std::array<std::int64_t, 1> shape = {3};
    members.back().write(npy_header("<i8", shape));
    for (const std::int64_t t : {0, 6, 12}) {
        std::array<std::uint8_t, 8> le{};
        le[0] = static_cast<std::uint8_t>(t);
        members.back().write(le);
    }
    members.emplace_back("frames_a-b_1.npy");
    const std::array<std::int64_t, 3> frame_shape = {3, 100, 1000};
    members.back().write(npy_header("|u1", frame_shape));
    for (std::size_t at = 0; at < big.size();) {
        const std::size_t n = std::min<std::size_t>(big.size() - at, at % 2 ? 100001 : 17);
        members.back().write(std::string_view(big).substr(at, n));
        at += n;
    }
    members.emplace_back("empty.npy");
    const std::array<std::int64_t, 2> empty_shape = {3, 0};
    members.back().write(npy_header("|u1", empty_shape));

    const std::string zip = archive(members);
    const std::vector<npz_test::ZipEntry> entries = zip_entries(zip);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].name, "ticks.npy");
    EXPECT_EQ(entries[1].name, "frames_a-b_1.npy");
    EXPECT_EQ(entries[2].name, "empty.npy");
    for (const npz_test::ZipEntry& e : entries) {
        EXPECT_EQ(e.method, 8) << e.name;  // deflate
        EXPECT_EQ(e.date, 0x21) << e.name; // 1980-01-01
        EXPECT_EQ(e.time, 0) << e.name;    // 00:00:00
    }
    // Deflate did its work on the sparse frames.
    EXPECT_LT(entries[1].compressed, entries[1].size / 4);

    const auto arrays = read_npz(zip);
    const npz_test::NpyArray& ticks = arrays.at("ticks");
    EXPECT_EQ(ticks.descr, "<i8");
    EXPECT_FALSE(ticks.fortran_order);
    EXPECT_EQ(ticks.shape, (std::vector<std::int64_t>{3}));
    EXPECT_EQ(ticks.i64(0), 0);
    EXPECT_EQ(ticks.i64(1), 6);
    EXPECT_EQ(ticks.i64(2), 12);
    const npz_test::NpyArray& frames = arrays.at("frames_a-b_1");
    EXPECT_EQ(frames.descr, "|u1");
    EXPECT_EQ(frames.shape, (std::vector<std::int64_t>{3, 100, 1000}));
    EXPECT_EQ(frames.data, big);
    EXPECT_EQ(arrays.at("empty").shape, (std::vector<std::int64_t>{3, 0}));
    EXPECT_TRUE(arrays.at("empty").data.empty());
}

TEST(NpzWriter, TheSameArraysGiveTheSameBytes) {
    const auto make = [] {
        std::vector<NpzMember> members;
        members.emplace_back("x.npy");
        const std::array<std::int64_t, 1> shape = {1000};
        members.back().write(npy_header("|u1", shape));
        members.back().write(std::string(1000, '\x02'));
        return archive(members);
    };
    EXPECT_EQ(make(), make());
}

TEST(NpzWriter, AMovedMemberKeepsItsStream) {
    NpzMember a("a.npy");
    a.write(std::string_view("abc"));
    NpzMember b("b.npy");
    b.write(std::string_view("xy"));
    b = std::move(a); // b's own stream is ended, a's goes on in b
    b.write(std::string_view("def"));
    std::vector<NpzMember> members;
    members.push_back(std::move(b));
    const std::string zip = archive(members);
    const std::vector<npz_test::ZipEntry> entries = zip_entries(zip);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].name, "a.npy");
    EXPECT_EQ(npz_test::zip_member(zip, entries[0]), "abcdef");
}

TEST(NpzWriter, AFinishedMemberRefusesMoreBytes) {
    NpzMember m("x.npy");
    m.write(std::string_view("abc"));
    m.finish();
    EXPECT_THROW(m.write(std::string_view("d")), OutputError);
    EXPECT_EQ(m.size(), 3u);
}

} // namespace
} // namespace unrest
