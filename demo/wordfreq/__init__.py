"""Word frequencies: the package the demo imports (and Adder caches)."""
from .tokens import words


def count_words(text):
    counts = {}
    for word in words(text):
        counts[word] = counts.get(word, 0) + 1
    return counts


def top_words(counts, n):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
