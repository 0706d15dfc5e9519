// Byte-compiling one source file into a cache file on request, the common
// core of py_compile.compile and compileall (spec §9 T1-T6, §10): read,
// compile with a display name, build a timestamp or hash-based Adder cache
// file and write it atomically with the W6 mode, creating directories. Plain
// C++ (no Python objects) so compileall's worker threads can call it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "parser/parser.h"

namespace adder::imp {

// py_compile.PycInvalidationMode values.
enum class InvalidationMode : int { Timestamp = 1, CheckedHash = 2, UncheckedHash = 3 };

// The default mode (spec T6): CheckedHash when SOURCE_DATE_EPOCH is set and
// non-empty, else Timestamp.
InvalidationMode default_invalidation_mode();

struct CompileFileRequest {
    std::string source;              // the file to read
    std::string cfile;               // where to write
    std::string dfile;               // filename recorded in the code ("" = source)
    int optimize = 0;                // 0, 1, 2 (3+ behaves as 2)
    InvalidationMode mode = InvalidationMode::Timestamp;
    // Called on the calling thread with the compile-time SyntaxWarnings (if
    // any) before anything is written; returning false abandons the write
    // (a warnings filter made one an error, left pending by the callback).
    // Unset (worker threads): the warnings are returned in the result.
    std::function<bool(const std::vector<parser::SyntaxErrorInfo>&)> report_warnings;
};

struct CompileFileResult {
    // WarningError: report_warnings returned false; nothing was written.
    enum class Status { Ok, OSError, SyntaxError, WarningError } status = Status::Ok;
    int err = 0;                                 // errno for OSError
    std::string err_path;                        // the path the OSError is about
    std::optional<parser::SyntaxErrorInfo> syntax; // for SyntaxError (text made valid UTF-8)
    std::vector<parser::SyntaxErrorInfo> warnings; // when report_warnings is unset
};

// Compiles `req.source` and writes `req.cfile`. Thread-safe (touches no
// Python object). OSErrors come from reading the source, creating the
// directories or writing the file.
CompileFileResult compile_file_to_cache(const CompileFileRequest& req);

} // namespace adder::imp
