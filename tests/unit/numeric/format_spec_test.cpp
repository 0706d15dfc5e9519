// format() specs, printf conversions and complex repr against CPython 3.11 (gen_data.py).
#include "numeric/format_spec.h"

#include "data_file.h"
#include "text/utf8.h"

using namespace adder::numeric;
using namespace adder::testdata;

namespace {

// Runs one row: parse then format, returning ("OK", text) or (error kind, message).
std::pair<std::string, std::string> run_format(const std::string& kind, const std::string& value, const std::string& spec_text)
{
    std::string type_name = kind;
    FormatTarget target = kind == "str" ? FormatTarget::Str : FormatTarget::Number;
    FormatSpec spec;
    FormatError error;
    std::string out;
    bool ok = parse_format_spec(spec_text, target, type_name, spec, error);
    if (ok) {
        if (kind == "int") {
            BigInt v;
            EXPECT_EQ(BigInt::parse(value, 10, v, 0), ParseIntStatus::Ok);
            ok = format_int(v, spec, type_name, out, error);
        } else if (kind == "float") {
            ok = format_float(double_from_bits(value), spec, type_name, out, error);
        } else if (kind == "complex") {
            size_t colon = value.find(':');
            ok = format_complex(double_from_bits(value.substr(0, colon)), double_from_bits(value.substr(colon + 1)),
                spec, type_name, out, error);
        } else {
            std::string s = unhex(value);
            ok = format_str(s, static_cast<int64_t>(adder::text::cp_length(s)), spec, type_name, out, error);
        }
    }
    if (ok)
        return { "OK", tohex(out) };
    return { error.overflow ? "OverflowError" : "ValueError", tohex(error.message) };
}

} // namespace

TEST(FormatSpec, GridMatchesCPython)
{
    auto rows = read_rows("numeric", "format_spec.txt");
    ASSERT_GT(rows.size(), 9000u);
    int failures = 0;
    for (auto& r : rows) {
        auto [status, text] = run_format(r[0], r[1], unhex(r[2]));
        if (status != r[3] || text != r[4]) {
            if (++failures <= 30)
                ADD_FAILURE() << r[0] << " " << r[1] << " spec '" << unhex(r[2]) << "': got " << status << " '"
                              << unhex(text) << "' want " << r[3] << " '" << unhex(r[4]) << "'";
        }
    }
    EXPECT_EQ(failures, 0);
}

TEST(FormatSpec, ComplexRepr)
{
    for (auto& r : read_rows("numeric", "complex_repr.txt"))
        EXPECT_EQ(complex_repr(double_from_bits(r[0]), double_from_bits(r[1])), unhex(r[2]));
}

TEST(FormatSpec, PrintfMatchesCPython)
{
    int failures = 0;
    for (auto& r : read_rows("numeric", "printf.txt")) {
        if (r[3] != "OK")
            continue;
        std::string fmt = unhex(r[2]);
        PrintfSpec spec;
        size_t i = 1;
        for (; i < fmt.size() && std::string_view("-+ #0").find(fmt[i]) != std::string_view::npos; ++i) {
            switch (fmt[i]) {
            case '-': spec.left = true; break;
            case '+': spec.plus = true; break;
            case ' ': spec.space = true; break;
            case '#': spec.alternate = true; break;
            case '0': spec.zero = true; break;
            }
        }
        size_t j = i;
        while (j < fmt.size() && isdigit(static_cast<unsigned char>(fmt[j])))
            ++j;
        if (j > i)
            spec.width = std::stoll(fmt.substr(i, j - i));
        if (j < fmt.size() && fmt[j] == '.') {
            size_t k = ++j;
            while (j < fmt.size() && isdigit(static_cast<unsigned char>(fmt[j])))
                ++j;
            spec.precision = j > k ? std::stoll(fmt.substr(k, j - k)) : 0;
        }
        spec.conversion = fmt[j];
        std::string out;
        if (r[0] == "int") {
            BigInt v;
            EXPECT_EQ(BigInt::parse(r[1], 10, v, 0), ParseIntStatus::Ok);
            out = printf_int(v, spec);
        } else if (r[0] == "float") {
            out = printf_float(double_from_bits(r[1]), spec);
        } else {
            std::string s = unhex(r[1]);
            out = printf_text(s, static_cast<int64_t>(adder::text::cp_length(s)), spec);
        }
        if (tohex(out) != r[4] && ++failures <= 30)
            ADD_FAILURE() << "'" << fmt << "' % " << r[1] << ": got '" << out << "' want '" << unhex(r[4]) << "'";
    }
    EXPECT_EQ(failures, 0);
}
