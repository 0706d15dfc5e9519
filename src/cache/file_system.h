// The file-system operations the cache needs, behind an interface so tests
// can fake time, make writes short or failing, or make rename fail (fault
// injection), and so the import system can share one instance. All results
// are errno values (0 = success): the cache never throws.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace adder::cache {

// What the cache needs from stat(2), following symlinks as CPython does.
struct FileStat {
    int64_t mtime_ns = 0;
    int64_t ctime_ns = 0;
    uint64_t size = 0;
    uint64_t inode = 0;
    uint64_t dev = 0;
    uint32_t mode = 0; // st_mode (type and permission bits)
    bool is_directory = false;
    bool is_regular = false;
};

class FileSystem {
public:
    virtual ~FileSystem() = default;

    // stat(2) of `path` into `out`. Returns 0 or an errno value.
    virtual int stat(const std::string& path, FileStat* out) = 0;
    // Reads the whole file at `path` into `out`. Returns 0 or an errno value
    // (EISDIR for a directory).
    virtual int read_file(const std::string& path, std::string* out) = 0;
    // mkdir(2) of `path` with `mode` (the umask applies). Returns 0 or errno.
    virtual int mkdir(const std::string& path, uint32_t mode) = 0;
    // open(2) with O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC and `mode`; stores the
    // descriptor in `fd`. Returns 0 or errno.
    virtual int open_exclusive(const std::string& path, uint32_t mode, int* fd) = 0;
    // write(2): returns the number of bytes written (possibly fewer than
    // `size`) or a negated errno value.
    virtual int64_t write(int fd, const void* data, size_t size) = 0;
    // close(2). Returns 0 or errno.
    virtual int close(int fd) = 0;
    // rename(2). Returns 0 or errno.
    virtual int rename(const std::string& from, const std::string& to) = 0;
    // unlink(2). Returns 0 or errno.
    virtual int unlink(const std::string& path) = 0;
    // Names in directory `path` (without "." and ".."). Returns 0 or errno.
    virtual int list_dir(const std::string& path, std::vector<std::string>* names) = 0;
    // The current working directory ("" when it cannot be determined).
    virtual std::string getcwd() = 0;
    // Wall-clock time in nanoseconds since the epoch (racy-entry decisions).
    virtual int64_t now_ns() = 0;
    // The process id, used in temp file names.
    virtual int pid() = 0;
};

// The real POSIX file system.
class PosixFileSystem : public FileSystem {
public:
    int stat(const std::string& path, FileStat* out) override;
    int read_file(const std::string& path, std::string* out) override;
    int mkdir(const std::string& path, uint32_t mode) override;
    int open_exclusive(const std::string& path, uint32_t mode, int* fd) override;
    int64_t write(int fd, const void* data, size_t size) override;
    int close(int fd) override;
    int rename(const std::string& from, const std::string& to) override;
    int unlink(const std::string& path) override;
    int list_dir(const std::string& path, std::vector<std::string>* names) override;
    std::string getcwd() override;
    int64_t now_ns() override;
    int pid() override;
};

// A process-wide PosixFileSystem instance.
FileSystem& default_file_system();

} // namespace adder::cache
