# Bug: each started Process kept its two sentinel pipe ends open after it was joined and dropped (util.Finalize never saw its Popen die), so a loop of processes ran out of descriptors. Finalizers now run when their object dies, as in CPython.
import multiprocessing as mp
import os
from multiprocessing import util

from helper_leftovers import Leftovers


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def nothing():
    pass


class Owner:
    pass


if __name__ == "__main__":
    leftovers = Leftovers()
    for method, count in (("fork", 60), ("spawn", 4)):
        ctx = mp.get_context(method)
        # CPython's first spawn starts its resource tracker, which keeps a descriptor open.
        before = None
        for _ in range(count + 1):
            p = ctx.Process(target=nothing)
            p.start()
            p.join()
            del p
            before = before or open_fds()
        print(method, "descriptors released:", open_fds() == before)

    owner = Owner()
    finalizer = util.Finalize(owner, print, args=("finalized when its owner died",))
    print("still active:", finalizer.still_active())
    del owner
    print("still active:", finalizer.still_active(), repr(finalizer))
    kept = Owner()
    cancelled = util.Finalize(kept, print, args=("never printed",))
    cancelled.cancel()
    del kept
    util.Finalize(None, print, args=("finalized at exit",), exitpriority=1)
    try:
        util.Finalize(None, print)
    except ValueError as e:
        print("ValueError:", e)

    q = mp.Queue()
    q.put("dropped with its queue")
    print(q.get(timeout=10))
    del q
    print("queue dropped")
    leftovers.check()
