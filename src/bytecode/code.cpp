// Derived counts of a CodeUnit's localsplus array (CPython's co_nlocals,
// co_ncellvars, co_nfreevars), computed from the slot kinds.
#include "bytecode/code.h"

namespace adder::bytecode {

int CodeUnit::nlocals() const
{
    int n = 0;
    for (uint8_t k : localspluskinds)
        if (k & CO_FAST_LOCAL)
            ++n;
    return n;
}

int CodeUnit::ncellvars() const
{
    int n = 0;
    for (uint8_t k : localspluskinds)
        if (k & CO_FAST_CELL)
            ++n;
    return n;
}

int CodeUnit::nfreevars() const
{
    int n = 0;
    for (uint8_t k : localspluskinds)
        if (k & CO_FAST_FREE)
            ++n;
    return n;
}

} // namespace adder::bytecode
