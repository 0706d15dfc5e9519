// is_incomplete_input(): the REPL's question "does this need more lines?",
// answered like CPython 3.11's PyCF_ALLOW_INCOMPLETE_INPUT (used by codeop):
// input is incomplete when parsing it in 'single' mode fails only because the
// tokenizer ran into the end of the text -- inside brackets, inside a
// triple-quoted string, after a backslash, or before a block's body.
#include "parser/parser.h"

namespace adder::parser {

bool is_incomplete_input(std::string_view text)
{
    ParseOptions options;
    options.mode = Mode::Single;
    options.source_is_text = true;
    ParseResult r = parse(text, "<stdin>", options);
    if (!r.error)
        return false;
    const SyntaxErrorInfo& e = *r.error;
    auto starts = [&](std::string_view prefix) { return std::string_view(e.msg).substr(0, prefix.size()) == prefix; };
    auto ends = [&](std::string_view suffix) {
        return e.msg.size() >= suffix.size() && std::string_view(e.msg).substr(e.msg.size() - suffix.size()) == suffix;
    };
    if (starts("unterminated triple-quoted string literal") || ends("was never closed") || e.msg == "unexpected EOF while parsing")
        return true;
    // A block header at the very end: the error sits on the end-of-input token,
    // whose end offset is unknown (-1).
    return e.type == "IndentationError" && starts("expected an indented block") && e.end_offset == -1;
}

} // namespace adder::parser
