# Benchmark: fairness. Four CPU-bound threads run for a second; each one's share of the work should be within 20% of the others' (figures on stderr).
import sys
import threading
import time

THREADS = 4
counts = [0] * THREADS


def spin(index, stop):
    n = 0
    while not stop.is_set():
        for _ in range(1000):
            n += 1
    counts[index] = n


stop = threading.Event()
workers = [threading.Thread(target=spin, args=(i, stop)) for i in range(THREADS)]
for t in workers:
    t.start()
time.sleep(1.0)
stop.set()
for t in workers:
    t.join()
total = sum(counts)
shares = [c / total for c in counts]
spread = (max(shares) - min(shares)) / min(shares)
print(f"{THREADS} CPU-bound threads for one second")
print("gil_fairness: shares " + ", ".join(f"{s:.1%}" for s in shares) +
      f"; largest over smallest: +{spread:.1%} (target <= 20%)", file=sys.stderr)
