# Ctrl-C (SIGINT to the parent) during Process.join(), Queue.get() and Queue.get(timeout=...): KeyboardInterrupt reaches the main thread at once, the script's finally/with blocks stop the children, the queue still works afterwards, and no child process (zombie or not) is left.
import multiprocessing as mp
import os
import signal
import threading
import time

from helper_leftovers import Leftovers


def sleeper():
    time.sleep(30)


def interrupt_soon():
    timer = threading.Timer(0.15, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    return timer


def interrupted(label, blocking_call):
    timer = interrupt_soon()
    start = time.monotonic()
    try:
        blocking_call()
        print(label, "returned: not expected")
    except KeyboardInterrupt:
        print(label, "KeyboardInterrupt, promptly:", time.monotonic() - start < 5)
    timer.join()


def run(method):
    ctx = mp.get_context(method)
    p = ctx.Process(target=sleeper)
    p.start()
    try:
        interrupted(method + " join()", p.join)
    finally:
        p.terminate()
        p.join()
    print(method, "child exitcode", p.exitcode)

    q = ctx.Queue()
    p = ctx.Process(target=sleeper, daemon=True)
    p.start()
    try:
        interrupted(method + " Queue.get()", q.get)
        interrupted(method + " Queue.get(timeout=10)", lambda: q.get(timeout=10))
        q.put("still works")
        print(method, "after the interrupts:", q.get(timeout=10))
    finally:
        p.kill()
        p.join()
    print(method, "child exitcode", p.exitcode)
    q.close()
    q.join_thread()
    del q, p


if __name__ == "__main__":
    leftovers = Leftovers()
    run("fork")
    run("spawn")
    print("active children:", mp.active_children())
    leftovers.check()
