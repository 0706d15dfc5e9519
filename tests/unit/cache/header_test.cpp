// Header encoding, classification and validation (spec §3-4, §14), and the
// foreign (CPython) pyc header reader (§3 H7, §13).
#include "cache/header.h"

#include "cache/foreign_pyc.h"
#include "cache/magic.h"
#include "cache/source_hash.h"
#include "bytecode/serialize.h"

#include "cache_test_util.h"

#include <gtest/gtest.h>

using namespace adder::cache;
using namespace adder::cache::testing;

namespace {

constexpr int64_t s_sec = 1000000000;

std::span<const uint8_t> bytes_of(const std::string& s) { return as_bytes(s); }

SourceStamp stamp_for(const std::string& text, int64_t mtime_ns, bool racy = false)
{
    SourceStamp s;
    s.stat.mtime_ns = mtime_ns;
    s.stat.ctime_ns = mtime_ns;
    s.stat.size = text.size();
    s.stat.inode = 42;
    s.stat.dev = 7;
    s.content_hash = content_hash(as_bytes(text));
    s.bytes_read = text.size();
    s.racy = racy;
    return s;
}

std::string hex(std::string_view s)
{
    static const char d[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
        out += d[c >> 4];
        out += d[c & 15];
    }
    return out;
}

} // namespace

TEST(PycHeader, TimestampHeaderKeepsCPythonLayout)
{
    // Spec H8: mtime 1700000000 and size 4 -> bytes 8-15 "00 f1 53 65 04 00 00 00".
    std::string pyc = code_to_timestamp_pyc(make_module_unit(), stamp_for("X=1\n", 1700000000 * s_sec));
    EXPECT_EQ(hex(pyc.substr(0, 2)), hex(std::string(reinterpret_cast<const char*>(magic_bytes), 2)));
    EXPECT_EQ(hex(pyc.substr(2, 14)), "0d0a0000000000f1536504000000");
    Header h;
    ASSERT_TRUE(classify_pyc(bytes_of(pyc), "m", &h).ok());
    EXPECT_EQ(h.flags, 0u);
    EXPECT_EQ(h.mtime_ns, 1700000000 * s_sec);
    EXPECT_EQ(h.size, 4u);
    EXPECT_EQ(h.inode, 42u);
    EXPECT_TRUE(body_matches(h, bytes_of(pyc).subspan(header_size)));
    EXPECT_TRUE(validate_timestamp_pyc(bytes_of(pyc), 1700000000, 4, "m").ok());
}

TEST(PycHeader, CheckedHashHeaderKeepsCPythonLayout)
{
    std::string src = "x = 1\n";
    std::string pyc = code_to_hash_pyc(make_module_unit(), adder_source_hash(as_bytes(src)), true, stamp_for(src, 5));
    Header h;
    ASSERT_TRUE(classify_pyc(bytes_of(pyc), "m", &h).ok());
    EXPECT_EQ(h.flags, 3u);
    EXPECT_EQ(h.mtime_ns, 0); // hash-based files carry no stat data
    EXPECT_TRUE(validate_hash_pyc(bytes_of(pyc), adder_source_hash(as_bytes(src)), "m").ok());
    PycStatus st = validate_hash_pyc(bytes_of(pyc), adder_source_hash(as_bytes(std::string("x = 2\n"))), "m");
    EXPECT_EQ(st.error, PycError::HashMismatch);
    EXPECT_EQ(st.message, "hash in bytecode doesn't match hash of source 'm'");
    // Unchecked: flags 1.
    pyc = code_to_hash_pyc(make_module_unit(), adder_source_hash(as_bytes(src)), false, stamp_for(src, 5));
    ASSERT_TRUE(classify_pyc(bytes_of(pyc), "m", &h).ok());
    EXPECT_EQ(h.flags, 1u);
}

TEST(PycHeader, EncodeDecodeRoundTrip)
{
    Header h;
    h.flags = 1;
    h.field8 = { 1, 2, 3, 4, 5, 6, 7, 8 };
    h.ext_flags = EXT_RACY;
    h.mtime_ns = -5;
    h.size = (1ull << 32) + 100;
    h.ctime_ns = 123456789012345;
    h.inode = ~0ull;
    h.dev = 9;
    h.content_hash = 0x1122334455667788ull;
    h.body_length = 0;
    h.body_checksum = content_hash({});
    std::string enc = encode_header(h);
    ASSERT_EQ(enc.size(), header_size);
    Header back;
    ASSERT_TRUE(classify_pyc(bytes_of(enc), "m", &back).ok());
    EXPECT_EQ(encode_header(back), enc);
}

TEST(ClassifyPyc, BadMagicIncludingShortFiles)
{
    for (std::string data : { std::string(), std::string("\x2a"), std::string("\xa7\x0d\x0d\x0a", 4) + std::string(100, '\0') }) {
        PycStatus st = classify_pyc(bytes_of(data), "mod", nullptr);
        EXPECT_EQ(st.error, PycError::BadMagic);
        EXPECT_TRUE(st.verbose);
    }
    PycStatus st = classify_pyc(bytes_of(std::string("o\r\r\n")), "foo", nullptr);
    EXPECT_EQ(st.message, "bad magic number in 'foo': b'o\\r\\r\\n'");
    st = classify_pyc(bytes_of(std::string("\x03\xf3\r\n", 4)), "foo", nullptr);
    EXPECT_EQ(st.message, "bad magic number in 'foo': b'\\x03\\xf3\\r\\n'");
}

TEST(ClassifyPyc, ShortHeaderAndInvalidFlags)
{
    std::string pyc = code_to_timestamp_pyc(make_module_unit(), stamp_for("X=1\n", 1700000000 * s_sec));
    for (size_t n : { size_t(4), size_t(15), size_t(16), header_size - 1 }) {
        PycStatus st = classify_pyc(bytes_of(pyc.substr(0, n)), "m", nullptr);
        EXPECT_EQ(st.error, PycError::ShortHeader) << n;
        EXPECT_EQ(st.message, "reached EOF while reading pyc header of 'm'");
    }
    std::string bad = pyc;
    bad[4] = 4;
    PycStatus st = classify_pyc(bytes_of(bad), "m", nullptr);
    EXPECT_EQ(st.error, PycError::InvalidFlags);
    EXPECT_EQ(st.message, "invalid flags 4 in 'm'");
    EXPECT_FALSE(st.verbose);
    bad = pyc;
    bad[4] = 2; // check_source alone: a timestamp file (spec H2)
    EXPECT_TRUE(classify_pyc(bytes_of(bad), "m", nullptr).ok());
    bad = pyc;
    bad[16] ^= 1; // other format version
    EXPECT_EQ(classify_pyc(bytes_of(bad), "m", nullptr).error, PycError::BadExtension);
    bad = pyc;
    bad[20] |= 2; // unknown extension flag
    EXPECT_EQ(classify_pyc(bytes_of(bad), "m", nullptr).error, PycError::BadExtension);
}

TEST(ValidateTimestampPyc, MtimeThenSize)
{
    std::string pyc = code_to_timestamp_pyc(make_module_unit(), stamp_for("X=1\n", 1700000000 * s_sec));
    PycStatus st = validate_timestamp_pyc(bytes_of(pyc), 1700000001, 4, "m");
    EXPECT_EQ(st.error, PycError::StaleMtime);
    EXPECT_EQ(st.message, "bytecode is stale for 'm'");
    EXPECT_TRUE(st.verbose);
    st = validate_timestamp_pyc(bytes_of(pyc), 1700000000, 5, "m");
    EXPECT_EQ(st.error, PycError::StaleSize);
    EXPECT_FALSE(st.verbose);
    EXPECT_TRUE(validate_timestamp_pyc(bytes_of(pyc), 1700000000, std::nullopt, "m").ok());
    // K3/K4 at the CPython level: 32-bit fields wrap.
    EXPECT_TRUE(validate_timestamp_pyc(bytes_of(pyc), 1700000000 + (1ll << 32), 4 + (1ull << 32), "m").ok());
}

TEST(PythonIntMtime, MatchesCPythonDoubleRounding)
{
    EXPECT_EQ(python_int_mtime(1700000000 * s_sec + 999999999), 1700000001); // spec H3
    EXPECT_EQ(python_int_mtime(1700000000 * s_sec + 999999800), 1700000000);
    EXPECT_EQ(python_int_mtime(-1 * s_sec), -1);
    EXPECT_EQ(python_int_mtime(-s_sec / 2), 0);
    EXPECT_EQ(python_int_mtime(s_sec / 2), 0);
    EXPECT_EQ(static_cast<uint32_t>(python_int_mtime(-1 * s_sec)), 0xFFFFFFFFu);
}

TEST(IsRacy, RecentOrWholeSecondMtimes)
{
    int64_t now = 1800000000 * s_sec + 500;
    EXPECT_TRUE(is_racy(now - 1, now));
    EXPECT_TRUE(is_racy(now + 10 * s_sec, now)); // future mtime
    EXPECT_TRUE(is_racy(1700000000 * s_sec, now)); // no sub-second part
    EXPECT_FALSE(is_racy(now - 3 * s_sec, now));
}

TEST(CheckFreshness, TrustedStatNeedsNoRead)
{
    std::string text = "X = \"AAAA\"\n";
    SourceStamp s = stamp_for(text, 1700000000 * s_sec + 123);
    Header h = make_header(s, {}, std::nullopt, false);
    int reads = 0;
    auto reader = [&](std::string* out) {
        ++reads;
        *out = text;
        return true;
    };
    bool refresh = true;
    EXPECT_TRUE(check_freshness(h, s.stat, 1800000000 * s_sec, reader, "mod", &refresh).ok());
    EXPECT_EQ(reads, 0);
    EXPECT_FALSE(refresh);
    FileStat moved = s.stat;
    moved.mtime_ns += 1; // one nanosecond later: CPython would not notice
    PycStatus st = check_freshness(h, moved, 1800000000 * s_sec, reader, "mod", &refresh);
    EXPECT_EQ(st.error, PycError::StaleMtime);
    EXPECT_EQ(st.message, "bytecode is stale for 'mod'");
    moved = s.stat;
    moved.size += 1ull << 32; // K4
    EXPECT_EQ(check_freshness(h, moved, 1800000000 * s_sec, reader, "mod", &refresh).error, PycError::StaleSize);
    moved = s.stat;
    moved.mtime_ns += (1ll << 32) * s_sec; // K3
    EXPECT_EQ(check_freshness(h, moved, 1800000000 * s_sec, reader, "mod", &refresh).error, PycError::StaleMtime);
    EXPECT_EQ(reads, 0);
}

TEST(CheckFreshness, RacyEntryComparesContent_K1)
{
    // Written within 2 s of the source's mtime: the same-second same-size
    // rewrite of spec K1 keeps mtime and size (even ctime, in one tick).
    std::string v1 = "X = \"AAAA\"\n", v2 = "X = \"BBBB\"\n";
    int64_t mtime = 1700000000 * s_sec + 400;
    SourceStamp s = stamp_for(v1, mtime, is_racy(mtime, mtime + 1000));
    ASSERT_TRUE(s.racy);
    Header h = make_header(s, {}, std::nullopt, false);
    std::string current = v2;
    auto reader = [&](std::string* out) {
        *out = current;
        return true;
    };
    bool refresh = false;
    PycStatus st = check_freshness(h, s.stat, mtime + 2000, reader, "mod", &refresh);
    EXPECT_EQ(st.error, PycError::StaleContent);
    EXPECT_TRUE(st.verbose);
    current = v1;
    EXPECT_TRUE(check_freshness(h, s.stat, mtime + 2000, reader, "mod", &refresh).ok());
    EXPECT_FALSE(refresh); // still racy: a refresh would not help
    EXPECT_TRUE(check_freshness(h, s.stat, mtime + 10 * s_sec, reader, "mod", &refresh).ok());
    EXPECT_TRUE(refresh); // now old enough to be trusted after a rewrite
    auto failing = [](std::string*) { return false; };
    EXPECT_EQ(check_freshness(h, s.stat, mtime + 2000, failing, "mod", &refresh).error, PycError::StaleContent);
}

TEST(CheckFreshness, RestoredMtimeDetectedByCtimeAndInode_K2)
{
    std::string v1 = "X = \"v1-AAAA\"\n", v2 = "X = \"v2-BBBB\"\n";
    int64_t mtime = 1700000000 * s_sec + 77; // old, not racy
    SourceStamp s = stamp_for(v1, mtime, false);
    Header h = make_header(s, {}, std::nullopt, false);
    std::string current = v2;
    auto reader = [&](std::string* out) {
        *out = current;
        return true;
    };
    FileStat copied = s.stat; // `cp -p` / tar: same mtime and size, new ctime and inode
    copied.ctime_ns = 1800000000 * s_sec;
    copied.inode = 43;
    bool refresh = false;
    EXPECT_EQ(check_freshness(h, copied, 1800000001 * s_sec, reader, "mod", &refresh).error, PycError::StaleContent);
    current = v1; // the same content restored: a hit, and refresh the header
    EXPECT_TRUE(check_freshness(h, copied, 1800000001 * s_sec, reader, "mod", &refresh).ok());
    EXPECT_TRUE(refresh);
    FileStat other_dev = s.stat;
    other_dev.dev = 8;
    current = v2;
    EXPECT_EQ(check_freshness(h, other_dev, 1800000001 * s_sec, reader, "mod", &refresh).error, PycError::StaleContent);
}

TEST(BodyMatches, DetectsLengthAndChecksum)
{
    std::string pyc = code_to_timestamp_pyc(make_module_unit(), stamp_for("X=1\n", 1700000000 * s_sec));
    Header h;
    ASSERT_TRUE(classify_pyc(bytes_of(pyc), "m", &h).ok());
    std::string body = pyc.substr(header_size);
    EXPECT_TRUE(body_matches(h, bytes_of(body)));
    EXPECT_FALSE(body_matches(h, bytes_of(body.substr(1))));
    body[body.size() / 2] ^= 0x40;
    EXPECT_FALSE(body_matches(h, bytes_of(body)));
}

TEST(ForeignPyc, ReadsEveryLayout)
{
    // CPython 3.11 timestamp file of spec H8.
    std::string h311("\xa7\x0d\x0d\x0a\x00\x00\x00\x00\x00\xf1\x53\x65\x04\x00\x00\x00", 16);
    ForeignPycInfo i = read_pyc_header(bytes_of(h311));
    ASSERT_TRUE(i.ok);
    EXPECT_EQ(i.version, "3.11");
    EXPECT_EQ(i.layout, PycLayout::Pep552);
    EXPECT_EQ(*i.mtime, 1700000000u);
    EXPECT_EQ(*i.size, 4u);
    // Checked hash of "x = 1\n".
    std::string hash("\xa7\x0d\x0d\x0a\x03\x00\x00\x00\x4c\x03\x72\xaa\x93\xf7\x52\x52", 16);
    i = read_pyc_header(bytes_of(hash));
    ASSERT_TRUE(i.ok);
    EXPECT_TRUE(i.hash_based && i.check_source);
    EXPECT_EQ(*i.source_hash, source_hash(as_bytes(std::string("x = 1\n"))));
    // 3.6: 12 bytes.
    i = read_pyc_header(bytes_of(std::string("\x33\x0d\x0d\x0a\x01\x00\x00\x00\x02\x00\x00\x00", 12)));
    ASSERT_TRUE(i.ok);
    EXPECT_EQ(i.version, "3.6");
    EXPECT_EQ(i.layout, PycLayout::MagicMtimeSize);
    EXPECT_EQ(*i.size, 2u);
    // 2.7: 8 bytes.
    i = read_pyc_header(bytes_of(std::string("\x03\xf3\x0d\x0a\x01\x00\x00\x00", 8)));
    ASSERT_TRUE(i.ok);
    EXPECT_EQ(i.version, "2.7");
    EXPECT_EQ(i.layout, PycLayout::MagicMtime);
    EXPECT_FALSE(i.size.has_value());
    // Truncated and non-pyc input.
    EXPECT_FALSE(read_pyc_header(bytes_of(h311.substr(0, 12))).ok);
    EXPECT_FALSE(read_pyc_header(bytes_of(std::string("abcdefgh"))).ok);
    // Our own files.
    std::string ours = code_to_timestamp_pyc(make_module_unit(), stamp_for("X=1\n", 1700000000 * s_sec));
    i = read_pyc_header(bytes_of(ours));
    ASSERT_TRUE(i.ok);
    EXPECT_EQ(i.layout, PycLayout::Adder);
    EXPECT_EQ(i.header_size, header_size);
}

TEST(ForeignPyc, MagicTable)
{
    EXPECT_EQ(python_version_for_magic(3531), "3.12");
    EXPECT_EQ(python_version_for_magic(3571), "3.13");
    EXPECT_EQ(python_version_for_magic(3439), "3.10");
    EXPECT_EQ(python_version_for_magic(3480), "3.11 (pre-release?)");
    EXPECT_EQ(python_version_for_magic(1), "");
    EXPECT_EQ(header_size_for_magic(3392), 16u);
    EXPECT_EQ(header_size_for_magic(3379), 12u);
    EXPECT_EQ(header_size_for_magic(3180), 8u);
    EXPECT_EQ(header_size_for_magic(62211), 8u);
}
