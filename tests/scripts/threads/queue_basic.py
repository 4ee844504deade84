# queue: Queue, LifoQueue, PriorityQueue, SimpleQueue; blocking and non-blocking put/get, timeouts, Empty/Full, task_done/join.
import queue
import threading


def show_error(action):
    try:
        action()
    except Exception as error:
        print(type(error).__name__ + ":", repr(error))


q = queue.Queue()
for n in (3, 1, 2):
    q.put(n)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(3)], q.empty())
show_error(q.get_nowait)
show_error(lambda: q.get(timeout=0.01))
show_error(lambda: q.get(False))
show_error(lambda: q.get(timeout=-1))

bounded = queue.Queue(maxsize=2)
bounded.put("a")
bounded.put_nowait("b")
print(bounded.full(), bounded.qsize(), bounded.maxsize)
show_error(lambda: bounded.put("c", block=False))
show_error(lambda: bounded.put("c", timeout=0.01))
show_error(lambda: bounded.put_nowait("c"))
show_error(lambda: bounded.put("c", timeout=-1))
print(bounded.get(), bounded.get())

lifo = queue.LifoQueue()
for n in range(4):
    lifo.put(n)
print([lifo.get() for _ in range(4)])

priority = queue.PriorityQueue()
for item in [(3, "brew"), (1, "boil"), (2, "steep"), (0, "fill")]:
    priority.put(item)
print([priority.get()[1] for _ in range(4)])

simple = queue.SimpleQueue()
simple.put(1)
simple.put_nowait(2)
print(simple.qsize(), simple.empty(), simple.get(), simple.get_nowait(), simple.empty())
show_error(simple.get_nowait)
show_error(lambda: simple.get(timeout=0.01))
show_error(lambda: simple.get(timeout=-1))
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# Producers and consumers, with task_done and join.
work = queue.Queue(maxsize=3)
done = []
lock = threading.Lock()


def consumer():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        with lock:
            done.append(item * item)
        work.task_done()


def producer(start):
    for n in range(start, start + 10):
        work.put(n)


consumers = [threading.Thread(target=consumer) for _ in range(3)]
producers = [threading.Thread(target=producer, args=(start,)) for start in (0, 10)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
work.join()
print("joined with", work.unfinished_tasks, "unfinished;", len(done), "done; sum", sum(done))
for _ in consumers:
    work.put(None)
for t in consumers:
    t.join()
show_error(work.task_done)

# A get that blocks until another thread puts.
handoff = queue.Queue()
got = []
t = threading.Thread(target=lambda: got.append(handoff.get(timeout=5)))
t.start()
handoff.put("chai")
t.join()
print(got)
