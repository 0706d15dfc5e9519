// Thousands of random mutations of valid bodies and cache files: every one
// must be rejected cleanly or load as a unit that verifies; none may crash
// (run under ASan/UBSan in the fuzz build for the stronger guarantee).
#include "bytecode/serialize.h"
#include "bytecode/verify.h"
#include "cache/header.h"
#include "cache/pyc_cache.h"
#include "cache/source_hash.h"

#include "cache_test_util.h"

#include <gtest/gtest.h>
#include <random>

using namespace adder::bytecode;
using namespace adder::cache;
using namespace adder::cache::testing;

namespace {

std::string mutate(std::string s, std::mt19937& rng)
{
    int n = 1 + rng() % 4;
    for (int k = 0; k < n; ++k) {
        size_t size = s.size();
        switch (rng() % 6) {
        case 0:
            if (size)
                s[rng() % size] ^= static_cast<char>(1u << (rng() % 8));
            break;
        case 1:
            if (size)
                s[rng() % size] = static_cast<char>(rng());
            break;
        case 2:
            s.insert(s.begin() + (size ? rng() % size : 0), static_cast<char>(rng()));
            break;
        case 3:
            if (size)
                s.erase(s.begin() + rng() % size);
            break;
        case 4:
            if (size)
                s.resize(rng() % size);
            break;
        case 5:
            if (size) {
                size_t at = rng() % size;
                s[at] = static_cast<char>(std::vector<int> { 0, 0x7F, 0x80, 0xFF }[rng() % 4]);
            }
            break;
        }
    }
    return s;
}

} // namespace

TEST(Mutation, RandomBodiesNeverCrashDeserializeOrVerify)
{
    std::mt19937 rng(12345);
    std::vector<std::string> seeds = { serialize(make_module_unit()), serialize(make_loop_unit()) };
    int accepted = 0, verified = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string m = mutate(seeds[i % seeds.size()], rng);
        auto unit = deserialize(as_bytes(m), nullptr);
        if (!unit)
            continue;
        ++accepted;
        std::string error;
        if (verify(**unit, &error))
            ++verified;
        else
            EXPECT_FALSE(error.empty());
    }
    // Some mutations (e.g. of a line number) stay valid; most do not.
    EXPECT_GT(accepted, 0);
    EXPECT_LT(verified, 4000);
}

TEST(Mutation, RandomCacheFilesAreMissesOrValidHits)
{
    TempDir dir;
    std::string src = dir / "mod.py";
    write_text(src, "X = 1\n");
    PycCache cache;
    LoadState st;
    ASSERT_EQ(cache.load({ "mod", src }, &st, nullptr), nullptr);
    cache.store({ "mod", src }, st, make_loop_unit(), "X = 1\n", nullptr);
    std::string cpath = *st.cache_path;
    std::string good = read_text(cpath);
    std::mt19937 rng(777);
    int hits = 0;
    for (int i = 0; i < 600; ++i) {
        std::string m = mutate(good, rng);
        // Half the time re-seal the body so the mutation reaches the decoder.
        if (i % 2 == 0 && m.size() >= header_size) {
            Header h;
            if (classify_pyc(as_bytes(m), "mod", &h).ok()) {
                auto body = as_bytes(m).subspan(header_size);
                h.body_length = body.size();
                h.body_checksum = content_hash(body);
                m = encode_header(h) + m.substr(header_size);
            }
        }
        write_text(cpath, m);
        auto code = cache.load({ "mod", src }, &st, nullptr);
        if (code) {
            ++hits;
            EXPECT_TRUE(verify(*code, nullptr));
        }
    }
    EXPECT_LT(hits, 600);
}
