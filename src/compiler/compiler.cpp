// The compiler pipeline: future imports, symbol table, code generation and
// assembly, plus translation of their errors into SyntaxErrorInfo.
#include "compiler/compiler.h"

#include "compiler/codegen.h"
#include "compiler/future.h"
#include "compiler/symtable.h"

namespace adder::compiler {

namespace {

// 1-based character offset of 1-based byte offset `byte_offset` in line `lineno`.
int char_offset(const std::string& source, int lineno, int byte_offset, std::string* line_out)
{
    size_t pos = 0;
    for (int l = 1; l < lineno && pos != std::string::npos; ++l) {
        pos = source.find('\n', pos);
        if (pos != std::string::npos)
            ++pos;
    }
    if (pos == std::string::npos || lineno < 1)
        return byte_offset;
    size_t end = source.find('\n', pos);
    std::string line = source.substr(pos, end == std::string::npos ? std::string::npos : end - pos + 1);
    if (line_out)
        *line_out = line;
    int chars = 0;
    for (int i = 0; i < byte_offset - 1 && i < static_cast<int>(line.size()); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++chars;
    return chars + 1;
}

parser::SyntaxErrorInfo make_error(std::string type, std::string msg, std::string_view filename, int lineno, int offset,
    int end_lineno, int end_offset)
{
    parser::SyntaxErrorInfo e;
    e.type = std::move(type);
    e.msg = std::move(msg);
    e.filename = std::string(filename);
    e.lineno = lineno;
    e.offset = offset;
    e.end_lineno = end_lineno;
    e.end_offset = end_offset;
    return e;
}

} // namespace

CompileResult compile(const ast::Mod* mod, std::string_view filename, const CompileOptions& options)
{
    CompileResult result;
    // The caller has already merged the flags it inherits (when
    // !dont_inherit) with explicit compile() flags.
    uint32_t future_flags = options.future_flags & bytecode::CO_FUTURE_ANNOTATIONS;
    if (auto err = parse_future(mod, future_flags)) {
        result.error = make_error("SyntaxError", err->msg, filename, err->loc.lineno, err->loc.col_offset + 1, err->loc.end_lineno,
            err->loc.end_col_offset + 1);
        return result;
    }
    auto table = SymbolTable::build(mod, future_flags & bytecode::CO_FUTURE_ANNOTATIONS);
    if (const auto& err = table->error()) {
        result.error = make_error(err->type, err->msg, filename, err->lineno, err->offset, err->end_lineno, err->end_offset);
        return result;
    }
    CodegenOptions cg;
    cg.optimize = options.optimize;
    cg.interactive = mod->kind == ast::ModKind::Interactive;
    cg.future_flags = future_flags;
    // PyCF_ALLOW_TOP_LEVEL_AWAIT may also arrive among compile()'s flags.
    cg.allow_top_level_await = options.allow_top_level_await || (options.future_flags & 0x2000);
    cg.filename = std::string(filename);
    Codegen codegen(*table, cg);
    auto code = codegen.compile_module(mod);
    for (const auto& w : codegen.warnings())
        result.warnings.push_back(make_error("SyntaxWarning", w.msg, filename, w.lineno, w.col + 1, w.end_lineno, w.end_col + 1));
    if (const auto& err = codegen.error()) {
        result.error = make_error(err->type, err->msg, filename, err->lineno, err->col + 1, err->end_lineno, err->end_col + 1);
        return result;
    }
    result.code = std::move(code);
    return result;
}

CompileResult compile_source(std::string_view source, std::string_view filename, const CompileOptions& options, bool source_is_text)
{
    parser::ParseOptions po;
    po.mode = options.mode;
    po.source_is_text = source_is_text;
    parser::ParseResult parsed = parser::parse(source, filename, po);
    CompileResult result;
    if (parsed.error || !parsed.mod) {
        result.error = parsed.error ? *parsed.error : make_error("SyntaxError", "invalid syntax", filename, 1, 1, 1, 1);
        return result;
    }
    result = compile(parsed.mod, filename, options);
    for (auto& w : result.warnings) {
        std::string line;
        w.offset = char_offset(parsed.source_utf8, w.lineno, w.offset, &line);
        w.text = line;
    }
    if (result.error && result.error->type == "SyntaxError") {
        auto& e = *result.error;
        std::string line;
        e.offset = char_offset(parsed.source_utf8, e.lineno, e.offset, &line);
        if (e.end_lineno > 0)
            e.end_offset = char_offset(parsed.source_utf8, e.end_lineno, e.end_offset, nullptr);
        e.text = line;
    }
    return result;
}

} // namespace adder::compiler
