# Big messages (1 MiB: a pipe holds 64 KiB) read by two consumer processes and the parent at once, with timeouts much shorter than a message's transfer: every get() returns a whole, intact object or raises queue.Empty, and every message arrives exactly once.
import multiprocessing as mp
import queue
import time

COUNT = 16
SIZE = 1 << 20


def message(i):
    return (i, bytes([i % 251]) * (SIZE + i))


def intact(item):
    i, payload = item
    return payload == message(i)[1]


def produce(q):
    for i in range(COUNT):
        q.put(message(i))
    q.put(None)   # one end marker per reader: the two consumers and the parent
    q.put(None)
    q.put(None)


def take(q, deadline):
    # The next item, trying with a 1 ms timeout until it comes.
    while time.monotonic() < deadline:
        try:
            return q.get(timeout=0.001)
        except queue.Empty:
            pass
    raise TimeoutError


def consume(q, results):
    deadline = time.monotonic() + 20
    while (item := take(q, deadline)) is not None:
        results.put((item[0], intact(item)))
    results.put(None)


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    q, results = ctx.Queue(), ctx.Queue()
    processes = [ctx.Process(target=consume, args=(q, results)) for _ in range(2)]
    processes.append(ctx.Process(target=produce, args=(q,)))
    for p in processes:
        p.start()
    deadline = time.monotonic() + 20
    seen = []
    while (item := take(q, deadline)) is not None:
        seen.append((item[0], intact(item)))
    ends = 0
    while ends < 2:
        result = results.get(timeout=20)
        if result is None:
            ends += 1
        else:
            seen.append(result)
    for p in processes:
        p.join(10)
    print("messages:", len(seen), "distinct:", len({i for i, _ in seen}), "all intact:", all(ok for _, ok in seen))
    print("exit codes:", [p.exitcode for p in processes])
    print("children left:", mp.active_children())
