// Numeric and str/bytes hashes against CPython 3.11 (gen_data.py; str hashes under several PYTHONHASHSEEDs).
#include "numeric/hash.h"

#include "data_file.h"

using namespace adder::numeric;
using namespace adder::testdata;

TEST(Hash, Ints)
{
    for (auto& r : read_rows("numeric", "hash_int.txt")) {
        BigInt v;
        ASSERT_EQ(BigInt::parse(r[0], 10, v, 0), ParseIntStatus::Ok);
        EXPECT_EQ(std::to_string(hash_bigint(v)), r[1]) << r[0];
        if (v.fits_int64()) {
            EXPECT_EQ(std::to_string(hash_int64(v.to_int64())), r[1]);
        }
    }
}

TEST(Hash, Floats)
{
    for (auto& r : read_rows("numeric", "hash_float.txt"))
        EXPECT_EQ(std::to_string(hash_double(double_from_bits(r[0]))), r[1]) << r[0];
}

TEST(Hash, Complex)
{
    for (auto& r : read_rows("numeric", "hash_complex.txt")) {
        HashValue h = hash_complex(hash_double(double_from_bits(r[0])), hash_double(double_from_bits(r[1])));
        EXPECT_EQ(std::to_string(h), r[2]);
    }
}

TEST(Hash, Rational)
{
    // hash(Fraction(n, d)) == hash(n / d) when exact; hash(1/2) == hash(0.5).
    EXPECT_EQ(hash_rational(BigInt(1), BigInt(2)), hash_double(0.5));
    EXPECT_EQ(hash_rational(BigInt(-3), BigInt(8)), hash_double(-0.375));
    EXPECT_EQ(hash_rational(BigInt(-1), BigInt(1)), -2);
}

TEST(Hash, StrAndBytesWithSeeds)
{
    for (auto& r : read_rows("numeric", "hash_str.txt")) {
        HashKey key = hash_key_from_seed(static_cast<uint32_t>(std::stoul(r[0])));
        std::string text = unhex(r[1]);
        EXPECT_EQ(std::to_string(hash_str(key, text)), r[2]) << "seed " << r[0] << " text " << r[1];
        EXPECT_EQ(std::to_string(hash_bytes(key, text)), r[3]) << "seed " << r[0] << " bytes " << r[1];
    }
}
