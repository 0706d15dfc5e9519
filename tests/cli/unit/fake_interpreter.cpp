// A stand-in for the real Interpreter, for testing src/cli/ before the core
// links: each run_* call re-executes /usr/bin/python3.11 with the flags that
// the parsed Config describes. Running tests/cli/cases.txt against the result
// checks option parsing, the Config mapping and main()'s control flow end to
// end. It is NOT an interpreter: run_interactive only echoes its input (see
// below), so the REPL cases of cases.txt fail with it by design. Built by tests/cli/unit/build.sh.
#include <adder/adder.h>

#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

class FakeInterpreter final : public adder::Interpreter {
public:
    explicit FakeInterpreter(const adder::Config& config) : m_config(config) { }

    int run_file(const std::string& path) noexcept override { return spawn({path}, 1); }
    int run_command(const std::string& source) noexcept override { return spawn({"-c", source}, 1); }
    int run_module(const std::string& name) noexcept override { return spawn({"-m", name}, 1); }
    int run_stdin() noexcept override
    {
        if (m_config.argv.empty() || m_config.argv[0].empty())
            return spawn({}, 1);
        return spawn({"-"}, 1);
    }
    // Pretends to run REPL input, to exercise the prompt loop: a block opened
    // by a line ending in ':' needs an empty line; "exit" ends with status 3;
    // anything else is echoed as "[exec] FIRST-LINE".
    adder::ReplStatus run_interactive(const std::string& source, int& exit_code) noexcept override
    {
        std::string first = source.substr(0, source.find('\n'));
        bool block = !first.empty() && first.back() == ':';
        if (block && source.size() >= 2 && source.compare(source.size() - 2, 2, "\n\n") != 0)
            return adder::ReplStatus::Incomplete;
        if (first == "exit") {
            exit_code = 3;
            return adder::ReplStatus::Exit;
        }
        std::printf("[exec] %s\n", first.c_str());
        return adder::ReplStatus::Complete;
    }
    int finalize(int status) noexcept override { return status; }

private:
    std::vector<std::string> flags() const
    {
        std::vector<std::string> out;
        const adder::Config& c = m_config;
        for (int i = 0; i < c.optimize; ++i)
            out.push_back("-O");
        for (int i = 0; i < c.verbose; ++i)
            out.push_back("-v");
        for (int i = 0; i < c.bytes_warning; ++i)
            out.push_back("-b");
        if (c.dont_write_bytecode) out.push_back("-B");
        if (c.isolated) out.push_back("-I");
        if (c.ignore_environment) out.push_back("-E");
        if (c.no_user_site) out.push_back("-s");
        if (c.safe_path) out.push_back("-P");
        if (c.unbuffered) out.push_back("-u");
        if (c.quiet) out.push_back("-q");
        for (const std::string& w : c.warnoptions)
            out.insert(out.end(), {"-W", w});
        for (const std::string& x : c.xoptions)
            if (x.rfind("pycache_prefix", 0) != 0)
                out.insert(out.end(), {"-X", x});
        out.insert(out.end(), {"-X", "pycache_prefix=" + c.pycache_prefix.value_or("")});
        out.insert(out.end(), {"--check-hash-based-pycs", c.check_hash_based_pycs});
        return out;
    }

    int spawn(const std::vector<std::string>& target, size_t first_arg)
    {
        std::vector<std::string> args = {"/usr/bin/python3.11"};
        for (const std::string& f : flags())
            args.push_back(f);
        args.insert(args.end(), target.begin(), target.end());
        for (size_t i = first_arg; i < m_config.argv.size(); ++i)
            args.push_back(m_config.argv[i]);
        std::vector<char*> raw;
        for (std::string& a : args)
            raw.push_back(a.data());
        raw.push_back(nullptr);
        std::fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            execv(raw[0], raw.data());
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    adder::Config m_config;
};

} // namespace

namespace adder {

std::unique_ptr<Interpreter> Interpreter::create(const Config& config) noexcept
{
    return std::make_unique<FakeInterpreter>(config);
}

const char* version_string() noexcept
{
    return "Python 3.11.7 (Adder CLI test double)";
}

} // namespace adder
