// An in-memory FileSystem for fuzz targets: a map of path -> bytes with a
// fixed stat per file, so a load runs without touching the disk.
#pragma once

#include "cache/file_system.h"

#include <cerrno>
#include <map>

namespace adder::cache::fuzzing {

class MemFileSystem : public FileSystem {
public:
    struct File {
        std::string data;
        FileStat stat;
    };
    std::map<std::string, File> files;
    int64_t now = 1800000000LL * 1000000000LL;

    int stat(const std::string& path, FileStat* out) override
    {
        auto it = files.find(path);
        if (it == files.end())
            return ENOENT;
        *out = it->second.stat;
        out->size = it->second.data.size();
        out->is_regular = true;
        return 0;
    }
    int read_file(const std::string& path, std::string* out) override
    {
        auto it = files.find(path);
        if (it == files.end())
            return ENOENT;
        *out = it->second.data;
        return 0;
    }
    // Writing is not needed by load(); header refreshes simply fail.
    int mkdir(const std::string&, uint32_t) override { return EROFS; }
    int open_exclusive(const std::string&, uint32_t, int*) override { return EROFS; }
    int64_t write(int, const void*, size_t) override { return -EROFS; }
    int close(int) override { return 0; }
    int rename(const std::string&, const std::string&) override { return EROFS; }
    int unlink(const std::string&) override { return ENOENT; }
    int list_dir(const std::string&, std::vector<std::string>*) override { return ENOENT; }
    std::string getcwd() override { return "/"; }
    int64_t now_ns() override { return now; }
    int pid() override { return 1; }
};

} // namespace adder::cache::fuzzing
