// bytearray's Python-visible methods: the mutators (insert, pop, remove,
// reverse, clear, copy) plus every non-mutating method it shares with bytes
// (registered from bytes_methods.cpp). append/extend live in bytes.cpp.
// Messages match CPython 3.11 Objects/bytearrayobject.c.
#include <algorithm>

#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/methods.h"

namespace adder {

void register_bytes_common_methods(Type* t); // bytes_methods.cpp

namespace {

// A byte value argument: an int (via __index__) in range(256).
Result<unsigned char> byte_arg(Value v)
{
    if (!is_int(v) && !v.type()->index)
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->m_name.c_str());
    int64_t x = TRY(index_as_i64(v));
    if (x < 0 || x > 255)
        return throw_error(g_ValueError, "byte must be in range(0, 256)");
    return static_cast<unsigned char>(x);
}

Result<Value> bytearray_insert(Value self, CallArgs args)
{
    TRY(check_arity(args, "insert", 2, 2));
    int64_t index = TRY(index_as_i64(args[0]));
    unsigned char b = TRY(byte_arg(args[1]));
    std::string& data = as_bytearray(self)->data();
    int64_t n = static_cast<int64_t>(data.size());
    if (index < 0) {
        index += n;
        if (index < 0)
            index = 0;
    }
    if (index > n)
        index = n;
    data.insert(data.begin() + index, static_cast<char>(b));
    return none();
}

Result<Value> bytearray_pop(Value self, CallArgs args)
{
    TRY(check_arity(args, "pop", 0, 1));
    std::string& data = as_bytearray(self)->data();
    int64_t index = args.nargs ? TRY(index_as_i64(args[0])) : -1;
    if (data.empty())
        return throw_error(g_IndexError, "pop from empty bytearray");
    int64_t n = static_cast<int64_t>(data.size());
    if (index < 0)
        index += n;
    if (index < 0 || index >= n)
        return throw_error(g_IndexError, "pop index out of range");
    unsigned char b = static_cast<unsigned char>(data[static_cast<size_t>(index)]);
    data.erase(data.begin() + index);
    return int_from_i64(b);
}

Result<Value> bytearray_remove(Value self, CallArgs args)
{
    TRY(check_arity(args, "remove", 1, 1));
    unsigned char b = TRY(byte_arg(args[0]));
    std::string& data = as_bytearray(self)->data();
    size_t pos = data.find(static_cast<char>(b));
    if (pos == std::string::npos)
        return throw_error(g_ValueError, "value not found in bytearray");
    data.erase(pos, 1);
    return none();
}

Result<Value> bytearray_reverse(Value self, CallArgs args)
{
    TRY(check_arity(args, "reverse", 0, 0));
    std::string& data = as_bytearray(self)->data();
    std::reverse(data.begin(), data.end());
    return none();
}

Result<Value> bytearray_clear(Value self, CallArgs args)
{
    TRY(check_arity(args, "clear", 0, 0));
    as_bytearray(self)->data().clear();
    return none();
}

Result<Value> bytearray_copy(Value self, CallArgs args)
{
    TRY(check_arity(args, "copy", 0, 0));
    return Value(ByteArray::create(as_bytearray(self)->view()));
}

} // namespace

void init_bytearray_methods()
{
    Type* t = g_bytearray_type;
    register_bytes_common_methods(t);
    add_method(t, "insert", bytearray_insert);
    add_method(t, "pop", bytearray_pop);
    add_method(t, "remove", bytearray_remove);
    add_method(t, "reverse", bytearray_reverse);
    add_method(t, "clear", bytearray_clear);
    add_method(t, "copy", bytearray_copy);
}

} // namespace adder
