// Implementation of include/adder/adder.h on top of src/runtime/.
#include "adder/adder.h"
#include "runtime/runtime.h"

namespace adder {

namespace {
class InterpreterImpl final : public Interpreter {
public:
    int run_file(const std::string& path) noexcept override { return runtime::run_file(path); }
    int run_command(const std::string& source) noexcept override { return runtime::run_command(source); }
    int run_module(const std::string& name) noexcept override { return runtime::run_module(name); }
    int run_stdin() noexcept override { return runtime::run_stdin(); }
    ReplStatus run_interactive(const std::string& source, int& exit_code) noexcept override
    {
        return runtime::run_interactive(source, exit_code);
    }
    int finalize(int status) noexcept override { return runtime::finalize(status); }
};
} // namespace

std::unique_ptr<Interpreter> Interpreter::create(const Config& config) noexcept
{
    runtime::startup(config);
    return std::make_unique<InterpreterImpl>();
}

const char* version_string() noexcept { return "Python 3.11.7"; }

} // namespace adder
