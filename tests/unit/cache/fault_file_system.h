// A PosixFileSystem with fault injection and a controllable clock, for the
// write and load tests.
#pragma once

#include "cache/file_system.h"

#include <atomic>
#include <optional>

namespace adder::cache::testing {

class FaultFileSystem : public PosixFileSystem {
public:
    int open_errno = 0;          // fail open_exclusive with this errno
    int write_errno = 0;         // fail writes with this errno ...
    size_t write_fail_after = 0; // ... once this many bytes were written
    size_t short_write_max = 0;  // if nonzero, write at most this many bytes per call
    bool write_zero = false;     // writes make no progress
    int rename_errno = 0;        // fail rename with this errno
    int close_errno = 0;         // fail close with this errno
    int mkdir_errno = 0;         // fail mkdir with this errno
    std::optional<int64_t> fake_now;
    std::atomic<int> source_reads { 0 };
    std::string counted_path;    // read_file calls on this path are counted

    int read_file(const std::string& path, std::string* out) override
    {
        if (path == counted_path)
            ++source_reads;
        return PosixFileSystem::read_file(path, out);
    }
    int mkdir(const std::string& path, uint32_t mode) override
    {
        return mkdir_errno ? mkdir_errno : PosixFileSystem::mkdir(path, mode);
    }
    int open_exclusive(const std::string& path, uint32_t mode, int* fd) override
    {
        if (open_errno)
            return open_errno;
        m_written = 0;
        return PosixFileSystem::open_exclusive(path, mode, fd);
    }
    int64_t write(int fd, const void* data, size_t size) override
    {
        if (write_zero)
            return 0;
        if (write_errno && m_written >= write_fail_after)
            return -write_errno;
        if (write_errno && size > write_fail_after - m_written)
            size = write_fail_after - m_written;
        if (short_write_max && size > short_write_max)
            size = short_write_max;
        int64_t n = PosixFileSystem::write(fd, data, size);
        if (n > 0)
            m_written += static_cast<size_t>(n);
        return n;
    }
    int close(int fd) override
    {
        int r = PosixFileSystem::close(fd);
        return close_errno ? close_errno : r;
    }
    int rename(const std::string& from, const std::string& to) override
    {
        return rename_errno ? rename_errno : PosixFileSystem::rename(from, to);
    }
    int64_t now_ns() override { return fake_now ? *fake_now : PosixFileSystem::now_ns(); }

private:
    size_t m_written = 0;
};

} // namespace adder::cache::testing
