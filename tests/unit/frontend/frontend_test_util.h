// Helpers shared by the front end's tests: file reading and the location of
// the golden files (ADDER_SOURCE_DIR is defined by CMake for unit tests).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace adder::test {

inline std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::filesystem::path source_dir() { return ADDER_SOURCE_DIR; }

// The names of the files in `dir` ending with `ext`, sorted.
inline std::vector<std::string> files_in(const std::filesystem::path& dir, const std::string& ext)
{
    std::vector<std::string> out;
    std::error_code ec;
    for (auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
            out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace adder::test
