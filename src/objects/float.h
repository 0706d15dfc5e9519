// float and complex: IEEE doubles. repr uses the shortest round-tripping
// form (CPython's float_repr / 'r' format). Rich methods in float_methods.cpp
// and complex_methods.cpp.
#pragma once

#include <string>

#include "objects/object.h"

namespace adder {

class Float : public Object {
public:
    using GcTriviallySweepable = Float; // owns no memory: the sweep skips ~Float
    Float(Type* type, double v) : Object(type), m_value(v) {}
    double value() const { return m_value; }

private:
    double m_value;
};

class Complex : public Object {
public:
    using GcTriviallySweepable = Complex; // owns no memory: the sweep skips ~Complex
    Complex(Type* type, double re, double im) : Object(type), m_real(re), m_imag(im) {}
    double real() const { return m_real; }
    double imag() const { return m_imag; }

private:
    double m_real, m_imag;
};

Value float_value(double v);
inline double float_of(Value v) { return static_cast<Float*>(v.as_object())->value(); }
Value complex_value(double re, double im);
// repr(float) text: shortest round-trip, CPython rules for exponent/".0".
std::string float_repr(double v);
// hash(float) exactly as CPython's _Py_HashDouble (NaN hashes by identity: pass `identity`).
int64_t float_hash(double v, const void* identity);
// The double value of a float or int `v`; TypeError "must be real number, not X" otherwise.
Result<double> to_double(Value v);

} // namespace adder
