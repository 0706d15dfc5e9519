// Help and usage texts of the command line. The usage line and the error hint
// are byte-for-byte CPython's (with our program name, and "adder" where CPython
// hard-codes "python") because the CLI differential tests compare them.
#include "cli/help.h"

#include <cstdio>

namespace adder::cli {

namespace {

constexpr const char* k_usage_line = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

constexpr const char* k_options_text =
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "         and comparing bytes/bytearray with str. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : accepted for compatibility (parser debugging output); also PYTHONDEBUG=x\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolate Adder from the user's environment (implies -E, -s and -P)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
    "         .pyc extension; also PYTHONOPTIMIZE=x\n"
    "-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
    "         .pyc extension\n"
    "-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
    "         can be supplied multiple times to increase verbosity\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how Adder invalidates hash-based .pyc files\n"
    "--help-env      : print help about environment variables and exit\n"
    "--help-xoptions : print help about implementation-specific -X options and exit\n"
    "--help-all      : print complete help information and exit\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

constexpr const char* k_env_text =
    "Environment variables that change behavior:\n"
    "PYTHONSTARTUP: file executed on interactive startup (no default)\n"
    "PYTHONPATH   : ':'-separated list of directories prefixed to the\n"
    "               default module search path.  The result is sys.path.\n"
    "PYTHONSAFEPATH: don't prepend a potentially unsafe path to sys.path.\n"
    "PYTHONPYCACHEPREFIX: root directory for bytecode cache (pyc) files.\n"
    "These variables have equivalent command-line parameters (see --help for details):\n"
    "PYTHONDEBUG             : enable parser debug mode (-d)\n"
    "PYTHONDONTWRITEBYTECODE : don't write .pyc files (-B)\n"
    "PYTHONINSPECT           : inspect interactively after running script (-i)\n"
    "PYTHONNOUSERSITE        : disable user site directory (-s)\n"
    "PYTHONOPTIMIZE          : enable level 1 optimizations (-O)\n"
    "PYTHONUNBUFFERED        : disable stdout/stderr buffering (-u)\n"
    "PYTHONVERBOSE           : trace import statements (-v)\n"
    "PYTHONWARNINGS=arg      : warning control (-W arg)\n";

constexpr const char* k_xoptions_text =
    "The following implementation-specific options are available:\n"
    "\n"
    "-X pycache_prefix=PATH: enable writing .pyc files to a parallel tree rooted at the\n"
    "    given directory instead of to the code tree\n"
    "\n"
    "-X dev: enable the development mode (sets sys.flags.dev_mode)\n"
    "\n"
    "Other -X options are accepted and stored in sys._xoptions.\n";

} // namespace

void print_help(HelpKind kind, const std::string& program_name)
{
    if (kind == HelpKind::Usage || kind == HelpKind::All) {
        std::printf(k_usage_line, program_name.c_str());
        std::fputs(k_options_text, stdout);
    }
    if (kind == HelpKind::All)
        std::fputs("\n", stdout);
    if (kind == HelpKind::Env || kind == HelpKind::All)
        std::fputs(k_env_text, stdout);
    if (kind == HelpKind::All)
        std::fputs("\n", stdout);
    if (kind == HelpKind::XOptions || kind == HelpKind::All)
        std::fputs(k_xoptions_text, stdout);
}

void print_usage_error(const std::string& program_name, const std::string& message)
{
    if (!message.empty())
        std::fprintf(stderr, "%s\n", message.c_str());
    std::fprintf(stderr, k_usage_line, program_name.c_str());
    std::fputs("Try `adder -h' for more information.\n", stderr);
}

} // namespace adder::cli
