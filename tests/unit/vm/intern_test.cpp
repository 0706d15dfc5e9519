// Unit tests for the str intern table (objects/str.cpp): one object per
// text across both Str::intern overloads, empty and one-char strings,
// non-ASCII and embedded-NUL names, growth far past the pre-sized capacity,
// survival across collections (the table is a GC root) and sys.intern /
// identity semantics seen from Python.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adder/adder.h"
#include "compiler/compiler.h"
#include "gc/heap.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "runtime/runtime.h"
#include "vm/interp.h"

#include "../runtime_harness.h"

using namespace adder;
using adder::test::eval_r;
using adder::test::start_runtime;

TEST(Intern, SameTextSameObject)
{
    start_runtime();
    Str* a = Str::intern("intern_test_name");
    Str* b = Str::intern(std::string("intern_test_") + "name");
    EXPECT_EQ(a, b);
    EXPECT_TRUE(a->is_interned());
    EXPECT_EQ(a->view(), "intern_test_name");
    EXPECT_NE(Str::intern("intern_test_other"), a);
}

TEST(Intern, StrOverloadAdoptsOrReturnsCanonical)
{
    start_runtime();
    Str* fresh = Str::create(std::string("intern_adopt_") + "me");
    EXPECT_FALSE(fresh->is_interned());
    Str* canon = Str::intern(fresh);
    EXPECT_EQ(canon, fresh); // first of its text: interned in place
    EXPECT_TRUE(fresh->is_interned());
    Str* copy = Str::create(std::string("intern_adopt_") + "me");
    EXPECT_NE(copy, fresh);
    EXPECT_EQ(Str::intern(copy), fresh);
    EXPECT_FALSE(copy->is_interned());
    EXPECT_EQ(Str::intern(std::string_view("intern_adopt_me")), fresh);
}

TEST(Intern, EmptyOneCharNonAsciiAndNul)
{
    start_runtime();
    EXPECT_EQ(Str::intern(""), Str::empty());
    EXPECT_EQ(Str::intern(Str::create("")), Str::empty());
    EXPECT_EQ(Str::intern("q"), Str::create("q"));
    Str* e = Str::intern("\xc3\xa9t\xc3\xa9"); // "été"
    EXPECT_EQ(e, Str::intern(std::string("\xc3\xa9t\xc3\xa9")));
    EXPECT_EQ(e->length(), 3u);
    EXPECT_FALSE(e->is_ascii());
    Str* nul = Str::intern(std::string_view("a\0b", 3));
    EXPECT_EQ(nul, Str::intern(std::string_view("a\0b", 3)));
    EXPECT_NE(nul, Str::intern("a"));
    EXPECT_EQ(nul->byte_size(), 3u);
}

TEST(Intern, LengthsAroundHashBlockSizes)
{
    // The table hash reads 1-3, 4-7, 8-16 and >16 bytes differently; names
    // that differ in one byte at any position must stay distinct.
    start_runtime();
    for (size_t n = 1; n <= 40; ++n) {
        std::string base(n, 'k');
        Str* s = Str::intern(base);
        for (size_t i = 0; i < n; ++i) {
            std::string other = base;
            other[i] = 'z';
            Str* t = Str::intern(other);
            ASSERT_NE(s, t) << n << " " << i;
            ASSERT_EQ(t->view(), other);
        }
        ASSERT_EQ(Str::intern(base), s);
    }
}

TEST(Intern, GrowsAndSurvivesCollections)
{
    start_runtime();
    // Far more names than the initial capacity: forces several rehashes.
    constexpr int n = 40000;
    std::vector<Str*> first;
    first.reserve(n);
    for (int i = 0; i < n; ++i)
        first.push_back(Str::intern("grow_name_" + std::to_string(i)));
    gc::heap().collect();
    for (int i = 0; i < n; ++i) {
        Str* again = Str::intern("grow_name_" + std::to_string(i));
        ASSERT_EQ(again, first[i]) << i;
        ASSERT_EQ(again->view(), "grow_name_" + std::to_string(i));
    }
}

TEST(Intern, PythonLevelIdentity)
{
    EXPECT_EQ(eval_r("import sys\n"
                     "a = ''.join(['in', 'tern_py'])\n"
                     "b = sys.intern(a)\n"
                     "r = (b is sys.intern('intern' + '_py'), b == a, sys.intern(b) is b)\n"),
              "(True, True, True)");
    // Identifier-like constants and attribute names share one object.
    EXPECT_EQ(eval_r("class C:\n"
                     "    spam_attr = 1\n"
                     "r = ([k for k in C.__dict__ if k.startswith('spam')][0] is 'spam_attr', 'ab_c' is 'ab' + '_c')\n"),
              "(True, True)");
    EXPECT_EQ(eval_r("import sys\nsys.intern(1)"), "TypeError: intern() argument must be str, not int");
}

TEST(Utf8, AsciiNameChars)
{
    EXPECT_TRUE(is_ascii_name_chars("abc_XYZ_019"));
    EXPECT_TRUE(is_ascii_name_chars(""));
    EXPECT_FALSE(is_ascii_name_chars("a b"));
    EXPECT_FALSE(is_ascii_name_chars("a-b"));
    EXPECT_FALSE(is_ascii_name_chars("\xc3\xa9"));
    EXPECT_FALSE(is_ascii_name_chars(std::string_view("a\0", 2)));
}
