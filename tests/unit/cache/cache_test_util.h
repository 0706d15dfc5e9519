// Helpers shared by the cache unit tests: a self-deleting temp directory,
// file helpers, and hand-built CodeUnits that pass the verifier.
#pragma once

#include "bytecode/code.h"

#include <cstdlib>
#include <fstream>
#include <ftw.h>
#include <memory>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace adder::cache::testing {

using namespace adder::bytecode;

class TempDir {
public:
    TempDir()
    {
        char templ[] = "/tmp/adder-cache-test-XXXXXX";
        char* p = ::mkdtemp(templ);
        m_path = p ? p : "";
    }
    ~TempDir()
    {
        if (!m_path.empty())
            ::nftw(m_path.c_str(), [](const char* p, const struct stat*, int, struct FTW*) { return ::remove(p); }, 16,
                FTW_DEPTH | FTW_PHYS);
    }
    const std::string& path() const { return m_path; }
    std::string operator/(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

inline void write_text(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

inline std::string read_text(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline bool exists(const std::string& path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

inline Constant make_int(int64_t v)
{
    Constant c;
    c.kind = Constant::Kind::Int;
    c.int_value = v;
    return c;
}

inline Constant make_str(std::string s)
{
    Constant c;
    c.kind = Constant::Kind::Str;
    c.text = std::move(s);
    return c;
}

inline Constant make_none() { return Constant {}; }

inline void emit(CodeUnit& u, Opcode op, uint32_t arg = 0, int line = 1)
{
    u.code.push_back(make_word(op, arg));
    u.positions.push_back({ line, line, 0, 5 });
}

// def f(a): return a + 1
inline std::shared_ptr<CodeUnit> make_function_unit()
{
    auto f = std::make_shared<CodeUnit>();
    f->name = "f";
    f->qualname = "f";
    f->filename = "/src/m.py";
    f->firstlineno = 2;
    f->argcount = 1;
    f->flags = CO_OPTIMIZED | CO_NEWLOCALS;
    f->stacksize = 2;
    f->consts = { make_int(1) };
    f->localsplusnames = { "a" };
    f->localspluskinds = { CO_FAST_LOCAL };
    emit(*f, Opcode::RESUME, 0, 2);
    emit(*f, Opcode::LOAD_FAST, 0, 3);
    emit(*f, Opcode::LOAD_CONST, 0, 3);
    emit(*f, Opcode::BINARY_OP, 0, 3);
    emit(*f, Opcode::RETURN_VALUE, 0, 3);
    return f;
}

// x = 1; def f(a): return a + 1
inline CodeUnit make_module_unit()
{
    CodeUnit m;
    m.name = "<module>";
    m.qualname = "<module>";
    m.filename = "/src/m.py";
    m.stacksize = 1;
    Constant fc;
    fc.kind = Constant::Kind::Code;
    fc.code = make_function_unit();
    m.consts = { make_int(1), fc, make_none() };
    m.names = { "x", "f" };
    emit(m, Opcode::RESUME, 0, 0);
    emit(m, Opcode::LOAD_CONST, 0, 1);
    emit(m, Opcode::STORE_NAME, 0, 1);
    emit(m, Opcode::LOAD_CONST, 1, 2);
    emit(m, Opcode::MAKE_FUNCTION, 0, 2);
    emit(m, Opcode::STORE_NAME, 1, 2);
    emit(m, Opcode::LOAD_CONST, 2, 2);
    emit(m, Opcode::RETURN_VALUE, 0, 2);
    return m;
}

// for x in it: pass / then a protected `return None` with a handler:
//  0 RESUME; 1 LOAD_NAME it; 2 GET_ITER; 3 FOR_ITER 6; 4 STORE_NAME x; 5 JUMP 3;
//  6 NOP; 7 LOAD_CONST None; 8 RETURN_VALUE   [6,9) -> 9, depth 0, lasti
//  9 PUSH_EXC_INFO; 10 POP_EXCEPT; 11 RERAISE 1
inline CodeUnit make_loop_unit()
{
    CodeUnit m;
    m.name = "<module>";
    m.qualname = "<module>";
    m.filename = "/src/loop.py";
    m.stacksize = 3;
    m.consts = { make_none() };
    m.names = { "it", "x" };
    emit(m, Opcode::RESUME, 0);
    emit(m, Opcode::LOAD_NAME, 0);
    emit(m, Opcode::GET_ITER);
    emit(m, Opcode::FOR_ITER, 6);
    emit(m, Opcode::STORE_NAME, 1);
    emit(m, Opcode::JUMP, 3);
    emit(m, Opcode::NOP);
    emit(m, Opcode::LOAD_CONST, 0);
    emit(m, Opcode::RETURN_VALUE);
    emit(m, Opcode::PUSH_EXC_INFO);
    emit(m, Opcode::POP_EXCEPT);
    emit(m, Opcode::RERAISE, 1);
    m.exception_table = { { 6, 9, 9, 0, true } };
    return m;
}

} // namespace adder::cache::testing
