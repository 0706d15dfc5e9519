// bytecode::verify on hand-made valid and invalid CodeUnits.
#include "bytecode/verify.h"

#include "cache_test_util.h"

#include <gtest/gtest.h>

using namespace adder::bytecode;
using namespace adder::cache::testing;

namespace {

// Expects verify() to fail with a message containing `fragment`.
void expect_rejected(const CodeUnit& u, const std::string& fragment)
{
    std::string error;
    EXPECT_FALSE(verify(u, &error));
    EXPECT_NE(error.find(fragment), std::string::npos) << "error was: " << error;
}

} // namespace

TEST(Verify, AcceptsValidUnits)
{
    std::string error;
    EXPECT_TRUE(verify(make_module_unit(), &error)) << error;
    EXPECT_TRUE(verify(make_loop_unit(), &error)) << error;
    EXPECT_TRUE(verify(*make_function_unit(), &error)) << error;
}

TEST(Verify, RejectsInvalidOpcode)
{
    CodeUnit u = make_module_unit();
    u.code[1] = 0xFF;
    expect_rejected(u, "invalid opcode 255");
}

TEST(Verify, RejectsEmptyCodeAndMissingTerminator)
{
    CodeUnit u = make_module_unit();
    u.code.clear();
    u.positions.clear();
    expect_rejected(u, "empty code");
    u = make_module_unit();
    u.code.back() = make_word(Opcode::NOP, 0);
    expect_rejected(u, "not a terminator");
}

TEST(Verify, RejectsPositionsSizeMismatch)
{
    CodeUnit u = make_module_unit();
    u.positions.pop_back();
    expect_rejected(u, "positions size");
}

TEST(Verify, ChecksOperandRanges)
{
    CodeUnit u = make_module_unit();
    u.code[1] = make_word(Opcode::LOAD_CONST, 3);
    expect_rejected(u, "constant index out of range");

    u = make_module_unit();
    u.code[2] = make_word(Opcode::STORE_NAME, 2);
    expect_rejected(u, "name index out of range");

    CodeUnit f = *make_function_unit();
    f.code[1] = make_word(Opcode::LOAD_FAST, 1);
    expect_rejected(f, "local index out of range");

    u = make_module_unit();
    u.code[1] = make_word(Opcode::LOAD_GLOBAL, 4); // names[2]
    expect_rejected(u, "global name index out of range");
    u.code[1] = make_word(Opcode::LOAD_GLOBAL, 3); // names[1], push NULL: needs stack 2
    expect_rejected(u, "exceeds stacksize");
    u.stacksize = 2;
    u.code[2] = make_word(Opcode::POP_TOP, 0);
    u.code[3] = make_word(Opcode::POP_TOP, 0);
    u.code[4] = make_word(Opcode::NOP, 0);
    u.code[5] = make_word(Opcode::NOP, 0);
    std::string error;
    EXPECT_TRUE(verify(u, &error)) << error;

    f = *make_function_unit();
    f.code[3] = make_word(Opcode::BINARY_OP, 26);
    expect_rejected(f, "unknown binary operator");
    f.code[3] = make_word(Opcode::COMPARE_OP, 6);
    expect_rejected(f, "unknown comparison");
}

TEST(Verify, FreeOperandsMustNameCells)
{
    CodeUnit f = *make_function_unit();
    f.code[1] = make_word(Opcode::LOAD_DEREF, 0);
    expect_rejected(f, "not a cell or free variable");
    f.localspluskinds[0] = CO_FAST_LOCAL | CO_FAST_CELL;
    std::string error;
    EXPECT_TRUE(verify(f, &error)) << error;
}

TEST(Verify, ChecksCountOperands)
{
    CodeUnit f = *make_function_unit();
    f.code[2] = make_word(Opcode::COPY, 0);
    expect_rejected(f, "must be >= 1");
    f.code[2] = make_word(Opcode::COPY, 1);
    std::string error;
    EXPECT_TRUE(verify(f, &error)) << error;
    f.code[0] = make_word(Opcode::RESUME, 4);
    expect_rejected(f, "must be <= 3");
}

TEST(Verify, JumpTargetsMustBeInRangeAndOnBoundaries)
{
    CodeUnit u = make_loop_unit();
    u.code[5] = make_word(Opcode::JUMP, 12);
    expect_rejected(u, "jump target not on an instruction boundary");

    // EXTENDED_ARG 0 + STORE_NAME 1 at 4-5: jumping to 5 lands after a prefix.
    u = make_loop_unit();
    u.code.insert(u.code.begin() + 4, make_word(Opcode::EXTENDED_ARG, 0));
    u.positions.insert(u.positions.begin() + 4, Position {});
    u.code[3] = make_word(Opcode::FOR_ITER, 7);
    u.code[6] = make_word(Opcode::JUMP, 3);
    u.exception_table = { { 7, 10, 10, 0, true } };
    std::string error;
    EXPECT_TRUE(verify(u, &error)) << error;
    u.code[6] = make_word(Opcode::JUMP, 5);
    expect_rejected(u, "jump target not on an instruction boundary");
}

TEST(Verify, ChecksExtendedArgChains)
{
    CodeUnit f = *make_function_unit();
    // EXTENDED_ARG 1 makes LOAD_CONST 0 into LOAD_CONST 2**24.
    f.code[1] = make_word(Opcode::EXTENDED_ARG, 1);
    f.code[2] = make_word(Opcode::LOAD_CONST, 0);
    f.code[3] = make_word(Opcode::NOP, 0);
    expect_rejected(f, "constant index out of range");

    f = *make_function_unit();
    f.code[1] = make_word(Opcode::EXTENDED_ARG, 0);
    f.code[2] = make_word(Opcode::EXTENDED_ARG, 0);
    expect_rejected(f, "chained EXTENDED_ARG");

    f = *make_function_unit();
    f.code[1] = make_word(Opcode::EXTENDED_ARG, 0x100);
    expect_rejected(f, "EXTENDED_ARG operand too large");

    f = *make_function_unit();
    f.code.back() = make_word(Opcode::EXTENDED_ARG, 0);
    expect_rejected(f, "EXTENDED_ARG at end");
}

TEST(Verify, ChecksKwNames)
{
    CodeUnit u = make_module_unit();
    u.code[1] = make_word(Opcode::KW_NAMES, 0);
    u.code[2] = make_word(Opcode::NOP, 0);
    expect_rejected(u, "not a tuple");
    Constant t;
    t.kind = Constant::Kind::Tuple;
    t.items = { make_str("a"), make_int(1) };
    u.consts[0] = t;
    expect_rejected(u, "keyword name is not a str");
    u.consts[0].items[1] = make_str("b");
    std::string error;
    EXPECT_TRUE(verify(u, &error)) << error;
}

TEST(Verify, ChecksExceptionTableShape)
{
    CodeUnit u = make_loop_unit();
    u.exception_table = { { 8, 6, 9, 0, true } };
    expect_rejected(u, "bad range");
    u.exception_table = { { 6, 13, 9, 0, true } };
    expect_rejected(u, "bad range");
    u.exception_table = { { 6, 9, 9, 1, true } }; // handler depth 3 > stacksize? 1+1+1 = 3 ok, but stack at 6 is 0
    expect_rejected(u, "shallower than its handler");
    u.exception_table = { { 6, 9, 9, 2, true } };
    expect_rejected(u, "handler depth exceeds stacksize");
    u.exception_table = { { 6, 8, 9, 0, true }, { 7, 9, 9, 0, true } };
    expect_rejected(u, "unsorted or overlapping");
    u.exception_table = { { 7, 9, 9, 0, true }, { 6, 7, 9, 0, true } };
    expect_rejected(u, "unsorted or overlapping");
}

TEST(Verify, ChecksHandlerDepthConsistency)
{
    // A handler at 10 entered with depth 1 (no lasti): POP_EXCEPT leaves 0
    // and RERAISE underflows. With lasti (depth 2) it verifies.
    CodeUnit u = make_loop_unit();
    u.exception_table[0].target = 10;
    std::string error;
    EXPECT_TRUE(verify(u, &error)) << error;
    u.exception_table[0].push_lasti = false;
    expect_rejected(u, "stack underflow");
}

TEST(Verify, DetectsStackUnderflowOverflowAndMergeConflicts)
{
    CodeUnit f = *make_function_unit();
    f.code[1] = make_word(Opcode::NOP, 0); // BINARY_OP now pops 2 with 1 on the stack
    expect_rejected(f, "stack underflow");

    f = *make_function_unit();
    f.stacksize = 1;
    expect_rejected(f, "exceeds stacksize");

    // FOR_ITER's loop back edge arriving with depth 2 instead of 1.
    CodeUnit u = make_loop_unit();
    u.code[4] = make_word(Opcode::NOP, 0);
    expect_rejected(u, "inconsistent stack depth");
}

TEST(Verify, ChecksLocalKindsNamesAndArguments)
{
    CodeUnit f = *make_function_unit();
    f.localspluskinds[0] = 0x10;
    expect_rejected(f, "invalid localsplus kind");
    f = *make_function_unit();
    f.localspluskinds.push_back(CO_FAST_LOCAL);
    expect_rejected(f, "localspluskinds size");
    f = *make_function_unit();
    f.localsplusnames[0] = "\xff";
    expect_rejected(f, "not valid UTF-8");
    f = *make_function_unit();
    f.argcount = 2;
    expect_rejected(f, "more arguments than localsplus slots");
    f = *make_function_unit();
    f.posonlyargcount = 2;
    expect_rejected(f, "bad argument counts");
    CodeUnit u = make_module_unit();
    u.names[0] = "\xed\xa0\x80"; // a surrogate is not a valid identifier
    expect_rejected(u, "not valid UTF-8");
    u = make_module_unit();
    u.consts[0] = make_str("\xed\xa0\x80"); // ... but is allowed in a str constant
    std::string error;
    EXPECT_TRUE(verify(u, &error)) << error;
    u.consts[0] = make_str("\xc0\x80"); // overlong
    expect_rejected(u, "str constant is not valid UTF-8");
}

TEST(Verify, VerifiesNestedCodeRecursively)
{
    CodeUnit u = make_module_unit();
    u.consts[1].code->code[1] = make_word(Opcode::LOAD_FAST, 9);
    expect_rejected(u, "code 'f'");
    u = make_module_unit();
    u.consts[1].code = nullptr;
    expect_rejected(u, "code constant without code");
}

TEST(Verify, RejectsMalformedBigInt)
{
    CodeUnit u = make_module_unit();
    u.consts[0].kind = Constant::Kind::BigInt;
    u.consts[0].text = "12a";
    expect_rejected(u, "malformed big int");
    u.consts[0].text = "-";
    expect_rejected(u, "malformed big int");
}
