# lang program: text processing: normalise words, count them, report frequencies
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""
def normalise(text):
    cleaned = []
    for ch in text.lower():
        cleaned.append(ch if ch.isalpha() or ch.isspace() else " ")
    return "".join(cleaned).split()
def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts
words = normalise(TEXT)
counts = count_words(words)
print("words:", len(words), "distinct:", len(counts))
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:6]:
    print(f"{word:>8} {n:3d} {'#' * n}")
print("singletons:", ", ".join(sorted(w for w, n in counts.items() if n == 1)))
lengths = {}
for w in counts:
    lengths.setdefault(len(w), []).append(w)
for size in sorted(lengths):
    print(size, sorted(lengths[size]))
lines = TEXT.splitlines()
print([len(line.split()) for line in lines])
longest = max(words, key=len)
print("longest:", longest, len(longest))
print("capitalised:", [w.strip(",.") for w in TEXT.split() if w[0].isupper()])
print("avg length: %.3f" % (sum(map(len, words)) / len(words)))
