// Python's str repr() for the few strings the command line prints itself,
// such as the script path in "can't open file '...'" (CPython formats it with %R).
#pragma once

#include <string>

namespace adder::cli {

// Returns `text` (UTF-8) quoted as Python 3.11's repr(str) would: single quotes
// unless the text contains ' and no ", backslash escapes for \\, the quote,
// \t \n \r and \xNN for other C0 controls and DEL. FIXME: non-printable
// non-ASCII characters and undecodable bytes (\udcXX) are copied unescaped.
std::string python_repr(const std::string& text);

} // namespace adder::cli
