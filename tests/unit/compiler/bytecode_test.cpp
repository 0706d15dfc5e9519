// The opcode tables expanded from opcodes.def and the disassembler.
#include "bytecode/disassemble.h"
#include "bytecode/opcode_info.h"
#include "test_util.h"

#include <gtest/gtest.h>

using namespace adder::bytecode;

TEST(OpcodeInfo, NamesAndKinds)
{
    EXPECT_EQ(opcode_name(Opcode::LOAD_CONST), "LOAD_CONST");
    EXPECT_EQ(opcode_name(Opcode::MATCH_CLASS), "MATCH_CLASS");
    EXPECT_EQ(operand_kind(Opcode::LOAD_FAST), OperandKind::LOCAL);
    EXPECT_EQ(operand_kind(Opcode::JUMP), OperandKind::JUMP);
    EXPECT_TRUE(is_terminator(Opcode::RETURN_VALUE));
    EXPECT_TRUE(is_branch(Opcode::FOR_ITER));
    EXPECT_FALSE(is_terminator(Opcode::FOR_ITER));
    EXPECT_EQ(opcode_name(static_cast<Opcode>(250)), "<invalid>");
}

TEST(OpcodeInfo, StackEffects)
{
    EXPECT_EQ(stack_effect(Opcode::LOAD_CONST, 0, false), 1);
    EXPECT_EQ(stack_effect(Opcode::BUILD_TUPLE, 3, false), -2);
    EXPECT_EQ(stack_effect(Opcode::CALL, 2, false), -3);
    EXPECT_EQ(stack_effect(Opcode::LOAD_GLOBAL, 1, false), 2);
    EXPECT_EQ(stack_effect(Opcode::LOAD_GLOBAL, 2, false), 1);
    EXPECT_EQ(stack_effect(Opcode::FOR_ITER, 0, false), 1);
    EXPECT_EQ(stack_effect(Opcode::FOR_ITER, 0, true), -1);
    EXPECT_EQ(stack_effect(Opcode::JUMP_IF_TRUE_OR_POP, 0, false), -1);
    EXPECT_EQ(stack_effect(Opcode::JUMP_IF_TRUE_OR_POP, 0, true), 0);
    EXPECT_EQ(stack_effect(Opcode::SEND, 0, true), -1);
    EXPECT_EQ(stack_effect(Opcode::UNPACK_EX, 1 | (2 << 8), false), 3);
    EXPECT_EQ(stack_effect(Opcode::MAKE_FUNCTION, 1 | 8, false), -2);
    EXPECT_EQ(stack_effect(Opcode::FORMAT_VALUE, 4, false), -1);
    EXPECT_EQ(stack_effect(Opcode::MATCH_CLASS, 2, false), -2);
}

TEST(Disassemble, ListsInstructions)
{
    auto r = adder::compiler::testing::compile_text("x = 'a'\ndef f(y):\n    return y\n");
    ASSERT_TRUE(r.code);
    std::string text = disassemble(*r.code, true);
    EXPECT_NE(text.find("LOAD_CONST"), std::string::npos);
    EXPECT_NE(text.find("('a')"), std::string::npos);
    EXPECT_NE(text.find("STORE_NAME"), std::string::npos);
    EXPECT_NE(text.find("Disassembly of <code object f, file \"<test>\", line 2>:"), std::string::npos);
    EXPECT_NE(text.find("LOAD_FAST"), std::string::npos);
    EXPECT_NE(text.find("(y)"), std::string::npos);
}

TEST(Disassemble, ConstantRepr)
{
    Constant c;
    c.kind = Constant::Kind::Float;
    c.real = 0.1;
    EXPECT_EQ(constant_repr(c), "0.1");
    c.real = 1e22;
    EXPECT_EQ(constant_repr(c), "1e+22");
    c.real = 2.0;
    EXPECT_EQ(constant_repr(c), "2.0");
    c.kind = Constant::Kind::Complex;
    c.real = 0;
    c.imag = 1;
    EXPECT_EQ(constant_repr(c), "1j");
    c.kind = Constant::Kind::Str;
    c.text = "it's";
    EXPECT_EQ(constant_repr(c), "\"it's\"");
    c.kind = Constant::Kind::Bytes;
    c.text = std::string("a\0", 2);
    EXPECT_EQ(constant_repr(c), "b'a\\x00'");
    Constant t;
    t.kind = Constant::Kind::Tuple;
    t.items.push_back(Constant {});
    EXPECT_EQ(constant_repr(t), "(None,)");
}
