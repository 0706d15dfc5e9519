// compile_backend_bench: times and fingerprints the compiler back end alone
// (src/compiler: symtable, codegen, assembler) on already-parsed ASTs, so that
// back-end changes can be measured without the lexer/parser or the VM, and so
// that "byte-identical output" can be checked exhaustively. Not a test and not
// in CMake; build it by hand against a build dir's stage archives:
//   g++ -std=c++20 -O2 -Isrc tools/compile_backend_bench.cpp \
//     BUILD/libadder_compiler.a BUILD/libadder_frontend.a \
//     BUILD/libadder_bytecode.a BUILD/libadder_common.a -o /tmp/cbb
// Usage: cbb [--repeat N] [--optimize N] [--dump] FILE...   (file names on stdin when none)
// --dump prints a full textual rendering of every CodeUnit (every field), to
// diff between two builds; otherwise prints seconds and lines/second.
#include "compiler/compiler.h"
#include "parser/parser.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace adder;

static void dump_const(std::ostream& o, const bytecode::Constant& c);

static void dump_code(std::ostream& o, const bytecode::CodeUnit& u)
{
    o << "code " << u.name << " " << u.qualname << " " << u.filename << " fl=" << u.firstlineno << " a=" << u.argcount
      << " p=" << u.posonlyargcount << " k=" << u.kwonlyargcount << " f=" << u.flags << " s=" << u.stacksize << "\n";
    for (size_t i = 0; i < u.code.size(); ++i) {
        const auto& p = u.positions[i];
        o << " " << (u.code[i] & 0xFF) << "," << (u.code[i] >> 8) << " @" << p.lineno << ":" << p.end_lineno << ":" << p.col << ":"
          << p.end_col << "\n";
    }
    for (const auto& e : u.exception_table)
        o << " E " << e.start << " " << e.end << " " << e.target << " " << e.depth << " " << e.push_lasti << "\n";
    for (const auto& n : u.names)
        o << " N " << n << "\n";
    for (size_t i = 0; i < u.localsplusnames.size(); ++i)
        o << " L " << u.localsplusnames[i] << " " << int(u.localspluskinds[i]) << "\n";
    for (const auto& c : u.consts) {
        o << " C ";
        dump_const(o, c);
        o << "\n";
    }
}

static void dump_const(std::ostream& o, const bytecode::Constant& c)
{
    char buf[64];
    o << int(c.kind) << ":";
    switch (c.kind) {
    case bytecode::Constant::Kind::Int: o << c.int_value; break;
    case bytecode::Constant::Kind::Float:
    case bytecode::Constant::Kind::Complex:
        std::snprintf(buf, sizeof buf, "%a,%a", c.real, c.imag);
        o << buf;
        break;
    case bytecode::Constant::Kind::Tuple:
    case bytecode::Constant::Kind::FrozenSet:
        o << "(";
        for (const auto& it : c.items) {
            dump_const(o, it);
            o << ",";
        }
        o << ")";
        break;
    case bytecode::Constant::Kind::Code:
        o << "<code>\n";
        if (c.code)
            dump_code(o, *c.code);
        o << "</code>";
        break;
    default: o << c.text.size() << ":" << c.text; break;
    }
}

int main(int argc, char** argv)
{
    int repeat = 1;
    int optimize = 0;
    bool dump = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--optimize") && i + 1 < argc)
            optimize = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--dump"))
            dump = true;
        else
            files.push_back(argv[i]);
    }
    if (files.empty())
        for (std::string line; std::getline(std::cin, line);)
            if (!line.empty())
                files.push_back(line);
    std::vector<parser::ParseResult> trees;
    std::vector<std::string> names;
    long lines = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string src = ss.str();
        parser::ParseOptions po;
        auto r = parser::parse(src, f, po);
        if (!r.mod)
            continue;
        for (char ch : src)
            lines += ch == '\n';
        trees.push_back(std::move(r));
        names.push_back(f);
    }
    compiler::CompileOptions co;
    co.optimize = optimize;
    auto t0 = std::chrono::steady_clock::now();
    size_t errors = 0;
    for (int k = 0; k < repeat; ++k) {
        for (size_t i = 0; i < trees.size(); ++i) {
            auto res = compiler::compile(trees[i].mod, names[i], co);
            if (!res.code) {
                ++errors;
                if (dump)
                    std::cout << "ERROR " << names[i] << " " << res.error->type << " " << res.error->msg << "\n";
            } else if (dump && k == 0) {
                std::ostringstream o;
                dump_code(o, *res.code);
                std::cout << o.str();
            }
        }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!dump)
        std::printf("files %zu lines %ld errors %zu seconds %.3f lines_per_second %.0f\n", trees.size(), lines * repeat, errors, secs,
            lines * repeat / secs);
    return 0;
}
