# chaipy-only behaviour (CPython drops the part of a message it had read when Ctrl-C interrupts Queue.get, and its next get reads from the middle of that message): KeyboardInterrupt while a big message is half-way through keeps what arrived, and the next get() returns the whole message. The .out was written by hand.
import multiprocessing as mp
import os
import pickle
import signal
import threading

from helper_leftovers import Leftovers

FIRST_PART = 30000   # fits in the pipe: the writer pauses after it


def slow_writer(q, go_on):
    # Writes one message by hand, in two parts (the frame is a 4-byte big-endian length, then the pickle).
    data = pickle.dumps(("big", b"z" * 200000))
    frame = len(data).to_bytes(4, "big") + data
    q._sem.acquire()   # as put() does: get() releases it
    fd = q._writer.fileno()
    os.write(fd, frame[:FIRST_PART])
    go_on.wait(10)
    view = frame[FIRST_PART:]
    while view:
        view = view[os.write(fd, view):]


if __name__ == "__main__":
    leftovers = Leftovers()
    ctx = mp.get_context("fork")
    q, go_on = ctx.Queue(), ctx.Event()
    p = ctx.Process(target=slow_writer, args=(q, go_on))
    p.start()
    print("first part arrived:", q._reader.poll(10))
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        q.get()
        print("get returned: not expected")
    except KeyboardInterrupt:
        print("KeyboardInterrupt in the middle of a message")
    timer.join()
    go_on.set()
    kind, payload = q.get(timeout=10)
    print("then the whole message:", kind, len(payload), payload == b"z" * 200000)
    p.join()
    print("writer exitcode", p.exitcode)
    q.close()
    q.join_thread()
    del q, p
    leftovers.check()
