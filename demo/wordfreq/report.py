"""Formats the most frequent words as a small table."""


def render(rows):
    width = max(len(word) for word, _ in rows)
    lines = [f"{'word':<{width}}  count", "-" * (width + 7)]
    lines += [f"{word:<{width}}  {count:>5}" for word, count in rows]
    return "\n".join(lines)
