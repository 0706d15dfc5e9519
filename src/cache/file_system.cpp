// PosixFileSystem: thin errno-returning wrappers over the POSIX calls.
#include "cache/file_system.h"

#include <cerrno>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace adder::cache {

int PosixFileSystem::stat(const std::string& path, FileStat* out)
{
    struct stat st;
    if (::stat(path.c_str(), &st) != 0)
        return errno;
    out->mtime_ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    out->ctime_ns = int64_t(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    out->size = static_cast<uint64_t>(st.st_size);
    out->inode = st.st_ino;
    out->dev = st.st_dev;
    out->mode = st.st_mode;
    out->is_directory = S_ISDIR(st.st_mode);
    out->is_regular = S_ISREG(st.st_mode);
    return 0;
}

int PosixFileSystem::read_file(const std::string& path, std::string* out)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    // Size the buffer from fstat so a regular file is read by one read()
    // straight into the string; the loop also handles short reads, pipes
    // and files that report size 0.
    struct stat st;
    size_t guess = 0;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        guess = static_cast<size_t>(st.st_size);
    out->resize(guess + 1);
    size_t used = 0;
    for (;;) {
        if (used == out->size())
            out->resize(out->size() < 65536 ? 65536 : out->size() * 2);
        ssize_t n = ::read(fd, out->data() + used, out->size() - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            ::close(fd);
            out->clear();
            return err;
        }
        if (n == 0)
            break;
        used += static_cast<size_t>(n);
        // The size fstat gave is read: skip the read() that would return 0
        // (one syscall per import). A file growing meanwhile is cut at its
        // stat size, as if read a moment earlier; a cache file's header
        // records its body length, so a torn one is still detected.
        if (guess && used == guess)
            break;
    }
    out->resize(used);
    ::close(fd);
    return 0;
}

int PosixFileSystem::mkdir(const std::string& path, uint32_t mode)
{
    return ::mkdir(path.c_str(), mode) == 0 ? 0 : errno;
}

int PosixFileSystem::open_exclusive(const std::string& path, uint32_t mode, int* fd)
{
    *fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    return *fd >= 0 ? 0 : errno;
}

int64_t PosixFileSystem::write(int fd, const void* data, size_t size)
{
    for (;;) {
        ssize_t n = ::write(fd, data, size);
        if (n >= 0)
            return n;
        if (errno != EINTR)
            return -errno;
    }
}

int PosixFileSystem::close(int fd) { return ::close(fd) == 0 ? 0 : errno; }

int PosixFileSystem::rename(const std::string& from, const std::string& to)
{
    return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

int PosixFileSystem::unlink(const std::string& path) { return ::unlink(path.c_str()) == 0 ? 0 : errno; }

int PosixFileSystem::list_dir(const std::string& path, std::vector<std::string>* names)
{
    DIR* dir = ::opendir(path.c_str());
    if (!dir)
        return errno;
    names->clear();
    while (struct dirent* e = ::readdir(dir)) {
        std::string name = e->d_name;
        if (name != "." && name != "..")
            names->push_back(std::move(name));
    }
    ::closedir(dir);
    return 0;
}

std::string PosixFileSystem::getcwd()
{
    char buf[4096];
    return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
}

int64_t PosixFileSystem::now_ns()
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int PosixFileSystem::pid() { return static_cast<int>(::getpid()); }

FileSystem& default_file_system()
{
    static PosixFileSystem s_fs;
    return s_fs;
}

} // namespace adder::cache
