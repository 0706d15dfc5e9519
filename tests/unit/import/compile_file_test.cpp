// Unit tests of the import helpers that need no running interpreter:
// compile_file_to_cache (py_compile/compileall's core) and the path helpers
// of source_loader.h.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/file_system.h"
#include "cache/header.h"
#include "cache/pyc_cache.h"
#include "import/compile_file.h"
#include "import/source_loader.h"

namespace {

using adder::imp::CompileFileRequest;
using adder::imp::CompileFileResult;
using adder::imp::InvalidationMode;

class CompileFileTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        char tmpl[] = "/tmp/adder-import-test.XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl), nullptr);
        m_dir = tmpl;
    }
    void TearDown() override { std::system(("rm -rf '" + m_dir + "'").c_str()); }
    std::string write(const std::string& name, const std::string& text)
    {
        std::string p = m_dir + "/" + name;
        std::ofstream(p) << text;
        return p;
    }
    std::string read(const std::string& p)
    {
        std::string out;
        EXPECT_EQ(adder::cache::default_file_system().read_file(p, &out), 0);
        return out;
    }
    std::string m_dir;
};

TEST_F(CompileFileTest, WritesAFileAnImportAccepts)
{
    std::string src = write("m.py", "X = 1\n");
    CompileFileRequest req { src, m_dir + "/__pycache__/m.adder-311.pyc", "", 0, InvalidationMode::Timestamp };
    CompileFileResult r = adder::imp::compile_file_to_cache(req);
    ASSERT_EQ(r.status, CompileFileResult::Status::Ok);
    EXPECT_TRUE(adder::cache::is_cache_fresh(adder::cache::default_file_system(), src, req.cfile));
    std::string data = read(req.cfile);
    ASSERT_GE(data.size(), 16u);
    EXPECT_EQ(data[4], 0); // timestamp kind
}

TEST_F(CompileFileTest, HashModesSetPep552Flags)
{
    std::string src = write("h.py", "Y = 2\n");
    CompileFileRequest req { src, m_dir + "/c.pyc", "", 0, InvalidationMode::CheckedHash };
    ASSERT_EQ(adder::imp::compile_file_to_cache(req).status, CompileFileResult::Status::Ok);
    EXPECT_EQ(read(req.cfile)[4], 3);
    req.cfile = m_dir + "/u.pyc";
    req.mode = InvalidationMode::UncheckedHash;
    ASSERT_EQ(adder::imp::compile_file_to_cache(req).status, CompileFileResult::Status::Ok);
    EXPECT_EQ(read(req.cfile)[4], 1);
    // Hash-based files are never "fresh" for compileall (spec T9).
    EXPECT_FALSE(adder::cache::is_cache_fresh(adder::cache::default_file_system(), src, req.cfile));
}

TEST_F(CompileFileTest, SyntaxErrorWritesNothing)
{
    std::string src = write("bad.py", "def (\n");
    CompileFileRequest req { src, m_dir + "/bad.pyc", "shown.py", 0, InvalidationMode::Timestamp };
    CompileFileResult r = adder::imp::compile_file_to_cache(req);
    ASSERT_EQ(r.status, CompileFileResult::Status::SyntaxError);
    ASSERT_TRUE(r.syntax.has_value());
    EXPECT_EQ(r.syntax->filename, "shown.py");
    struct stat st;
    EXPECT_NE(::stat(req.cfile.c_str(), &st), 0);
}

TEST_F(CompileFileTest, MissingSourceIsAnOSError)
{
    CompileFileRequest req { m_dir + "/nope.py", m_dir + "/nope.pyc", "", 0, InvalidationMode::Timestamp };
    CompileFileResult r = adder::imp::compile_file_to_cache(req);
    EXPECT_EQ(r.status, CompileFileResult::Status::OSError);
    EXPECT_EQ(r.err, ENOENT);
    EXPECT_EQ(r.err_path, req.source);
}

TEST_F(CompileFileTest, UnwritableTargetIsAnOSError)
{
    std::string src = write("w.py", "Z = 3\n");
    write("file", "");
    CompileFileRequest req { src, m_dir + "/file/sub/w.pyc", "", 0, InvalidationMode::Timestamp };
    CompileFileResult r = adder::imp::compile_file_to_cache(req);
    EXPECT_EQ(r.status, CompileFileResult::Status::OSError);
    EXPECT_EQ(r.err, ENOTDIR);
}

TEST_F(CompileFileTest, ModeFollowsSourceRule)
{
    std::string src = write("p.py", "P = 1\n");
    ::chmod(src.c_str(), 0600);
    CompileFileRequest req { src, m_dir + "/p.pyc", "", 0, InvalidationMode::Timestamp };
    ASSERT_EQ(adder::imp::compile_file_to_cache(req).status, CompileFileResult::Status::Ok);
    struct stat st;
    ASSERT_EQ(::stat(req.cfile.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(InvalidationModeTest, SourceDateEpochSelectsCheckedHash)
{
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(adder::imp::default_invalidation_mode(), InvalidationMode::Timestamp);
    ::setenv("SOURCE_DATE_EPOCH", "", 1);
    EXPECT_EQ(adder::imp::default_invalidation_mode(), InvalidationMode::Timestamp);
    ::setenv("SOURCE_DATE_EPOCH", "0", 1);
    EXPECT_EQ(adder::imp::default_invalidation_mode(), InvalidationMode::CheckedHash);
    ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST(SourceLoaderPathsTest, AbsolutePathIsCwdJoinedWithoutNormalising)
{
    char buf[4096];
    ASSERT_NE(::getcwd(buf, sizeof buf), nullptr);
    std::string cwd = buf;
    EXPECT_EQ(adder::imp::absolute_path("/a/b.py"), "/a/b.py");
    EXPECT_EQ(adder::imp::absolute_path(""), cwd);
    EXPECT_EQ(adder::imp::absolute_path("."), cwd);
    EXPECT_EQ(adder::imp::absolute_path("./x.py"), cwd + "/./x.py");
}

TEST(SourceLoaderPathsTest, SourcelessPaths)
{
    EXPECT_TRUE(adder::imp::is_sourceless_path("/a/foo.pyc"));
    EXPECT_FALSE(adder::imp::is_sourceless_path("/a/foo.py"));
    EXPECT_FALSE(adder::imp::is_sourceless_path(".pyc"));
}

} // namespace
