// The interactive loop (`adder` on a terminal, or -i): prompts, line editing
// and history through libedit, multi-line input collected until the
// interpreter says the statement is complete.
#pragma once

#include <adder/adder.h>

namespace adder::cli {

// Prints the interactive banner ("Python 3.11.7 (Adder ...) on linux" and the
// "Type "help"..." line) to stderr, as CPython's pymain_header does.
void print_banner();

// Runs the read-eval-print loop on stdin with `interpreter` until end of input
// or SystemExit. Line editing and history are used only when stdin is a
// terminal; otherwise prompts go to stderr, as CPython's PyOS_StdioReadline
// does. Returns the exit status (the SystemExit code, or 0 at end of input).
int run_repl(Interpreter& interpreter);

} // namespace adder::cli
