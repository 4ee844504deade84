# multiprocessing.Process under both start methods: names, exit codes, sys.exit values, an uncaught exception, signals, join(timeout), is_alive, close, subclassing.
import multiprocessing as mp
import os
import signal
import sys
import time


def hello(tag):
    print("hello from", tag, mp.current_process().name, mp.parent_process().name)


def exit_with(value):
    sys.exit(value)


def raise_error():
    raise ValueError("child failed")


def sleep_long():
    time.sleep(30)


def no_flush():
    sys.stdout.write("written without a newline or flush")


class Counter(mp.Process):
    def __init__(self, n, queue):
        super().__init__()
        self.n = n
        self.queue = queue

    def run(self):
        self.queue.put(sum(range(self.n)))


def run(method):
    print("---", method)
    ctx = mp.get_context(method)
    p = ctx.Process(target=hello, args=(method,))
    print(p.name.split('-')[0], p.exitcode, p.is_alive())
    p.start()
    p.join()
    print("exitcode", p.exitcode, p.is_alive())
    for value in (0, 3, None, "message"):
        p = ctx.Process(target=exit_with, args=(value,))
        p.start()
        p.join()
        print("sys.exit(%r) ->" % (value,), p.exitcode)
    p = ctx.Process(target=raise_error, name="Failing")
    p.start()
    p.join()
    print("uncaught exception ->", p.exitcode)
    p = ctx.Process(target=sleep_long, daemon=True)
    p.start()
    p.join(0.05)
    print("after join(0.05):", p.is_alive(), p.exitcode, p.daemon)
    p.terminate()
    p.join()
    print("terminated ->", p.exitcode, p.exitcode == -signal.SIGTERM)
    p = ctx.Process(target=sleep_long)
    p.start()
    p.kill()
    p.join()
    print("killed ->", p.exitcode)
    p.close()
    try:
        p.exitcode
    except ValueError as e:
        print("ValueError:", e)
    p = ctx.Process(target=no_flush)
    p.start()
    p.join()
    print()
    q = ctx.Queue()
    c = Counter(100, q)
    c.start()
    print("subclass result", q.get())
    c.join()
    print("active children", mp.active_children())


if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process())
    print('fork' in mp.get_all_start_methods(), 'spawn' in mp.get_all_start_methods(), mp.get_start_method())
    sys.stdout.flush()
    run("fork")
    sys.stdout.flush()
    run("spawn")
