# A child that dies of a segmentation fault (SIGSEGV), or aborts (SIGABRT): exitcode is minus the signal, the parent carries on, its queue and a new child still work, and nothing is left behind; for both start methods.
import multiprocessing as mp
import os
import signal

from helper_leftovers import Leftovers


def crash(q, how):
    q.put("before the crash")
    q.close()
    q.join_thread()
    if how == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    else:
        os.abort()
    q.put("never sent")


def square(q, x):
    q.put(x * x)


def run(method, leftovers):
    ctx = mp.get_context(method)
    q = ctx.Queue()
    for how in ("segfault", "abort"):
        p = ctx.Process(target=crash, args=(q, how))
        p.start()
        print(method, how, repr(q.get(timeout=10)))
        p.join(10)
        print(method, how, "exitcode", p.exitcode, p.exitcode == -signal.SIGSEGV if how == "segfault" else p.exitcode == -signal.SIGABRT)
        print(method, how, "is_alive", p.is_alive(), "repr names the signal", ("SIG" + ("SEGV" if how == "segfault" else "ABRT")) in repr(p))
    p = ctx.Process(target=square, args=(q, 7))
    p.start()
    print(method, "a new child still works:", q.get(timeout=10))
    p.join()
    print(method, "exitcode", p.exitcode)
    q.close()
    q.join_thread()
    del q, p
    leftovers.check(method)


if __name__ == "__main__":
    leftovers = Leftovers()
    run("fork", leftovers)
    run("spawn", leftovers)
