# chaipy-only behaviour (CPython's Pool hangs here: python/cpython issue 66587): a worker killed with SIGKILL mid-map makes every pending result fail within a second with an error naming the exit code, and the pool refuses new work. The .out was written by hand.
import multiprocessing as mp
import os
import signal
import time

from helper_leftovers import Leftovers


def work(x):
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.05)
    return x


if __name__ == "__main__":
    leftovers = Leftovers()
    pool = mp.Pool(2)
    pending = pool.apply_async(time.sleep, (0.5,))
    start = time.monotonic()
    try:
        pool.map(work, range(8), chunksize=1)
    except RuntimeError as e:
        print(type(e).__name__, "exit code -9" in str(e))
    print("failed within a second:", time.monotonic() - start < 1.5)
    try:
        pending.get(timeout=5)
    except RuntimeError as e:
        print("pending apply_async failed too:", type(e).__name__)
    try:
        pool.map(work, [1])
    except RuntimeError as e:
        print("new work refused:", type(e).__name__)
    pool.terminate()
    pool.join()
    print("children left:", mp.active_children())
    del pool
    leftovers.check()
