# A JSON-like pretty printer and parser written in pure Python (no json
# module): recursive descent over a string, escapes, nested containers,
# sorting keys, and a round trip check.

class ParseError(ValueError):
    pass


def parse(text):
    pos = 0

    def ws():
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1

    def expect(s):
        nonlocal pos
        if text.startswith(s, pos):
            pos += len(s)
            return
        raise ParseError(f"expected {s!r} at {pos}")

    def value():
        nonlocal pos
        ws()
        if pos >= len(text):
            raise ParseError("unexpected end")
        ch = text[pos]
        if ch == "{":
            pos += 1
            result = {}
            ws()
            if text[pos] == "}":
                pos += 1
                return result
            while True:
                ws()
                key = string()
                ws()
                expect(":")
                result[key] = value()
                ws()
                if text[pos] == ",":
                    pos += 1
                    continue
                expect("}")
                return result
        if ch == "[":
            pos += 1
            items = []
            ws()
            if text[pos] == "]":
                pos += 1
                return items
            while True:
                items.append(value())
                ws()
                if text[pos] == ",":
                    pos += 1
                    continue
                expect("]")
                return items
        if ch == '"':
            return string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                pos += len(word)
                return val
        return number()

    def string():
        nonlocal pos
        expect('"')
        out = []
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
        while text[pos] != '"':
            if text[pos] == "\\":
                pos += 1
                if text[pos] == "u":
                    out.append(chr(int(text[pos + 1:pos + 5], 16)))
                    pos += 5
                    continue
                out.append(escapes[text[pos]])
            else:
                out.append(text[pos])
            pos += 1
        pos += 1
        return "".join(out)

    def number():
        nonlocal pos
        start = pos
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        chunk = text[start:pos]
        if not chunk:
            raise ParseError(f"unexpected {text[pos]!r} at {pos}")
        return float(chunk) if any(c in chunk for c in ".eE") else int(chunk)

    result = value()
    ws()
    if pos != len(text):
        raise ParseError(f"trailing data at {pos}")
    return result


def quote(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def pretty(value, indent=0, step=2, sort=True):
    pad = " " * indent
    inner = " " * (indent + step)
    if isinstance(value, dict):
        if not value:
            return "{}"
        keys = sorted(value) if sort else list(value)
        lines = [f"{inner}{quote(k)}: {pretty(value[k], indent + step, step, sort)}" for k in keys]
        return "{\n" + ",\n".join(lines) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (dict, list)) for v in value) and len(value) <= 4:
            return "[" + ", ".join(pretty(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + pretty(v, indent + step, step, sort) for v in value) + "\n" + pad + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return quote(value)
    return repr(value)


doc = '''
{"name": "adder", "version": [3, 11, 0], "tags": ["fast", "cache"],
 "config": {"debug": false, "level": 2, "ratio": 0.75, "path": "C:\\\\tmp\\\\x",
            "empty": {}, "list": [], "nothing": null},
 "people": [{"name": "Ann", "age": 31, "langs": ["py", "c++", "rust", "go", "zig"]},
            {"name": "Bj\\u00f6rn", "age": 27, "note": "says \\"hi\\"\\nthen leaves"}],
 "big": 12345678901234567890, "neg": -1.5e3}
'''
data = parse(doc)
print(pretty(data))
print(pretty(data, step=4, sort=False)[:120])
again = parse(pretty(data))
print("round trip equal:", again == data)
for bad in ['{"a" 1}', "[1, 2", "tru", '{"a": 1} x', ""]:
    try:
        parse(bad)
    except (ParseError, IndexError) as e:
        print(f"{bad!r:12} -> {type(e).__name__}: {e}")
print(quote("tab\there ünïcode"), pretty([1, [2, [3, []]]]), pretty({"k": [True, None]}))
