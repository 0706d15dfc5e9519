// Atomic writes (spec §5.2-5.3, §14 K8): fault injection never leaves a
// temp file, concurrent writers leave one valid file, stale temps are removed.
#include "cache/write_atomic.h"

#include "cache_test_util.h"
#include "fault_file_system.h"

#include <cerrno>
#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>
#include <utime.h>

using namespace adder::cache;
using namespace adder::cache::testing;

namespace {

std::vector<std::string> list(const std::string& dir)
{
    std::vector<std::string> names;
    PosixFileSystem().list_dir(dir, &names);
    std::sort(names.begin(), names.end());
    return names;
}

uint32_t mode_of(const std::string& path)
{
    struct stat st;
    ::stat(path.c_str(), &st);
    return st.st_mode & 07777;
}

} // namespace

TEST(WriteAtomic, WritesCompleteFileWithMode)
{
    TempDir dir;
    FaultFileSystem fs;
    std::string target = dir / "m.adder-311.pyc";
    mode_t old = ::umask(022);
    EXPECT_TRUE(write_atomic(fs, target, "hello", 0666).ok());
    ::umask(old);
    EXPECT_EQ(read_text(target), "hello");
    EXPECT_EQ(mode_of(target), 0644u);
    EXPECT_EQ(list(dir.path()), std::vector<std::string> { "m.adder-311.pyc" });
}

TEST(WriteAtomic, TempNameShape)
{
    std::string t = temp_path_for("/d/m.adder-311.pyc", 1234);
    EXPECT_TRUE(t.starts_with("/d/m.adder-311.pyc.1234."));
    EXPECT_TRUE(t.ends_with(".tmp"));
    EXPECT_EQ(t.size(), std::string("/d/m.adder-311.pyc.1234.").size() + 16 + 4);
    EXPECT_NE(t, temp_path_for("/d/m.adder-311.pyc", 1234));
}

TEST(WriteAtomic, LoopsOnShortWrites)
{
    TempDir dir;
    FaultFileSystem fs;
    fs.short_write_max = 3;
    std::string data(1000, 'x');
    data[999] = 'y';
    EXPECT_TRUE(write_atomic(fs, dir / "a.pyc", data, 0644).ok());
    EXPECT_EQ(read_text(dir / "a.pyc"), data);
}

TEST(WriteAtomic, InjectedFailuresLeaveNoTempFileAndKeepOldFile)
{
    TempDir dir;
    std::string target = dir / "m.adder-311.pyc";
    write_text(target, "old");
    struct Fault {
        const char* what;
        void (*arm)(FaultFileSystem&);
        int err;
    } faults[] = {
        { "open", [](FaultFileSystem& f) { f.open_errno = EACCES; }, EACCES },
        { "write", [](FaultFileSystem& f) { f.write_errno = ENOSPC; f.write_fail_after = 10; }, ENOSPC },
        { "write at start", [](FaultFileSystem& f) { f.write_errno = EIO; }, EIO },
        { "no progress", [](FaultFileSystem& f) { f.write_zero = true; }, ENOSPC },
        { "close", [](FaultFileSystem& f) { f.close_errno = EIO; }, EIO },
        { "rename", [](FaultFileSystem& f) { f.rename_errno = EXDEV; }, EXDEV },
    };
    for (const Fault& fault : faults) {
        FaultFileSystem fs;
        fault.arm(fs);
        WriteResult r = write_atomic(fs, target, std::string(100, 'n'), 0644);
        EXPECT_EQ(r.err, fault.err) << fault.what;
        EXPECT_EQ(r.path, target);
        EXPECT_EQ(list(dir.path()), std::vector<std::string> { "m.adder-311.pyc" }) << fault.what;
        EXPECT_EQ(read_text(target), "old") << fault.what;
    }
}

TEST(WriteAtomic, TargetIsADirectory)
{
    TempDir dir;
    ::mkdir((dir / "m.adder-311.pyc").c_str(), 0755);
    PosixFileSystem fs;
    WriteResult r = write_atomic(fs, dir / "m.adder-311.pyc", "x", 0644);
    EXPECT_EQ(r.err, EISDIR);
    EXPECT_EQ(list(dir.path()).size(), 1u);
}

TEST(WriteAtomic, ConcurrentWritersProduceOneValidFile)
{
    TempDir dir;
    std::string target = dir / "m.adder-311.pyc";
    std::vector<std::thread> threads;
    std::atomic<int> failures { 0 };
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            PosixFileSystem fs;
            std::string data(4096 + t, static_cast<char>('a' + t));
            for (int i = 0; i < 20; ++i)
                if (!write_atomic(fs, target, data, 0644).ok())
                    ++failures;
        });
    }
    for (auto& th : threads)
        th.join();
    EXPECT_EQ(failures.load(), 0);
    std::string final = read_text(target);
    ASSERT_GE(final.size(), 4096u);
    int t = static_cast<int>(final.size() - 4096);
    EXPECT_EQ(final, std::string(4096 + t, static_cast<char>('a' + t)));
    EXPECT_EQ(list(dir.path()), std::vector<std::string> { "m.adder-311.pyc" });
}

TEST(WriteAtomic, RemovesOwnStaleTempFilesOnly)
{
    TempDir dir;
    std::string old_temp = dir / "m.adder-311.pyc.99.0123456789abcdef.tmp";
    std::string young_temp = dir / "n.adder-311.pyc.98.0123456789abcdef.tmp";
    std::string foreign = dir / "m.cpython-311.pyc.140255400763312";
    std::string other_tag = dir / "m.cpython-311.pyc.99.0123456789abcdef.tmp";
    for (auto& p : { old_temp, young_temp, foreign, other_tag })
        write_text(p, "x");
    struct utimbuf times { 1000, 1000 };
    ::utime(old_temp.c_str(), &times);
    ::utime(foreign.c_str(), &times);
    ::utime(other_tag.c_str(), &times);
    PosixFileSystem fs;
    EXPECT_TRUE(write_atomic(fs, dir / "m.adder-311.pyc", "new", 0644).ok());
    EXPECT_FALSE(exists(old_temp));
    EXPECT_TRUE(exists(young_temp));
    EXPECT_TRUE(exists(foreign));
    EXPECT_TRUE(exists(other_tag));
}

TEST(MakeParentDirs, CreatesMissingComponentsTopDown)
{
    TempDir dir;
    PosixFileSystem fs;
    std::string target = dir / "p/a/b/m.adder-311.pyc";
    EXPECT_TRUE(make_parent_dirs(fs, target).ok());
    EXPECT_TRUE(exists(dir / "p/a/b"));
    EXPECT_TRUE(make_parent_dirs(fs, target).ok()); // already there
}

TEST(MakeParentDirs, ReportsTheComponentThatFailed)
{
    TempDir dir;
    FaultFileSystem fs;
    fs.mkdir_errno = EACCES;
    WriteResult r = make_parent_dirs(fs, dir / "__pycache__/m.adder-311.pyc");
    EXPECT_EQ(r.err, EACCES);
    EXPECT_EQ(r.path, dir / "__pycache__");
}

TEST(MakeParentDirs, NotADirectoryInTheWay)
{
    TempDir dir;
    write_text(dir / "__pycache__", "file");
    PosixFileSystem fs;
    // mkdir gives EEXIST, which is ignored; the write then fails with ENOTDIR.
    EXPECT_TRUE(make_parent_dirs(fs, dir / "__pycache__/m.adder-311.pyc").ok());
    EXPECT_EQ(write_atomic(fs, dir / "__pycache__/m.adder-311.pyc", "x", 0644).err, ENOTDIR);
}
