// Helpers shared by the compiler unit tests: reading test data, compiling
// snippets, and an independent stack-depth checker over finished CodeUnits.
#pragma once

#include "bytecode/code.h"
#include "bytecode/disassemble.h"
#include "bytecode/opcode_info.h"
#include "compiler/compiler.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace adder::compiler::testing {

inline std::string data_path(const std::string& rel)
{
    return std::string(ADDER_SOURCE_DIR) + "/tests/unit/compiler/data/" + rel;
}

inline std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::vector<std::string> split(const std::string& text, const std::string& sep)
{
    std::vector<std::string> out;
    size_t pos = 0;
    while (true) {
        size_t next = text.find(sep, pos);
        out.push_back(text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
        if (next == std::string::npos)
            break;
        pos = next + sep.size();
    }
    return out;
}

inline CompileResult compile_text(const std::string& source, int optimize = 0, parser::Mode mode = parser::Mode::Exec)
{
    CompileOptions options;
    options.optimize = optimize;
    options.mode = mode;
    return compile_source(source, "<test>", options, true);
}


using bytecode::Opcode;



// Walks every path of `code` (jumps, fall-through and exception-table edges)
// and returns an empty string if the depth never goes negative, never exceeds
// `stacksize`, and agrees wherever paths meet; else a description.
inline std::string check_stack_depth(const bytecode::CodeUnit& code)
{
    size_t n = code.code.size();
    std::vector<int> depth(n, -1);
    std::vector<size_t> work;
    auto reach = [&](size_t i, int d, const char* why) -> std::string {
        if (i >= n)
            return std::string("edge out of range (") + why + ")";
        if (d < 0)
            return "negative depth at " + std::to_string(i);
        if (d > code.stacksize)
            return "depth " + std::to_string(d) + " exceeds stacksize at " + std::to_string(i);
        if (depth[i] < 0) {
            depth[i] = d;
            work.push_back(i);
        } else if (depth[i] != d) {
            return "inconsistent depth at " + std::to_string(i) + ": " + std::to_string(depth[i]) + " vs " + std::to_string(d);
        }
        return {};
    };
    if (n == 0)
        return "empty code";
    if (auto e = reach(0, 0, "entry"); !e.empty())
        return e;
    while (!work.empty()) {
        size_t i = work.back();
        work.pop_back();
        int d = depth[i];
        Opcode op = bytecode::word_opcode(code.code[i]);
        uint32_t arg = bytecode::word_operand(code.code[i]);
        if (!bytecode::is_valid_opcode(static_cast<uint32_t>(op)))
            return "invalid opcode at " + std::to_string(i);
        if (d - bytecode::stack_pops(op, arg) < 0)
            return "underflow at " + std::to_string(i) + " " + std::string(bytecode::opcode_name(op));
        for (const auto& e : code.exception_table) {
            if (i >= e.start && i < e.end) {
                if (static_cast<int>(e.depth) > d)
                    return "handler depth above stack at " + std::to_string(i);
                if (auto err = reach(e.target, static_cast<int>(e.depth) + (e.push_lasti ? 2 : 1), "handler"); !err.empty())
                    return err;
            }
        }
        if (bytecode::is_branch(op)) {
            if (auto err = reach(arg, d + bytecode::stack_effect(op, arg, true), "jump"); !err.empty())
                return err;
        }
        if (!bytecode::is_terminator(op)) {
            if (auto err = reach(i + 1, d + bytecode::stack_effect(op, arg, false), "next"); !err.empty())
                return err;
        }
    }
    return {};
}

// Applies check_stack_depth to `code` and every nested code constant.
inline std::string check_stack_depth_recursive(const bytecode::CodeUnit& code)
{
    if (auto e = check_stack_depth(code); !e.empty())
        return code.qualname + ": " + e;
    for (const auto& c : code.consts)
        if (c.kind == bytecode::Constant::Kind::Code && c.code)
            if (auto e = check_stack_depth_recursive(*c.code); !e.empty())
                return e;
    return {};
}

// A complete, deterministic text rendering of `code` (all fields, nested code).
inline std::string render(const bytecode::CodeUnit& code)
{
    std::string out = code.name + "|" + code.qualname + "|" + code.filename + "|" + std::to_string(code.firstlineno) + "|"
        + std::to_string(code.argcount) + "|" + std::to_string(code.posonlyargcount) + "|" + std::to_string(code.kwonlyargcount) + "|"
        + std::to_string(code.flags) + "|" + std::to_string(code.stacksize) + "\n";
    for (size_t i = 0; i < code.localsplusnames.size(); ++i)
        out += code.localsplusnames[i] + ":" + std::to_string(code.localspluskinds[i]) + " ";
    out += "\n";
    for (const auto& n : code.names)
        out += n + " ";
    out += "\n";
    for (const auto& p : code.positions)
        out += std::to_string(p.lineno) + "," + std::to_string(p.end_lineno) + "," + std::to_string(p.col) + "," + std::to_string(p.end_col) + " ";
    out += "\n" + bytecode::disassemble(code, false);
    for (const auto& c : code.consts)
        if (c.kind == bytecode::Constant::Kind::Code && c.code)
            out += render(*c.code);
    return out;
}

} // namespace adder::compiler::testing
