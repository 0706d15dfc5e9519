// PycCache: SourceLoader.get_code's cache steps (CPython 3.11
// importlib._bootstrap_external), with Adder's stronger freshness check and
// "a bad body is a miss" rule (spec §14 K7).
//
// load(), numbered as spec §4.1:
//   1. Compute the cache path; none -> miss, never write.
//   2. stat() the source; failure -> miss without reading the cache, never write.
//   3. Read the whole cache file; any error -> miss.
//   4-6. classify_pyc(): magic, header length, flags, extension -> miss.
//   7. Hash-based: compare the SipHash of the source when the mode asks for it
//      (remember the kind so the rewrite keeps it). Timestamp-based:
//      check_freshness() (header.cpp), which reads the source only when stat
//      data cannot be trusted.
//   then: "matches" line; body length + checksum, deserialize, verify -> any
//   failure is a miss (CPython would raise here; load_lazy() decodes and
//   verifies only the module's own code here, nested code on first use);
//   "code object from" line;
//   fix the code's filename; rewrite the header if check_freshness() asked.
#include "cache/pyc_cache.h"

#include "bytecode/serialize.h"
#include "bytecode/verify.h"
#include "cache/paths.h"
#include "cache/py_repr.h"
#include "cache/source_hash.h"
#include "cache/write_atomic.h"

namespace adder::cache {

PycCache::PycCache(CacheOptions options, FileSystem* fs)
    : m_options(std::move(options))
    , m_fs(fs ? fs : &default_file_system())
{
}

void PycCache::say(std::vector<std::string>* messages, std::string line) const
{
    if (m_options.verbose && messages)
        messages->push_back("# " + std::move(line));
}

std::optional<std::string> PycCache::cache_path(const std::string& source_path)
{
    std::string cwd = m_options.cwd;
    if (m_options.pycache_prefix && cwd.empty())
        cwd = m_fs->getcwd();
    PathResult r = cache_from_source(source_path, optimization_for_level(m_options.optimize),
        m_options.pycache_prefix, cwd);
    if (!r.ok)
        return std::nullopt;
    return r.path;
}

std::shared_ptr<bytecode::CodeUnit> PycCache::load(const SourceInfo& source, LoadState* state,
    std::vector<std::string>* messages)
{
    return load_impl(source, state, messages, nullptr);
}

std::shared_ptr<bytecode::CodeUnit> PycCache::load_lazy(const SourceInfo& source, LoadState* state,
    std::vector<std::string>* messages, std::shared_ptr<bytecode::LazySource>* lazy)
{
    return load_impl(source, state, messages, lazy);
}

std::shared_ptr<bytecode::CodeUnit> PycCache::load_impl(const SourceInfo& source, LoadState* state,
    std::vector<std::string>* messages, std::shared_ptr<bytecode::LazySource>* lazy)
{
    *state = LoadState {};
    const std::string& src = source.source_path;
    auto miss = [&]() -> std::shared_ptr<bytecode::CodeUnit> {
        ++m_stats.misses;
        return nullptr;
    };

    state->cache_path = source.cache_path ? *source.cache_path : cache_path(src);
    if (source.source_stat)
        state->source_stat = *source.source_stat;
    else if (m_fs->stat(src, &state->source_stat) != 0)
        return miss();
    state->source_stat_ok = true;
    if (!state->cache_path)
        return miss();
    const std::string& cpath = *state->cache_path;

    std::string& data = m_read_buffer;
    if (data.capacity() > (1u << 20))
        std::string().swap(data); // do not keep one huge file's buffer alive
    if (m_fs->read_file(cpath, &data) != 0)
        return miss();
    auto bytes = as_bytes(data);

    Header header;
    PycStatus st = classify_pyc(bytes, source.name, &header);
    if (!st.ok()) {
        if (st.verbose)
            say(messages, st.message);
        return miss();
    }

    // Reads the source once and keeps it for the compile that may follow.
    auto read_source = [&](std::string* out) {
        if (!state->source_bytes) {
            std::string text;
            if (m_fs->read_file(src, &text) != 0)
                return false;
            state->source_bytes = std::move(text);
        }
        *out = *state->source_bytes;
        return true;
    };

    bool refresh = false;
    int64_t now = m_fs->now_ns();
    if (header.flags & PYC_HASH_BASED) {
        bool check_source = header.flags & PYC_CHECK_SOURCE;
        state->write_hash_based = true;
        state->hash_check_source = check_source;
        CheckHashMode mode = m_options.check_hash_based_pycs;
        if (mode != CheckHashMode::Never && (check_source || mode == CheckHashMode::Always)) {
            std::string text;
            if (!read_source(&text))
                return miss();
            if (!validate_hash_pyc(bytes, adder_source_hash(as_bytes(text)), source.name).ok())
                return miss();
        }
    } else {
        st = check_freshness(header, state->source_stat, now, read_source, source.name, &refresh);
        if (!st.ok()) {
            if (st.verbose)
                say(messages, st.message);
            return miss();
        }
    }
    say(messages, cpath + " matches " + src);

    std::shared_ptr<bytecode::CodeUnit> code = lazy ? decode_body_lazy(header, bytes, lazy) : decode_body(header, bytes);
    if (!code) {
        ++m_stats.corrupt;
        return miss();
    }
    if (m_options.verbose && messages) // the repr is not free: only when wanted
        say(messages, "code object from " + repr_str(cpath));
    if (code->filename != src) {
        fix_filename(*code, src);
        if (lazy)
            (*lazy)->filename = src; // for the records decoded later
    }
    if (lazy) {
        bytecode::LazySource& ls = **lazy;
        ls.module_name = source.name;
        ls.source_path = src;
        ls.cache_path = cpath;
        ls.optimize = m_options.optimize;
        ls.hash_based = state->write_hash_based;
        ls.check_source = state->hash_check_source;
    }

    if (refresh && !m_options.dont_write_bytecode) {
        SourceStamp stamp { state->source_stat, header.content_hash, header.size,
            is_racy(state->source_stat.mtime_ns, now) };
        auto body = bytes.subspan(header_size);
        std::string fresh = encode_header(make_header(stamp, body, std::nullopt, false));
        fresh.append(reinterpret_cast<const char*>(body.data()), body.size());
        if (write_atomic(*m_fs, cpath, fresh, calc_mode(state->source_stat.mode)).ok())
            ++m_stats.refreshes;
    }
    ++m_stats.hits;
    return code;
}

std::shared_ptr<bytecode::CodeUnit> PycCache::load_sourceless(const SourceInfo& source, SourcelessError* error,
    std::vector<std::string>* messages)
{
    const std::string& path = source.source_path;
    std::string data;
    if (int err = m_fs->read_file(path, &data)) {
        *error = { SourcelessError::Type::OSError, repr_os_error(err), err };
        return nullptr;
    }
    auto bytes = as_bytes(data);
    Header header;
    PycStatus st = classify_pyc(bytes, source.name, &header);
    if (!st.ok()) {
        if (st.verbose)
            say(messages, st.message);
        auto type = st.error == PycError::ShortHeader ? SourcelessError::Type::EOFError : SourcelessError::Type::ImportError;
        *error = { type, st.message, 0 };
        return nullptr;
    }
    std::shared_ptr<bytecode::CodeUnit> code = decode_body(header, bytes);
    if (!code) {
        *error = { SourcelessError::Type::ImportError, "corrupt bytecode in " + repr_str(path), 0 };
        return nullptr;
    }
    if (m_options.verbose && messages)
        say(messages, "code object from " + repr_str(path));
    return code;
}

std::shared_ptr<bytecode::CodeUnit> decode_body(const Header& header, std::span<const uint8_t> file)
{
    if (file.size() < header_size)
        return nullptr;
    auto body = file.subspan(header_size);
    if (!body_matches(header, body))
        return nullptr;
    auto code = bytecode::deserialize(body, nullptr);
    if (!code || !bytecode::verify(**code, nullptr))
        return nullptr;
    return *code;
}

std::shared_ptr<bytecode::CodeUnit> decode_body_lazy(const Header& header, std::span<const uint8_t> file,
    std::shared_ptr<bytecode::LazySource>* lazy)
{
    if (file.size() < header_size)
        return nullptr;
    auto body = file.subspan(header_size);
    if (!body_matches(header, body))
        return nullptr;
    auto source = std::make_shared<bytecode::LazySource>();
    source->body.assign(reinterpret_cast<const char*>(body.data()), body.size());
    auto code = bytecode::deserialize_shallow(source->bytes(), nullptr);
    if (!code || !bytecode::verify_shallow(*code, nullptr))
        return nullptr;
    *lazy = std::move(source);
    return code;
}

bool PycCache::write_file(const std::string& cpath, const FileStat& source_stat, std::string_view data,
    std::vector<std::string>* messages)
{
    WriteResult r = make_parent_dirs(*m_fs, cpath);
    if (r.ok())
        r = write_atomic(*m_fs, cpath, data, calc_mode(source_stat.mode));
    if (!r.ok()) {
        say(messages, "could not create " + repr_str(r.path) + ": " + repr_os_error(r.err));
        ++m_stats.write_failures;
        return false;
    }
    if (m_options.verbose && messages)
        say(messages, "created " + repr_str(cpath));
    ++m_stats.writes;
    return true;
}

void PycCache::store(const SourceInfo& source, const LoadState& state, const bytecode::CodeUnit& code,
    std::string_view source_bytes, std::vector<std::string>* messages,
    std::pair<std::shared_ptr<bytecode::CodeUnit>, std::shared_ptr<bytecode::LazySource>>* reload)
{
    say(messages, "code object from " + source.source_path);
    if (m_options.dont_write_bytecode || !state.cache_path || !state.source_stat_ok)
        return;
    auto bytes = as_bytes(source_bytes);
    SourceStamp stamp = stamp_source(state.source_stat, bytes, m_fs->now_ns());
    std::string data = state.write_hash_based
        ? code_to_hash_pyc(code, adder_source_hash(bytes), state.hash_check_source, stamp)
        : code_to_timestamp_pyc(code, stamp);
    write_file(*state.cache_path, state.source_stat, data, messages);
    if (reload && data.size() >= header_size) {
        auto lazy = std::make_shared<bytecode::LazySource>();
        lazy->body.assign(data.data() + header_size, data.size() - header_size);
        lazy->trusted = true;
        auto unit = bytecode::deserialize_shallow(lazy->bytes(), nullptr);
        if (!unit)
            return;
        lazy->module_name = source.name;
        lazy->source_path = source.source_path;
        lazy->cache_path = *state.cache_path;
        lazy->optimize = m_options.optimize;
        lazy->hash_based = state.write_hash_based;
        lazy->check_source = state.hash_check_source;
        *reload = { std::move(unit), std::move(lazy) };
    }
}

bool is_cache_fresh(FileSystem& fs, const std::string& source_path, const std::string& cache_path)
{
    FileStat st;
    std::string data;
    if (fs.stat(source_path, &st) != 0 || fs.read_file(cache_path, &data) != 0)
        return false;
    Header header;
    if (!classify_pyc(as_bytes(data), "", &header).ok() || (header.flags & PYC_HASH_BASED))
        return false;
    auto read_source = [&](std::string* out) { return fs.read_file(source_path, out) == 0; };
    if (!check_freshness(header, st, fs.now_ns(), read_source, "", nullptr).ok())
        return false;
    return decode_body(header, as_bytes(data)) != nullptr;
}

void fix_filename(bytecode::CodeUnit& code, const std::string& filename)
{
    code.filename = filename;
    for (bytecode::Constant& c : code.consts)
        if (c.kind == bytecode::Constant::Kind::Code && c.code)
            fix_filename(*c.code, filename);
}

} // namespace adder::cache
