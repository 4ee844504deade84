# A Queue whose writer process died: what it had flushed still arrives, then get() with a timeout raises queue.Empty instead of hanging; for both start methods.
import multiprocessing as mp
import os
import queue
import signal

from helper_leftovers import Leftovers


def put_then_die(q):
    q.put("sent before dying")
    q.close()
    q.join_thread()      # the message is in the pipe
    os.kill(os.getpid(), signal.SIGKILL)


def die_at_once(q):
    os._exit(7)


def run(method):
    ctx = mp.get_context(method)
    q = ctx.Queue()
    p = ctx.Process(target=put_then_die, args=(q,))
    p.start()
    print(method, q.get(timeout=10))
    p.join()
    print(method, "writer exit code", p.exitcode)
    try:
        q.get(timeout=0.2)
    except queue.Empty:
        print(method, "queue.Empty after the writer died")
    q2 = ctx.Queue()
    p = ctx.Process(target=die_at_once, args=(q2,))
    p.start()
    p.join()
    try:
        q2.get(timeout=0.2)
    except queue.Empty:
        print(method, "queue.Empty from a writer that never wrote; exit code", p.exitcode)
    print(method, "empty:", q2.empty(), "children left:", mp.active_children())
    del q, q2, p


if __name__ == "__main__":
    leftovers = Leftovers()
    run("fork")
    run("spawn")
    leftovers.check()
