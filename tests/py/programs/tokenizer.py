# A small tokenizer and recursive-descent evaluator for arithmetic with
# variables, exercising string scanning, classes, exceptions and dicts.

class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self):
        return f"Token({self.kind}, {self.text!r}, {self.pos})"


class LexError(Exception):
    pass


class ParseError(Exception):
    pass


OPERATORS = {"+", "-", "*", "/", "%", "(", ")", "=", "^", ","}
KEYWORDS = {"let", "print"}


def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            start = i
            seen_dot = False
            while i < len(src) and (src[i].isdigit() or (src[i] == "." and not seen_dot)):
                seen_dot = seen_dot or src[i] == "."
                i += 1
            tokens.append(Token("NUM", src[start:i], start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            word = src[start:i]
            tokens.append(Token("KW" if word in KEYWORDS else "NAME", word, start))
        elif ch in OPERATORS:
            tokens.append(Token("OP", ch, i))
            i += 1
        else:
            raise LexError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("EOF", "", len(src)))
    return tokens


class Parser:
    FUNCS = {"max": max, "min": min, "abs": abs}

    def __init__(self, tokens, env):
        self.tokens = tokens
        self.pos = 0
        self.env = env

    def peek(self):
        return self.tokens[self.pos]

    def take(self, text=None):
        tok = self.tokens[self.pos]
        if text is not None and tok.text != text:
            raise ParseError(f"expected {text!r} at {tok.pos}, got {tok.text!r}")
        self.pos += 1
        return tok

    def statement(self):
        tok = self.peek()
        if tok.kind == "KW" and tok.text == "let":
            self.take()
            name = self.take().text
            self.take("=")
            value = self.expr()
            self.env[name] = value
            return None
        if tok.kind == "KW" and tok.text == "print":
            self.take()
            return self.expr()
        return self.expr()

    def expr(self):
        value = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.power()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            rhs = self.power()
            if op == "*":
                value *= rhs
            elif op == "/":
                value /= rhs
            else:
                value %= rhs
        return value

    def power(self):
        base = self.unary()
        if self.peek().text == "^":
            self.take()
            return base ** self.power()
        return base

    def unary(self):
        if self.peek().text == "-":
            self.take()
            return -self.unary()
        return self.atom()

    def atom(self):
        tok = self.take()
        if tok.kind == "NUM":
            return float(tok.text) if "." in tok.text else int(tok.text)
        if tok.kind == "NAME":
            if self.peek().text == "(":
                self.take("(")
                args = [self.expr()]
                while self.peek().text == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return self.FUNCS[tok.text](*args)
            if tok.text not in self.env:
                raise ParseError(f"undefined variable {tok.text}")
            return self.env[tok.text]
        if tok.text == "(":
            value = self.expr()
            self.take(")")
            return value
        raise ParseError(f"unexpected token {tok.text!r} at {tok.pos}")


program = """
let x = 3
let y = x * (2 + 4) - 1
print y
print 2 ^ 3 ^ 2
print -x + 10 % 4
print max(x, y, 7) / 2
let z = .5 + 1.25
print z * 4
print min(abs(-9), 4)
print w + 1
print 3 $ 4
print (1 + 2
"""
env = {}
for line in program.strip().splitlines():
    try:
        toks = tokenize(line)
        result = Parser(toks, env).statement()
        if result is not None:
            print(f"{line:<28} => {result}")
    except (LexError, ParseError) as e:
        print(f"{line:<28} !! {type(e).__name__}: {e}")
print(sorted(env.items()))
print(tokenize("let a_1 = 2.5*(b)"))
