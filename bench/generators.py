# Benchmark: generator pipelines: yield, yield from, generator expressions and lazy consumers.


def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def collatz_lengths(source):
    for start in source:
        length = 1
        n = start + 1
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            length += 1
        yield length


def windows(source, size):
    window = []
    for item in source:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
            window.pop(0)


def chained(limit):
    yield from numbers(limit)
    yield from (x * 2 for x in numbers(limit))


def main():
    longest = max(collatz_lengths(numbers(60_000)))
    window_sum = sum(max(w) - min(w) for w in windows(numbers(200_000), 4))
    evens = sum(1 for x in chained(200_000) if x % 2 == 0)
    total = 0
    for _ in range(4):
        total += sum(x for x in chained(100_000) if x % 3 == 0)
    print(longest, window_sum, evens, total)


main()
