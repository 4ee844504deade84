# A spawned child gets only the descriptors it was given: one the parent made inheritable is not open in the child, for a Process and a Pool worker; a forked child keeps it, as in CPython.
import multiprocessing as mp
import os

from helper_leftovers import Leftovers


def is_open(fd):
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False


def report(label, fd, q):
    q.put((label, is_open(fd)))


if __name__ == "__main__":
    leftovers = Leftovers()
    # A high number: the child's own files (its new stdin, its pipes) take the lowest free ones.
    opened = os.open(os.devnull, os.O_RDONLY)
    fd = 100
    os.dup2(opened, fd)      # dup2's copy is inheritable
    os.close(opened)
    print("inheritable:", os.get_inheritable(fd))
    for method in ("spawn", "fork"):
        ctx = mp.get_context(method)
        q = ctx.Queue()
        p = ctx.Process(target=report, args=(method + " Process", fd, q))
        p.start()
        print(*q.get(timeout=10))
        p.join()
        with ctx.Pool(1) as pool:
            print(method, "Pool worker:", pool.apply(is_open, (fd,)))
        q.close()
        q.join_thread()
        del q, p, pool
    os.close(fd)
    leftovers.check()
