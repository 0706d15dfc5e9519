// SipHash-1-3 source hash vectors of spec §3 H5/H6 and the XXH3 content hash.
#include "cache/source_hash.h"

#include "cache/magic.h"

#include <gtest/gtest.h>

using namespace adder::cache;

namespace {

std::string hex(const std::array<uint8_t, 8>& b)
{
    static const char d[] = "0123456789abcdef";
    std::string s;
    for (uint8_t x : b) {
        s += d[x >> 4];
        s += d[x & 15];
    }
    return s;
}

} // namespace

TEST(SourceHash, MatchesCPython311Vectors)
{
    struct {
        std::string src;
        const char* expected;
    } cases[] = {
        { "", "738d9cd5d5e87f73" },
        { "a", "fa30db0730dcbf07" },
        { "abcdefg", "9b58a82378e1d95f" },
        { "abcdefgh", "a705b39c25edd8a5" },
        { "abcdefghi", "e428a4f8cd79259b" },
        { "x = 1\n", "4c0372aa93f75252" },
        { "x = 1\r\n", "b89b65a62baf0c0a" },
        { "\xef\xbb\xbfx = 1\n", "db5634f49e777752" },
        { "print(\"hello\")\n", "4384a52f77abf775" },
    };
    for (auto& c : cases)
        EXPECT_EQ(hex(source_hash(as_bytes(c.src))), c.expected) << c.src;
    std::string all;
    for (int i = 0; i < 64; ++i)
        all += static_cast<char>(i);
    EXPECT_EQ(hex(source_hash(as_bytes(all))), "21c86d58e2c53a01");
}

TEST(SourceHash, SipHash13StandardKeySelfCheck)
{
    uint64_t k0 = 0x0706050403020100ULL, k1 = 0x0f0e0d0c0b0a0908ULL;
    EXPECT_EQ(siphash13(k0, k1, {}), 0xabac0158050fc4dcULL);
    uint8_t msg[15];
    for (int i = 0; i < 15; ++i)
        msg[i] = static_cast<uint8_t>(i);
    EXPECT_EQ(siphash13(k0, k1, msg), 0xd320d86d2a519956ULL);
}

TEST(SourceHash, AdderKeyDiffersFromCPythons)
{
    std::string src = "x = 1\n";
    EXPECT_NE(adder_source_hash(as_bytes(src)), source_hash(as_bytes(src)));
    EXPECT_EQ(adder_source_hash(as_bytes(src)), source_hash_with_key(raw_magic, as_bytes(src)));
    EXPECT_EQ(source_hash(as_bytes(src)), source_hash_with_key(0x0A0D0DA7, as_bytes(src)));
}

TEST(ContentHash, IsXxh3AndSensitiveToEveryByte)
{
    std::string a = "X = \"AAAA\"\n", b = "X = \"BBBB\"\n";
    EXPECT_NE(content_hash(as_bytes(a)), content_hash(as_bytes(b)));
    EXPECT_EQ(content_hash(as_bytes(a)), content_hash(as_bytes(std::string(a))));
    EXPECT_EQ(content_hash({}), 0x2d06800538d394c2ULL); // XXH3_64bits of "" (xxHash test vector)
}

TEST(Magic, KeepsCPythonShapeAndAvoidsItsNumbers)
{
    EXPECT_EQ(magic_bytes[2], '\r');
    EXPECT_EQ(magic_bytes[3], '\n');
    EXPECT_TRUE(magic_u16 > 3999 && magic_u16 < 20000);
    EXPECT_EQ(cache_tag, "adder-311");
}
