// Writes a seed corpus for fuzz_pyc_load into the directory named by argv[1]:
// valid bodies (mode byte 0) and whole valid cache files (mode byte 1) of the
// hand-built units the unit tests use.
#include "bytecode/serialize.h"
#include "cache/header.h"
#include "cache/source_hash.h"

#include "cache_test_util.h"

#include <cstdio>

using namespace adder::cache;
using namespace adder::cache::testing;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_pyc_seeds DIR\n");
        return 2;
    }
    std::string dir = argv[1];
    ::mkdir(dir.c_str(), 0755);
    std::vector<CodeUnit> units = { make_module_unit(), make_loop_unit(), *make_function_unit() };
    int n = 0;
    for (const CodeUnit& u : units) {
        std::string body = adder::bytecode::serialize(u);
        write_text(dir + "/body" + std::to_string(n), std::string(1, '\0') + body);
        SourceStamp stamp;
        stamp.stat.mtime_ns = 1700000000LL * 1000000000LL + 5;
        stamp.stat.ctime_ns = stamp.stat.mtime_ns;
        stamp.stat.inode = 7;
        stamp.content_hash = content_hash(as_bytes(std::string("X = 1\n")));
        stamp.bytes_read = 6;
        write_text(dir + "/file" + std::to_string(n), std::string(1, '\1') + code_to_timestamp_pyc(u, stamp));
        ++n;
    }
    return 0;
}
