// str: immutable text stored as UTF-8 (lone surrogates as 3-byte sequences,
// "WTF-8"), with the code-point length and an is-ASCII flag cached so ASCII
// strings index in O(1). Identifier strings (attribute and variable names)
// are interned: equal interned strings are the same object, so attribute
// caches compare pointers. Methods beyond the core (split, strip, format...)
// live in str_methods.cpp (library helper).
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace adder {

class Str : public Object {
public:
    // Two constructors so that the text is moved or copied exactly once
    // (each extra std::string move is a memcpy call for short strings).
    Str(Type* type, std::string&& data, size_t length, bool ascii)
        : Object(type), m_data(std::move(data)), m_length(length), m_is_ascii(ascii) {}
    Str(Type* type, std::string_view data, size_t length, bool ascii)
        : Object(type), m_data(data), m_length(length), m_is_ascii(ascii) {}
    ~Str() override { delete[] m_checkpoints; }
    Str(const Str&) = delete;
    Str& operator=(const Str&) = delete;

    // A new str from valid UTF-8 (WTF-8) `utf8`. Empty and 1-char ASCII strings are shared.
    static Str* create(std::string_view utf8);
    static Str* create(std::string&& utf8);
    static Str* create(const char* utf8) { return create(std::string_view(utf8)); }
    static Str* create(char* utf8) { return create(std::string_view(utf8)); }
    static Str* create(const std::string& utf8) { return create(std::string_view(utf8)); }
    // A str from UTF-8 whose code-point count is already known.
    static Str* create_with_length(std::string&& utf8, size_t length);
    static Str* create_with_length(std::string_view utf8, size_t length);
    // A str for `part`, a piece of `whole`'s text (a substring of an ASCII
    // str is ASCII: no length scan).
    static Str* create_part(const Str* whole, std::string_view part);
    // The interned str for `utf8` (created on first use, never collected).
    static Str* intern(std::string_view utf8);
    // Interns `s` in place if possible (returns the canonical object).
    static Str* intern(Str* s);
    // The concatenation of the `n` strs in `parts` (BUILD_STRING, join):
    // one pre-sized buffer, lengths summed instead of rescanned.
    static Str* concat(const Value* parts, size_t n);
    // The empty string.
    static Str* empty();

    const std::string& data() const { return m_data; }
    std::string_view view() const { return m_data; }
    const char* c_str() const { return m_data.c_str(); }
    size_t byte_size() const { return m_data.size(); }
    // Number of code points (len()).
    size_t length() const { return m_length; }
    bool is_ascii() const { return m_is_ascii; }
    bool is_interned() const { return m_is_interned; }
    // The code point at index `i` (0 <= i < length()).
    uint32_t code_point_at(size_t i) const;
    // Byte offset of code point `i` (0 <= i <= length()).
    size_t byte_offset(size_t i) const;
    // CPython-compatible hash (SipHash-1-3 over the PEP 393 representation).
    int64_t hash();
    bool equals(const Str* other) const { return this == other || m_data == other->m_data; }

    bool m_is_interned = false;

private:
    // Every checkpoint_stride code points, one byte offset.
    static constexpr size_t checkpoint_stride = 64;

    std::string m_data;
    size_t m_length;
    int64_t m_hash = -1;
    // Long non-ASCII strings only, built on the first indexing: the byte
    // offset of code point k * checkpoint_stride, so indexing is O(stride)
    // instead of O(n). Immutable text: never invalidated.
    mutable size_t* m_checkpoints = nullptr;
    bool m_is_ascii;
};

inline Str* as_str(Value v) { return static_cast<Str*>(v.as_object()); }
// The str object for a C string (not interned).
inline Value str_value(std::string_view utf8) { return Value(Str::create(utf8)); }
// Number of code points in valid UTF-8 `utf8`; sets `ascii`.
size_t utf8_length(std::string_view utf8, bool& ascii);
// True if every byte of `text` is an ASCII letter, digit or '_' (CPython's
// all_name_chars, the test for interning a str constant). A fixed table,
// not the locale's isalnum.
bool is_ascii_name_chars(std::string_view text);
// Appends code point `cp` encoded as UTF-8 (surrogates as 3 bytes).
void append_utf8(std::string& out, uint32_t cp);
// Decodes the code point at `p` (advancing it).
uint32_t decode_utf8(const char*& p);
// repr(s) as CPython prints it (quotes chosen like unicode_repr).
std::string str_repr(const Str* s);
// The str for a single code point `cp`.
Str* str_from_code_point(uint32_t cp);

} // namespace adder
