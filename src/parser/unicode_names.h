// Lookup of Unicode character names for "\N{NAME}" string escapes (partial
// table; see unicode_names.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace adder::parser {

// The code point named `name` (case-insensitive), or nullopt when the name is
// not in the table.
std::optional<uint32_t> lookup_unicode_name(std::string_view name);

} // namespace adder::parser
