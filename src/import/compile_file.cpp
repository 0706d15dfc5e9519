// See compile_file.h. Mirrors py_compile.compile after its argument
// handling: source_to_code, then _code_to_timestamp_pyc/_code_to_hash_pyc,
// makedirs and importlib's _write_atomic, using the cache library's header
// and writer so the files are exactly what an import would write.
#include "import/compile_file.h"

#include <cstdlib>

#include "cache/file_system.h"
#include "cache/header.h"
#include "cache/paths.h"
#include "cache/source_hash.h"
#include "cache/write_atomic.h"
#include "compiler/compiler.h"
#include "text/utf8.h"

namespace adder::imp {

InvalidationMode default_invalidation_mode()
{
    const char* sde = std::getenv("SOURCE_DATE_EPOCH");
    return sde && *sde ? InvalidationMode::CheckedHash : InvalidationMode::Timestamp;
}

CompileFileResult compile_file_to_cache(const CompileFileRequest& req)
{
    CompileFileResult result;
    cache::FileSystem& fs = cache::default_file_system();
    auto os_error = [&](int err, const std::string& path) {
        result.status = CompileFileResult::Status::OSError;
        result.err = err;
        result.err_path = path;
        return result;
    };
    // Stat before reading, so a concurrent edit makes the file stale, never
    // wrongly fresh (the cache library's stamps assume this order).
    cache::FileStat st;
    if (int err = fs.stat(req.source, &st))
        return os_error(err, req.source);
    std::string bytes;
    if (int err = fs.read_file(req.source, &bytes))
        return os_error(err, req.source);
    compiler::CompileOptions opts;
    opts.optimize = req.optimize > 2 ? 2 : req.optimize;
    compiler::CompileResult r =
        compiler::compile_source(bytes, req.dfile.empty() ? req.source : req.dfile, opts, false);
    if (r.error) {
        result.status = CompileFileResult::Status::SyntaxError;
        result.syntax = std::move(*r.error);
        // The offending line is raw source bytes; CPython decodes it with
        // errors='replace' (an undecodable source must not make printing fail).
        result.syntax->text = text::decode(text::Codec::Utf8, result.syntax->text, text::ErrorHandler::Replace).out;
        return result;
    }
    if (!r.warnings.empty()) {
        if (!req.report_warnings)
            result.warnings = std::move(r.warnings);
        else if (!req.report_warnings(r.warnings)) {
            result.status = CompileFileResult::Status::WarningError;
            return result;
        }
    }
    cache::SourceStamp stamp = cache::stamp_source(st, cache::as_bytes(bytes), fs.now_ns());
    std::string data = req.mode == InvalidationMode::Timestamp
        ? cache::code_to_timestamp_pyc(*r.code, stamp)
        : cache::code_to_hash_pyc(*r.code, cache::adder_source_hash(cache::as_bytes(bytes)),
              req.mode == InvalidationMode::CheckedHash, stamp);
    cache::WriteResult w = cache::make_parent_dirs(fs, req.cfile);
    if (!w.ok())
        return os_error(w.err, w.path);
    w = cache::write_atomic(fs, req.cfile, data, cache::calc_mode(st.mode));
    if (!w.ok())
        return os_error(w.err, req.cfile);
    return result;
}

} // namespace adder::imp
