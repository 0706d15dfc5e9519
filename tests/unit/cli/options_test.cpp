// Unit tests of the command-line parser (src/cli/options.cpp) against the
// behaviour of CPython 3.11's getopt/initconfig, checked by hand with
// /usr/bin/python3.11. The unit_cli target compiles the parser's sources in
// directly, since they belong to the `adder` executable, not a library.
#include "cli/options.h"

#include <gtest/gtest.h>

#include <map>

using namespace adder::cli;

namespace {

ParseResult parse(std::vector<std::string> args, std::map<std::string, std::string> env = {})
{
    return parse_command_line("adder", args, [env](const char* name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end())
            return std::nullopt;
        return it->second;
    });
}

const CommandLine& ok(const ParseResult& r)
{
    EXPECT_TRUE(r.command_line.has_value()) << r.error;
    return *r.command_line;
}

} // namespace

TEST(CliOptions, NoArgumentsReadsStdin)
{
    auto r = parse({});
    EXPECT_EQ(ok(r).mode, RunMode::Stdin);
    EXPECT_EQ(ok(r).config.argv, std::vector<std::string>{""});
}

TEST(CliOptions, CommandSeparateAndAttached)
{
    auto r = parse({"-c", "print(1)", "a", "-b"});
    EXPECT_EQ(ok(r).mode, RunMode::Command);
    EXPECT_EQ(ok(r).target, "print(1)\n");
    EXPECT_EQ(ok(r).config.argv, (std::vector<std::string>{"-c", "a", "-b"}));
    EXPECT_EQ(ok(r).config.bytes_warning, 0);
    auto r2 = parse({"-cprint(2)"});
    EXPECT_EQ(ok(r2).target, "print(2)\n");
}

TEST(CliOptions, CombinedFlags)
{
    auto r = parse({"-Bc", "pass", "x"});
    EXPECT_TRUE(ok(r).config.dont_write_bytecode);
    EXPECT_EQ(ok(r).config.argv, (std::vector<std::string>{"-c", "x"}));
    auto r2 = parse({"-uOOvc", "pass"});
    EXPECT_TRUE(ok(r2).config.unbuffered);
    EXPECT_EQ(ok(r2).config.optimize, 2);
    EXPECT_EQ(ok(r2).config.verbose, 1);
    EXPECT_EQ(ok(parse({"-OOO", "-c", "1"})).config.optimize, 3);
}

TEST(CliOptions, ModuleTerminatesOptions)
{
    auto r = parse({"-m", "json.tool", "-B", "f"});
    EXPECT_EQ(ok(r).mode, RunMode::Module);
    EXPECT_EQ(ok(r).target, "json.tool");
    EXPECT_FALSE(ok(r).config.dont_write_bytecode);
    EXPECT_EQ(ok(r).config.argv, (std::vector<std::string>{"-m", "-B", "f"}));
}

TEST(CliOptions, ScriptAndArguments)
{
    auto r = parse({"-B", "s.py", "-c", "x"});
    EXPECT_EQ(ok(r).mode, RunMode::File);
    EXPECT_EQ(ok(r).target, "s.py");
    EXPECT_EQ(ok(r).config.argv, (std::vector<std::string>{"s.py", "-c", "x"}));
}

TEST(CliOptions, DashAndDoubleDash)
{
    auto r = parse({"-", "a"});
    EXPECT_EQ(ok(r).mode, RunMode::Stdin);
    EXPECT_EQ(ok(r).config.argv, (std::vector<std::string>{"-", "a"}));
    auto r2 = parse({"-E", "--", "-c", "x"});
    EXPECT_EQ(ok(r2).mode, RunMode::File);
    EXPECT_EQ(ok(r2).target, "-c");
}

TEST(CliOptions, Errors)
{
    EXPECT_EQ(parse({"-z"}).error, "Unknown option: -z");
    EXPECT_EQ(parse({"-c"}).error, "Argument expected for the -c option");
    EXPECT_EQ(parse({"-m"}).error, "Argument expected for the -m option");
    EXPECT_EQ(parse({"-X"}).error, "Argument expected for the -X option");
    EXPECT_EQ(parse({"-J"}).error, "-J is reserved for Jython");
    EXPECT_EQ(parse({"--foo"}).error, "unknown option --foo");
    EXPECT_EQ(parse({"--check-hash-based-pycs"}).error,
              "Argument expected for the --check-hash-based-pycs options");
    EXPECT_EQ(parse({"--check-hash-based-pycs", "foo"}).error,
              "--check-hash-based-pycs must be one of 'default', 'always', or 'never'");
    EXPECT_FALSE(parse({"-Bz"}).command_line.has_value());
}

TEST(CliOptions, HelpAndVersion)
{
    EXPECT_EQ(ok(parse({"-h"})).help, HelpKind::Usage);
    EXPECT_EQ(ok(parse({"-?"})).help, HelpKind::Usage);
    EXPECT_EQ(ok(parse({"--help"})).help, HelpKind::Usage);
    EXPECT_EQ(ok(parse({"--help-env"})).help, HelpKind::Env);
    EXPECT_EQ(ok(parse({"--help-all"})).help, HelpKind::All);
    EXPECT_EQ(ok(parse({"-V"})).print_version, 1);
    EXPECT_EQ(ok(parse({"-VV"})).print_version, 2);
    EXPECT_EQ(ok(parse({"--version", "-V"})).print_version, 2);
}

TEST(CliOptions, CheckHashBasedPycs)
{
    EXPECT_EQ(ok(parse({"--check-hash-based-pycs", "always", "-c", "1"})).config.check_hash_based_pycs, "always");
    EXPECT_EQ(ok(parse({"-c", "1"})).config.check_hash_based_pycs, "default");
}

TEST(CliOptions, EnvFlagValues)
{
    EXPECT_EQ(env_flag_value(""), 0);
    EXPECT_EQ(env_flag_value("0"), 0);
    EXPECT_EQ(env_flag_value("00"), 0);
    EXPECT_EQ(env_flag_value("-0"), 0);
    EXPECT_EQ(env_flag_value(" 0"), 0);
    EXPECT_EQ(env_flag_value("1"), 1);
    EXPECT_EQ(env_flag_value("+1"), 1);
    EXPECT_EQ(env_flag_value(" 1"), 1);
    EXPECT_EQ(env_flag_value("-1"), 1);
    EXPECT_EQ(env_flag_value("3"), 3);
    EXPECT_EQ(env_flag_value("x"), 1);
    EXPECT_EQ(env_flag_value("0 "), 1);
    EXPECT_EQ(env_flag_value("0x1"), 1);
    EXPECT_EQ(env_flag_value("1e3"), 1);
    EXPECT_EQ(env_flag_value("99999999999999999999"), 1);
}

TEST(CliOptions, DontWriteBytecodeEnvironment)
{
    EXPECT_FALSE(ok(parse({}, {{"PYTHONDONTWRITEBYTECODE", "0"}})).config.dont_write_bytecode);
    EXPECT_FALSE(ok(parse({}, {{"PYTHONDONTWRITEBYTECODE", ""}})).config.dont_write_bytecode);
    EXPECT_TRUE(ok(parse({}, {{"PYTHONDONTWRITEBYTECODE", "1"}})).config.dont_write_bytecode);
    EXPECT_TRUE(ok(parse({}, {{"PYTHONDONTWRITEBYTECODE", "yes"}})).config.dont_write_bytecode);
    EXPECT_FALSE(ok(parse({"-E"}, {{"PYTHONDONTWRITEBYTECODE", "1"}})).config.dont_write_bytecode);
    EXPECT_FALSE(ok(parse({"-I"}, {{"PYTHONDONTWRITEBYTECODE", "1"}})).config.dont_write_bytecode);
    EXPECT_TRUE(ok(parse({"-B", "-E"})).config.dont_write_bytecode);
}

TEST(CliOptions, EnvironmentFlagsTakeTheMaximum)
{
    EXPECT_EQ(ok(parse({"-O"}, {{"PYTHONOPTIMIZE", "3"}})).config.optimize, 3);
    EXPECT_EQ(ok(parse({"-OO"}, {{"PYTHONOPTIMIZE", "1"}})).config.optimize, 2);
    EXPECT_EQ(ok(parse({}, {{"PYTHONOPTIMIZE", "x"}})).config.optimize, 1);
    EXPECT_EQ(ok(parse({}, {{"PYTHONVERBOSE", "0"}})).config.verbose, 0);
    EXPECT_TRUE(ok(parse({}, {{"PYTHONUNBUFFERED", "x"}})).config.unbuffered);
    EXPECT_FALSE(ok(parse({}, {{"PYTHONUNBUFFERED", "0"}})).config.unbuffered);
    EXPECT_TRUE(ok(parse({}, {{"PYTHONSAFEPATH", "0"}})).config.safe_path);
    auto inspect = ok(parse({}, {{"PYTHONINSPECT", "1"}}));
    EXPECT_TRUE(inspect.config.inspect);
    EXPECT_FALSE(inspect.config.interactive);
}

TEST(CliOptions, IsolatedImpliesEsP)
{
    auto r = parse({"-I", "-c", "1"});
    const adder::Config& c = ok(r).config;
    EXPECT_TRUE(c.isolated);
    EXPECT_TRUE(c.ignore_environment);
    EXPECT_TRUE(c.no_user_site);
    EXPECT_TRUE(c.safe_path);
}

TEST(CliOptions, InspectFlag)
{
    auto r = parse({"-i", "-c", "1"});
    const adder::Config& c = ok(r).config;
    EXPECT_TRUE(c.inspect);
    EXPECT_TRUE(c.interactive);
}

TEST(CliOptions, PycachePrefix)
{
    EXPECT_EQ(ok(parse({}, {{"PYTHONPYCACHEPREFIX", "/x"}})).config.pycache_prefix, "/x");
    EXPECT_EQ(ok(parse({}, {{"PYTHONPYCACHEPREFIX", ""}})).config.pycache_prefix, std::nullopt);
    EXPECT_EQ(ok(parse({"-E"}, {{"PYTHONPYCACHEPREFIX", "/x"}})).config.pycache_prefix, std::nullopt);
    EXPECT_EQ(ok(parse({"-X", "pycache_prefix=/y"}, {{"PYTHONPYCACHEPREFIX", "/x"}})).config.pycache_prefix, "/y");
    EXPECT_EQ(ok(parse({"-X", "pycache_prefix"}, {{"PYTHONPYCACHEPREFIX", "/x"}})).config.pycache_prefix, std::nullopt);
    EXPECT_EQ(ok(parse({"-Xpycache_prefix="}, {{"PYTHONPYCACHEPREFIX", "/x"}})).config.pycache_prefix, std::nullopt);
    EXPECT_EQ(ok(parse({"-X", "pycache_prefix=rel/", "-X", "pycache_prefix=/z"})).config.pycache_prefix, "rel/");
    EXPECT_EQ(ok(parse({"-X", "dev", "-Xutf8"})).config.xoptions, (std::vector<std::string>{"dev", "utf8"}));
}

TEST(CliOptions, WarnOptionsAndMisc)
{
    auto r = parse({"-W", "error", "-Wignore", "-bb", "-q", "-s", "-S", "-x", "-d", "-t", "-R", "-P", "-c", "1"});
    const CommandLine& line = ok(r);
    EXPECT_EQ(line.config.warnoptions, (std::vector<std::string>{"error", "ignore", "error::BytesWarning"}));
    EXPECT_EQ(line.config.bytes_warning, 2);
    EXPECT_TRUE(line.config.quiet);
    EXPECT_TRUE(line.config.no_user_site);
    EXPECT_TRUE(line.config.no_site);
    EXPECT_TRUE(line.config.skip_first_line);
    EXPECT_TRUE(line.config.safe_path);
}

TEST(CliOptions, WarnOptionsMergedLikeCPython)
{
    auto r = parse({"-X", "dev", "-W", "error", "-b", "-c", "1"}, {{"PYTHONWARNINGS", "ignore,,once"}});
    EXPECT_EQ(ok(r).config.warnoptions,
              (std::vector<std::string>{"default", "ignore", "once", "error", "default::BytesWarning"}));
    auto dedup = parse({"-W", "ignore", "-W", "ignore"}, {{"PYTHONWARNINGS", "ignore"}});
    EXPECT_EQ(ok(dedup).config.warnoptions, std::vector<std::string>{"ignore"});
    auto spaces = parse({}, {{"PYTHONWARNINGS", " a , ,b"}});
    EXPECT_EQ(ok(spaces).config.warnoptions, (std::vector<std::string>{" a ", " ", "b"}));
    EXPECT_TRUE(ok(parse({"-E"}, {{"PYTHONWARNINGS", "x"}})).config.warnoptions.empty());
    EXPECT_EQ(ok(parse({"-bb"})).config.warnoptions, std::vector<std::string>{"error::BytesWarning"});
    EXPECT_EQ(ok(parse({}, {{"PYTHONDEVMODE", "1"}})).config.warnoptions, std::vector<std::string>{"default"});
}
