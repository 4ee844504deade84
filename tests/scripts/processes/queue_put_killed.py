# chaipy-only behaviour (CPython's Queue.get(timeout=...) hangs here: once a message has started to arrive it waits for all of it, and a writer killed mid-message never sends the rest): a child SIGKILLed while its Queue feeder thread is in the middle of writing a big object. The parent gets the whole messages sent before, then queue.Empty at each timed get — never a partial object, never a hang — a writer that comes after leaves cleanly (the dead one's writer lock is noticed), and new Queues work, big objects included. The .out was written by hand.
import multiprocessing as mp
import os
import queue
import signal
import time

from helper_leftovers import Leftovers

BIG = 4 << 20   # a pipe holds 64 KiB: the feeder thread blocks in the middle of this message


def put_big(q, tag):
    q.put(("small", tag))
    q.put(("big", b"x" * BIG))
    q.put(("after", tag))


def put_small(q):
    q.put("small")


def run(method, leftovers):
    ctx = mp.get_context(method)
    q = ctx.Queue()
    p = ctx.Process(target=put_big, args=(q, method))
    p.start()
    print(method, "first message:", q.get(timeout=10))
    # Once the pipe has data again, the big message has started: the child is blocked in the
    # middle of writing it.
    print(method, "big message started:", q._reader.poll(10))
    os.kill(p.pid, signal.SIGKILL)
    p.join(10)
    print(method, "writer exitcode", p.exitcode)
    for attempt in range(2):
        start = time.monotonic()
        try:
            item = q.get(timeout=0.1)
            print(method, "got", item[0], len(item[1]), "(a whole object)")
        except queue.Empty:
            print(method, "queue.Empty, after the timeout:", 0.05 < time.monotonic() - start < 2)
    try:
        q.get_nowait()
    except queue.Empty:
        print(method, "get_nowait: queue.Empty")
    # The dead writer holds the queue's writer lock for ever: another writer gives up on it
    # (its messages cannot be read back after a partial one) instead of hanging at exit.
    p = ctx.Process(target=put_small, args=(q,))
    p.start()
    p.join(10)
    print(method, "another writer leaves cleanly:", p.exitcode)
    q.close()
    # A new queue carries big objects whole, in order.
    q2 = ctx.Queue()
    p = ctx.Process(target=put_big, args=(q2, method))
    p.start()
    for _ in range(3):
        kind, value = q2.get(timeout=10)
        print(method, "new queue:", kind, len(value) if kind == "big" else value)
    p.join(10)
    print(method, "exitcode", p.exitcode)
    q2.close()
    q2.join_thread()
    del q, q2, p
    leftovers.check(method)


if __name__ == "__main__":
    leftovers = Leftovers()
    run("fork", leftovers)
    run("spawn", leftovers)
