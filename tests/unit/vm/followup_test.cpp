// Unit tests for the VM follow-up: int()/float()/complex()/str() text
// parsing through the library helpers, NFKC identifier normalisation,
// compile()'s null-byte and SyntaxWarning-as-error handling, and closing of
// unreachable suspended generators by gc.collect().
#include <gtest/gtest.h>

#include "adder/adder.h"
#include "compiler/compiler.h"
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

TEST(FollowUp, TextParsingUsesLibraryHelpers)
{
    EXPECT_EQ(eval_r("r = (int('\\u0663'), int(' 0x_1f ', 0), float(' 1_0.5 '), complex('(1+2j)'), str(b'\\xe9', 'latin-1'))"),
              "(3, 31, 10.5, (1+2j), 'é')");
    EXPECT_EQ(eval_r("r = complex(1e300, -0.0), (1+2j) ** 2"), "((1e+300-0j), (-3+4j))");
    EXPECT_EQ(eval_r("int('1__0')"), "ValueError: invalid literal for int() with base 10: '1__0'");
    EXPECT_EQ(eval_r("complex('1+')"), "ValueError: complex() arg is a malformed string");
    EXPECT_EQ(eval_r("complex('1', 2)"), "TypeError: complex() can't take second arg if first is a string");
}

TEST(FollowUp, IdentifiersAreNfkcNormalised)
{
    EXPECT_EQ(eval_r("\xef\xac\x81 = 3\nr = fi"), "3"); // U+FB01 LATIN SMALL LIGATURE FI
}

TEST(FollowUp, CompileErrorsAndWarnings)
{
    EXPECT_EQ(eval_r("compile('a\\0', 'f', 'exec')"), "ValueError: source code string cannot contain null bytes");
    EXPECT_EQ(eval_r("import warnings\n"
                     "with warnings.catch_warnings():\n"
                     "    warnings.simplefilter('error')\n"
                     "    try:\n"
                     "        compile('x = 1 is 1', 'f.py', 'exec')\n"
                     "    except SyntaxError as e:\n"
                     "        r = (e.msg, e.lineno)\n"),
              "('\"is\" with a literal. Did you mean \"==\"?', 1)");
}

TEST(FollowUp, GcCollectClosesUnreachableSuspendedGenerators)
{
    EXPECT_EQ(eval_r("import gc\n"
                     "log = []\n"
                     "def g(i):\n"
                     "    try:\n"
                     "        yield i\n"
                     "    finally:\n"
                     "        log.append(i)\n"
                     "def make():\n"
                     "    for i in range(50):\n"
                     "        it = g(i)\n"
                     "        next(it)\n"
                     "make()\n"
                     "gc.collect()\n"
                     "r = len(log) >= 45 and len(set(log)) == len(log)\n"),
              "True");
}

TEST(FollowUp, MemoryViewWritesThroughAndCasts)
{
    EXPECT_EQ(eval_r("b = bytearray(b'abcdefgh')\n"
                     "m = memoryview(b)\n"
                     "m[0] = ord('X')\n"
                     "m[1:3] = b'YZ'\n"
                     "r = (bytes(b), m[3], m[2:4].tobytes(), bytes(m[::2]), m.cast('I').tolist()[1], m.readonly)\n"),
              "(b'XYZdefgh', 100, b'Zd', b'XZeg', 1751606885, False)");
    EXPECT_EQ(eval_r("memoryview(b'ab')[0] = 1"), "TypeError: cannot modify read-only memory");
}

TEST(FollowUp, SlotWrapperOfAnotherSlotAndTypeDoc)
{
    // enum's ReprEnum does `cls.__str__ = int.__repr__`; dataclasses set cls.__doc__.
    EXPECT_EQ(eval_r("class I(int): pass\n"
                     "I.__str__ = int.__repr__\n"
                     "I.__repr__ = lambda self: 'I!'\n"
                     "I.__doc__ = 'doc'\n"
                     "r = (str(I(6)), repr(I(6)), I.__doc__)\n"),
              "('6', 'I!', 'doc')");
    EXPECT_EQ(eval_r("int.__doc__ = 'x'"), "TypeError: cannot set '__doc__' attribute of immutable type 'int'");
}

TEST(FollowUp, GcCollectRunsDelOfUnreachableInstancesOnce)
{
    EXPECT_EQ(eval_r("import gc\n"
                     "log = []\n"
                     "class A:\n"
                     "    def __del__(self):\n"
                     "        log.append(self.n)\n"
                     "def make():\n"
                     "    for i in range(20):\n"
                     "        a = A(); a.n = i; b = A(); b.n = -i - 1; a.peer = b; b.peer = a\n"
                     "make()\n"
                     "gc.collect()\n"
                     "gc.collect()\n"
                     "r = len(log) >= 30 and len(set(log)) == len(log)\n"),
              "True");
}
