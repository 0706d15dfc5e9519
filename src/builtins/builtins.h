// The builtins module and the class machinery it owns (__build_class__,
// super), plus helpers other native modules share.
#pragma once

#include "objects/object.h"

namespace adder {

class Module;

// Creates the builtins module (call once, after init_types()).
Module* create_builtins_module();
// Writes `text` to sys.stdout (or `file`) as print() does.
Status write_to_file(Value file, std::string_view text);
// The object sys.stdout/stderr currently refers to (null if unset).
Value sys_stdout();
Value sys_stderr();

} // namespace adder
