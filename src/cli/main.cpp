// `adder`: the python3-compatible command line. Parses the options as CPython
// 3.11 does (options.cpp), then runs -c, -m, a script or stdin through the
// embedding API in include/adder/adder.h (our only dependency, as lua.c uses
// only lua.h), then the REPL when asked. Follows Modules/main.c pymain_run_python:
// command, module, file or stdin, then pymain_repl for -i / PYTHONINSPECT.
#include "cli/help.h"
#include "cli/options.h"
#include "cli/quote.h"
#include "cli/repl.h"

#include <adder/adder.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using adder::cli::CommandLine;
using adder::cli::RunMode;

std::optional<std::string> getenv_lookup(const char* name)
{
    if (const char* value = std::getenv(name))
        return std::string(value);
    return std::nullopt;
}

// The short version line: "Python 3.11.7" cut from the long version string.
std::string short_version()
{
    std::string full = adder::version_string();
    size_t space = full.find(' ', std::strlen("Python "));
    return space == std::string::npos ? full : full.substr(0, space);
}

// CPython 3.11 makes a relative script path absolute (cwd + "/" + path, no
// normalisation) before reporting that it cannot be opened.
std::string absolute_path(const std::string& path)
{
    if (!path.empty() && path[0] == '/')
        return path;
    std::vector<char> buf(4096);
    if (!getcwd(buf.data(), buf.size()))
        return path;
    return std::string(buf.data()) + "/" + path;
}

// Prints CPython's "can't open file" diagnostic and returns false when the
// script cannot be opened for reading.
bool check_script_readable(const std::string& program_name, const std::string& path)
{
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        close(fd);
        return true;
    }
    int error = errno;
    std::fprintf(stderr, "%s: can't open file %s: [Errno %d] %s\n", program_name.c_str(),
                 adder::cli::python_repr(absolute_path(path)).c_str(), error, std::strerror(error));
    return false;
}

// pymain_run_startup: before an interactive session on stdin, PYTHONSTARTUP
// runs in __main__ (unless -E/-I). The embedding API has no "run this file in
// __main__" call besides run_file (which would make it the main script), so
// the file is executed through the REPL entry point. Returns -1 to go on, or
// the exit status when the startup file raised SystemExit.
int run_startup_file(const adder::Config& config, adder::Interpreter& interpreter)
{
    if (config.ignore_environment)
        return -1;
    const char* path = std::getenv("PYTHONSTARTUP");
    if (!path || !*path)
        return -1;
    std::string quoted = adder::cli::python_repr(path);
    std::string source = "exec(compile(open(" + quoted + ", 'rb').read(), " + quoted + ", 'exec'))\n";
    int exit_code = 0;
    if (interpreter.run_interactive(source, exit_code) == adder::ReplStatus::Exit)
        return exit_code;
    return -1;
}

int run_main(const CommandLine& line, adder::Interpreter& interpreter)
{
    const adder::Config& config = line.config;
    bool stdin_interactive = isatty(STDIN_FILENO) || config.interactive;
    // pymain_header: the banner appears before anything runs, only for an
    // interactive session on stdin (or always under -v), never under -q.
    if (!config.quiet && (config.verbose || (line.mode == RunMode::Stdin && stdin_interactive)))
        adder::cli::print_banner();
    int status = 0;
    switch (line.mode) {
    case RunMode::Command:
        status = interpreter.run_command(line.target);
        break;
    case RunMode::Module:
        status = interpreter.run_module(line.target);
        break;
    case RunMode::File:
        status = interpreter.run_file(line.target);
        break;
    case RunMode::Stdin:
        // Without code to run, an interactive stdin means the REPL (and -i has
        // then nothing left to do afterwards).
        if (stdin_interactive) {
            if (int startup = run_startup_file(config, interpreter); startup >= 0)
                return startup;
            return adder::cli::run_repl(interpreter);
        }
        status = interpreter.run_stdin();
        break;
    }
    // pymain_repl: PYTHONINSPECT is checked again at the end, so a program can set it.
    bool inspect = config.inspect;
    if (!inspect && !config.ignore_environment) {
        const char* env = std::getenv("PYTHONINSPECT");
        inspect = env && *env;
    }
    // The REPL's status replaces the program's: `adder -i -c "1/0"` exits with
    // 0 at end of input. (With -i, the Interpreter itself must report a
    // SystemExit of the program as a traceback instead of exiting.)
    if (inspect && stdin_interactive && line.mode != RunMode::Stdin)
        status = adder::cli::run_repl(interpreter);
    return status;
}

} // namespace

int main(int argc, char** argv)
{
    std::string program_name = argc > 0 ? argv[0] : "adder";
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    adder::cli::ParseResult parsed = adder::cli::parse_command_line(program_name, args, getenv_lookup);
    if (!parsed.command_line) {
        adder::cli::print_usage_error(program_name, parsed.error);
        return 2;
    }
    CommandLine& line = *parsed.command_line;
    if (line.help != adder::cli::HelpKind::None) {
        adder::cli::print_help(line.help, program_name);
        return 0;
    }
    if (line.print_version) {
        std::printf("%s\n", line.print_version >= 2 ? adder::version_string() : short_version().c_str());
        return 0;
    }
    if (line.mode == RunMode::File && !check_script_readable(program_name, line.target))
        return 2;
    if (line.config.unbuffered) {
        std::setvbuf(stdout, nullptr, _IONBF, 0);
        std::setvbuf(stderr, nullptr, _IONBF, 0);
    }

    std::unique_ptr<adder::Interpreter> interpreter = adder::Interpreter::create(line.config);
    if (!interpreter) {
        std::fprintf(stderr, "%s: cannot initialize the interpreter\n", program_name.c_str());
        return 1;
    }
    int status = run_main(line, *interpreter);
    return interpreter->finalize(status);
}
