# Benchmark: Pool.map of CPU-bound tasks on 2 workers against a serial loop (target: at least 1.9x faster on 2 cores; speed-up on stderr).
import multiprocessing as mp
import sys
import time

TASKS = 16
WORK = 300_000


def burn(seed):
    total = seed
    for i in range(WORK):
        total = (total * 31 + i) % 1_000_003
    return total


if __name__ == "__main__":
    start = time.perf_counter()
    serial = [burn(seed) for seed in range(TASKS)]
    serial_seconds = time.perf_counter() - start
    with mp.Pool(2) as pool:
        start = time.perf_counter()
        parallel = pool.map(burn, range(TASKS))
        pool_seconds = time.perf_counter() - start
    print(f"{TASKS} tasks, results equal: {serial == parallel}")
    print(f"serial {serial_seconds:.3f} s, Pool(2).map {pool_seconds:.3f} s, "
          f"speed-up {serial_seconds / pool_seconds:.2f}x", file=sys.stderr)
