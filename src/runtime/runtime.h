// Interpreter startup and the run modes behind include/adder/adder.h:
// bootstrapping types, builtins, sys and import; running files, commands,
// modules and REPL input as __main__; SystemExit and uncaught-exception
// handling with CPython's exit codes; shutdown (atexit, flushing).
#pragma once

#include <string>

#include "adder/adder.h"

namespace adder::runtime {

// Initializes the whole runtime for `config` (once per process).
void startup(const Config& config);
int run_file(const std::string& path);
int run_command(const std::string& source);
int run_module(const std::string& name);
int run_stdin();
ReplStatus run_interactive(const std::string& source, int& exit_code);
int finalize(int status);

} // namespace adder::runtime
