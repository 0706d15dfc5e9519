// Native file objects: what open() returns and what sys.stdin/stdout/stderr
// are. One class covers text (UTF-8) and binary modes with our own
// buffering (line-buffered on a tty, block-buffered otherwise, unbuffered
// for -u binary layers).
#pragma once

#include <string>

#include "objects/object.h"

namespace adder {

class FileObject : public Object {
public:
    FileObject(Type* t) : Object(t) {}
    ~FileObject() override;
    void visit_edges(gc::Visitor& v) override;

    int m_fd = -1;
    bool m_readable = false;
    bool m_writable = false;
    bool m_binary = false;
    bool m_closed = false;
    bool m_closefd = true;
    bool m_line_buffering = false;
    bool m_write_through = false;
    bool m_append = false;
    bool m_eof = false;
    std::string m_wbuf;
    std::string m_rbuf;
    size_t m_rpos = 0;
    Value m_name;
    Value m_mode;
    std::string m_encoding = "utf-8";
    std::string m_errors = "strict";
};

extern Type* g_file_type;
// Creates a file object over `fd`.
FileObject* make_file(int fd, const char* name, const char* mode, bool binary, bool line_buffering);
// Flushes the write buffer of `f` (errors are raised as OSError).
Status file_flush(FileObject* f);
// Flushes every live file object (interpreter shutdown).
void flush_all_files();
void init_io();
Result<Value> builtin_open(Value, CallArgs args);

} // namespace adder
