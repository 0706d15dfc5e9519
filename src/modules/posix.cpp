// The posix module (what os, os.path, stat, shutil and tempfile need):
// file and directory system calls raising CPython's OSError subclasses,
// stat_result, scandir/DirEntry, environ (bytes keys and values, as
// CPython's posix.environ), process ids, urandom, the wait-status helpers
// and the flag constants. Paths are str (UTF-8), bytes, or os.PathLike;
// bytes in, bytes out, as CPython.
// FIXME: dir_fd/follow_symlinks=False variants (the _have_functions list is
// empty, so os.supports_dir_fd is empty and callers don't pass them), fork/exec,
// surrogateescape for undecodable file names.
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cmath>
#include <string>

#include "import/import.h"
#include "modules/stdlib_modules.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

extern char** environ;

namespace adder {

static Value g_stat_result;

// A path argument: str, bytes or os.PathLike (CPython's path_converter).
struct PathArg {
    std::string path;
    bool is_bytes = false;
    Value object;   // the argument as given (for the exception's filename)
};

static Result<PathArg> path_arg(Value v, const char* fname, const char* argname)
{
    PathArg p;
    p.object = v;
    Value x = v;
    if (!is_str(x) && !is_bytes(x)) {
        Value fspath = type_lookup(x.type(), "__fspath__");
        if (!fspath)
            return throw_error(g_TypeError, "%s: %s should be string, bytes or os.PathLike, not %s", fname, argname,
                               x.type()->m_name.c_str());
        x = TRY(call_method(x, "__fspath__", {}));
        if (!is_str(x) && !is_bytes(x))
            return throw_error(g_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                               v.type()->m_name.c_str(), x.type()->m_name.c_str());
    }
    if (is_str(x)) {
        p.path = as_str(x)->data();
    } else {
        p.path = as_bytes(x)->data();
        p.is_bytes = true;
    }
    if (p.path.find('\0') != std::string::npos)
        return throw_error(g_ValueError, "%s: embedded null character in %s", fname, argname);
    return p;
}

static Value name_value(const std::string& s, bool as_bytes_) { return as_bytes_ ? bytes_value(s) : str_value(s); }

static Result<int> fd_arg(Value v)
{
    if (!is_int(v))
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->m_name.c_str());
    int64_t fd = TRY(index_as_i64(v));
    if (fd > INT_MAX || fd < INT_MIN)
        return throw_error(g_OverflowError, "fd is greater than maximum");
    return int(fd);
}

static Pending os_error(int err, const PathArg& p) { return stdmod::raise_os_error(err, p.object); }

// Rejects dir_fd / follow_symlinks=False (not supported yet, see the file comment).
static Status no_dir_fd(Value dir_fd, const char* fname)
{
    if (dir_fd && !is_none(dir_fd))
        return throw_error(g_NotImplementedError, "%s: dir_fd unavailable on this platform", fname);
    return ok();
}

static Result<Value> make_stat_result(const struct stat& st)
{
    auto ts = [](const timespec& t) { return float_value(double(t.tv_sec) + double(t.tv_nsec) * 1e-9); };
    auto ns = [](const timespec& t) -> Result<Value> {
        Value s = int_from_i64(t.tv_sec);
        Value m = TRY(binary_op(s, int_from_i64(1000000000), NB_MULTIPLY));
        return binary_op(m, int_from_i64(t.tv_nsec), NB_ADD);
    };
    Value items[19] = { int_from_i64(st.st_mode), int_from_u64(st.st_ino), int_from_u64(st.st_dev), int_from_i64(st.st_nlink),
                        int_from_i64(st.st_uid), int_from_i64(st.st_gid), int_from_i64(st.st_size),
                        int_from_i64(st.st_atim.tv_sec), int_from_i64(st.st_mtim.tv_sec), int_from_i64(st.st_ctim.tv_sec),
                        ts(st.st_atim), ts(st.st_mtim), ts(st.st_ctim), TRY(ns(st.st_atim)), TRY(ns(st.st_mtim)),
                        TRY(ns(st.st_ctim)), int_from_i64(st.st_blksize), int_from_i64(st.st_blocks), int_from_u64(st.st_rdev) };
    return call(g_stat_result, { Value(Tuple::create(std::span<const Value>(items, 19))) });
}

static Result<Value> do_stat(CallArgs args, const char* fname, bool follow_default)
{
    Value path, dir_fd, follow;
    TRY(parse_args(args, fname, { "path", "dir_fd", "follow_symlinks" }, 1, { &path, &dir_fd, &follow }));
    TRY(no_dir_fd(dir_fd, fname));
    bool follow_links = follow_default;
    if (follow)
        follow_links = follow_links && TRY(truthy(follow));
    struct stat st;
    if (is_int(path)) {
        int fd = TRY(fd_arg(path));
        if (::fstat(fd, &st) != 0)
            return stdmod::raise_os_error(errno);
        return make_stat_result(st);
    }
    PathArg p = TRY(path_arg(path, fname, "path"));
    if ((follow_links ? ::stat(p.path.c_str(), &st) : ::lstat(p.path.c_str(), &st)) != 0)
        return os_error(errno, p);
    return make_stat_result(st);
}

static Result<Value> posix_stat(Value, CallArgs args) { return do_stat(args, "stat", true); }
static Result<Value> posix_lstat(Value, CallArgs args) { return do_stat(args, "lstat", false); }

static Result<Value> posix_fstat(Value, CallArgs args)
{
    Value fdv;
    TRY(parse_args(args, "fstat", { "fd" }, 1, { &fdv }));
    int fd = TRY(fd_arg(fdv));
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return stdmod::raise_os_error(errno);
    return make_stat_result(st);
}

static Result<Value> posix_open(Value, CallArgs args)
{
    Value path, flags, mode, dir_fd;
    TRY(parse_args(args, "open", { "path", "flags", "mode", "dir_fd" }, 2, { &path, &flags, &mode, &dir_fd }));
    TRY(no_dir_fd(dir_fd, "open"));
    PathArg p = TRY(path_arg(path, "open", "path"));
    int64_t fl = TRY(index_as_i64(flags));
    int64_t md = mode ? TRY(index_as_i64(mode)) : 0777;
    int fd = ::open(p.path.c_str(), int(fl) | O_CLOEXEC, mode_t(md));
    if (fd < 0)
        return os_error(errno, p);
    return Value::small(fd);
}

static Result<Value> posix_close(Value, CallArgs args)
{
    Value fdv;
    TRY(parse_args(args, "close", { "fd" }, 1, { &fdv }));
    int fd = TRY(fd_arg(fdv));
    if (::close(fd) != 0)
        return stdmod::raise_os_error(errno);
    return none();
}

static Result<Value> posix_read(Value, CallArgs args)
{
    TRY(check_arity(args, "read", 2, 2));
    int fd = TRY(fd_arg(args[0]));
    int64_t n = TRY(index_as_i64(args[1]));
    if (n < 0)
        return stdmod::raise_os_error(EINVAL);
    std::string buf(size_t(n), '\0');
    ssize_t got;
    do
        got = ::read(fd, buf.data(), buf.size());
    while (got < 0 && errno == EINTR);
    if (got < 0)
        return stdmod::raise_os_error(errno);
    buf.resize(size_t(got));
    return bytes_value(buf);
}

static Result<Value> posix_write(Value, CallArgs args)
{
    TRY(check_arity(args, "write", 2, 2));
    int fd = TRY(fd_arg(args[0]));
    std::string_view data;
    if (is_bytes(args[1]))
        data = as_bytes(args[1])->view();
    else if (is_bytearray(args[1]))
        data = as_bytearray(args[1])->view();
    else
        return throw_error(g_TypeError, "a bytes-like object is required, not '%s'", args[1].type()->m_name.c_str());
    ssize_t put;
    do
        put = ::write(fd, data.data(), data.size());
    while (put < 0 && errno == EINTR);
    if (put < 0)
        return stdmod::raise_os_error(errno);
    return int_from_i64(put);
}

static Result<Value> path_call(CallArgs args, const char* fname, int (*fn)(const char*))
{
    Value path, dir_fd;
    TRY(parse_args(args, fname, { "path", "dir_fd" }, 1, { &path, &dir_fd }));
    TRY(no_dir_fd(dir_fd, fname));
    PathArg p = TRY(path_arg(path, fname, "path"));
    if (fn(p.path.c_str()) != 0)
        return os_error(errno, p);
    return none();
}

static Result<Value> posix_unlink(Value, CallArgs args) { return path_call(args, "unlink", ::unlink); }
static Result<Value> posix_remove(Value, CallArgs args) { return path_call(args, "remove", ::unlink); }
static Result<Value> posix_rmdir(Value, CallArgs args) { return path_call(args, "rmdir", ::rmdir); }
static Result<Value> posix_chdir(Value, CallArgs args)
{
    Value path;
    TRY(parse_args(args, "chdir", { "path" }, 1, { &path }));
    if (is_int(path)) {
        if (::fchdir(TRY(fd_arg(path))) != 0)
            return stdmod::raise_os_error(errno);
        return none();
    }
    PathArg p = TRY(path_arg(path, "chdir", "path"));
    if (::chdir(p.path.c_str()) != 0)
        return os_error(errno, p);
    return none();
}

static Result<Value> posix_mkdir(Value, CallArgs args)
{
    Value path, mode, dir_fd;
    TRY(parse_args(args, "mkdir", { "path", "mode", "dir_fd" }, 1, { &path, &mode, &dir_fd }));
    TRY(no_dir_fd(dir_fd, "mkdir"));
    PathArg p = TRY(path_arg(path, "mkdir", "path"));
    int64_t md = mode ? TRY(index_as_i64(mode)) : 0777;
    if (::mkdir(p.path.c_str(), mode_t(md)) != 0)
        return os_error(errno, p);
    return none();
}

static Result<Value> do_rename(CallArgs args, const char* fname)
{
    Value src, dst, sfd, dfd;
    TRY(parse_args(args, fname, { "src", "dst", "src_dir_fd", "dst_dir_fd" }, 2, { &src, &dst, &sfd, &dfd }));
    TRY(no_dir_fd(sfd, fname));
    TRY(no_dir_fd(dfd, fname));
    PathArg s = TRY(path_arg(src, fname, "src"));
    PathArg d = TRY(path_arg(dst, fname, "dst"));
    if (s.is_bytes != d.is_bytes)
        return throw_error(g_TypeError, "%s: src and dst must be the same type", fname);
    if (::rename(s.path.c_str(), d.path.c_str()) != 0)
        return stdmod::raise_os_error(errno, s.object, d.object);
    return none();
}

static Result<Value> posix_rename(Value, CallArgs args) { return do_rename(args, "rename"); }
static Result<Value> posix_replace(Value, CallArgs args) { return do_rename(args, "replace"); }

static Result<Value> posix_getcwd(Value, CallArgs args)
{
    TRY(check_arity(args, "getcwd", 0, 0));
    char buf[PATH_MAX];
    if (!::getcwd(buf, sizeof buf))
        return stdmod::raise_os_error(errno);
    return str_value(buf);
}

static Result<Value> posix_getcwdb(Value, CallArgs args)
{
    TRY(check_arity(args, "getcwdb", 0, 0));
    char buf[PATH_MAX];
    if (!::getcwd(buf, sizeof buf))
        return stdmod::raise_os_error(errno);
    return bytes_value(buf);
}

// Reads directory `p` (skipping . and ..), calling `each(entry)`.
template<typename F>
static Status read_dir(const PathArg& p, F each)
{
    DIR* dir = ::opendir(p.path.c_str());
    if (!dir)
        return os_error(errno, p);
    errno = 0;
    while (dirent* e = ::readdir(dir)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0)
            continue;
        Status s = each(e);
        if (s.is_error()) {
            ::closedir(dir);
            return pending;
        }
        errno = 0;
    }
    int err = errno;
    ::closedir(dir);
    if (err)
        return os_error(err, p);
    return ok();
}

static Result<PathArg> dir_arg(Value path, const char* fname)
{
    if (!path || is_none(path)) {
        PathArg p;
        p.path = ".";
        p.object = str_value(".");
        return p;
    }
    return path_arg(path, fname, "path");
}

static Result<Value> posix_listdir(Value, CallArgs args)
{
    Value path;
    TRY(parse_args(args, "listdir", { "path" }, 0, { &path }));
    PathArg p = TRY(dir_arg(path, "listdir"));
    List* out = List::create();
    TRY(read_dir(p, [&](dirent* e) -> Status {
        out->append(name_value(e->d_name, p.is_bytes));
        return ok();
    }));
    return Value(out);
}

// _scandir(path) -> (list of (name, d_type, inode), path_was_bytes): the raw
// material of scandir(), whose DirEntry objects are built by the prelude.
static Result<Value> posix_scandir_raw(Value, CallArgs args)
{
    TRY(check_arity(args, "_scandir", 0, 1));
    PathArg p = TRY(dir_arg(args.nargs ? args[0] : Value(), "scandir"));
    List* out = List::create();
    TRY(read_dir(p, [&](dirent* e) -> Status {
        out->append(Value(Tuple::create({ name_value(e->d_name, p.is_bytes), Value::small(e->d_type), int_from_u64(e->d_ino) })));
        return ok();
    }));
    return Value(out);
}

static Result<Value> posix_access(Value, CallArgs args)
{
    Value path, mode, dir_fd, eff, follow;
    TRY(parse_args(args, "access", { "path", "mode", "dir_fd", "effective_ids", "follow_symlinks" }, 2,
                   { &path, &mode, &dir_fd, &eff, &follow }));
    TRY(no_dir_fd(dir_fd, "access"));
    PathArg p = TRY(path_arg(path, "access", "path"));
    int64_t m = TRY(index_as_i64(mode));
    return py_bool(::access(p.path.c_str(), int(m)) == 0);
}

static Result<Value> posix_chmod(Value, CallArgs args)
{
    Value path, mode, dir_fd, follow;
    TRY(parse_args(args, "chmod", { "path", "mode", "dir_fd", "follow_symlinks" }, 2, { &path, &mode, &dir_fd, &follow }));
    TRY(no_dir_fd(dir_fd, "chmod"));
    int64_t m = TRY(index_as_i64(mode));
    if (is_int(path)) {
        if (::fchmod(TRY(fd_arg(path)), mode_t(m)) != 0)
            return stdmod::raise_os_error(errno);
        return none();
    }
    PathArg p = TRY(path_arg(path, "chmod", "path"));
    if (::chmod(p.path.c_str(), mode_t(m)) != 0)
        return os_error(errno, p);
    return none();
}

static Result<timespec> time_value(Value v)
{
    timespec t {};
    if (is_int(v)) {
        t.tv_sec = time_t(TRY(index_as_i64(v)));
        return t;
    }
    double d = TRY(to_double(v));
    double sec = std::floor(d);
    t.tv_sec = time_t(sec);
    t.tv_nsec = long(std::round((d - sec) * 1e9));
    if (t.tv_nsec >= 1000000000) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000;
    }
    return t;
}

static Result<Value> posix_utime(Value, CallArgs args)
{
    Value path, times, ns, dir_fd, follow;
    TRY(parse_args(args, "utime", { "path", "times", "ns", "dir_fd", "follow_symlinks" }, 1, { &path, &times, &ns, &dir_fd, &follow }));
    TRY(no_dir_fd(dir_fd, "utime"));
    PathArg p = TRY(path_arg(path, "utime", "path"));
    timespec ts[2];
    timespec* tp = nullptr;
    bool have_times = times && !is_none(times);
    if (have_times && ns)
        return throw_error(g_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    if (have_times) {
        if (!is_tuple(times) || as_tuple(times)->size() != 2)
            return throw_error(g_TypeError, "utime: 'times' must be either a tuple of two ints or None");
        ts[0] = TRY(time_value(as_tuple(times)->at(0)));
        ts[1] = TRY(time_value(as_tuple(times)->at(1)));
        tp = ts;
    } else if (ns) {
        if (!is_tuple(ns) || as_tuple(ns)->size() != 2)
            return throw_error(g_TypeError, "utime: 'ns' must be a tuple of two ints");
        for (int i = 0; i < 2; ++i) {
            int64_t v = TRY(index_as_i64(as_tuple(ns)->at(size_t(i))));
            ts[i].tv_sec = time_t(v / 1000000000);
            ts[i].tv_nsec = long(v % 1000000000);
            if (ts[i].tv_nsec < 0) {
                ts[i].tv_sec--;
                ts[i].tv_nsec += 1000000000;
            }
        }
        tp = ts;
    }
    if (::utimensat(AT_FDCWD, p.path.c_str(), tp, 0) != 0)
        return os_error(errno, p);
    return none();
}

static Result<Value> posix_readlink(Value, CallArgs args)
{
    Value path, dir_fd;
    TRY(parse_args(args, "readlink", { "path", "dir_fd" }, 1, { &path, &dir_fd }));
    TRY(no_dir_fd(dir_fd, "readlink"));
    PathArg p = TRY(path_arg(path, "readlink", "path"));
    char buf[PATH_MAX];
    ssize_t n = ::readlink(p.path.c_str(), buf, sizeof buf);
    if (n < 0)
        return os_error(errno, p);
    return name_value(std::string(buf, size_t(n)), p.is_bytes);
}

static Result<Value> posix_symlink(Value, CallArgs args)
{
    Value src, dst, isdir, dir_fd;
    TRY(parse_args(args, "symlink", { "src", "dst", "target_is_directory", "dir_fd" }, 2, { &src, &dst, &isdir, &dir_fd }));
    TRY(no_dir_fd(dir_fd, "symlink"));
    PathArg s = TRY(path_arg(src, "symlink", "src"));
    PathArg d = TRY(path_arg(dst, "symlink", "dst"));
    if (::symlink(s.path.c_str(), d.path.c_str()) != 0)
        return stdmod::raise_os_error(errno, s.object, d.object);
    return none();
}

static Result<Value> posix_link(Value, CallArgs args)
{
    Value src, dst, sfd, dfd, follow;
    TRY(parse_args(args, "link", { "src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks" }, 2, { &src, &dst, &sfd, &dfd, &follow }));
    PathArg s = TRY(path_arg(src, "link", "src"));
    PathArg d = TRY(path_arg(dst, "link", "dst"));
    if (::link(s.path.c_str(), d.path.c_str()) != 0)
        return stdmod::raise_os_error(errno, s.object, d.object);
    return none();
}

static Result<Value> posix_urandom(Value, CallArgs args)
{
    TRY(check_arity(args, "urandom", 1, 1));
    int64_t n = TRY(index_as_i64(args[0]));
    if (n < 0)
        return throw_error(g_ValueError, "negative argument not allowed");
    std::string buf(size_t(n), '\0');
    size_t done = 0;
    while (done < buf.size()) {
        ssize_t got = ::getrandom(buf.data() + done, buf.size() - done, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return stdmod::raise_os_error(errno);
        }
        done += size_t(got);
    }
    return bytes_value(buf);
}

static Result<Value> posix_strerror(Value, CallArgs args)
{
    TRY(check_arity(args, "strerror", 1, 1));
    int64_t code = TRY(index_as_i64(args[0]));
    return str_value(std::strerror(int(code)));
}

static Result<Value> posix_exit(Value, CallArgs args)
{
    Value status;
    TRY(parse_args(args, "_exit", { "status" }, 1, { &status }));
    ::_exit(int(TRY(index_as_i64(status))));
}

static Result<Value> posix_fspath(Value, CallArgs args)
{
    Value path;
    TRY(parse_args(args, "fspath", { "path" }, 1, { &path }));
    if (is_str(path) || is_bytes(path))
        return path;
    if (!type_lookup(path.type(), "__fspath__"))
        return throw_error(g_TypeError, "expected str, bytes or os.PathLike object, not %s", path.type()->m_name.c_str());
    Value r = TRY(call_method(path, "__fspath__", {}));
    if (!is_str(r) && !is_bytes(r))
        return throw_error(g_TypeError, "expected %s.__fspath__() to return str or bytes, not %s", path.type()->m_name.c_str(),
                           r.type()->m_name.c_str());
    return r;
}

static Result<Value> posix_umask(Value, CallArgs args)
{
    TRY(check_arity(args, "umask", 1, 1));
    return Value::small(::umask(mode_t(TRY(index_as_i64(args[0])))));
}

static Result<Value> posix_lseek(Value, CallArgs args)
{
    TRY(check_arity(args, "lseek", 3, 3));
    int fd = TRY(fd_arg(args[0]));
    off_t r = ::lseek(fd, off_t(TRY(index_as_i64(args[1]))), int(TRY(index_as_i64(args[2]))));
    if (r < 0)
        return stdmod::raise_os_error(errno);
    return int_from_i64(r);
}

static Result<Value> fd_call(CallArgs args, const char* fname, int (*fn)(int))
{
    TRY(check_arity(args, fname, 1, 1));
    Value fdv = args[0];
    if (!is_int(fdv) && type_lookup(fdv.type(), "fileno"))
        fdv = TRY(call_method(fdv, "fileno", {}));
    if (fn(TRY(fd_arg(fdv))) != 0)
        return stdmod::raise_os_error(errno);
    return none();
}

static Result<Value> posix_fsync(Value, CallArgs args) { return fd_call(args, "fsync", ::fsync); }

static Result<Value> posix_ftruncate(Value, CallArgs args)
{
    TRY(check_arity(args, "ftruncate", 2, 2));
    if (::ftruncate(TRY(fd_arg(args[0])), off_t(TRY(index_as_i64(args[1])))) != 0)
        return stdmod::raise_os_error(errno);
    return none();
}

static Result<Value> posix_isatty(Value, CallArgs args)
{
    TRY(check_arity(args, "isatty", 1, 1));
    return py_bool(::isatty(TRY(fd_arg(args[0]))));
}

static Result<Value> posix_dup(Value, CallArgs args)
{
    TRY(check_arity(args, "dup", 1, 1));
    int fd = ::fcntl(TRY(fd_arg(args[0])), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return stdmod::raise_os_error(errno);
    return Value::small(fd);
}

static Result<Value> posix_dup2(Value, CallArgs args)
{
    Value fd, fd2, inheritable;
    TRY(parse_args(args, "dup2", { "fd", "fd2", "inheritable" }, 2, { &fd, &fd2, &inheritable }));
    int r = ::dup2(TRY(fd_arg(fd)), TRY(fd_arg(fd2)));
    if (r < 0)
        return stdmod::raise_os_error(errno);
    return Value::small(r);
}

static Result<Value> posix_pipe(Value, CallArgs args)
{
    TRY(check_arity(args, "pipe", 0, 0));
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return stdmod::raise_os_error(errno);
    return Value(Tuple::create({ Value::small(fds[0]), Value::small(fds[1]) }));
}

static Result<Value> posix_kill(Value, CallArgs args)
{
    TRY(check_arity(args, "kill", 2, 2));
    if (::kill(pid_t(TRY(index_as_i64(args[0]))), int(TRY(index_as_i64(args[1])))) != 0)
        return stdmod::raise_os_error(errno);
    return none();
}

static Result<Value> posix_system(Value, CallArgs args)
{
    Value command;
    TRY(parse_args(args, "system", { "command" }, 1, { &command }));
    PathArg p = TRY(path_arg(command, "system", "command"));
    return Value::small(std::system(p.path.c_str()));
}

static Result<Value> posix_putenv(Value, CallArgs args)
{
    TRY(check_arity(args, "putenv", 2, 2));
    PathArg k = TRY(path_arg(args[0], "putenv", "name"));
    PathArg v = TRY(path_arg(args[1], "putenv", "value"));
    if (k.path.empty() || k.path.find('=') != std::string::npos)
        return throw_error(g_ValueError, "illegal environment variable name");
    if (::setenv(k.path.c_str(), v.path.c_str(), 1) != 0)
        return stdmod::raise_os_error(errno);
    return none();
}

static Result<Value> posix_unsetenv(Value, CallArgs args)
{
    TRY(check_arity(args, "unsetenv", 1, 1));
    PathArg k = TRY(path_arg(args[0], "unsetenv", "name"));
    if (k.path.empty() || k.path.find('=') != std::string::npos)
        return throw_error(g_ValueError, "illegal environment variable name");
    if (::unsetenv(k.path.c_str()) != 0)
        return stdmod::raise_os_error(errno);
    return none();
}

// _terminal_size(fd) -> (columns, lines); the prelude wraps it in terminal_size.
static Result<Value> posix_terminal_size_raw(Value, CallArgs args)
{
    TRY(check_arity(args, "get_terminal_size", 1, 1));
    int fd = TRY(fd_arg(args[0]));
    winsize w {};
    if (::ioctl(fd, TIOCGWINSZ, &w) != 0)
        return stdmod::raise_os_error(errno);
    return Value(Tuple::create({ Value::small(w.ws_col), Value::small(w.ws_row) }));
}

static Result<Value> posix_cpu_count(Value, CallArgs args)
{
    TRY(check_arity(args, "cpu_count", 0, 0));
    long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? none() : int_from_i64(n);
}

static Result<Value> posix_device_encoding(Value, CallArgs args)
{
    Value fd;
    TRY(parse_args(args, "device_encoding", { "fd" }, 1, { &fd }));
    return ::isatty(TRY(fd_arg(fd))) ? str_value("utf-8") : none();
}

#define ADDER_ID_FN(pyname, expr)                                                          \
    static Result<Value> posix_##pyname(Value, CallArgs args)                              \
    {                                                                                      \
        TRY(check_arity(args, #pyname, 0, 0));                                             \
        return int_from_i64(int64_t(expr));                                                \
    }
ADDER_ID_FN(getpid, ::getpid())
ADDER_ID_FN(getppid, ::getppid())
ADDER_ID_FN(getuid, ::getuid())
ADDER_ID_FN(geteuid, ::geteuid())
ADDER_ID_FN(getgid, ::getgid())
ADDER_ID_FN(getegid, ::getegid())
#undef ADDER_ID_FN

#define ADDER_WAIT_FN(pyname, expr, boolean)                                               \
    static Result<Value> posix_##pyname(Value, CallArgs args)                              \
    {                                                                                      \
        Value sv;                                                                          \
        TRY(parse_args(args, #pyname, { "status" }, 1, { &sv }));                          \
        int status = int(TRY(index_as_i64(sv)));                                           \
        return boolean ? py_bool(expr) : int_from_i64(expr);                               \
    }
ADDER_WAIT_FN(WIFEXITED, WIFEXITED(status), true)
ADDER_WAIT_FN(WEXITSTATUS, WEXITSTATUS(status), false)
ADDER_WAIT_FN(WIFSIGNALED, WIFSIGNALED(status), true)
ADDER_WAIT_FN(WTERMSIG, WTERMSIG(status), false)
ADDER_WAIT_FN(WIFSTOPPED, WIFSTOPPED(status), true)
ADDER_WAIT_FN(WSTOPSIG, WSTOPSIG(status), false)
#undef ADDER_WAIT_FN

static const char* k_posix_prelude = R"PY(
error = OSError

class stat_result(tuple):
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')
    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        n = len(seq)
        if n < 10:
            raise TypeError(f"os.stat_result() takes an at least 10-sequence ({n}-sequence given)")
        if n > 19:
            raise TypeError(f"os.stat_result() takes an at most 19-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:10])
        extra = list(seq[10:]) + [None] * (19 - n)
        for i in range(3):
            if extra[i] is None:
                extra[i] = seq[7 + i]
        self._extra = tuple(extra)
        return self
    def __repr__(self):
        names = stat_result._names + ('st_atime', 'st_mtime', 'st_ctime')
        body = ', '.join(f'{k}={v!r}' for k, v in zip(names, self))
        return f'os.stat_result({body})'
    def __reduce__(self):
        return (stat_result, (tuple(self) + self._extra,))

def _field(i):
    return property(lambda self: tuple.__getitem__(self, i))
def _extra(i):
    return property(lambda self: self._extra[i])
for _i, _k in enumerate(stat_result._names):
    setattr(stat_result, _k, _field(_i))
for _i, _k in enumerate(('st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns',
                         'st_blksize', 'st_blocks', 'st_rdev')):
    setattr(stat_result, _k, _extra(_i))
stat_result.__module__ = 'os'
del _i, _k, _field, _extra

_DT_DIR, _DT_REG, _DT_LNK, _DT_UNKNOWN = 4, 8, 10, 0
_S_IFMT, _S_IFDIR, _S_IFREG, _S_IFLNK = 0o170000, 0o040000, 0o100000, 0o120000

class DirEntry:
    __slots__ = ('name', 'path', '_d_type', '_inode', '_stat', '_lstat')
    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")
    def __repr__(self):
        return f"<DirEntry {self.name!r}>"
    def __fspath__(self):
        return self.path
    def inode(self):
        return self._inode
    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat
    def _test_mode(self, follow_symlinks, dtype, mode_bits):
        if self._d_type != _DT_UNKNOWN and not (follow_symlinks and self._d_type == _DT_LNK):
            return self._d_type == dtype
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return (st.st_mode & _S_IFMT) == mode_bits
    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, _DT_DIR, _S_IFDIR)
    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, _DT_REG, _S_IFREG)
    def is_symlink(self):
        return self._test_mode(False, _DT_LNK, _S_IFLNK)
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

class ScandirIterator:
    __slots__ = ('_entries', '_index')
    def __iter__(self):
        return self
    def __next__(self):
        if self._entries is None or self._index >= len(self._entries):
            self._entries = None
            raise StopIteration
        e = self._entries[self._index]
        self._index += 1
        return e
    def close(self):
        self._entries = None
    def __enter__(self):
        return self
    def __exit__(self, *args):
        self.close()

def scandir(path=None):
    if path is None:
        top, as_bytes = '.', False
    else:
        top = fspath(path)
        as_bytes = isinstance(top, bytes)
    raw = _scandir(top)
    entries = []
    sep = b'/' if as_bytes else '/'
    dot = b'.' if as_bytes else '.'
    for name, d_type, ino in raw:
        e = object.__new__(DirEntry)
        e.name = name
        if path is None:
            e.path = name
        else:
            e.path = top + name if top.endswith(sep) else top + sep + name
        e._d_type = d_type
        e._inode = ino
        e._stat = None
        e._lstat = None
        entries.append(e)
    it = object.__new__(ScandirIterator)
    it._entries = entries
    it._index = 0
    return it

class terminal_size(tuple):
    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0
    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        if len(seq) != 2:
            raise TypeError(f"os.terminal_size() takes a 2-sequence ({len(seq)}-sequence given)")
        return tuple.__new__(cls, seq)
    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])
    def __repr__(self):
        return f"os.terminal_size(columns={self[0]!r}, lines={self[1]!r})"
terminal_size.__module__ = 'os'

def get_terminal_size(fd=1, /):
    return terminal_size(_terminal_size(fd))

def waitstatus_to_exitcode(status):
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    raise ValueError(f"invalid wait status: {status!r}")

_have_functions = []
)PY";

Module* create_posix_module()
{
    Module* m = Module::create("posix");
    using stdmod::def;
    def(m, "stat", posix_stat);
    def(m, "lstat", posix_lstat);
    def(m, "fstat", posix_fstat);
    def(m, "open", posix_open);
    def(m, "close", posix_close);
    def(m, "read", posix_read);
    def(m, "write", posix_write);
    def(m, "unlink", posix_unlink);
    def(m, "remove", posix_remove);
    def(m, "rmdir", posix_rmdir);
    def(m, "mkdir", posix_mkdir);
    def(m, "chdir", posix_chdir);
    def(m, "rename", posix_rename);
    def(m, "replace", posix_replace);
    def(m, "getcwd", posix_getcwd);
    def(m, "getcwdb", posix_getcwdb);
    def(m, "listdir", posix_listdir);
    def(m, "_scandir", posix_scandir_raw);
    def(m, "access", posix_access);
    def(m, "chmod", posix_chmod);
    def(m, "utime", posix_utime);
    def(m, "readlink", posix_readlink);
    def(m, "symlink", posix_symlink);
    def(m, "link", posix_link);
    def(m, "urandom", posix_urandom);
    def(m, "strerror", posix_strerror);
    def(m, "_exit", posix_exit);
    def(m, "fspath", posix_fspath);
    def(m, "umask", posix_umask);
    def(m, "lseek", posix_lseek);
    def(m, "fsync", posix_fsync);
    def(m, "ftruncate", posix_ftruncate);
    def(m, "isatty", posix_isatty);
    def(m, "dup", posix_dup);
    def(m, "dup2", posix_dup2);
    def(m, "pipe", posix_pipe);
    def(m, "kill", posix_kill);
    def(m, "system", posix_system);
    def(m, "putenv", posix_putenv);
    def(m, "unsetenv", posix_unsetenv);
    def(m, "cpu_count", posix_cpu_count);
    def(m, "_terminal_size", posix_terminal_size_raw);
    def(m, "device_encoding", posix_device_encoding);
    def(m, "getpid", posix_getpid);
    def(m, "getppid", posix_getppid);
    def(m, "getuid", posix_getuid);
    def(m, "geteuid", posix_geteuid);
    def(m, "getgid", posix_getgid);
    def(m, "getegid", posix_getegid);
    def(m, "WIFEXITED", posix_WIFEXITED);
    def(m, "WEXITSTATUS", posix_WEXITSTATUS);
    def(m, "WIFSIGNALED", posix_WIFSIGNALED);
    def(m, "WTERMSIG", posix_WTERMSIG);
    def(m, "WIFSTOPPED", posix_WIFSTOPPED);
    def(m, "WSTOPSIG", posix_WSTOPSIG);
    Dict* d = m->dict();
    struct { const char* name; int64_t value; } constants[] = {
        { "F_OK", F_OK }, { "R_OK", R_OK }, { "W_OK", W_OK }, { "X_OK", X_OK },
        { "O_RDONLY", O_RDONLY }, { "O_WRONLY", O_WRONLY }, { "O_RDWR", O_RDWR }, { "O_APPEND", O_APPEND },
        { "O_CREAT", O_CREAT }, { "O_EXCL", O_EXCL }, { "O_TRUNC", O_TRUNC }, { "O_NONBLOCK", O_NONBLOCK },
        { "O_NOFOLLOW", O_NOFOLLOW }, { "O_DIRECTORY", O_DIRECTORY }, { "O_CLOEXEC", O_CLOEXEC }, { "O_SYNC", O_SYNC },
        { "O_DSYNC", O_DSYNC }, { "O_NOCTTY", O_NOCTTY }, { "O_ACCMODE", O_ACCMODE }, { "O_NDELAY", O_NDELAY },
        { "O_TMPFILE", O_TMPFILE }, { "O_NOATIME", O_NOATIME }, { "O_PATH", O_PATH },
        { "SEEK_SET", SEEK_SET }, { "SEEK_CUR", SEEK_CUR }, { "SEEK_END", SEEK_END },
        { "EX_OK", 0 }, { "WNOHANG", WNOHANG }, { "WUNTRACED", WUNTRACED },
    };
    for (auto& c : constants)
        d->set_str(c.name, int_from_i64(c.value));
    Dict* env = Dict::create();
    for (char** e = environ; e && *e; ++e) {
        const char* eq = std::strchr(*e, '=');
        if (!eq)
            continue;
        Value key = bytes_value(std::string_view(*e, size_t(eq - *e)));
        if (!MUST(env->get(key)))   // the first definition wins, as CPython
            MUST(env->set(key, bytes_value(eq + 1)));
    }
    d->set_str("environ", Value(env));
    if (stdmod::run_prelude(m, k_posix_prelude).is_error())
        return nullptr;
    g_stat_result = d->get_str("stat_result");
    stdmod::root(&g_stat_result);
    return m;
}

} // namespace adder
