// memoryview: a view of the bytes of a bytes/bytearray exporter (or of a part
// of it), with a struct format ('B' by default; cast() to other native
// formats). Writes through a view of a bytearray reach the bytearray.
#pragma once

#include <string_view>

#include "objects/object.h"

namespace adder {

extern Type* g_memoryview_type;

// The bytes a memoryview `v` covers (false if `v` is not a memoryview or it
// was released). The view stays valid until the exporter is resized.
bool memoryview_bytes(Value v, std::string_view& out);
// Creates the memoryview type (called once at builtins creation).
Type* init_memoryview_type();

} // namespace adder
