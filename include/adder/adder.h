// Adder's embedding API: everything `src/cli/` (our first embedder) may use.
// An Interpreter runs Python 3.11 code; each run_* function returns the process
// exit status CPython would give (0 success, 1 uncaught exception after
// printing its traceback to stderr, the value of SystemExit otherwise).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace adder {

// What the command line (or an embedder) decided. Field names follow
// CPython's PyConfig and sys.flags.
struct Config {
    std::vector<std::string> argv;       // becomes sys.argv
    std::string program_name = "adder";  // argv[0] of the process, used for sys.executable
    int optimize = 0;                     // -O count, or PYTHONOPTIMIZE
    bool dont_write_bytecode = false;     // -B or PYTHONDONTWRITEBYTECODE (already parsed)
    int verbose = 0;                      // -v count
    bool ignore_environment = false;      // -E (or -I)
    bool isolated = false;                // -I
    bool no_user_site = false;            // -s (or -I)
    bool no_site = false;                 // -S
    bool skip_first_line = false;         // -x: skip the script's first line (still counted for line numbers)
    bool safe_path = false;               // -P, PYTHONSAFEPATH (or -I)
    bool unbuffered = false;              // -u
    bool inspect = false;                 // -i
    bool interactive = false;             // -i was given (sys.flags.interactive)
    bool quiet = false;                   // -q
    int bytes_warning = 0;                // -b count
    std::vector<std::string> warnoptions; // the final sys.warnoptions (-X dev, PYTHONWARNINGS, -W, -b merged)
    std::vector<std::string> xoptions;    // -X values, verbatim ("pycache_prefix=DIR", "dev", ...)
    std::optional<std::string> pycache_prefix; // resolved from -X pycache_prefix / PYTHONPYCACHEPREFIX
    std::string check_hash_based_pycs = "default"; // default | always | never
};

// Outcome of feeding one chunk of interactive input to the REPL.
enum class ReplStatus {
    Complete,   // executed (its value echoed, or its traceback printed)
    Incomplete, // needs more lines (prompt with "... ")
    Exit,       // SystemExit was raised: the caller should exit with `exit_code`
};

class Interpreter {
public:
    // Creates an interpreter with `config`; sets up sys, builtins and sys.path.
    static std::unique_ptr<Interpreter> create(const Config& config) noexcept;
    virtual ~Interpreter() = default;

    // Runs the script at `path` as __main__ (a directory or zip with __main__.py too).
    virtual int run_file(const std::string& path) noexcept = 0;
    // Runs `source` as __main__ (the -c option); sys.argv[0] is "-c".
    virtual int run_command(const std::string& source) noexcept = 0;
    // Runs module `name` as __main__ (the -m option), as runpy does.
    virtual int run_module(const std::string& name) noexcept = 0;
    // Reads all of stdin and runs it as __main__ (piped input, "-").
    virtual int run_stdin() noexcept = 0;

    // Executes one interactive input `source` (one or more lines) in __main__,
    // echoing expression values like the REPL. `exit_code` is set for Exit.
    virtual ReplStatus run_interactive(const std::string& source, int& exit_code) noexcept = 0;

    // Runs exit handlers, flushes files. Returns `status`, or the SystemExit code
    // an atexit handler raised.
    virtual int finalize(int status) noexcept = 0;
};

// The version string printed by -V, e.g. "Python 3.11.7 (Adder 0.1)".
const char* version_string() noexcept;

} // namespace adder
