// parse_file: a small driver over the front end for tools/stdlib_compile_check.sh
// and manual checks. For each file it prints one line:
//   OK <path>                      (or the dump with --dump / --positions)
//   ERR <path>|type|msg|lineno|offset|end_lineno|end_offset
// --bench parses every file --repeat times and prints lines/second.
// --mode exec|eval|single selects the compile() mode; --text treats input as str.
// Built with ADDER_WITH_UTF8PROC, it installs utf8proc's NFKC for identifiers.
#include "parser/parser.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#ifdef ADDER_WITH_UTF8PROC
#include <cstdlib>
#include <utf8proc.h>
#endif

using namespace adder;

#ifdef ADDER_WITH_UTF8PROC
// NFKC for identifiers, as the runtime would install it.
static std::string nfkc(std::string_view s)
{
    utf8proc_uint8_t* out = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(std::string(s).c_str()));
    if (!out)
        return std::string(s);
    std::string r(reinterpret_cast<char*>(out));
    std::free(out);
    return r;
}
#endif

int main(int argc, char** argv)
{
    bool do_dump = false, positions = false, bench = false, from_list = false;
    int repeat = 1;
#ifdef ADDER_WITH_UTF8PROC
    parser::set_identifier_normalizer(nfkc);
#endif
    parser::ParseOptions options;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--dump") do_dump = true;
        else if (a == "--positions") positions = true;
        else if (a == "--bench") bench = true;
        else if (a == "--text") options.source_is_text = true;
        else if (a == "--list") from_list = true; // read file names from stdin
        else if (a == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
        else if (a == "--mode" && i + 1 < argc) {
            std::string m = argv[++i];
            options.mode = m == "eval" ? parser::Mode::Eval : m == "single" ? parser::Mode::Single : parser::Mode::Exec;
        } else files.push_back(a);
    }
    if (from_list) {
        std::string line;
        while (std::getline(std::cin, line))
            if (!line.empty())
                files.push_back(line);
    }
    std::vector<std::string> sources;
    for (auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        sources.push_back(ss.str());
    }
    if (bench) {
        long lines = 0;
        for (auto& s : sources)
            for (char c : s)
                lines += c == '\n';
        auto t0 = std::chrono::steady_clock::now();
        long failures = 0;
        for (int r = 0; r < repeat; ++r)
            for (size_t i = 0; i < sources.size(); ++i)
                failures += parser::parse(sources[i], files[i], options).error.has_value();
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("files=%zu lines=%ld repeat=%d seconds=%.3f lines_per_second=%.0f failures=%ld\n", sources.size(), lines,
            repeat, secs, lines * repeat / secs, failures / repeat);
        return 0;
    }
    for (size_t i = 0; i < sources.size(); ++i) {
        auto r = parser::parse(sources[i], files[i], options);
        if (r.error) {
            auto& e = *r.error;
            std::printf("ERR %s|%s|%s|%d|%d|%d|%d\n", files[i].c_str(), e.type.c_str(), e.msg.c_str(), e.lineno, e.offset,
                e.end_lineno, e.end_offset);
        } else if (positions) {
            std::printf("%s\n", parser::dump_with_positions(r.mod).c_str());
        } else if (do_dump) {
            std::printf("%s\n", parser::dump(r.mod).c_str());
        } else {
            std::printf("OK %s\n", files[i].c_str());
        }
    }
    return 0;
}
