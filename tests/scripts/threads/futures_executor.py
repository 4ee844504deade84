# concurrent.futures: ThreadPoolExecutor (submit, map in order with timeout, names, initializer, shutdown, cancel_futures, with) and Future.
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, Future, CancelledError, TimeoutError
import concurrent.futures


def show_error(action):
    try:
        action()
    except Exception as error:
        print(type(error).__name__ + ":", error)


def square(n):
    return n * n


def fail(message):
    raise ValueError(message)


with ThreadPoolExecutor(max_workers=3) as executor:
    futures = [executor.submit(square, n) for n in range(5)]
    print([f.result() for f in futures])
    print(list(executor.map(square, range(8))))
    print(list(executor.map(pow, [2, 3, 4], [5, 2, 1])))
    failing = executor.submit(fail, "burnt")
    print(type(failing.exception()).__name__, failing.exception())
    show_error(failing.result)
    print(failing.done(), failing.running(), failing.cancelled())
    print(repr(failing).endswith(" state=finished raised ValueError>"), repr(futures[0]).endswith(" state=finished returned int>"))

default = ThreadPoolExecutor()
print(default._max_workers == min(32, os.cpu_count() + 4))
default.shutdown()
show_error(lambda: ThreadPoolExecutor(max_workers=0))
show_error(lambda: ThreadPoolExecutor(initializer=5))

names = set()
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="chai") as executor:
    list(executor.map(lambda _: names.add(threading.current_thread().name), range(20)))
print(sorted(names) in (["chai_0"], ["chai_0", "chai_1"]))

with ThreadPoolExecutor(max_workers=1) as executor:
    name = executor.submit(lambda: threading.current_thread().name).result()
print(name.startswith("ThreadPoolExecutor-"), name.endswith("_0"))

started = []


def init(tag, sink):
    sink.append(tag)


with ThreadPoolExecutor(max_workers=1, initializer=init, initargs=("ready", started)) as executor:
    print(executor.submit(square, 7).result(), started)

# map with a timeout: results come in order; a late one raises TimeoutError.
with ThreadPoolExecutor(max_workers=2) as executor:
    results = executor.map(time.sleep, [0, 0.5], timeout=0.2)
    print(next(results))
    show_error(lambda: next(results))

# shutdown: no new work; cancel_futures cancels what has not started.
gate = threading.Event()
executor = ThreadPoolExecutor(max_workers=1)
blocker = executor.submit(gate.wait)
queued = [executor.submit(square, n) for n in range(3)]
while not blocker.running():
    time.sleep(0.001)
print(blocker.running(), [f.running() for f in queued])
print("cancel a queued one:", queued[0].cancel(), queued[0].cancelled(), queued[0].done())
show_error(queued[0].result)
show_error(lambda: queued[0].exception())
executor.shutdown(wait=False, cancel_futures=True)
gate.set()
print([f.cancelled() for f in queued], blocker.result(timeout=5))
show_error(lambda: executor.submit(square, 1))
executor.shutdown()

# Future on its own: callbacks, result with timeout, cancel.
future = Future()
calls = []
future.add_done_callback(lambda f: calls.append(("first", f.result())))
print(future.done(), future.running(), repr(future).endswith(" state=pending>"))
show_error(lambda: future.result(timeout=0.01))
show_error(lambda: future.exception(timeout=0.01))
print(future.set_running_or_notify_cancel(), future.running(), future.cancel())
future.set_result(42)
future.add_done_callback(lambda f: calls.append(("late", f.result())))
print(calls, future.result(), future.exception())
try:
    future.set_result(1)
except concurrent.futures.InvalidStateError as error:
    print("InvalidStateError:", str(error).startswith("FINISHED: <Future at 0x"))
cancelled = Future()
print(cancelled.cancel(), cancelled.cancel(), cancelled.cancelled(), cancelled.set_running_or_notify_cancel())
print(issubclass(CancelledError, concurrent.futures._base.Error), TimeoutError is concurrent.futures.TimeoutError)
print(concurrent.futures.FIRST_COMPLETED, concurrent.futures.FIRST_EXCEPTION, concurrent.futures.ALL_COMPLETED)
