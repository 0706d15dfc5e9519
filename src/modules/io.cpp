// File objects for open() and sys.std*: read/readline/readlines/iteration,
// write/writelines/flush/close, context-manager protocol, seek/tell, and
// text decoding/encoding (UTF-8, with universal newlines on read).
#include "modules/io.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_set>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/methods.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

Type* g_file_type;
Result<Value> bytes_decode(std::string_view data, Value encoding, Value errors);
Result<Value> str_encode(Str* s, Value encoding, Value errors);

static std::unordered_set<FileObject*>& live_files()
{
    static auto* s = new std::unordered_set<FileObject*>;
    return *s;
}

static constexpr size_t buffer_size = 8192;

static void raw_write(int fd, const char* data, size_t n)
{
    while (n) {
        ssize_t w = ::write(fd, data, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        data += w;
        n -= size_t(w);
    }
}

FileObject::~FileObject()
{
    live_files().erase(this);
    if (!m_closed && m_fd >= 0) {
        if (!m_wbuf.empty())
            raw_write(m_fd, m_wbuf.data(), m_wbuf.size());
        if (m_closefd && m_fd > 2)
            ::close(m_fd);
    }
}

void FileObject::visit_edges(gc::Visitor& v)
{
    Object::visit_edges(v);
    v.visit(m_name);
    v.visit(m_mode);
}

static Pending raise_os_error(int err, Value filename = Value())
{
    Value args[3] = { Value::small(err), Value(Str::create(std::strerror(err))), filename };
    Result<Value> exc = make_exception(g_OSError, std::span<const Value>(args, filename ? 3 : 2));
    if (exc.is_ok())
        set_pending(exc.value());
    return pending;
}

FileObject* make_file(int fd, const char* name, const char* mode, bool binary, bool line_buffering)
{
    auto* f = make<FileObject>(g_file_type);
    f->m_fd = fd;
    f->m_name = Value(Str::create(name));
    f->m_mode = Value(Str::create(mode));
    f->m_binary = binary;
    f->m_line_buffering = line_buffering;
    live_files().insert(f);
    return f;
}

static FileObject* as_file(Value v) { return static_cast<FileObject*>(v.as_object()); }

Status file_flush(FileObject* f)
{
    if (f->m_wbuf.empty() || f->m_fd < 0)
        return ok();
    const char* p = f->m_wbuf.data();
    size_t n = f->m_wbuf.size();
    while (n) {
        ssize_t w = ::write(f->m_fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            f->m_wbuf.clear();
            return raise_os_error(errno);
        }
        p += w;
        n -= size_t(w);
    }
    f->m_wbuf.clear();
    return ok();
}

void flush_all_files()
{
    for (FileObject* f : live_files())
        if (!f->m_closed)
            (void)file_flush(f);
}

static Status check_open(FileObject* f)
{
    if (f->m_closed)
        return throw_error(g_ValueError, "I/O operation on closed file.");
    return ok();
}

static Result<Value> file_write(Value self, CallArgs args)
{
    TRY(check_arity(args, "write", 1, 1));
    FileObject* f = as_file(self);
    TRY(check_open(f));
    if (!f->m_writable)
        return throw_error(g_OSError, "not writable"); // io.UnsupportedOperation in CPython
    std::string_view data;
    size_t count;
    if (f->m_binary) {
        if (!bytes_like_view(args[0], data))
            return throw_error(g_TypeError, "a bytes-like object is required, not '%s'", args[0].type()->m_name.c_str());
        count = data.size();
    } else {
        if (!is_str(args[0]))
            return throw_error(g_TypeError, "write() argument must be str, not %s", args[0].type()->m_name.c_str());
        Str* s = as_str(args[0]);
        data = s->view();
        count = s->length();
        if (!s->is_ascii()) {
            // Lone surrogates cannot be encoded strictly.
            Value enc = TRY(str_encode(s, Value(Str::create(f->m_encoding)), Value(Str::create(f->m_errors))));
            f->m_wbuf += as_bytes(enc)->view();
            goto written;
        }
    }
    f->m_wbuf += data;
written:
    if (f->m_write_through || f->m_wbuf.size() >= buffer_size ||
        (f->m_line_buffering && (data.find('\n') != std::string_view::npos || data.find('\r') != std::string_view::npos)))
        TRY(file_flush(f));
    return int_from_i64(int64_t(count));
}

static Result<Value> file_flush_method(Value self, CallArgs)
{
    FileObject* f = as_file(self);
    TRY(check_open(f));
    TRY(file_flush(f));
    return none();
}

// Reads more raw bytes into the read buffer; false at EOF.
static Result<bool> fill_buffer(FileObject* f)
{
    if (f->m_rpos > 0 && f->m_rpos >= f->m_rbuf.size()) {
        f->m_rbuf.clear();
        f->m_rpos = 0;
    }
    char buf[buffer_size];
    for (;;) {
        ssize_t n = ::read(f->m_fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return raise_os_error(errno);
        }
        if (n == 0)
            return false;
        f->m_rbuf.append(buf, size_t(n));
        return true;
    }
}

// Translates "\r\n" and "\r" to "\n" (universal newlines) for text reads.
static std::string translate_newlines(std::string_view s)
{
    if (s.find('\r') == std::string_view::npos)
        return std::string(s);
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n')
                ++i;
        } else
            out += s[i];
    }
    return out;
}

static Result<Value> make_read_result(FileObject* f, std::string data)
{
    if (f->m_binary)
        return Value(Bytes::create(data));
    std::string text = translate_newlines(data);
    return bytes_decode(text, Value(Str::create(f->m_encoding)), Value(Str::create(f->m_errors)));
}

static Result<Value> file_read(Value self, CallArgs args)
{
    TRY(check_arity(args, "read", 0, 1));
    FileObject* f = as_file(self);
    TRY(check_open(f));
    if (!f->m_readable)
        return throw_error(g_OSError, "not readable");
    TRY(file_flush(f));
    int64_t size = -1;
    if (args.nargs && !is_none(args[0]))
        size = TRY(index_as_i64(args[0]));
    if (size < 0) {
        for (;;) {
            bool more = TRY(fill_buffer(f));
            if (!more)
                break;
        }
        std::string data = f->m_rbuf.substr(f->m_rpos);
        f->m_rbuf.clear();
        f->m_rpos = 0;
        return make_read_result(f, std::move(data));
    }
    if (f->m_binary) {
        while (f->m_rbuf.size() - f->m_rpos < size_t(size)) {
            bool more = TRY(fill_buffer(f));
            if (!more)
                break;
        }
        size_t n = std::min(size_t(size), f->m_rbuf.size() - f->m_rpos);
        std::string data = f->m_rbuf.substr(f->m_rpos, n);
        f->m_rpos += n;
        return Value(Bytes::create(data));
    }
    // Text: `size` characters.
    for (;;) {
        std::string_view avail = std::string_view(f->m_rbuf).substr(f->m_rpos);
        bool ascii;
        size_t chars = utf8_length(avail, ascii);
        if (chars >= size_t(size))
            break;
        bool more = TRY(fill_buffer(f));
        if (!more)
            break;
    }
    std::string_view avail = std::string_view(f->m_rbuf).substr(f->m_rpos);
    size_t bytes = 0, chars = 0;
    while (bytes < avail.size() && chars < size_t(size)) {
        unsigned char c = static_cast<unsigned char>(avail[bytes]);
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        bytes += len;
        ++chars;
    }
    bytes = std::min(bytes, avail.size());
    std::string data(avail.substr(0, bytes));
    f->m_rpos += bytes;
    return make_read_result(f, std::move(data));
}

// One line including its terminator (empty at EOF).
static Result<std::string> read_line_raw(FileObject* f, int64_t limit)
{
    for (;;) {
        std::string_view avail = std::string_view(f->m_rbuf).substr(f->m_rpos);
        size_t nl = avail.find('\n');
        size_t cr = f->m_binary ? std::string_view::npos : avail.find('\r');
        size_t end = std::min(nl, cr);
        if (end != std::string_view::npos) {
            // "\r\n" needs the next byte to be known.
            if (end == cr && end + 1 == avail.size()) {
                bool more = TRY(fill_buffer(f));
                if (more)
                    continue;
            }
            size_t len = end + 1;
            if (end == cr && end + 1 < avail.size() && avail[end + 1] == '\n')
                len = end + 2;
            if (limit >= 0 && size_t(limit) < len)
                len = size_t(limit);
            std::string line(avail.substr(0, len));
            f->m_rpos += len;
            return line;
        }
        if (limit >= 0 && avail.size() >= size_t(limit)) {
            std::string line(avail.substr(0, size_t(limit)));
            f->m_rpos += size_t(limit);
            return line;
        }
        bool more = TRY(fill_buffer(f));
        if (!more) {
            std::string line(std::string_view(f->m_rbuf).substr(f->m_rpos));
            f->m_rbuf.clear();
            f->m_rpos = 0;
            return line;
        }
    }
}

static Result<Value> file_readline(Value self, CallArgs args)
{
    TRY(check_arity(args, "readline", 0, 1));
    FileObject* f = as_file(self);
    TRY(check_open(f));
    if (!f->m_readable)
        return throw_error(g_OSError, "not readable");
    int64_t limit = -1;
    if (args.nargs && !is_none(args[0]))
        limit = TRY(index_as_i64(args[0]));
    std::string line = TRY(read_line_raw(f, limit));
    return make_read_result(f, std::move(line));
}

static Result<Value> file_readlines(Value self, CallArgs args)
{
    FileObject* f = as_file(self);
    TRY(check_open(f));
    List* out = List::create();
    for (;;) {
        std::string line = TRY(read_line_raw(f, -1));
        if (line.empty())
            break;
        Value v = TRY(make_read_result(f, std::move(line)));
        out->append(v);
    }
    return Value(out);
}

static Result<Value> file_iternext(Value self)
{
    FileObject* f = as_file(self);
    TRY(check_open(f));
    std::string line = TRY(read_line_raw(f, -1));
    if (line.empty())
        return Value();
    return make_read_result(f, std::move(line));
}

static Result<Value> file_iter(Value self)
{
    TRY(check_open(as_file(self)));
    return self;
}

static Result<Value> file_writelines(Value self, CallArgs args)
{
    TRY(check_arity(args, "writelines", 1, 1));
    Value it = TRY(get_iter(args[0]));
    for (;;) {
        Value x = TRY(iter_next(it));
        if (!x)
            return none();
        TRY(file_write(self, CallArgs { &x, 1, nullptr }));
    }
}

static Result<Value> file_close(Value self, CallArgs)
{
    FileObject* f = as_file(self);
    if (f->m_closed)
        return none();
    Status st = file_flush(f);
    f->m_closed = true;
    if (f->m_closefd && f->m_fd > 2)
        ::close(f->m_fd);
    if (st.is_error())
        return pending;
    return none();
}

static Result<Value> file_enter(Value self, CallArgs)
{
    TRY(check_open(as_file(self)));
    return self;
}

static Result<Value> file_exit(Value self, CallArgs) { return file_close(self, CallArgs {}); }

static Result<Value> file_fileno(Value self, CallArgs)
{
    TRY(check_open(as_file(self)));
    return Value::small(as_file(self)->m_fd);
}

static Result<Value> file_isatty(Value self, CallArgs)
{
    TRY(check_open(as_file(self)));
    return py_bool(::isatty(as_file(self)->m_fd));
}

static Result<Value> file_seek(Value self, CallArgs args)
{
    TRY(check_arity(args, "seek", 1, 2));
    FileObject* f = as_file(self);
    TRY(check_open(f));
    TRY(file_flush(f));
    int64_t off = TRY(index_as_i64(args[0]));
    int64_t whence = args.nargs > 1 ? TRY(index_as_i64(args[1])) : 0;
    if (whence == 1 && f->m_rpos < f->m_rbuf.size())
        off -= int64_t(f->m_rbuf.size() - f->m_rpos);
    f->m_rbuf.clear();
    f->m_rpos = 0;
    off_t r = ::lseek(f->m_fd, off_t(off), int(whence));
    if (r < 0)
        return raise_os_error(errno);
    return int_from_i64(r);
}

static Result<Value> file_tell(Value self, CallArgs)
{
    FileObject* f = as_file(self);
    TRY(check_open(f));
    TRY(file_flush(f));
    off_t r = ::lseek(f->m_fd, 0, SEEK_CUR);
    if (r < 0)
        return raise_os_error(errno);
    return int_from_i64(int64_t(r) - int64_t(f->m_rbuf.size() - f->m_rpos));
}

static Result<Value> file_truncate(Value self, CallArgs args)
{
    FileObject* f = as_file(self);
    TRY(check_open(f));
    TRY(file_flush(f));
    off_t size = args.nargs && !is_none(args[0]) ? off_t(TRY(index_as_i64(args[0]))) : ::lseek(f->m_fd, 0, SEEK_CUR);
    if (::ftruncate(f->m_fd, size) < 0)
        return raise_os_error(errno);
    return int_from_i64(size);
}

static Result<Value> file_repr(Value self)
{
    FileObject* f = as_file(self);
    std::string name = TRY(repr_text(f->m_name));
    std::string mode = TRY(repr_text(f->m_mode));
    if (f->m_binary)
        return Value(Str::create("<_io.BufferedIOBase name=" + name + ">"));
    return Value(Str::create("<_io.TextIOWrapper name=" + name + " mode=" + mode + " encoding='" + f->m_encoding + "'>"));
}

Result<Value> builtin_open(Value, CallArgs args)
{
    Value file, mode, buffering, encoding, errors, newline, closefd, opener;
    TRY(parse_args(args, "open", { "file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener" }, 1,
                   { &file, &mode, &buffering, &encoding, &errors, &newline, &closefd, &opener }));
    std::string m = mode ? (is_str(mode) ? as_str(mode)->data() : "") : "r";
    bool r = false, w = false, a = false, x = false, plus = false, b = false, t = false;
    for (char c : m) {
        switch (c) {
        case 'r': r = true; break;
        case 'w': w = true; break;
        case 'a': a = true; break;
        case 'x': x = true; break;
        case '+': plus = true; break;
        case 'b': b = true; break;
        case 't': t = true; break;
        default: return throw_error(g_ValueError, "invalid mode: '%s'", m.c_str());
        }
    }
    if (int(r) + int(w) + int(a) + int(x) != 1)
        return throw_error(g_ValueError, "must have exactly one of create/read/write/append mode");
    if (b && t)
        return throw_error(g_ValueError, "can't have text and binary mode at once");
    if (b && encoding && !is_none(encoding))
        return throw_error(g_ValueError, "binary mode doesn't take an encoding argument");
    int flags = O_CLOEXEC;
    if (r)
        flags |= plus ? O_RDWR : O_RDONLY;
    if (w)
        flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    if (a)
        flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    if (x)
        flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
    int fd;
    Value name = file;
    if (is_int(file)) {
        fd = int(TRY(int_as_i64(file)));
    } else {
        std::string path;
        if (is_str(file))
            path = as_str(file)->data();
        else {
            std::string_view bv;
            if (!bytes_like_view(file, bv)) {
                Value fs = TRY(get_attr_optional(file, Str::intern("__fspath__")));
                if (!fs)
                    return throw_error(g_TypeError, "expected str, bytes or os.PathLike object, not %s", file.type()->m_name.c_str());
                Value p = TRY(call(fs, std::span<const Value>()));
                if (!is_str(p))
                    return throw_error(g_TypeError, "expected str, bytes or os.PathLike object, not %s", p.type()->m_name.c_str());
                path = as_str(p)->data();
                name = p;
            } else
                path = std::string(bv);
        }
        fd = ::open(path.c_str(), flags, 0666);
        if (fd < 0)
            return raise_os_error(errno, name);
        struct stat st;
        if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            ::close(fd);
            return raise_os_error(EISDIR, name);
        }
    }
    FileObject* f = make<FileObject>(g_file_type);
    f->m_fd = fd;
    f->m_name = name;
    f->m_mode = Value(Str::create(b ? m : (m.find('t') == std::string::npos ? m : m)));
    f->m_binary = b;
    f->m_readable = r || plus;
    f->m_writable = w || a || x || plus;
    f->m_append = a;
    if (closefd && !is_none(closefd))
        f->m_closefd = TRY(truthy(closefd));
    if (encoding && !is_none(encoding) && is_str(encoding))
        f->m_encoding = as_str(encoding)->data();
    if (errors && !is_none(errors) && is_str(errors))
        f->m_errors = as_str(errors)->data();
    if (buffering && is_int(buffering)) {
        int64_t bsz = TRY(int_as_i64(buffering));
        if (bsz == 0) {
            if (!b)
                return throw_error(g_ValueError, "can't have unbuffered text I/O");
            f->m_write_through = true;
        } else if (bsz == 1 && !b)
            f->m_line_buffering = true;
    }
    live_files().insert(f);
    return Value(f);
}

static Result<Value> file_get_closed(Value self) { return py_bool(as_file(self)->m_closed); }
static Result<Value> file_get_name(Value self) { return as_file(self)->m_name; }
static Result<Value> file_get_mode(Value self) { return as_file(self)->m_mode; }
// tokenize.open sets `mode` (CPython's TextIOWrapper keeps it in its __dict__).
static Status file_set_mode(Value self, Value v)
{
    if (!v)
        return throw_error(g_AttributeError, "mode");
    as_file(self)->m_mode = v;
    return ok();
}
static Result<Value> file_get_encoding(Value self) { return Value(Str::create(as_file(self)->m_encoding)); }
static Result<Value> file_get_errors(Value self) { return Value(Str::create(as_file(self)->m_errors)); }
static Result<Value> file_get_write_through(Value self) { return py_bool(as_file(self)->m_write_through); }
static Result<Value> file_get_line_buffering(Value self) { return py_bool(as_file(self)->m_line_buffering); }
static Result<Value> file_get_buffer(Value self)
{
    // A binary view sharing the descriptor (sys.stdout.buffer.write(b"...")).
    FileObject* f = as_file(self);
    TRY(file_flush(f));
    FileObject* b = make_file(f->m_fd, "<buffer>", "wb", true, false);
    b->m_readable = f->m_readable;
    b->m_writable = f->m_writable;
    b->m_closefd = false;
    b->m_write_through = true;
    return Value(b);
}

// TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
// line_buffering=False, write_through=False) over a binary file of open()
// (tokenize.open, which linecache uses): the text file takes over the
// buffer's descriptor and read-ahead, and the buffer is marked closed so the
// descriptor has one owner. FIXME: CPython keeps the buffer usable (and
// reachable as .buffer) until the wrapper is closed.
static Result<Value> file_new(Type*, CallArgs args)
{
    Value buffer, encoding, errors, newline, line_buffering, write_through;
    TRY(parse_args(args, "TextIOWrapper", { "buffer", "encoding", "errors", "newline", "line_buffering", "write_through" }, 1,
                   { &buffer, &encoding, &errors, &newline, &line_buffering, &write_through }));
    if (buffer.type() != g_file_type || !as_file(buffer)->m_binary)
        return throw_error(g_TypeError, "TextIOWrapper() needs a binary file from open() (Adder has no other buffers)");
    if (encoding && !is_none(encoding) && !is_str(encoding))
        return throw_error(g_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s",
                           encoding.type()->m_name.c_str());
    if (errors && !is_none(errors) && !is_str(errors))
        return throw_error(g_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s",
                           errors.type()->m_name.c_str());
    FileObject* b = as_file(buffer);
    TRY(check_open(b));
    TRY(file_flush(b));
    FileObject* f = make<FileObject>(g_file_type);
    f->m_fd = b->m_fd;
    f->m_name = b->m_name;
    std::string mode = is_str(b->m_mode) ? as_str(b->m_mode)->data() : "r";
    mode.erase(std::remove(mode.begin(), mode.end(), 'b'), mode.end());
    f->m_mode = Value(Str::create(mode));
    f->m_readable = b->m_readable;
    f->m_writable = b->m_writable;
    f->m_append = b->m_append;
    f->m_closefd = b->m_closefd;
    f->m_rbuf = std::move(b->m_rbuf);
    f->m_rpos = b->m_rpos;
    f->m_eof = b->m_eof;
    if (encoding && is_str(encoding))
        f->m_encoding = as_str(encoding)->data();
    if (errors && is_str(errors))
        f->m_errors = as_str(errors)->data();
    if (line_buffering)
        f->m_line_buffering = TRY(truthy(line_buffering));
    if (write_through)
        f->m_write_through = TRY(truthy(write_through));
    b->m_rbuf.clear();
    b->m_rpos = 0;
    b->m_closed = true;
    live_files().insert(f);
    return Value(f);
}

void init_io()
{
    Type* t = g_file_type = new_builtin_type("TextIOWrapper", g_object_type, Layout::File);
    t->repr = file_repr;
    t->new_ = file_new;
    t->iter = file_iter;
    t->iternext = file_iternext;
    add_method(t, "write", file_write);
    add_method(t, "writelines", file_writelines);
    add_method(t, "read", file_read);
    add_method(t, "readline", file_readline);
    add_method(t, "readlines", file_readlines);
    add_method(t, "flush", file_flush_method);
    add_method(t, "close", file_close);
    add_method(t, "__enter__", file_enter);
    add_method(t, "__exit__", file_exit);
    add_method(t, "fileno", file_fileno);
    add_method(t, "isatty", file_isatty);
    add_method(t, "seek", file_seek);
    add_method(t, "tell", file_tell);
    add_method(t, "truncate", file_truncate);
    add_method(t, "readable", [](Value s, CallArgs) -> Result<Value> { return py_bool(as_file(s)->m_readable); });
    add_method(t, "writable", [](Value s, CallArgs) -> Result<Value> { return py_bool(as_file(s)->m_writable); });
    add_method(t, "seekable", [](Value s, CallArgs) -> Result<Value> { return py_bool(::lseek(as_file(s)->m_fd, 0, SEEK_CUR) >= 0); });
    add_getset(t, "closed", file_get_closed);
    add_getset(t, "name", file_get_name);
    add_getset(t, "mode", file_get_mode, file_set_mode);
    add_getset(t, "encoding", file_get_encoding);
    add_getset(t, "errors", file_get_errors);
    add_getset(t, "line_buffering", file_get_line_buffering);
    add_getset(t, "write_through", file_get_write_through);
    add_getset(t, "buffer", file_get_buffer);
    type_ready(t);
    t->dict()->set_str("__module__", Value(Str::intern("_io")));
}

} // namespace adder
