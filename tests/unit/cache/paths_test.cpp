// Cache path rules of spec §2 (P1-P10). Expected values were produced by
// python3.11's importlib.util with sys.implementation.cache_tag = 'adder-311'.
#include "cache/paths.h"

#include <gtest/gtest.h>

using namespace adder::cache;

namespace {

struct ForwardCase {
    const char* source;
    const char* optimization;
    std::optional<std::string> prefix;
    const char* cwd;
    bool ok;
    const char* expected; // path, or ValueError text
};

const ForwardCase s_forward[] = {
    { "/a/b/mod.py", "", std::nullopt, "/tmp/w", true, R"(/a/b/__pycache__/mod.adder-311.pyc)" },
    { "rel/mod.py", "", std::nullopt, "/tmp/w", true, R"(rel/__pycache__/mod.adder-311.pyc)" },
    { "/a/b/pkg/__init__.py", "", std::nullopt, "/tmp/w", true, R"(/a/b/pkg/__pycache__/__init__.adder-311.pyc)" },
    { "/tmp/x.tar.py", "", std::nullopt, "/tmp/w", true, R"(/tmp/__pycache__/x.tar.adder-311.pyc)" },
    { "/a/noext", "", std::nullopt, "/tmp/w", true, R"(/a/__pycache__/noextadder-311.pyc)" },
    { "/a/.py", "", std::nullopt, "/tmp/w", true, R"(/a/__pycache__/py.adder-311.pyc)" },
    { "mod.py", "", std::nullopt, "/tmp/w", true, R"(__pycache__/mod.adder-311.pyc)" },
    { "/mod.py", "", std::nullopt, "/tmp/w", true, R"(__pycache__/mod.adder-311.pyc)" },
    { "/a/b/mod.py", "1", std::nullopt, "/tmp/w", true, R"(/a/b/__pycache__/mod.adder-311.opt-1.pyc)" },
    { "/a/b/mod.py", "2", std::nullopt, "/tmp/w", true, R"(/a/b/__pycache__/mod.adder-311.opt-2.pyc)" },
    { "/a/b/mod.py", "3", std::nullopt, "/tmp/w", true, R"(/a/b/__pycache__/mod.adder-311.opt-3.pyc)" },
    { "/a/b/mod.py", "0", std::nullopt, "/tmp/w", true, R"(/a/b/__pycache__/mod.adder-311.opt-0.pyc)" },
    { "/a/b/mod.py", "abc", std::nullopt, "/tmp/w", true, R"(/a/b/__pycache__/mod.adder-311.opt-abc.pyc)" },
    { "/a/b/mod.py", "a-b", std::nullopt, "/tmp/w", false, R"('a-b' is not alphanumeric)" },
    { "/a/b/mod.py", "", "/tmp/pfx", "/tmp/w", true, R"(/tmp/pfx/a/b/mod.adder-311.pyc)" },
    { "/a/b/mod.py", "", "/tmp/pfx/", "/tmp/w", true, R"(/tmp/pfx/a/b/mod.adder-311.pyc)" },
    { "mod.py", "", "/tmp/pfx", "/tmp/w", true, R"(/tmp/pfx/tmp/w/mod.adder-311.pyc)" },
    { "./mod.py", "", "/tmp/pfx", "/tmp/w", true, R"(/tmp/pfx/tmp/w/./mod.adder-311.pyc)" },
    { "/a/b/mod.py", "", "rel/pfx", "/tmp/w", true, R"(rel/pfx/a/b/mod.adder-311.pyc)" },
    { "sub/mod.py", "1", "/tmp/pfx", "/tmp/w/x", true, R"(/tmp/pfx/tmp/w/x/sub/mod.adder-311.opt-1.pyc)" },
    { "/a//b/mod.py", "", std::nullopt, "/tmp/w", true, R"(/a//b/__pycache__/mod.adder-311.pyc)" },
    { "/a/b/", "", std::nullopt, "/tmp/w", true, R"(/a/b/__pycache__/adder-311.pyc)" },
};

struct ReverseCase {
    const char* cache;
    std::optional<std::string> prefix;
    bool ok;
    const char* expected;
};

const ReverseCase s_reverse[] = {
    { "/a/b/__pycache__/mod.adder-311.pyc", std::nullopt, true, R"(/a/b/mod.py)" },
    { "/a/__pycache__/m.pypy39.pyc", std::nullopt, true, R"(/a/m.py)" },
    { "/a/b/mod.adder-311.pyc", std::nullopt, false, R"(__pycache__ not bottom-level directory in '/a/b/mod.adder-311.pyc')" },
    { "/a/__pycache__/m.pyc", std::nullopt, false, R"(expected only 2 or 3 dots in 'm.pyc')" },
    { "/a/__pycache__/x.tar.adder-311.pyc", std::nullopt, false, R"(optimization portion of filename does not start with 'opt-')" },
    { "/a/__pycache__/m.adder-311.opt-1.pyc", std::nullopt, true, R"(/a/m.py)" },
    { "/a/__pycache__/m.adder-311.o-1.pyc", std::nullopt, false, R"(optimization portion of filename does not start with 'opt-')" },
    { "/a/__pycache__/m.adder-311.opt-a_b.pyc", std::nullopt, false, R"(optimization level 'opt-a_b' is not an alphanumeric value)" },
    { "/tmp/pfx/a/b/mod.adder-311.pyc", "/tmp/pfx", true, R"(/a/b/mod.py)" },
    { "/tmp/pfx/a/b/mod.adder-311.pyc", "/tmp/pfx/", true, R"(/a/b/mod.py)" },
    { "/tmp/other/a/mod.adder-311.pyc", "/tmp/pfx", false, R"(__pycache__ not bottom-level directory in '/tmp/other/a/mod.adder-311.pyc')" },
    { "__pycache__/m.adder-311.pyc", std::nullopt, true, R"(m.py)" },
    { "m.adder-311.pyc", std::nullopt, false, R"(__pycache__ not bottom-level directory in 'm.adder-311.pyc')" },
    { "/a/__pycache__/m.adder-311.opt-.pyc", std::nullopt, false, R"(optimization level 'opt-' is not an alphanumeric value)" },
};

} // namespace

TEST(CacheFromSource, MatchesCPythonForEveryRule)
{
    for (const ForwardCase& c : s_forward) {
        PathResult r = cache_from_source(c.source, c.optimization, c.prefix, c.cwd);
        EXPECT_EQ(r.ok, c.ok) << c.source;
        EXPECT_EQ(r.ok ? r.path : r.error, c.expected) << c.source << " opt=" << c.optimization;
    }
}

TEST(SourceFromCache, MatchesCPythonForEveryRule)
{
    for (const ReverseCase& c : s_reverse) {
        PathResult r = source_from_cache(c.cache, c.prefix);
        EXPECT_EQ(r.ok, c.ok) << c.cache;
        EXPECT_EQ(r.ok ? r.path : r.error, c.expected) << c.cache;
    }
}

TEST(CacheFromSource, OptimizationLevelNaming)
{
    EXPECT_EQ(optimization_for_level(0), "");
    EXPECT_EQ(optimization_for_level(1), "1");
    EXPECT_EQ(optimization_for_level(3), "3");
}

TEST(CacheFromSource, RoundTripsThroughSourceFromCache)
{
    for (const char* src : { "/a/b/mod.py", "/x/__init__.py" }) {
        for (int level : { 0, 1, 2 }) {
            PathResult c = cache_from_source(src, optimization_for_level(level), std::nullopt, "/");
            ASSERT_TRUE(c.ok);
            PathResult s = source_from_cache(c.path, std::nullopt);
            ASSERT_TRUE(s.ok) << s.error;
            EXPECT_EQ(s.path, src);
        }
    }
    PathResult c = cache_from_source("/a/b/mod.py", "", std::string("/p"), "/");
    EXPECT_EQ(source_from_cache(c.path, std::string("/p")).path, "/a/b/mod.py");
}

TEST(CalcMode, FollowsRuleW6)
{
    EXPECT_EQ(calc_mode(0100644), 0644u);
    EXPECT_EQ(calc_mode(0100755), 0644u);
    EXPECT_EQ(calc_mode(0100600), 0600u);
    EXPECT_EQ(calc_mode(0100444), 0644u);
    EXPECT_EQ(calc_mode(0100400), 0600u);
    EXPECT_EQ(calc_mode(0100777), 0666u);
    EXPECT_EQ(calc_mode(0104755), 0644u);
    EXPECT_EQ(calc_mode(0101777), 0666u);
    EXPECT_EQ(calc_mode(std::nullopt), 0666u);
}

TEST(PathJoin, DropsEmptyPartsAndTrailingSeparators)
{
    EXPECT_EQ(path_join({ "/tmp/pfx/", "a", "b.pyc" }), "/tmp/pfx/a/b.pyc");
    EXPECT_EQ(path_join({ "", "__pycache__", "m.pyc" }), "__pycache__/m.pyc");
    EXPECT_EQ(path_join({ "/", "a" }), "/a");
    EXPECT_EQ(path_split("/a/b").first, "/a");
    EXPECT_EQ(path_split("b").first, "");
}
