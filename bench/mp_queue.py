# Benchmark: small messages through a multiprocessing.Queue from a child to the parent (target: at least 300k messages/s; figure on stderr).
import multiprocessing as mp
import sys
import time

MESSAGES = 200_000


def produce(queue, count):
    put = queue.put
    for i in range(count):
        put(i)
    put(None)


if __name__ == "__main__":
    queue = mp.Queue()
    child = mp.Process(target=produce, args=(queue, MESSAGES))
    start = time.perf_counter()
    child.start()
    get = queue.get
    received = total = 0
    while True:
        item = get()
        if item is None:
            break
        received += 1
        total += item
    elapsed = time.perf_counter() - start
    child.join()
    print(f"received {received} messages, sum {total}, child exit code {child.exitcode}")
    print(f"{received / elapsed:,.0f} messages/s child to parent", file=sys.stderr)
