"""Splits text into lower-case words."""


def words(text):
    word = []
    for ch in text:
        if ch.isalnum() or ch == "_":
            word.append(ch.lower())
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)
