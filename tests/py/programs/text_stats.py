# Text statistics: word frequencies, sentence lengths, n-grams, a histogram
# and a simple readability score over an embedded text.

import re
from collections import Counter, defaultdict

TEXT = """\
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair. We had everything before us,
we had nothing before us; we were all going direct to Heaven, we were all going
direct the other way. In short, the period was so far like the present period!
Was it? Some of its noisiest authorities insisted on its being received, for
good or for evil, in the superlative degree of comparison only.
"""

STOP = {"the", "of", "it", "was", "we", "to", "in", "on", "its", "or", "for", "so", "all", "us", "had"}


def words(text):
    return re.findall(r"[a-z']+", text.lower())


def sentences(text):
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    return [p for p in parts if p]


def syllables(word):
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and count > 1:
        count -= 1
    return max(count, 1)


def ngrams(seq, n):
    return zip(*(seq[i:] for i in range(n)))


ws = words(TEXT)
print("words:", len(ws), "unique:", len(set(ws)), "chars:", len(TEXT), "lines:", TEXT.count("\n"))
freq = Counter(w for w in ws if w not in STOP)
print("top content words:")
for word, count in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"  {word:<14}{count:>3} {'#' * count}")

sents = sentences(TEXT)
print("sentences:", len(sents))
for i, s in enumerate(sents, 1):
    n = len(words(s))
    print(f"  {i}: {n:3d} words, ends with {s[-1]!r}, starts {s.split()[0]!r}")

lengths = Counter(len(w) for w in ws)
print("length histogram:")
for length in sorted(lengths):
    print(f"  {length:2d} | {'*' * lengths[length]} ({lengths[length]})")

bigrams = Counter(ngrams(ws, 2))
print("top bigrams:", sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
trigrams = Counter(" ".join(t) for t in ngrams(ws, 3))
print("top trigram:", max(sorted(trigrams), key=trigrams.get), trigrams.most_common(1)[0][1])

by_letter = defaultdict(set)
for w in ws:
    by_letter[w[0]].add(w)
print("initials:", "".join(sorted(by_letter)))
print("w-words:", sorted(by_letter["w"]))

total_syll = sum(syllables(w) for w in ws)
asl = len(ws) / len(sents)
asw = total_syll / len(ws)
score = 206.835 - 1.015 * asl - 84.6 * asw
print(f"syllables: {total_syll}, avg sentence {asl:.2f}, avg syllables {asw:.3f}, flesch {score:.1f}")
longest = max(ws, key=lambda w: (len(w), w))
print("longest word:", longest, syllables(longest))
vowels = Counter(c for c in TEXT.lower() if c in "aeiou")
print("vowels:", sorted(vowels.items()))
caps = re.findall(r"\b[A-Z][a-z]+", TEXT)
print("capitalised:", caps)
print("palindromes:", sorted({w for w in ws if len(w) > 1 and w == w[::-1]}))
