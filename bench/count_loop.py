# Benchmark: the bare interpreter loop, a counted for-range with an integer add (twin: count_loop.lua).


def count(n):
    total = 0
    for _ in range(n):
        total += 1
    return total


print(count(30_000_000))
