// PycCache end to end on real temp directories: hits, misses, -v lines,
// racy/restored-mtime detection (K1/K2), corrupt files (K7), hash-based
// files (§4.4), -B, pycache_prefix, write failures.
#include "cache/pyc_cache.h"

#include "cache/magic.h"
#include "cache/paths.h"
#include "cache/source_hash.h"

#include "cache_test_util.h"
#include "fault_file_system.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

using namespace adder::cache;
using namespace adder::cache::testing;

namespace {

constexpr int64_t s_sec = 1000000000;

void set_mtime_ns(const std::string& path, int64_t ns)
{
    struct timespec ts[2];
    ts[0].tv_sec = ts[1].tv_sec = ns / s_sec;
    ts[0].tv_nsec = ts[1].tv_nsec = ns % s_sec;
    ::utimensat(AT_FDCWD, path.c_str(), ts, 0);
}

int64_t mtime_ns(const std::string& path)
{
    FileStat st;
    PosixFileSystem().stat(path, &st);
    return st.mtime_ns;
}

// A stand-in compiler: the module unit, tagged with the source text so a
// test can tell which version was loaded.
adder::bytecode::CodeUnit compile(const std::string& text, const std::string& path)
{
    adder::bytecode::CodeUnit u = make_module_unit();
    u.filename = path;
    u.consts[0] = make_str(text);
    return u;
}

struct Importer {
    PycCache& cache;
    std::vector<std::string> lines;
    bool hit = false;

    // One import: load, or compile + store. Returns the source text the code was compiled from.
    std::string import(const std::string& name, const std::string& src)
    {
        LoadState st;
        auto code = cache.load({ name, src }, &st, &lines);
        hit = code != nullptr;
        if (code)
            return code->consts[0].text;
        std::string text = st.source_bytes ? *st.source_bytes : read_text(src);
        adder::bytecode::CodeUnit u = compile(text, src);
        cache.store({ name, src }, st, u, text, &lines);
        return text;
    }
};

struct CacheTest : ::testing::Test {
    TempDir dir;
    FaultFileSystem fs;
    std::string src;
    std::string cpath;

    void SetUp() override
    {
        src = dir / "mod.py";
        cpath = dir / "__pycache__/mod.adder-311.pyc";
        fs.counted_path = src;
    }
    CacheOptions verbose_options()
    {
        CacheOptions o;
        o.verbose = true;
        return o;
    }
};

} // namespace

TEST_F(CacheTest, FirstImportWritesSecondReadsWithoutOpeningSource)
{
    write_text(src, "X = 1\n");
    set_mtime_ns(src, 1700000000 * s_sec + 123456789); // old, sub-second: trustworthy
    PycCache cache(verbose_options(), &fs);
    Importer imp { cache };
    EXPECT_EQ(imp.import("mod", src), "X = 1\n");
    EXPECT_FALSE(imp.hit);
    ASSERT_TRUE(exists(cpath));
    EXPECT_EQ(imp.lines, (std::vector<std::string> { "# code object from " + src, "# created '" + cpath + "'" }));
    imp.lines.clear();
    fs.source_reads = 0;
    EXPECT_EQ(imp.import("mod", src), "X = 1\n");
    EXPECT_TRUE(imp.hit);
    EXPECT_EQ(fs.source_reads.load(), 0);
    EXPECT_EQ(imp.lines, (std::vector<std::string> { "# " + cpath + " matches " + src, "# code object from '" + cpath + "'" }));
    EXPECT_EQ(cache.stats().hits, 1u);
    EXPECT_EQ(cache.stats().writes, 1u);
}

TEST_F(CacheTest, ModeFollowsSource)
{
    write_text(src, "X = 1\n");
    ::chmod(src.c_str(), 0755);
    mode_t old = ::umask(022);
    PycCache cache({}, &fs);
    Importer { cache }.import("mod", src);
    ::umask(old);
    struct stat st;
    ASSERT_EQ(::stat(cpath.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(CacheTest, StaleMtimeRecompilesAndRewrites)
{
    write_text(src, "X = 1\n");
    set_mtime_ns(src, 1700000000 * s_sec + 5);
    PycCache cache(verbose_options(), &fs);
    Importer imp { cache };
    imp.import("mod", src);
    write_text(src, "X = 22\n");
    set_mtime_ns(src, 1700000100 * s_sec + 5);
    imp.lines.clear();
    EXPECT_EQ(imp.import("mod", src), "X = 22\n");
    EXPECT_FALSE(imp.hit);
    EXPECT_EQ(imp.lines.at(0), "# bytecode is stale for 'mod'");
    EXPECT_EQ(imp.lines.at(2), "# created '" + cpath + "'");
    EXPECT_EQ(imp.import("mod", src), "X = 22\n");
    EXPECT_TRUE(imp.hit);
}

TEST_F(CacheTest, SameSecondSameSizeRewriteIsSeen_K1)
{
    // Written "now": the entry is racy, so an edit that keeps mtime and size
    // (here restored to the nanosecond) is caught by the content hash.
    write_text(src, "X = \"AAAA\"\n");
    PycCache cache({}, &fs);
    Importer imp { cache };
    EXPECT_EQ(imp.import("mod", src), "X = \"AAAA\"\n");
    int64_t t = mtime_ns(src);
    write_text(src, "X = \"BBBB\"\n");
    set_mtime_ns(src, t);
    EXPECT_EQ(imp.import("mod", src), "X = \"BBBB\"\n");
    EXPECT_FALSE(imp.hit);
    EXPECT_EQ(imp.import("mod", src), "X = \"BBBB\"\n");
    EXPECT_TRUE(imp.hit);
}

TEST_F(CacheTest, WholeSecondMtimesAreAlwaysChecked_K2_tar)
{
    // tar / reproducible archives: whole-second mtimes, same size.
    write_text(src, "X = \"v1-AAAA\"\n");
    set_mtime_ns(src, 1700000000 * s_sec);
    PycCache cache({}, &fs);
    Importer imp { cache };
    EXPECT_EQ(imp.import("mod", src), "X = \"v1-AAAA\"\n");
    write_text(src, "X = \"v2-BBBB\"\n");
    set_mtime_ns(src, 1700000000 * s_sec);
    EXPECT_EQ(imp.import("mod", src), "X = \"v2-BBBB\"\n");
}

TEST_F(CacheTest, RestoredSubSecondMtimeIsSeenThroughCtimeAndInode_K2_cp_p)
{
    write_text(src, "X = \"v1-AAAA\"\n");
    int64_t t = 1700000000 * s_sec + 424242;
    set_mtime_ns(src, t);
    PycCache cache({}, &fs);
    Importer imp { cache };
    imp.import("mod", src);
    // `cp -p`: a new file (new inode, new ctime) renamed into place, mtime copied.
    std::string other = dir / "mod.py.new";
    write_text(other, "X = \"v2-BBBB\"\n");
    set_mtime_ns(other, t);
    ::rename(other.c_str(), src.c_str());
    EXPECT_EQ(imp.import("mod", src), "X = \"v2-BBBB\"\n");
    EXPECT_FALSE(imp.hit);
    // Same content again through a new inode: a hit, and the header is refreshed
    // so the next load is back to one stat.
    write_text(other, "X = \"v2-BBBB\"\n");
    set_mtime_ns(other, t);
    ::rename(other.c_str(), src.c_str());
    fs.source_reads = 0;
    EXPECT_EQ(imp.import("mod", src), "X = \"v2-BBBB\"\n");
    EXPECT_TRUE(imp.hit);
    EXPECT_EQ(fs.source_reads.load(), 1);
    EXPECT_EQ(cache.stats().refreshes, 1u);
    fs.source_reads = 0;
    imp.import("mod", src);
    EXPECT_TRUE(imp.hit);
    EXPECT_EQ(fs.source_reads.load(), 0);
}

TEST_F(CacheTest, RacyEntryIsRefreshedOnceOld)
{
    write_text(src, "X = 1\n");
    PycCache cache({}, &fs);
    Importer imp { cache };
    imp.import("mod", src); // racy: just written
    fs.source_reads = 0;
    imp.import("mod", src);
    EXPECT_TRUE(imp.hit);
    EXPECT_EQ(fs.source_reads.load(), 1);
    fs.fake_now = mtime_ns(src) + 10 * s_sec; // time passes
    imp.import("mod", src);
    EXPECT_TRUE(imp.hit);
    EXPECT_EQ(cache.stats().refreshes, 1u);
    fs.source_reads = 0;
    imp.import("mod", src);
    EXPECT_TRUE(imp.hit);
    EXPECT_EQ(fs.source_reads.load(), 0);
}

TEST_F(CacheTest, CorruptOrTruncatedCacheIsAMissAndIsRepaired_K7)
{
    write_text(src, "X = \"v1\"\n");
    set_mtime_ns(src, 1700000000 * s_sec + 9);
    PycCache cache(verbose_options(), &fs);
    Importer imp { cache };
    imp.import("mod", src);
    std::string good = read_text(cpath);
    for (size_t cut : { size_t(0), size_t(3), size_t(16), size_t(87), size_t(88), good.size() - 1 }) {
        write_text(cpath, good.substr(0, cut));
        EXPECT_EQ(imp.import("mod", src), "X = \"v1\"\n") << cut;
        EXPECT_FALSE(imp.hit) << cut;
        EXPECT_EQ(read_text(cpath), good) << cut; // rewritten
    }
    std::string flipped = good;
    flipped[good.size() - 10] ^= 0xFF;
    write_text(cpath, flipped);
    imp.lines.clear();
    imp.import("mod", src);
    EXPECT_FALSE(imp.hit);
    EXPECT_EQ(imp.lines.at(0), "# " + cpath + " matches " + src);
    EXPECT_EQ(imp.lines.at(1), "# code object from " + src);
    EXPECT_GE(cache.stats().corrupt, 2u);
    EXPECT_EQ(read_text(cpath), good);
}

TEST_F(CacheTest, BadMagicAndShortHeaderMessages)
{
    write_text(src, "X = 1\n");
    PycCache cache(verbose_options(), &fs);
    Importer imp { cache };
    ::mkdir((dir / "__pycache__").c_str(), 0755);
    write_text(cpath, std::string("\xa7\x0d\x0d\x0a", 4) + std::string(20, '\0'));
    imp.import("mod", src);
    EXPECT_EQ(imp.lines.at(0), "# bad magic number in 'mod': b'\\xa7\\r\\r\\n'");
    write_text(cpath, std::string(reinterpret_cast<const char*>(magic_bytes), 4) + "abc");
    imp.lines.clear();
    imp.import("mod", src);
    EXPECT_EQ(imp.lines.at(0), "# reached EOF while reading pyc header of 'mod'");
}

TEST_F(CacheTest, HashBasedFilesFollowCheckModes)
{
    struct Row {
        bool checked;
        CheckHashMode mode;
        bool changed;
        bool expect_hit;
    } rows[] = {
        { true, CheckHashMode::Default, false, true }, { true, CheckHashMode::Always, false, true },
        { true, CheckHashMode::Never, false, true }, { true, CheckHashMode::Default, true, false },
        { true, CheckHashMode::Always, true, false }, { true, CheckHashMode::Never, true, true },
        { false, CheckHashMode::Default, false, true }, { false, CheckHashMode::Always, false, true },
        { false, CheckHashMode::Never, false, true }, { false, CheckHashMode::Default, true, true },
        { false, CheckHashMode::Always, true, false }, { false, CheckHashMode::Never, true, true },
    };
    for (const Row& row : rows) {
        std::string v1 = "X=\"v1\"\n";
        write_text(src, v1);
        ::mkdir((dir / "__pycache__").c_str(), 0755);
        SourceStamp stamp;
        write_text(cpath, code_to_hash_pyc(compile(v1, src), adder_source_hash(as_bytes(v1)), row.checked, stamp));
        if (row.changed)
            write_text(src, "X=\"v2-changed\"\n");
        CacheOptions o;
        o.check_hash_based_pycs = row.mode;
        PycCache cache(o, &fs);
        Importer imp { cache };
        std::string got = imp.import("mod", src);
        EXPECT_EQ(imp.hit, row.expect_hit) << row.checked << int(row.mode) << row.changed;
        EXPECT_EQ(got, row.expect_hit ? v1 : read_text(src));
        // A rewrite keeps the kind and the check bit.
        std::string data = read_text(cpath);
        EXPECT_EQ(data[4], row.checked ? 3 : 1);
    }
}

TEST_F(CacheTest, DontWriteBytecodeStillReads)
{
    write_text(src, "X = 1\n");
    CacheOptions o;
    o.dont_write_bytecode = true;
    PycCache cache(o, &fs);
    Importer imp { cache };
    imp.import("mod", src);
    EXPECT_FALSE(exists(dir / "__pycache__"));
    cache.options().dont_write_bytecode = false; // toggled at run time (W1)
    imp.import("mod", src);
    EXPECT_TRUE(exists(cpath));
    cache.options().dont_write_bytecode = true;
    imp.import("mod", src);
    EXPECT_TRUE(imp.hit);
}

TEST_F(CacheTest, PycachePrefixTreeAndNoPycacheDir)
{
    write_text(src, "X = 1\n");
    CacheOptions o;
    o.pycache_prefix = dir / "P";
    PycCache cache(o, &fs);
    Importer imp { cache };
    imp.import("mod", src);
    EXPECT_FALSE(exists(dir / "__pycache__"));
    std::string expected = dir / "P" + dir.path() + "/mod.adder-311.pyc";
    EXPECT_EQ(cache.cache_path(src), expected);
    EXPECT_TRUE(exists(expected));
    imp.import("mod", src);
    EXPECT_TRUE(imp.hit);
}

TEST_F(CacheTest, OptimizeLevelSelectsFileName)
{
    write_text(src, "X = 1\n");
    CacheOptions o;
    o.optimize = 2;
    PycCache cache(o, &fs);
    Importer { cache }.import("mod", src);
    EXPECT_TRUE(exists(dir / "__pycache__/mod.adder-311.opt-2.pyc"));
    EXPECT_FALSE(exists(cpath));
}

TEST_F(CacheTest, UnwritableDirectoryIsSilentApartFromVerboseLine)
{
    write_text(src, "X = 1\n");
    fs.mkdir_errno = EACCES;
    PycCache cache(verbose_options(), &fs);
    Importer imp { cache };
    imp.import("mod", src);
    EXPECT_EQ(imp.lines.at(1),
        "# could not create '" + dir / "__pycache__" + "': PermissionError(13, 'Permission denied')");
    EXPECT_EQ(cache.stats().write_failures, 1u);
    fs.mkdir_errno = 0;
    ::mkdir((dir / "__pycache__").c_str(), 0755);
    fs.open_errno = EACCES;
    imp.lines.clear();
    imp.import("mod", src);
    EXPECT_EQ(imp.lines.at(1), "# could not create '" + cpath + "': PermissionError(13, 'Permission denied')");
    fs.open_errno = 0;
    ::mkdir(cpath.c_str(), 0755);
    imp.lines.clear();
    imp.import("mod", src);
    EXPECT_EQ(imp.lines.at(1), "# could not create '" + cpath + "': IsADirectoryError(21, 'Is a directory')");
}

TEST_F(CacheTest, MissingSourceNeverWrites)
{
    PycCache cache({}, &fs);
    LoadState st;
    EXPECT_EQ(cache.load({ "mod", src }, &st, nullptr), nullptr);
    EXPECT_FALSE(st.source_stat_ok);
    cache.store({ "mod", src }, st, make_module_unit(), "X = 1\n", nullptr);
    EXPECT_FALSE(exists(dir / "__pycache__"));
}

TEST_F(CacheTest, RelocatedTreeFixesFilenames)
{
    write_text(src, "X = 1\n");
    set_mtime_ns(src, 1700000000 * s_sec + 1);
    PycCache cache({}, &fs);
    Importer { cache }.import("mod", src);
    std::string moved = dir / "moved";
    ::mkdir(moved.c_str(), 0755);
    ::rename((dir / "__pycache__").c_str(), (moved + "/__pycache__").c_str());
    ::rename(src.c_str(), (moved + "/mod.py").c_str());
    LoadState st;
    auto code = cache.load({ "mod", moved + "/mod.py" }, &st, nullptr);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->filename, moved + "/mod.py");
    EXPECT_EQ(code->consts[1].code->filename, moved + "/mod.py");
}

TEST_F(CacheTest, SourcelessLoadChecksOnlyTheHeader)
{
    write_text(src, "X = \"v1\"\n");
    PycCache cache(verbose_options(), &fs);
    Importer { cache }.import("foo", src);
    std::string legacy = dir / "foo.pyc";
    write_text(legacy, read_text(cpath));
    ::unlink(src.c_str());
    SourcelessError error;
    std::vector<std::string> lines;
    auto code = cache.load_sourceless({ "foo", legacy }, &error, &lines);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->consts[0].text, "X = \"v1\"\n");
    EXPECT_EQ(lines.back(), "# code object from '" + legacy + "'");

    write_text(legacy, std::string("o\r\r\n") + std::string(100, '\0'));
    EXPECT_FALSE(cache.load_sourceless({ "foo", legacy }, &error, &lines));
    EXPECT_EQ(error.type, SourcelessError::Type::ImportError);
    EXPECT_EQ(error.message, "bad magic number in 'foo': b'o\\r\\r\\n'");

    std::string good = read_text(cpath);
    write_text(legacy, good.substr(0, 10));
    EXPECT_FALSE(cache.load_sourceless({ "foo", legacy }, &error, &lines));
    EXPECT_EQ(error.type, SourcelessError::Type::EOFError);
    EXPECT_EQ(error.message, "reached EOF while reading pyc header of 'foo'");

    std::string bad = good;
    bad[4] = 4;
    write_text(legacy, bad);
    EXPECT_FALSE(cache.load_sourceless({ "foo", legacy }, &error, &lines));
    EXPECT_EQ(error.message, "invalid flags 4 in 'foo'");

    write_text(legacy, good.substr(0, good.size() - 1));
    EXPECT_FALSE(cache.load_sourceless({ "foo", legacy }, &error, &lines));
    EXPECT_EQ(error.type, SourcelessError::Type::ImportError);
    EXPECT_EQ(error.message, "corrupt bytecode in '" + legacy + "'");

    EXPECT_FALSE(cache.load_sourceless({ "foo", dir / "nope.pyc" }, &error, &lines));
    EXPECT_EQ(error.type, SourcelessError::Type::OSError);
    EXPECT_EQ(error.err, ENOENT);
}

TEST_F(CacheTest, IsCacheFreshComparesTheWholeHeader_K14)
{
    write_text(src, "X = 1\n");
    set_mtime_ns(src, 1700000000 * s_sec + 3);
    EXPECT_FALSE(is_cache_fresh(fs, src, cpath));
    PycCache cache({}, &fs);
    Importer { cache }.import("mod", src);
    EXPECT_TRUE(is_cache_fresh(fs, src, cpath));
    write_text(src, "X = 12\n"); // size-only change, mtime kept
    set_mtime_ns(src, 1700000000 * s_sec + 3);
    EXPECT_FALSE(is_cache_fresh(fs, src, cpath));
    write_text(src, "X = 1\n");
    set_mtime_ns(src, 1700000000 * s_sec + 3);
    std::string good = read_text(cpath);
    write_text(cpath, good.substr(0, good.size() - 1));
    EXPECT_FALSE(is_cache_fresh(fs, src, cpath));
    write_text(cpath, good);
    EXPECT_TRUE(is_cache_fresh(fs, src, cpath));
}
