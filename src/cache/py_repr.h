// Python repr() of str, bytes and OSError values, for the `-v` messages the
// cache produces in CPython's exact shapes (spec §7.1), e.g.
// "# could not create '/x/__pycache__': PermissionError(13, 'Permission denied')".
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace adder::cache {

// repr() of the str whose UTF-8 text is `s`: single quotes unless `s` holds a
// single quote and no double quote; backslash, the quote, \t \n \r and other
// control characters escaped. Non-ASCII text is kept as is.
// FIXME: non-printable non-ASCII characters (e.g. U+00A0) are not escaped.
std::string repr_str(std::string_view s);

// repr() of a bytes object with contents `b` (b'...').
std::string repr_bytes(std::span<const uint8_t> b);

// repr() of the OSError CPython raises for errno `err`, using the same
// subclass mapping (PermissionError, FileExistsError, ...) and strerror text.
std::string repr_os_error(int err);

} // namespace adder::cache
