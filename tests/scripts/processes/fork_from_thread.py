# os.fork() from a non-main thread while other threads run: the child leaves by os._exit, sys.exit and returning; generators started by one thread are resumed (and raise) in another thread and in the child.
import itertools
import os
import sys
import threading

stop = threading.Event()


def spin():
    n = 0
    while not stop.is_set():
        n += 1


def numbers():
    yield 1
    try:
        {}["missing"]
    except KeyError as e:
        yield repr(e)
    raise ValueError("raised by the generator")


counter = itertools.count(1)
print("main", next(counter), flush=True)
shared = numbers()
print("main", next(shared), flush=True)


def resume_elsewhere():
    print("thread", next(counter), next(shared), flush=True)
    try:
        next(shared)
    except ValueError as e:
        print("thread caught:", e, flush=True)


t = threading.Thread(target=resume_elsewhere)
t.start()
t.join()


def forker(mode, results):
    late = numbers()
    next(late)
    pid = os.fork()
    if pid == 0:
        # In the child: a generator of a thread that no longer exists here, then one of this one.
        print("child", mode, next(counter) > 0, next(late), flush=True)
        try:
            next(late)
        except ValueError as e:
            print("child caught:", e, flush=True)
        if mode == "_exit":
            os._exit(3)
        if mode == "exit":
            sys.exit(4)
        return
    _, status = os.waitpid(pid, 0)
    results.append((mode, os.waitstatus_to_exitcode(status)))


spinners = [threading.Thread(target=spin) for _ in range(2)]
for s in spinners:
    s.start()
results = []
for mode in ["_exit", "exit", "return"] * 3:
    t = threading.Thread(target=forker, args=(mode, results))
    t.start()
    t.join()
stop.set()
for s in spinners:
    s.join()
print(results)
