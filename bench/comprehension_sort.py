# Benchmark: list, dict and set comprehensions, sorting with keys, tuples as records.


def make_records(count):
    records = []
    state = 12345
    for i in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        records.append((i, state % 1000, (state // 1000) % 97, "item" + str(state % 5000)))
    return records


def main():
    records = make_records(60_000)
    checksum = 0
    for _ in range(5):
        heavy = [r for r in records if r[1] > 500]
        by_weight = sorted(heavy, key=lambda r: (r[2], -r[1], r[0]))
        names = sorted({r[3] for r in records})
        totals = {name: 0 for name in names}
        for r in by_weight:
            totals[r[3]] += r[1]
        ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)
        squares = [x * x for x in range(len(by_weight)) if x % 3 == 0]
        pairs = [(a, b) for a in range(60) for b in range(a, 60) if (a + b) % 7 == 0]
        checksum += by_weight[0][0] + by_weight[-1][0] + len(names) + ranked[0][1]
        checksum += sum(squares) % 1000003 + len(pairs)
        records.sort(key=lambda r: r[3])
    print(len(records), checksum)


main()
