# Ctrl-C (SIGINT) in the parent during Pool.map: KeyboardInterrupt reaches the main thread, leaving the with-block terminates the workers, and no child process is left (reaped: no zombies).
import multiprocessing as mp
import os
import signal
import threading
import time

from helper_leftovers import Leftovers


def slow(x):
    time.sleep(0.2)
    return x


if __name__ == "__main__":
    leftovers = Leftovers()
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with mp.Pool(2) as pool:
            workers = list(pool._pool)
            pool.map(slow, range(40), chunksize=1)
        print("map finished: not expected")
    except KeyboardInterrupt:
        print("KeyboardInterrupt during Pool.map")
    timer.join()
    for w in workers:
        w.join(5)
    print("workers stopped:", all(w.exitcode is not None for w in workers))
    print("workers terminated by signal:", all(w.exitcode < 0 for w in workers))
    del pool
    leftovers.check()
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        print("no child to wait for")
