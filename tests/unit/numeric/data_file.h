// Reads the tab-separated expectation tables that gen_data.py produced with
// CPython 3.11. Doubles are 16 hex digits of their IEEE bits and strings are
// hex of their UTF-8 bytes ("-" for empty), so the files are plain ASCII.
#pragma once

#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace adder::testdata {

using Row = std::vector<std::string>;

// All rows of tests/unit/<dir>/data/<name>; fails the test when the file is missing.
inline std::vector<Row> read_rows(const std::string& dir, const std::string& name)
{
    std::string path = std::string(ADDER_SOURCE_DIR) + "/tests/unit/" + dir + "/data/" + name;
    std::ifstream in(path);
    EXPECT_TRUE(in.good()) << "missing " << path;
    std::vector<Row> rows;
    std::string line;
    while (std::getline(in, line)) {
        Row row;
        size_t start = 0;
        while (true) {
            size_t tab = line.find('\t', start);
            row.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos)
                break;
            start = tab + 1;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

inline double double_from_bits(const std::string& hex)
{
    uint64_t b = std::stoull(hex, nullptr, 16);
    double d;
    std::memcpy(&d, &b, 8);
    return d;
}

inline std::string bits_of(double d)
{
    uint64_t b;
    std::memcpy(&b, &d, 8);
    char buf[17];
    snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(b));
    return buf;
}

inline std::string unhex(const std::string& hex)
{
    std::string out;
    if (hex == "-")
        return out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

inline std::string tohex(const std::string& bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out.empty() ? "-" : out;
}

} // namespace adder::testdata
