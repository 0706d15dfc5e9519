// The dis module, over Adder's own bytecode (src/bytecode/disassemble.h):
// dis.dis(x) for a function, code object or source string, dis.code_info-
// free basics, and `adder -m dis [FILE]` which disassembles a source file
// (like CPython's) or, new, an Adder cache file (any .pyc whose magic is
// Adder's). The listing format is Adder's, not CPython's: the instruction
// sets differ.
// Positions is CPython's namedtuple (inspect uses it).
// FIXME: no Bytecode/Instruction classes, get_instructions, show_code,
// methods/classes/modules as arguments of dis().
#include "modules/cache_modules.h"
#include "modules/stdlib_modules.h"

#include <cstdio>
#include <cstring>
#include <iterator>
#include <sstream>
#include <unistd.h>

#include "bytecode/disassemble.h"
#include "cache/file_system.h"
#include "cache/foreign_pyc.h"
#include "cache/header.h"
#include "cache/magic.h"
#include "cache/source_hash.h"
#include "cache/pyc_cache.h"
#include "compiler/compiler.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"

namespace adder {
Value make_syntax_error(const parser::SyntaxErrorInfo& info);
} // namespace adder

namespace adder::cachemod {

namespace {

// The CodeUnit behind a function, code object or source string `x`.
Result<std::shared_ptr<bytecode::CodeUnit>> unit_of(Value x)
{
    if (x.is_object() && x.type()->is_subtype_of(g_function_type))
        x = Value(static_cast<Function*>(x.as_object())->m_code);
    if (x.is_object() && x.type()->is_subtype_of(g_code_type)) {
        // Lazily loaded code: decode the whole tree for a recursive listing.
        std::shared_ptr<bytecode::CodeUnit> unit = static_cast<Code*>(x.as_object())->full_unit();
        if (!unit)
            return pending;
        return unit;
    }
    if (is_str(x)) {
        compiler::CompileResult r = compiler::compile_source(as_str(x)->data(), "<dis>", {}, true);
        if (r.error) {
            set_pending(make_syntax_error(*r.error));
            return pending;
        }
        return r.code;
    }
    return throw_error(g_TypeError, "don't know how to disassemble %s objects", x.type()->m_name.c_str());
}

Status emit(Value file, const std::string& text)
{
    if (file && !is_none(file)) {
        TRY(call_method(file, "write", { Value(Str::create(text)) }));
        return ok();
    }
    return write_stdout(text);
}

Result<Value> dis_dis(Value, CallArgs args)
{
    Value x, file, depth;
    TRY(parse_args(args, "dis", { "x", "file", "depth" }, 0, { &x, &file, &depth }));
    if (!x || is_none(x))
        return throw_error(g_RuntimeError, "no last traceback to disassemble"); // FIXME: distb()
    std::shared_ptr<bytecode::CodeUnit> unit = TRY(unit_of(x));
    bool recursive = !depth || is_none(depth) || TRY(truthy(depth));
    TRY(emit(file, bytecode::disassemble(*unit, recursive)));
    return none();
}

Result<Value> dis_disassemble(Value, CallArgs args)
{
    Value co, lasti, file;
    TRY(parse_args(args, "disassemble", { "co", "lasti", "file" }, 1, { &co, &lasti, &file }));
    std::shared_ptr<bytecode::CodeUnit> unit = TRY(unit_of(co));
    TRY(emit(file, bytecode::disassemble(*unit, false)));
    return none();
}

// The code in an Adder cache file `data`, or an error text for the user.
std::shared_ptr<bytecode::CodeUnit> code_from_pyc(const std::string& data, const std::string& path, std::string* error)
{
    auto bytes = cache::as_bytes(data);
    cache::Header header;
    cache::PycStatus st = cache::classify_pyc(bytes, path, &header);
    if (!st.ok()) {
        cache::ForeignPycInfo info = cache::read_pyc_header(bytes);
        if (info.ok && !info.version.empty() && info.version != "adder")
            *error = "dis: " + path + ": a CPython " + info.version +
                " cache file; only Adder's can be disassembled (try `adder -m pycache inspect`)";
        else
            *error = "dis: " + path + ": " + (st.message.empty() ? std::string("not an Adder cache file") : st.message);
        return nullptr;
    }
    std::shared_ptr<bytecode::CodeUnit> unit = cache::decode_body(header, bytes);
    if (!unit)
        *error = "dis: " + path + ": corrupt bytecode";
    return unit;
}

// `adder -m dis [FILE]`: FILE defaults to stdin ("-").
Result<Value> dis_main(Value, CallArgs args)
{
    TRY(check_arity(args, "_main", 0, 0));
    std::vector<std::string> argv = script_args();
    std::string usage = "usage: dis.py [-h] [infile]\n";
    if (!argv.empty() && (argv[0] == "-h" || argv[0] == "--help")) {
        TRY(write_stdout(usage + "\npositional arguments:\n  infile\n\noptions:\n  -h, --help  show this help message and exit\n"));
        return system_exit(0);
    }
    if (argv.size() > 1) {
        std::string extra;
        for (size_t i = 1; i < argv.size(); ++i)
            extra += (i > 1 ? " " : "") + argv[i];
        TRY(write_stderr(usage + "dis.py: error: unrecognized arguments: " + extra + "\n"));
        return system_exit(2);
    }
    std::string path = argv.empty() ? "-" : argv[0];
    std::string data;
    std::string name = path == "-" ? "<stdin>" : path;
    if (path == "-") {
        char buf[65536];
        ssize_t n;
        while ((n = ::read(0, buf, sizeof buf)) > 0)
            data.append(buf, size_t(n));
    } else if (int err = cache::default_file_system().read_file(path, &data)) {
        TRY(write_stderr(usage + "dis.py: error: argument infile: can't open '" + path + "': [Errno " +
            std::to_string(err) + "] " + std::strerror(err) + "\n"));
        return system_exit(2);
    }
    std::shared_ptr<bytecode::CodeUnit> unit;
    bool is_pyc = data.size() >= 4 && (std::memcmp(data.data(), cache::magic_bytes, 4) == 0 ||
                                        (path.size() > 4 && path.ends_with(".pyc")));
    if (is_pyc) {
        std::string error;
        unit = code_from_pyc(data, name, &error);
        if (!unit) {
            TRY(write_stderr(error + "\n"));
            return system_exit(1);
        }
    } else {
        compiler::CompileResult r = compiler::compile_source(data, name, {}, false);
        if (r.error) {
            set_pending(make_syntax_error(*r.error));
            return pending;
        }
        unit = r.code;
    }
    TRY(write_stdout(bytecode::disassemble(*unit, true)));
    return none();
}

} // namespace

Module* create_dis_module()
{
    Module* m = Module::create("dis");
    add_function(m, "dis", dis_dis);
    add_function(m, "disassemble", dis_disassemble);
    add_function(m, "_main", dis_main);
    // inspect reads dis.COMPILER_FLAG_NAMES at import to build its CO_* constants.
    Dict* flag_names = Dict::create();
    static constexpr std::pair<int, const char*> flags[] = {
        { bytecode::CO_OPTIMIZED, "OPTIMIZED" }, { bytecode::CO_NEWLOCALS, "NEWLOCALS" },
        { bytecode::CO_VARARGS, "VARARGS" }, { bytecode::CO_VARKEYWORDS, "VARKEYWORDS" },
        { bytecode::CO_NESTED, "NESTED" }, { bytecode::CO_GENERATOR, "GENERATOR" },
        { bytecode::CO_NOFREE, "NOFREE" }, { bytecode::CO_COROUTINE, "COROUTINE" },
        { bytecode::CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE" }, { bytecode::CO_ASYNC_GENERATOR, "ASYNC_GENERATOR" },
    };
    for (auto [bit, name] : flags)
        MUST(flag_names->set(Value::small(bit), Value(Str::create(name))));
    m->dict()->set_str("COMPILER_FLAG_NAMES", Value(flag_names));
    // inspect.getframeinfo (inspect.stack, inspect.trace) builds dis.Positions.
    static const char* k_prelude = "import collections as _collections\n"
                                   "Positions = _collections.namedtuple('Positions', "
                                   "['lineno', 'end_lineno', 'col_offset', 'end_col_offset'], "
                                   "defaults=[None] * 4, module='dis')\n"
                                   "del _collections\n";
    if (stdmod::run_prelude(m, k_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder::cachemod
