// The REPL, modelled on CPython 3.11's PyRun_InteractiveLoop as seen from the
// outside: ">>> " and "... " prompts, history in ~/.adder_history on a
// terminal, Ctrl-D (end of input) leaves with a newline, Ctrl-C discards the pending input and prints KeyboardInterrupt.
// At end of input a pending compound statement is still executed, as CPython
// does. Our SIGINT handler is installed only while waiting for a line, so a
// Ctrl-C during execution reaches the interpreter's own handling.
#include "cli/repl.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <unistd.h>

#include <editline/readline.h>

namespace adder::cli {

namespace {

// FIXME: sys.ps1 / sys.ps2 are not reachable through include/adder/adder.h;
// the REPL uses CPython's default prompts until the API exposes them.
constexpr const char* k_primary_prompt = ">>> ";
constexpr const char* k_secondary_prompt = "... ";

// History lives in ~/.adder_history, not CPython's ~/.python_history: libedit
// and GNU readline write incompatible history files.
constexpr const char* k_history_file = ".adder_history";
// Lines kept in the history file, like the default of CPython's site module.
constexpr int k_history_length = 1000;

volatile std::sig_atomic_t g_interrupted = 0;

std::string history_path()
{
    const char* home = std::getenv("HOME");
    return home && *home ? std::string(home) + "/" + k_history_file : std::string();
}

// Saves the terminal history on every way out of the loop.
class HistoryFile {
public:
    explicit HistoryFile(bool enabled) : m_path(enabled ? history_path() : std::string())
    {
        if (m_path.empty())
            return;
        using_history();
        stifle_history(k_history_length);
        read_history(m_path.c_str());
    }
    ~HistoryFile()
    {
        if (!m_path.empty())
            write_history(m_path.c_str());
    }

private:
    std::string m_path;
};

void on_sigint(int)
{
    g_interrupted = 1;
}

// Result of asking for one line: a line (without its newline), end of input,
// or an interrupt (Ctrl-C while waiting).
struct LineResult {
    enum Kind { Line, End, Interrupt } kind;
    std::string text;
};

// Reads a line with libedit, with SIGINT turned into a flag (no SA_RESTART, so
// the blocking read returns and readline() gives up).
LineResult read_terminal_line(const char* prompt)
{
    struct sigaction ours {};
    struct sigaction saved {};
    ours.sa_handler = on_sigint;
    sigemptyset(&ours.sa_mask);
    ours.sa_flags = 0;
    sigaction(SIGINT, &ours, &saved);
    g_interrupted = 0;
    char* line = readline(prompt);
    sigaction(SIGINT, &saved, nullptr);
    if (g_interrupted) {
        std::free(line);
        return {LineResult::Interrupt, {}};
    }
    if (!line)
        return {LineResult::End, {}};
    std::string text(line);
    if (!text.empty())
        add_history(line);
    std::free(line);
    return {LineResult::Line, std::move(text)};
}

// Reads a line from a non-terminal stdin; the prompt goes to stderr.
LineResult read_plain_line(const char* prompt)
{
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    std::string text;
    int c;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        text += static_cast<char>(c);
    if (c == EOF && text.empty())
        return {LineResult::End, {}};
    return {LineResult::Line, std::move(text)};
}

} // namespace

void print_banner()
{
    std::fprintf(stderr, "%s on linux\n", version_string());
    std::fputs("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n", stderr);
}

int run_repl(Interpreter& interpreter)
{
    bool terminal = isatty(STDIN_FILENO);
    HistoryFile history(terminal);
    std::string pending;
    for (;;) {
        const char* prompt = pending.empty() ? k_primary_prompt : k_secondary_prompt;
        std::fflush(stdout);
        LineResult got = terminal ? read_terminal_line(prompt) : read_plain_line(prompt);
        if (got.kind == LineResult::Interrupt) {
            std::fputs("\nKeyboardInterrupt\n", stderr);
            pending.clear();
            continue;
        }
        int exit_code = 0;
        if (got.kind == LineResult::End) {
            // End of input: a pending block is still executed (CPython's
            // tokenizer ends it at EOF) and the loop prompts once more; at an
            // empty prompt, leave.
            std::fputs("\n", terminal ? stdout : stderr);
            if (pending.empty())
                return 0;
            pending += "\n";
            ReplStatus status = interpreter.run_interactive(pending, exit_code);
            pending.clear();
            if (status == ReplStatus::Exit)
                return exit_code;
            continue;
        }
        pending += got.text;
        pending += '\n';
        switch (interpreter.run_interactive(pending, exit_code)) {
        case ReplStatus::Incomplete:
            break;
        case ReplStatus::Complete:
            pending.clear();
            break;
        case ReplStatus::Exit:
            return exit_code;
        }
    }
}

} // namespace adder::cli
