# Ctrl-C (SIGINT) in the parent during Pool.map: KeyboardInterrupt reaches the main thread, leaving the with-block terminates the workers, and no child process is left (reaped: no zombies).
import multiprocessing as mp
import os
import signal
import threading
import time


def slow(x):
    time.sleep(0.2)
    return x


def children_of(pid):
    # Every process whose parent is pid, zombies included.
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append((int(entry), fields[0]))
    return found


if __name__ == "__main__":
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
    print("children left:", children_of(os.getpid()))
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        print("no child to wait for")
