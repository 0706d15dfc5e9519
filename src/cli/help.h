// The texts printed by `adder -h`, `--help-env`, `--help-xoptions`,
// `--help-all` and after a usage error. Their layout is modelled on CPython
// 3.11's Modules/main.c usage text, adapted to what Adder implements.
#pragma once

#include "cli/options.h"

#include <string>

namespace adder::cli {

// Prints the help text selected by `kind` to stdout; `program_name` is argv[0].
void print_help(HelpKind kind, const std::string& program_name);

// Prints `message`, the usage line and the "Try `python -h'" hint to stderr,
// as CPython does for a bad command line (the caller then exits with 2).
void print_usage_error(const std::string& program_name, const std::string& message);

} // namespace adder::cli
