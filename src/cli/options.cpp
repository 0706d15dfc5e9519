// The option loop of CPython 3.11 (Python/getopt.c + initconfig.c
// config_parse_cmdline), then the PYTHON* environment variables
// (config_read_env_vars) and the -X pycache_prefix / PYTHONPYCACHEPREFIX rule
// (docs: spec/pycache.md §2.2 P5). Messages match CPython word for word so the
// differential CLI tests can compare them after normalising the program name.
#include "cli/options.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace adder::cli {

namespace {

// Short options, as CPython 3.11's PROGRAM_OPTS: a letter followed by ':' takes
// an argument (attached, "-cCMD", or the next argument, "-c CMD").
constexpr const char* k_short_options = "bBc:dEhiIm:OPqRsStuvVW:xX:?";

struct LongOption {
    const char* name;
    bool has_arg;
    int value;
};

// Long options of 3.11 besides --help and --version (handled first, as getopt.c does).
constexpr int k_opt_check_hash = 0x100;
constexpr int k_opt_help_env = 0x101;
constexpr int k_opt_help_xoptions = 0x102;
constexpr int k_opt_help_all = 0x103;
constexpr LongOption k_long_options[] = {
    {"check-hash-based-pycs", true, k_opt_check_hash},
    {"help-env", false, k_opt_help_env},
    {"help-xoptions", false, k_opt_help_xoptions},
    {"help-all", false, k_opt_help_all},
};

// A getopt over std::string arguments with CPython's exact quirks: a lone "-"
// ends options, "--" ends them and is consumed, "-J" is reserved for Jython.
class GetOpt {
public:
    explicit GetOpt(const std::vector<std::string>& args) : m_args(args) { }

    // Returns the next option character (or a long option's value), -1 at the
    // end of options, or '_' on error with `error()` set.
    int next()
    {
        if (m_pos == std::string::npos || m_pos >= current_length()) {
            if (m_index >= m_args.size())
                return -1;
            const std::string& arg = m_args[m_index];
            if (arg.size() < 2 || arg[0] != '-')
                return -1; // not an option, or a lone dash
            if (arg == "--") {
                ++m_index;
                return -1;
            }
            if (arg == "--help") {
                ++m_index;
                return 'h';
            }
            if (arg == "--version") {
                ++m_index;
                return 'V';
            }
            m_word = m_index++;
            m_pos = 1;
        }
        const std::string& word = m_args[m_word];
        char option = word[m_pos++];
        if (option == '-')
            return long_option(word);
        if (option == 'J') {
            m_error = "-J is reserved for Jython";
            return '_';
        }
        const char* spec = option ? std::strchr(k_short_options, option) : nullptr;
        if (!spec) {
            m_error = std::string("Unknown option: -") + option;
            return '_';
        }
        if (spec[1] == ':') {
            if (m_pos < word.size()) {
                m_optarg = word.substr(m_pos);
            } else if (m_index < m_args.size()) {
                m_optarg = m_args[m_index++];
            } else {
                m_error = std::string("Argument expected for the -") + option + " option";
                return '_';
            }
            m_pos = std::string::npos;
        }
        return option;
    }

    const std::string& optarg() const { return m_optarg; }
    const std::string& error() const { return m_error; }
    // Index of the first argument not consumed by the option loop.
    size_t index() const { return m_index; }

private:
    size_t current_length() const { return m_word < m_args.size() ? m_args[m_word].size() : 0; }

    int long_option(const std::string& word)
    {
        std::string name = word.substr(m_pos);
        m_pos = std::string::npos;
        for (const LongOption& opt : k_long_options) {
            if (name != opt.name)
                continue;
            if (!opt.has_arg)
                return opt.value;
            if (m_index >= m_args.size()) {
                m_error = "Argument expected for the " + word + " options";
                return '_';
            }
            m_optarg = m_args[m_index++];
            return opt.value;
        }
        m_error = "unknown option " + word;
        return '_';
    }

    const std::vector<std::string>& m_args;
    size_t m_index = 0;
    size_t m_word = SIZE_MAX;
    size_t m_pos = std::string::npos;
    std::string m_optarg;
    std::string m_error;
};

// The raw counts of the command line before the environment is merged in.
struct Flags {
    int optimize = 0;
    int verbose = 0;
    int inspect = 0;
    bool dont_write_bytecode = false;
    bool unbuffered = false;
    bool safe_path = false;
};

std::optional<std::string> nonempty(const EnvLookup& env, const char* name)
{
    std::optional<std::string> value = env(name);
    if (value && value->empty())
        return std::nullopt;
    return value;
}

// Like _Py_get_env_flag: raises `flag` to the variable's value when it is set.
void merge_env_flag(const EnvLookup& env, const char* name, int& flag)
{
    if (std::optional<std::string> value = nonempty(env, name)) {
        int parsed = env_flag_value(*value);
        if (flag < parsed)
            flag = parsed;
    }
}

// -X dev or PYTHONDEVMODE (config_init_dev_mode).
bool dev_mode(const Config& config, const EnvLookup& env)
{
    for (const std::string& x : config.xoptions)
        if (x == "dev" || x.rfind("dev=", 0) == 0)
            return true;
    return !config.ignore_environment && nonempty(env, "PYTHONDEVMODE");
}

// The final sys.warnoptions, as config_init_warnoptions builds it: "default"
// for dev mode, then PYTHONWARNINGS (split on commas, empty items dropped),
// then the -W values, then the -b/-bb BytesWarning filter; each added only if
// not already present, because the warnings module gives the last entry the
// highest priority.
std::vector<std::string> merge_warnoptions(const Config& config, const EnvLookup& env, bool dev)
{
    std::vector<std::string> merged;
    auto add = [&merged](const std::string& option) {
        for (const std::string& existing : merged)
            if (existing == option)
                return;
        merged.push_back(option);
    };
    if (dev)
        add("default");
    if (!config.ignore_environment) {
        if (std::optional<std::string> value = nonempty(env, "PYTHONWARNINGS")) {
            size_t start = 0;
            while (start <= value->size()) {
                size_t comma = value->find(',', start);
                if (comma == std::string::npos)
                    comma = value->size();
                if (comma > start)
                    add(value->substr(start, comma - start));
                start = comma + 1;
            }
        }
    }
    for (const std::string& option : config.warnoptions)
        add(option);
    if (config.bytes_warning)
        add(config.bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning");
    return merged;
}

} // namespace

int env_flag_value(const std::string& value)
{
    if (value.empty())
        return 0;
    const char* start = value.c_str();
    char* end = nullptr;
    errno = 0;
    long parsed = std::strtol(start, &end, 10);
    if (*end != '\0' || errno == ERANGE || parsed < INT_MIN || parsed > INT_MAX || parsed < 0)
        return 1;
    return static_cast<int>(parsed);
}

ParseResult parse_command_line(const std::string& program_name,
                               const std::vector<std::string>& args,
                               const EnvLookup& env)
{
    CommandLine line;
    Config& config = line.config;
    config.program_name = program_name;
    Flags flags;
    int interactive = 0;
    GetOpt getopt(args);
    bool have_target = false;

    for (int c; !have_target && (c = getopt.next()) != -1;) {
        switch (c) {
        case 'c':
            // CPython appends "\n" so that a command ending in a comment or an
            // unterminated block still compiles.
            line.mode = RunMode::Command;
            line.target = getopt.optarg() + "\n";
            have_target = true;
            break;
        case 'm':
            line.mode = RunMode::Module;
            line.target = getopt.optarg();
            have_target = true;
            break;
        case 'b': ++config.bytes_warning; break;
        case 'd': ++line.parser_debug; break;
        case 'i': ++flags.inspect; ++interactive; break;
        case 'I':
            config.isolated = true;
            break;
        case 'X': config.xoptions.push_back(getopt.optarg()); break;
        case 'O': ++flags.optimize; break;
        case 'P': flags.safe_path = true; break;
        case 'B': flags.dont_write_bytecode = true; break;
        case 's': config.no_user_site = true; break;
        case 'S': config.no_site = true; break;
        case 'E': config.ignore_environment = true; break;
        case 't': break; // accepted for backward compatibility, as in CPython
        case 'u': flags.unbuffered = true; break;
        case 'v': ++flags.verbose; break;
        case 'x': config.skip_first_line = true; break;
        case 'h':
        case '?': line.help = HelpKind::Usage; break;
        case 'V': ++line.print_version; break;
        case 'W': config.warnoptions.push_back(getopt.optarg()); break;
        case 'q': config.quiet = true; break;
        case 'R': break; // hash randomization is always on, as in CPython 3.11
        case k_opt_check_hash:
            if (getopt.optarg() != "always" && getopt.optarg() != "never" && getopt.optarg() != "default")
                return {std::nullopt, "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"};
            config.check_hash_based_pycs = getopt.optarg();
            break;
        case k_opt_help_env: line.help = HelpKind::Env; break;
        case k_opt_help_xoptions: line.help = HelpKind::XOptions; break;
        case k_opt_help_all: line.help = HelpKind::All; break;
        default:
            return {std::nullopt, getopt.error()};
        }
    }

    // Everything after the options: the script (unless -c/-m was given) and
    // its arguments. sys.argv[0] is "-c", "-m" (runpy replaces it), the
    // script path, "-" or "".
    size_t rest = getopt.index();
    if (line.mode == RunMode::Command) {
        config.argv.push_back("-c");
    } else if (line.mode == RunMode::Module) {
        config.argv.push_back("-m");
    } else if (rest < args.size() && args[rest] != "-") {
        line.mode = RunMode::File;
        line.target = args[rest];
        config.argv.push_back(args[rest++]);
    } else if (rest < args.size()) {
        config.argv.push_back(args[rest++]); // "-": read stdin
    } else {
        config.argv.push_back("");
    }
    for (; rest < args.size(); ++rest)
        config.argv.push_back(args[rest]);

    // -I implies -E, -s and -P.
    if (config.isolated) {
        config.ignore_environment = true;
        config.no_user_site = true;
        flags.safe_path = true;
    }

    std::optional<std::string> env_prefix;
    if (!config.ignore_environment) {
        merge_env_flag(env, "PYTHONVERBOSE", flags.verbose);
        merge_env_flag(env, "PYTHONOPTIMIZE", flags.optimize);
        merge_env_flag(env, "PYTHONINSPECT", flags.inspect);
        int dont_write = 0;
        merge_env_flag(env, "PYTHONDONTWRITEBYTECODE", dont_write);
        if (dont_write)
            flags.dont_write_bytecode = true;
        int no_user_site = 0;
        merge_env_flag(env, "PYTHONNOUSERSITE", no_user_site);
        if (no_user_site)
            config.no_user_site = true;
        int unbuffered = 0;
        merge_env_flag(env, "PYTHONUNBUFFERED", unbuffered);
        if (unbuffered)
            flags.unbuffered = true;
        if (nonempty(env, "PYTHONSAFEPATH"))
            flags.safe_path = true;
        env_prefix = nonempty(env, "PYTHONPYCACHEPREFIX");
        // PYTHONPATH is read by the runtime itself (Config has no field for it).
    }

    // -X pycache_prefix=DIR wins over the environment; "-X pycache_prefix" and
    // "-X pycache_prefix=" both mean None (spec/pycache.md P5). As in CPython's
    // _Py_get_xoption, the first matching -X option is the one used.
    config.pycache_prefix = env_prefix;
    for (const std::string& x : config.xoptions) {
        if (x == "pycache_prefix" || x == "pycache_prefix=") {
            config.pycache_prefix = std::nullopt;
            break;
        }
        if (x.rfind("pycache_prefix=", 0) == 0) {
            config.pycache_prefix = x.substr(std::strlen("pycache_prefix="));
            break;
        }
    }

    config.warnoptions = merge_warnoptions(config, env, dev_mode(config, env));
    config.optimize = flags.optimize;
    config.verbose = flags.verbose;
    config.inspect = flags.inspect > 0;
    config.interactive = interactive > 0;
    config.dont_write_bytecode = flags.dont_write_bytecode;
    config.unbuffered = flags.unbuffered;
    config.safe_path = flags.safe_path;
    return {std::move(line), {}};
}

} // namespace adder::cli
