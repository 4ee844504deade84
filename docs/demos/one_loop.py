# Demo for README: the work of one seed-04 process (100,000,000 increments) done once, in one process, for comparison.
import time


def crunch_number():
    count = 0
    for _ in range(100_000_000):
        count += 1


start = time.time()
crunch_number()
print(f"One loop in one process: {time.time() - start:.2f} seconds")
