// repr() helpers matching CPython 3.11 unicode_repr / bytes_repr and
// OSError's errno-to-subclass mapping (Objects/exceptions.c).
#include "cache/py_repr.h"

#include <cerrno>
#include <cstring>

namespace adder::cache {

namespace {

char quote_for(std::string_view s)
{
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    return (has_single && !has_double) ? '"' : '\'';
}

void append_hex(std::string& out, char prefix, unsigned v)
{
    static const char digits[] = "0123456789abcdef";
    out += '\\';
    out += prefix;
    out += digits[(v >> 4) & 0xF];
    out += digits[v & 0xF];
}

std::string repr_common(std::string_view s, bool is_bytes)
{
    char q = quote_for(s);
    std::string out;
    if (is_bytes)
        out += 'b';
    out += q;
    for (char ch : s) {
        auto c = static_cast<uint8_t>(ch);
        if (ch == q || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (ch == '\t') {
            out += "\\t";
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F || (is_bytes && c >= 0x80)) {
            append_hex(out, 'x', c);
        } else {
            out += ch;
        }
    }
    out += q;
    return out;
}

const char* os_error_class(int err)
{
    switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return "BlockingIOError";
    case ECHILD:
        return "ChildProcessError";
    case EPIPE:
    case ESHUTDOWN:
        return "BrokenPipeError";
    case ECONNABORTED:
        return "ConnectionAbortedError";
    case ECONNREFUSED:
        return "ConnectionRefusedError";
    case ECONNRESET:
        return "ConnectionResetError";
    case EEXIST:
        return "FileExistsError";
    case ENOENT:
        return "FileNotFoundError";
    case EISDIR:
        return "IsADirectoryError";
    case ENOTDIR:
        return "NotADirectoryError";
    case EINTR:
        return "InterruptedError";
    case EACCES:
    case EPERM:
        return "PermissionError";
    case ESRCH:
        return "ProcessLookupError";
    case ETIMEDOUT:
        return "TimeoutError";
    default:
        return "OSError";
    }
}

} // namespace

std::string repr_str(std::string_view s) { return repr_common(s, false); }

std::string repr_bytes(std::span<const uint8_t> b)
{
    return repr_common(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()), true);
}

std::string repr_os_error(int err)
{
    return std::string(os_error_class(err)) + "(" + std::to_string(err) + ", " + repr_str(std::strerror(err)) + ")";
}

} // namespace adder::cache
