# Benchmark: dict and string work: building words, splitting, joining, counting, formatting keys.


def make_text(word_count):
    syllables = ["chai", "pa", "ni", "doo", "dh", "ela", "ichi", "ki", "mas", "ala"]
    words = []
    state = 7
    for _ in range(word_count):
        state = (state * 48271) % 2147483647
        first = syllables[state % 10]
        second = syllables[(state // 10) % 10]
        third = syllables[(state // 100) % 10]
        words.append(first + second + third if state % 3 else first.upper() + second + third)
    return " ".join(words)


def word_counts(text):
    counts = {}
    for word in text.split():
        key = word.lower()
        counts[key] = counts.get(key, 0) + 1
    return counts


def index_by_prefix(counts):
    index = {}
    for word, count in counts.items():
        prefix = word[:3]
        if prefix in index:
            index[prefix].append(word + ":" + str(count))
        else:
            index[prefix] = [word + ":" + str(count)]
    return index


def main():
    text = make_text(40_000)
    checksum = 0
    for round_number in range(100):
        counts = word_counts(text)
        index = index_by_prefix(counts)
        for prefix in index:
            joined = ",".join(index[prefix])
            checksum += len(joined) + joined.count("a") + round_number
        rebuilt = "-".join(word.replace("a", "4") for word in counts)
        checksum += len(rebuilt) + rebuilt.find("4")
    print(len(text), len(counts), checksum)


main()
