// libFuzzer target: hostile cache files must be rejected cleanly. The input's
// first byte selects the mode:
//   even: the rest is a body placed after a valid, correctly checksummed
//         header (so it reaches the deserializer and the verifier);
//   odd:  the rest is the whole cache file (header parsing is fuzzed too).
// Either way PycCache::load runs over an in-memory file system, and the body
// is also fed to deserialize()/verify() directly and, record by record, to the
// lazy reader (deserialize_shallow/deserialize_nested/verify_shallow, what a
// warm import does on first use of each code). A unit that verifies must
// re-serialize to bytes that decode to the same bytes again (determinism).
#include "bytecode/serialize.h"
#include "bytecode/verify.h"
#include "cache/header.h"
#include "cache/pyc_cache.h"
#include "cache/source_hash.h"

#include "mem_file_system.h"

#include <cstdlib>

using namespace adder;
using namespace adder::cache;

namespace {

const std::string s_source_path = "/m/mod.py";
const std::string s_cache_path = "/m/__pycache__/mod.adder-311.pyc";
const std::string s_source_text = "X = 1\n";

// The lazy path (what a warm import does, one record at a time): shallow
// read and verify of the root, then every nested record decoded and
// verified as the runtime would on first use. Must never crash; a tree that
// verifies eagerly must also verify record by record.
bool check_lazy(std::span<const uint8_t> body, const bytecode::CodeUnit& unit, int depth)
{
    if (!bytecode::verify_shallow(unit, nullptr))
        return false;
    for (const bytecode::Constant& c : unit.consts) {
        if (c.kind != bytecode::Constant::Kind::Code || c.code)
            continue;
        // The stubs' copy-free header reader must agree with the full
        // decoder of the same record: never accept less, same fields.
        bytecode::CodeHeaderView view;
        bool view_ok = bytecode::read_code_header_view(body, c.lazy_offset, c.lazy_size, &view);
        auto nested = bytecode::deserialize_nested(body, c.lazy_offset, c.lazy_size, unit.filename, nullptr);
        if (nested && !view_ok)
            std::abort();
        if (!view_ok)
            return false;
        if (nested) {
            const bytecode::CodeUnit& h = *nested;
            bool has_doc = !h.consts.empty() && h.consts[0].kind == bytecode::Constant::Kind::Str;
            if (view.name != h.name || view.qualname != h.qualname ||
                (view.filename_inherited ? h.filename != unit.filename : view.filename != h.filename) ||
                view.firstlineno != h.firstlineno || view.argcount != h.argcount ||
                view.posonlyargcount != h.posonlyargcount || view.kwonlyargcount != h.kwonlyargcount ||
                view.flags != h.flags || view.stacksize != h.stacksize || view.has_doc != has_doc ||
                (has_doc && view.doc != h.consts[0].text))
                std::abort();
        }
        if (depth > 1000)
            return true; // far deeper than any tree the eager reader accepts
        if (!nested || !check_lazy(body, *nested, depth + 1))
            return false;
    }
    return true;
}

void check_body(std::span<const uint8_t> body)
{
    auto root = bytecode::deserialize_shallow(body, nullptr);
    bool lazy_ok = root && check_lazy(body, *root, 0);
    auto unit = bytecode::deserialize(body, nullptr);
    if (unit && bytecode::verify(**unit, nullptr) && !lazy_ok)
        std::abort();
    if (!unit || !bytecode::verify(**unit, nullptr))
        return;
    std::string again = bytecode::serialize(**unit);
    auto back = bytecode::deserialize(as_bytes(again), nullptr);
    if (!back || bytecode::serialize(**back) != again)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    bool whole_file = data[0] & 1;
    std::span<const uint8_t> rest(data + 1, size - 1);

    fuzzing::MemFileSystem fs;
    auto& src = fs.files[s_source_path];
    src.data = s_source_text;
    src.stat.mtime_ns = 1700000000LL * 1000000000LL + 5; // old and sub-second: trusted
    src.stat.ctime_ns = src.stat.mtime_ns;
    src.stat.inode = 7;
    src.stat.mode = 0100644;

    std::string file;
    if (whole_file) {
        file.assign(reinterpret_cast<const char*>(rest.data()), rest.size());
    } else {
        SourceStamp stamp;
        stamp.stat = src.stat;
        stamp.stat.size = s_source_text.size();
        stamp.content_hash = content_hash(as_bytes(s_source_text));
        stamp.bytes_read = s_source_text.size();
        file = encode_header(make_header(stamp, rest, std::nullopt, false));
        file.append(reinterpret_cast<const char*>(rest.data()), rest.size());
        check_body(rest);
    }
    fs.files[s_cache_path].data = file;

    CacheOptions options;
    options.verbose = true;
    options.check_hash_based_pycs = static_cast<CheckHashMode>(size % 3);
    PycCache cache(options, &fs);
    LoadState state;
    std::vector<std::string> lines;
    auto code = cache.load({ "mod", s_source_path }, &state, &lines);
    if (code && !bytecode::verify(*code, nullptr))
        std::abort();
    if (whole_file && file.size() > header_size)
        check_body(as_bytes(file).subspan(header_size));
    return 0;
}
