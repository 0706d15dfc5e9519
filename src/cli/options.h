// Command-line parsing for the `adder` executable, matching CPython 3.11's
// Python/getopt.c and the option loop of Python/initconfig.c
// (config_parse_cmdline) plus the environment rules of config_read_env_vars.
// Parsing is a pure function of the argument vector and an environment lookup,
// so it can be unit-tested without an interpreter; nothing here prints or exits.
#pragma once

#include <adder/adder.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace adder::cli {

// What the process should run once options are parsed.
enum class RunMode {
    Stdin,   // no script: the REPL on a terminal, else all of stdin ("-" too)
    Command, // -c CMD
    Module,  // -m MOD
    File,    // a script path
};

// Which help text -h / --help-* asked for.
enum class HelpKind { None, Usage, Env, XOptions, All };

// The parsed command line. `config.argv` is already the future sys.argv and
// `config.warnoptions` the final sys.warnoptions (PYTHONWARNINGS, -W, -b and
// -X dev merged in CPython's order, without duplicates).
struct CommandLine {
    Config config;
    RunMode mode = RunMode::Stdin;
    std::string target;        // the command, module name or script path for the mode
    HelpKind help = HelpKind::None;
    int print_version = 0;     // -V count (2 and more: the long version)
    int parser_debug = 0;         // -d; accepted and ignored like a release CPython
};

// Outcome of parsing: either `command_line`, or a usage error whose first line
// is `error` (e.g. "Unknown option: -z"); the caller prints it with the usage
// hint and exits with status 2.
struct ParseResult {
    std::optional<CommandLine> command_line;
    std::string error;
};

// Returns the value of environment variable `name`, or nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

// Parses `args` (argv[1..], without the program name) and the environment seen
// through `env`, as CPython 3.11 does. `program_name` becomes config.program_name.
// Environment variables are consulted only when neither -E nor -I was given.
ParseResult parse_command_line(const std::string& program_name,
                               const std::vector<std::string>& args,
                               const EnvLookup& env);

// CPython's _Py_get_env_flag value rule for an integer-flag variable whose value
// is `value`: empty → 0; a base-10 int (strtol rules, whole string) → that value;
// a parse failure, overflow or negative number → 1.
int env_flag_value(const std::string& value);

} // namespace adder::cli
