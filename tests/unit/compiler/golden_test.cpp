// Instruction streams compared with CPython 3.11: for each data/bytecode/*.py
// the expected .txt is python3.11's `dis` listing normalized by
// gen_expected.py (no offsets, no NOP/CACHE/PRECALL/EXTENDED_ARG, jump
// variants merged), and .pos its co_positions(). These programs avoid the peephole rewrites Adder does not
// do (docs/bytecode.md), so any difference is a layout bug the VM would see.
#include "test_util.h"

#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

using namespace adder;
using namespace adder::compiler::testing;
using bytecode::Opcode;

namespace {

std::string py_tuple(const std::vector<std::string>& names)
{
    std::string s = "(";
    for (size_t i = 0; i < names.size(); ++i)
        s += (i ? ", '" : "'") + names[i] + "'";
    if (names.size() == 1)
        s += ",";
    return s + ")";
}

void dump_code(const bytecode::CodeUnit& c, std::string& out)
{
    std::vector<std::string> vars, cells, frees;
    for (size_t i = 0; i < c.localsplusnames.size(); ++i) {
        uint8_t k = c.localspluskinds[i];
        if (k & bytecode::CO_FAST_LOCAL)
            vars.push_back(c.localsplusnames[i]);
        if (k & bytecode::CO_FAST_CELL)
            cells.push_back(c.localsplusnames[i]);
        if (k & bytecode::CO_FAST_FREE)
            frees.push_back(c.localsplusnames[i]);
    }
    char flags[32];
    std::snprintf(flags, sizeof flags, "%#x", c.flags);
    out += "== " + c.qualname + " argc=" + std::to_string(c.argcount) + " posonly=" + std::to_string(c.posonlyargcount)
        + " kwonly=" + std::to_string(c.kwonlyargcount) + " flags=" + (c.flags ? flags : "0x0") + " first="
        + std::to_string(c.firstlineno) + " varnames=" + py_tuple(vars) + " cell=" + py_tuple(cells) + " free=" + py_tuple(frees) + "\n";
    for (auto w : c.code) {
        Opcode op = bytecode::word_opcode(w);
        if (op == Opcode::NOP || op == Opcode::EXTENDED_ARG)
            continue;
        std::string name(bytecode::opcode_name(op));
        std::string arg = bytecode::instruction_argrepr(c, op, bytecode::word_operand(w));
        if (name.find("JUMP") != std::string::npos || op == Opcode::FOR_ITER || op == Opcode::SEND || op == Opcode::KW_NAMES
            || op == Opcode::MAKE_FUNCTION)
            arg.clear();
        if (op == Opcode::LOAD_CONST && arg.rfind("<code", 0) == 0)
            arg = "<code>";
        out += "  " + name + (arg.empty() ? "" : " " + arg) + "\n";
    }
    for (const auto& k : c.consts)
        if (k.kind == bytecode::Constant::Kind::Code && k.code)
            dump_code(*k.code, out);
}

std::string pos_field(int v) { return v < 0 ? "None" : std::to_string(v); }

void dump_positions(const bytecode::CodeUnit& c, std::string& out)
{
    out += "== " + c.qualname + "\n";
    for (size_t i = 0; i < c.code.size(); ++i) {
        Opcode op = bytecode::word_opcode(c.code[i]);
        if (op == Opcode::NOP || op == Opcode::EXTENDED_ARG)
            continue;
        const auto& p = c.positions[i];
        out += "  (" + pos_field(p.lineno) + ", " + pos_field(p.end_lineno) + ", " + pos_field(p.col) + ", " + pos_field(p.end_col) + ")\n";
    }
    for (const auto& k : c.consts)
        if (k.kind == bytecode::Constant::Kind::Code && k.code)
            dump_positions(*k.code, out);
}

} // namespace

TEST(BytecodeGolden, MatchesCPythonLayouts)
{
    namespace fs = std::filesystem;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(data_path("bytecode")))
        if (entry.path().extension() == ".py")
            names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    ASSERT_GE(names.size(), 5u);
    for (const auto& name : names) {
        std::string src = read_file(data_path("bytecode/" + name + ".py"));
        std::string expected = read_file(data_path("bytecode/" + name + ".txt"));
        compiler::CompileOptions options;
        auto r = compiler::compile_source(src, name + ".py", options, true);
        ASSERT_TRUE(r.code) << name << ": " << (r.error ? r.error->msg : "");
        std::string got;
        dump_code(*r.code, got);
        EXPECT_EQ(got, expected) << name;
        // Positions (line, end line, columns) feed tracebacks; compared
        // where python3.11's are reproduced exactly (see gen_expected.py).
        std::string expected_pos = read_file(data_path("bytecode/" + name + ".pos"));
        if (!expected_pos.empty()) {
            std::string got_pos;
            dump_positions(*r.code, got_pos);
            EXPECT_EQ(got_pos, expected_pos) << name << " positions";
        }
    }
}
