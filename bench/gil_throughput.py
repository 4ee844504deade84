# Benchmark: no throughput lost to contention. CPU-bound work on 2 and 4 threads against the same work done one after another (targets: 1.05x and 1.1x; figures on stderr).
import sys
import threading
import time

ITERATIONS = 10_000_000


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
    # Taking turns, so that a slow spell of the machine hits both alike.
    one_by_one, together = [], []
    for _ in range(3):
        one_by_one.append(sequential(threads))
        together.append(concurrent(threads))
    one_by_one, together = median(one_by_one), median(together)
    print(f"{threads} threads x {ITERATIONS} iterations")
    print(f"gil_throughput: {threads} threads {together:.3f} s, sequential {one_by_one:.3f} s: "
          f"{together / one_by_one:.3f}x (target <= {target}x)", file=sys.stderr)
