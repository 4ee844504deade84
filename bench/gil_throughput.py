# Benchmark: no throughput lost to contention. CPU-bound work on 2 and 4 threads against the same work done one after another (targets: 1.05x and 1.1x; figures on stderr).
import sys
import threading
import time

ITERATIONS = 10_000_000
REPETITIONS = 9


def work(n):
    count = 0
    for _ in range(n):
        count += 1
    return count


def sequential(threads):
    start = time.perf_counter()
    for _ in range(threads):
        work(ITERATIONS)
    return time.perf_counter() - start


def concurrent(threads):
    workers = [threading.Thread(target=work, args=(ITERATIONS,)) for _ in range(threads)]
    start = time.perf_counter()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return time.perf_counter() - start


def median(values):
    return sorted(values)[len(values) // 2]


work(ITERATIONS)  # warm-up
for threads, target in ((2, 1.05), (4, 1.1)):
    # Taking turns, so that a slow spell of the machine hits both alike; the ratio of each
    # adjacent pair cancels most of a shared machine's drift, and their median the outliers.
    one_by_one, together, ratios = [], [], []
    for _ in range(REPETITIONS):
        one_by_one.append(sequential(threads))
        together.append(concurrent(threads))
        ratios.append(together[-1] / one_by_one[-1])
    print(f"{threads} threads x {ITERATIONS} iterations")
    print(f"gil_throughput: {threads} threads {median(together):.3f} s, sequential {median(one_by_one):.3f} s: "
          f"{median(ratios):.3f}x, median of {REPETITIONS} paired runs (target <= {target}x)", file=sys.stderr)
