# Benchmark: multiprocessing Process start+join, fork and spawn (targets: fork under 1 ms, spawn under 10 ms; ms per process on stderr).
import multiprocessing as mp
import sys
import time

FORKS = 200
SPAWNS = 20


def nothing():
    pass


def start_and_join(method, count):
    ctx = mp.get_context(method)
    start = time.perf_counter()
    codes = set()
    for _ in range(count):
        p = ctx.Process(target=nothing)
        p.start()
        p.join()
        codes.add(p.exitcode)
    return (time.perf_counter() - start) / count, codes


if __name__ == "__main__":
    fork_seconds, fork_codes = start_and_join("fork", FORKS)
    spawn_seconds, spawn_codes = start_and_join("spawn", SPAWNS)
    print(f"fork exit codes {sorted(fork_codes)}, spawn exit codes {sorted(spawn_codes)}")
    print(f"fork start+join {fork_seconds * 1e3:.2f} ms, spawn start+join {spawn_seconds * 1e3:.1f} ms", file=sys.stderr)
