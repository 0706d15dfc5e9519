// Round trips and hostile input for bytecode::serialize/deserialize.
#include "bytecode/serialize.h"

#include "cache_test_util.h"

#include <cmath>
#include <cstring>
#include <gtest/gtest.h>
#include <limits>

using namespace adder::bytecode;
using namespace adder::cache::testing;

namespace {

bool same_double(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool same_unit(const CodeUnit& a, const CodeUnit& b);

bool same_const(const Constant& a, const Constant& b)
{
    if (a.kind != b.kind || a.int_value != b.int_value || !same_double(a.real, b.real) || !same_double(a.imag, b.imag)
        || a.text != b.text || a.items.size() != b.items.size())
        return false;
    for (size_t i = 0; i < a.items.size(); ++i)
        if (!same_const(a.items[i], b.items[i]))
            return false;
    if (bool(a.code) != bool(b.code))
        return false;
    return !a.code || same_unit(*a.code, *b.code);
}

bool same_unit(const CodeUnit& a, const CodeUnit& b)
{
    if (a.name != b.name || a.qualname != b.qualname || a.filename != b.filename || a.firstlineno != b.firstlineno
        || a.argcount != b.argcount || a.posonlyargcount != b.posonlyargcount || a.kwonlyargcount != b.kwonlyargcount
        || a.flags != b.flags || a.stacksize != b.stacksize || a.code != b.code || a.names != b.names
        || a.localsplusnames != b.localsplusnames || a.localspluskinds != b.localspluskinds
        || a.positions.size() != b.positions.size() || a.exception_table.size() != b.exception_table.size()
        || a.consts.size() != b.consts.size())
        return false;
    for (size_t i = 0; i < a.positions.size(); ++i) {
        const Position &p = a.positions[i], &q = b.positions[i];
        if (p.lineno != q.lineno || p.end_lineno != q.end_lineno || p.col != q.col || p.end_col != q.end_col)
            return false;
    }
    for (size_t i = 0; i < a.exception_table.size(); ++i) {
        const ExceptionEntry &e = a.exception_table[i], &f = b.exception_table[i];
        if (e.start != f.start || e.end != f.end || e.target != f.target || e.depth != f.depth
            || e.push_lasti != f.push_lasti)
            return false;
    }
    for (size_t i = 0; i < a.consts.size(); ++i)
        if (!same_const(a.consts[i], b.consts[i]))
            return false;
    return true;
}

std::span<const uint8_t> bytes_of(const std::string& s) { return { reinterpret_cast<const uint8_t*>(s.data()), s.size() }; }

std::shared_ptr<CodeUnit> round_trip(const CodeUnit& u)
{
    std::string bytes = serialize(u);
    std::string error;
    auto back = deserialize(bytes_of(bytes), &error);
    EXPECT_TRUE(back.has_value()) << error;
    return back ? *back : nullptr;
}

CodeUnit make_rich_unit()
{
    CodeUnit u = make_module_unit();
    u.firstlineno = 100000;
    u.flags = CO_FUTURE_ANNOTATIONS | CO_NOFREE;
    u.filename = "/tmp/\xed\xb2\x80x.py"; // a surrogate-escaped byte
    Constant f, c, big, neg, s, b, t, fs, e, tr, fa;
    f.kind = Constant::Kind::Float;
    f.real = -0.0;
    c.kind = Constant::Kind::Complex;
    c.real = std::numeric_limits<double>::quiet_NaN();
    c.imag = std::numeric_limits<double>::infinity();
    big.kind = Constant::Kind::BigInt;
    big.text = "-123456789012345678901234567890";
    neg = make_int(std::numeric_limits<int64_t>::min());
    s = make_str("h\xc3\xa9llo \xf0\x9f\x90\x8d");
    b.kind = Constant::Kind::Bytes;
    b.text = std::string("\0\xff\x80", 3);
    t.kind = Constant::Kind::Tuple;
    t.items = { make_int(1), make_str("a"), make_none() };
    fs.kind = Constant::Kind::FrozenSet;
    fs.items = { t, make_int(std::numeric_limits<int64_t>::max()) };
    e.kind = Constant::Kind::Ellipsis;
    tr.kind = Constant::Kind::True;
    fa.kind = Constant::Kind::False;
    for (auto& k : { f, c, big, neg, s, b, t, fs, e, tr, fa })
        u.consts.push_back(k);
    u.positions[3] = { -1, -1, -1, -1 };
    u.positions[4] = { 7, 900, 2147483647, 0 };
    u.exception_table = { { 1, 3, 5, 0, false }, { 4, 6, 7, 1, true } };
    return u;
}

} // namespace

TEST(Serialize, RoundTripsModuleWithNestedCode)
{
    CodeUnit u = make_module_unit();
    auto back = round_trip(u);
    ASSERT_TRUE(back);
    EXPECT_TRUE(same_unit(u, *back));
}

TEST(Serialize, RoundTripsEveryConstantKindAndOddPositions)
{
    CodeUnit u = make_rich_unit();
    auto back = round_trip(u);
    ASSERT_TRUE(back);
    EXPECT_TRUE(same_unit(u, *back));
}

TEST(Serialize, RoundTripsLocalsAndExceptionTable)
{
    CodeUnit u = make_loop_unit();
    u.localsplusnames = { "a", "b", "c" };
    u.localspluskinds = { CO_FAST_LOCAL, CO_FAST_LOCAL | CO_FAST_CELL, CO_FAST_FREE };
    u.argcount = 1;
    u.posonlyargcount = 1;
    u.kwonlyargcount = 1;
    auto back = round_trip(u);
    ASSERT_TRUE(back);
    EXPECT_TRUE(same_unit(u, *back));
}

TEST(Serialize, IsDeterministic)
{
    CodeUnit a = make_rich_unit();
    CodeUnit b = make_rich_unit();
    EXPECT_EQ(serialize(a), serialize(b));
    auto back = round_trip(a);
    ASSERT_TRUE(back);
    EXPECT_EQ(serialize(a), serialize(*back));
}

TEST(Serialize, IsCompact)
{
    // Eight instructions with small operands and one line each: a few bytes
    // per instruction, not 4 + 16.
    CodeUnit u = make_module_unit();
    EXPECT_LT(serialize(u).size(), 200u);
}

TEST(Deserialize, RejectsEveryTruncation)
{
    std::string bytes = serialize(make_rich_unit());
    for (size_t n = 0; n < bytes.size(); ++n) {
        std::string error;
        EXPECT_FALSE(deserialize(bytes_of(bytes.substr(0, n)), &error).has_value()) << n;
        EXPECT_FALSE(error.empty());
    }
}

TEST(Deserialize, RejectsTrailingBytes)
{
    std::string bytes = serialize(make_module_unit()) + "x";
    std::string error;
    EXPECT_FALSE(deserialize(bytes_of(bytes), &error).has_value());
    EXPECT_EQ(error, "trailing bytes after code");
}

TEST(Deserialize, RejectsWrongMagicAndVersion)
{
    std::string bytes = serialize(make_module_unit());
    std::string bad = bytes;
    bad[0] = 'X';
    EXPECT_FALSE(deserialize(bytes_of(bad), nullptr).has_value());
    bad = bytes;
    bad[4] = static_cast<char>(format_version + 1);
    std::string error;
    EXPECT_FALSE(deserialize(bytes_of(bad), &error).has_value());
    EXPECT_EQ(error, "format version mismatch");
}

TEST(Deserialize, RejectsHugeCountsWithoutAllocating)
{
    // Header, then a name string claiming 2**60 bytes.
    std::string bytes = "AdBc";
    bytes += static_cast<char>(format_version);
    std::string v = "\xff\xff\xff\xff\xff\xff\xff\xff\x0f";
    bytes += v;
    std::string error;
    EXPECT_FALSE(deserialize(bytes_of(bytes), &error).has_value());
    EXPECT_EQ(error, "bad string length");
}

TEST(Deserialize, RejectsOverlongVarint)
{
    std::string bytes = "AdBc";
    bytes += std::string(11, '\x80');
    bytes += '\x01';
    std::string error;
    EXPECT_FALSE(deserialize(bytes_of(bytes), &error).has_value());
}

TEST(Deserialize, CapsNestingDepth)
{
    // A tuple nested deeper than serialize_max_depth.
    Constant c = make_int(1);
    for (int i = 0; i < serialize_max_depth + 5; ++i) {
        Constant t;
        t.kind = Constant::Kind::Tuple;
        t.items = { c };
        c = t;
    }
    CodeUnit u = make_module_unit();
    u.consts.push_back(c);
    std::string error;
    EXPECT_FALSE(deserialize(bytes_of(serialize(u)), &error).has_value());
    EXPECT_EQ(error, "constants nested too deeply");
}

TEST(Deserialize, RejectsExceptionEntryOutsideCode)
{
    CodeUnit u = make_loop_unit();
    u.exception_table[0].target = 12; // == code size
    std::string error;
    EXPECT_FALSE(deserialize(bytes_of(serialize(u)), &error).has_value());
    EXPECT_EQ(error, "exception target out of range");
}

TEST(Deserialize, RejectsUnknownConstantKind)
{
    CodeUnit u;
    u.consts = { make_none() };
    std::string bytes = serialize(u);
    // The constant kind byte is the one before the five zero counts at the
    // end (names, locals, words, positions, exception entries).
    bytes[bytes.size() - 6] = 99;
    std::string error;
    EXPECT_FALSE(deserialize(bytes_of(bytes), &error).has_value());
    EXPECT_EQ(error, "unknown constant kind");
}

// Loaded positions stay packed until read (PositionTable): the size is known
// without decoding, the decoded values match, and re-serializing a still
// packed unit gives the same bytes.
TEST(Serialize, LoadedPositionsDecodeLazilyAndReserializeIdentically)
{
    CodeUnit u = make_rich_unit();
    std::string bytes = serialize(u);
    auto back = deserialize(bytes_of(bytes), nullptr);
    ASSERT_TRUE(back);
    const PositionTable& pos = (*back)->positions;
    EXPECT_FALSE(pos.packed().empty());
    EXPECT_EQ(pos.size(), u.positions.size());
    EXPECT_EQ(serialize(**back), bytes);
    EXPECT_TRUE(same_unit(u, **back)); // decodes
    EXPECT_TRUE(pos.packed().empty());
    EXPECT_EQ(serialize(**back), bytes);
}

// A crafted position section (in range for the reader, not for int32) decodes
// to -1 entries rather than failing or overflowing.
TEST(Serialize, PackedPositionsOutOfRangeBecomeUnknown)
{
    PositionTable t;
    // Line delta +2^40 (zigzag: 2^41), then three zero varints.
    std::string packed = { char(0x80), char(0x80), char(0x80), char(0x80), char(0x80), char(0x40), 0, 0, 0 };
    t.set_packed(packed, 1, 5);
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].lineno, -1);
    EXPECT_EQ(t[0].col, 0);
    // Truncated bytes: every entry still exists.
    PositionTable short_table;
    short_table.set_packed(std::string(1, char(0x02)), 3, 1);
    ASSERT_EQ(short_table.size(), 3u);
    EXPECT_EQ(short_table[0].lineno, 2);
}
