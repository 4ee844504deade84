# concurrent.futures.wait (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, timeout) and as_completed (order of completion, timeout, duplicates).
import threading
from concurrent.futures import (ThreadPoolExecutor, wait, as_completed, FIRST_COMPLETED,
                                FIRST_EXCEPTION, ALL_COMPLETED, TimeoutError)


def gated(gate, value):
    gate.wait()
    return value


def fail(gate):
    gate.wait()
    raise KeyError("missing")


with ThreadPoolExecutor(max_workers=4) as executor:
    gates = [threading.Event() for _ in range(3)]
    futures = [executor.submit(gated, gate, n) for n, gate in enumerate(gates)]

    done, not_done = wait(futures, timeout=0.01)
    print("nothing yet:", len(done), len(not_done))

    gates[1].set()
    done, not_done = wait(futures, return_when=FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], len(not_done))

    # as_completed yields in completion order.
    gates[2].set()
    futures[2].result()
    completed = as_completed(futures + [futures[0]])
    first_two = sorted([next(completed).result(), next(completed).result()])
    gates[0].set()
    rest = [f.result() for f in completed]
    print("as completed:", first_two, rest)

    result = wait(futures, return_when=ALL_COMPLETED)
    print("all completed:", sorted(f.result() for f in result.done), result.not_done, type(result).__name__)

    fail_gate = threading.Event()
    slow_gate = threading.Event()
    failing = executor.submit(fail, fail_gate)
    slow = executor.submit(gated, slow_gate, "slow")
    fail_gate.set()
    done, not_done = wait([failing, slow], return_when=FIRST_EXCEPTION)
    print("first exception:", [type(f.exception()).__name__ for f in done], len(not_done))
    done, not_done = wait([failing], return_when=FIRST_EXCEPTION)
    print("already failed:", len(done), len(not_done))

    try:
        for f in as_completed([slow], timeout=0.01):
            print("unexpected", f)
    except TimeoutError as error:
        print("TimeoutError:", error)
    slow_gate.set()
    print([f.result() for f in as_completed([slow])])
    try:
        wait([slow], return_when="SOMETIMES")
    except ValueError as error:
        print("ValueError:", error)
    print(wait([slow], return_when="SOMETIMES").done == {slow})
