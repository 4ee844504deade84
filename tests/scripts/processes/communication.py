# multiprocessing Pipe, Queue, SimpleQueue, JoinableQueue, locks, Event, Condition, Barrier, Value and Array across processes, under fork and spawn.
import multiprocessing as mp
import queue
import sys


def pipe_child(conn):
    conn.send({"from": "child", "items": [1, 2.5, "three", (4,)]})
    conn.send_bytes(b"raw bytes")
    print("child received", conn.recv())
    conn.close()


def queue_worker(tasks, results):
    for item in iter(tasks.get, None):
        results.put(item * item)
        tasks.task_done()
    tasks.task_done()


def add_many(counter, numbers, lock):
    for _ in range(500):
        with counter.get_lock():
            counter.value += 1
    with lock:
        for i in range(len(numbers)):
            numbers[i] += i


def wait_event(event, barrier, simple):
    event.wait()
    index = barrier.wait()
    simple.put("through the barrier")


def run(method):
    print("---", method)
    ctx = mp.get_context(method)
    parent, child = ctx.Pipe()
    p = ctx.Process(target=pipe_child, args=(child,))
    p.start()
    child.close()
    print("parent received", parent.recv())
    print("parent received bytes", parent.recv_bytes())
    print("poll", parent.poll(0.01))
    parent.send(["reply", None, True])
    p.join()
    try:
        parent.recv()
    except EOFError:
        print("EOFError after the child closed")
    r, w = ctx.Pipe(duplex=False)
    try:
        r.send(1)
    except OSError as e:
        print("OSError:", e)
    w.close()
    try:
        w.send(1)
    except OSError as e:
        print("OSError:", e)

    tasks = ctx.JoinableQueue()
    results = ctx.Queue()
    workers = [ctx.Process(target=queue_worker, args=(tasks, results)) for _ in range(2)]
    for w in workers:
        w.start()
    for i in range(10):
        tasks.put(i)
    for _ in workers:
        tasks.put(None)
    tasks.join()
    print("squares", sorted(results.get() for _ in range(10)))
    for w in workers:
        w.join()
    print("queue empty", results.empty(), results.qsize())
    try:
        results.get(timeout=0.05)
    except queue.Empty:
        print("queue.Empty after timeout")
    small = ctx.Queue(1)
    small.put("x")
    try:
        small.put("y", timeout=0.05)
    except queue.Full:
        print("queue.Full", small.full())
    print(small.get())
    small.close()
    small.join_thread()

    counter = ctx.Value("i", 0)
    numbers = ctx.Array("d", [0.5, 1.5, 2.5])
    lock = ctx.Lock()
    adders = [ctx.Process(target=add_many, args=(counter, numbers, lock)) for _ in range(3)]
    for a in adders:
        a.start()
    for a in adders:
        a.join()
    print("counter", counter.value, "numbers", numbers[:])

    event = ctx.Event()
    barrier = ctx.Barrier(3)
    simple = ctx.SimpleQueue()
    waiters = [ctx.Process(target=wait_event, args=(event, barrier, simple)) for _ in range(2)]
    for w in waiters:
        w.start()
    print("event set?", event.is_set())
    event.set()
    barrier.wait()
    print([simple.get() for _ in waiters])
    for w in waiters:
        w.join()
    print("exit codes", [w.exitcode for w in waiters + adders + workers])


if __name__ == "__main__":
    v = mp.Value("i", 7)
    print(v, v.get_obj(), mp.RawValue("d", 1.5), mp.Value("c", b"x"), mp.Value("b", -3).get_obj())
    a = mp.Array("i", [1, 2, 3, 4])
    print(len(a), a[1:3], a[::-1], a[-1])
    a[0:2] = [9, 8]
    print(a[:])
    try:
        a[0:2] = [1]
    except ValueError as e:
        print("ValueError:", e)
    try:
        a[4]
    except IndexError as e:
        print("IndexError:", e)
    s = mp.Array("c", b"hey")
    print(s.value, s.raw, s[:])
    raw = mp.RawArray("h", 3)
    raw[1] = 70000
    print(raw[:], mp.Array("q", 2, lock=False)[:])
    lock = mp.Lock()
    print(lock, lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
    rlock = mp.RLock()
    with rlock:
        with rlock:
            print(rlock)
    print(rlock)
    sem = mp.BoundedSemaphore(2)
    print(sem, sem.acquire(), sem.get_value())
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    print(mp.Semaphore(3))
    sys.stdout.flush()
    run("fork")
    sys.stdout.flush()
    run("spawn")
