// str.isprintable() for one code point, as python3.11 answers it (see
// printable.cpp). The lexer uses it for "invalid non-printable character"
// errors and dump() to render string constants like repr().
#pragma once

#include <cstdint>

namespace adder::lexer {

// True when python3.11's chr(`cp`).isprintable() is True.
bool is_printable_code_point(uint32_t cp);

} // namespace adder::lexer
