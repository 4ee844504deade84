# ProcessPoolExecutor: submit and result, map (with chunksize), an exception carrying the worker's traceback, the initializer, shutdown and the with-statement; for both start methods.
import concurrent.futures as cf
import multiprocessing as mp
import os

prefix = "unset"


def setup(value):
    global prefix
    prefix = value


def tag(x):
    return "%s-%d" % (prefix, x)


def cube(x):
    return x ** 3


def divide(a, b):
    return a / b


def run(method):
    ctx = mp.get_context(method)
    with cf.ProcessPoolExecutor(2, mp_context=ctx) as executor:
        future = executor.submit(cube, 3)
        print(method, future.result(timeout=10), future.done(), future.exception())
        print(method, list(executor.map(cube, range(6))))
        print(method, list(executor.map(divide, [8, 9, 10], [2, 3, 5], chunksize=2)))
        failing = executor.submit(divide, 1, 0)
        try:
            failing.result()
        except ZeroDivisionError as e:
            cause = e.__cause__
            print(method, "ZeroDivisionError:", e)
            print(method, type(cause).__name__, "Traceback" in str(cause), "in divide" in str(cause))
        print(method, type(failing.exception()).__name__)
        results = [f.result() for f in cf.as_completed([executor.submit(cube, i) for i in range(4)])]
        print(method, sorted(results))
    try:
        executor.submit(cube, 1)
    except RuntimeError as e:
        print(method, "RuntimeError:", e)
    executor = cf.ProcessPoolExecutor(1, mp_context=ctx, initializer=setup, initargs=("ready",))
    print(method, list(executor.map(tag, [1, 2])))
    executor.shutdown(wait=True)
    print(method, "children left:", mp.active_children())


if __name__ == "__main__":
    run("fork")
    run("spawn")
    for bad in (0, -1):
        try:
            cf.ProcessPoolExecutor(bad)
        except ValueError as e:
            print("ValueError:", e)
