// bytes and bytearray: raw byte strings (bytes immutable, bytearray mutable).
// Core storage, compare, hash, indexing, slicing, iteration and repr live in
// bytes.cpp; the rich method sets live in bytes_methods.cpp and
// bytearray_methods.cpp (library helper).
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace adder {

class Bytes : public Object {
public:
    Bytes(Type* type, std::string data) : Object(type), m_data(std::move(data)) {}
    static Bytes* create(std::string_view data);
    const std::string& data() const { return m_data; }
    std::string_view view() const { return m_data; }
    size_t size() const { return m_data.size(); }
    int64_t hash();

private:
    std::string m_data;
    int64_t m_hash = -1;
};

class ByteArray : public Object {
public:
    ByteArray(Type* type, std::string data) : Object(type), m_data(std::move(data)) {}
    static ByteArray* create(std::string_view data);
    std::string& data() { return m_data; }
    std::string_view view() const { return m_data; }
    size_t size() const { return m_data.size(); }

private:
    std::string m_data;
};

inline Bytes* as_bytes(Value v) { return static_cast<Bytes*>(v.as_object()); }
inline ByteArray* as_bytearray(Value v) { return static_cast<ByteArray*>(v.as_object()); }
inline Value bytes_value(std::string_view data) { return Value(Bytes::create(data)); }
// repr of a byte string as CPython: b'...' (or bytearray(b'...') when `bytearray_form`).
std::string bytes_repr(std::string_view data, bool bytearray_form = false);
// The bytes of a bytes-like object (bytes/bytearray), or false if `v` is not one.
bool bytes_like_view(Value v, std::string_view& out);

} // namespace adder
