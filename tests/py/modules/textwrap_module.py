import textwrap
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(text, width=30))
print(textwrap.dedent("""\
    indented
      more
    back"""))
print(textwrap.shorten("Hello world, this is long", width=15), textwrap.indent("a\nb", "> "))
