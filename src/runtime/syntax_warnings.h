// Reporting compile-time SyntaxWarnings (CompileResult::warnings) the way
// CPython 3.11 does: through the warnings filters (so `-W error` or
// warnings.simplefilter("error") turns them into a SyntaxError at the
// warning's position), printed to sys.stderr as
// "FILE:LINE: SyntaxWarning: MSG" followed by the stripped source line
// (indented by two) when FILE can be read, as linecache would.
#pragma once

#include <vector>

#include "objects/result.h"
#include "parser/parser.h"

namespace adder {

// Emits each warning in order. Returns pending (a SyntaxError, or whatever
// the filters raised) if a warning was turned into an error; the caller must
// then discard the compiled code.
Status emit_syntax_warnings(const std::vector<parser::SyntaxErrorInfo>& warnings);

} // namespace adder
