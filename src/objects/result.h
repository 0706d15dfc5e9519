// Error propagation without C++ exceptions: a Python exception is a value
// stored in the ThreadState ("pending"), and every fallible function returns
// `Result<T>` (or `Status` for no value) saying whether one is pending.
// `TRY(expr)` unwraps or propagates (GNU statement expression, GCC/Clang only),
// `MUST(expr)` asserts success, `VERIFY(cond)` aborts on a broken invariant.
// Modelled on LibJS's AK/Try.h; see STYLE.md §5 for the trade-offs.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace adder {

// Tag meaning "an exception is pending in the thread state"; converts to any Result.
struct Pending {};
inline constexpr Pending pending{};

// Either a `T` or "exception pending". `T` must be default-constructible.
template<typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)), m_ok(true) {}
    Result(Pending) : m_value(), m_ok(false) {}
    bool is_error() const { return !m_ok; }
    bool is_ok() const { return m_ok; }
    T& value() { return m_value; }
    T release_value() { return std::move(m_value); }

private:
    T m_value;
    bool m_ok;
};

template<>
class [[nodiscard]] Result<void> {
public:
    Result() : m_ok(true) {}
    Result(Pending) : m_ok(false) {}
    bool is_error() const { return !m_ok; }
    bool is_ok() const { return m_ok; }
    void release_value() {}

private:
    bool m_ok;
};

using Status = Result<void>;
inline Status ok() { return {}; }

[[noreturn]] void verify_failed(const char* expr, const char* file, int line);

} // namespace adder

// Unwraps a Result, returning `pending` from the enclosing function on error.
#define TRY(expr)                                              \
    ({                                                         \
        auto&& _adder_try = (expr);                            \
        if (_adder_try.is_error()) [[unlikely]]                \
            return ::adder::pending;                           \
        _adder_try.release_value();                            \
    })

// Unwraps a Result that cannot fail; aborts if it did.
#define MUST(expr)                                                        \
    ({                                                                    \
        auto&& _adder_must = (expr);                                      \
        if (_adder_must.is_error()) [[unlikely]]                          \
            ::adder::verify_failed("MUST(" #expr ")", __FILE__, __LINE__); \
        _adder_must.release_value();                                      \
    })

#define VERIFY(cond)                                                  \
    do {                                                              \
        if (!(cond)) [[unlikely]]                                     \
            ::adder::verify_failed(#cond, __FILE__, __LINE__);        \
    } while (0)
