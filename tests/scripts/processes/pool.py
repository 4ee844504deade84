# multiprocessing.Pool: map, starmap, imap, imap_unordered, apply, the async forms with callbacks, a worker's exception with its remote traceback, initializer, close/join and terminate.
import multiprocessing as mp


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(x):
    raise KeyError("no %d" % x)


def set_offset(value):
    global offset
    offset = value


def with_offset(x):
    return x + offset


def run(method):
    print("---", method)
    ctx = mp.get_context(method)
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, []))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(list(pool.imap(square, range(5))), list(pool.imap(square, range(5), 2)))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(pool.apply(add, (2, 3)), pool.apply(add, kwds={"a": 1, "b": 1}))
        got = []
        r = pool.apply_async(square, (7,), callback=got.append)
        print(r.get(timeout=10), r.ready(), r.successful(), got)
        r = pool.map_async(square, [1, 2], callback=got.append)
        r.wait()
        print(r.get(), got)
        errors = []
        r = pool.apply_async(fail, (3,), error_callback=errors.append)
        try:
            r.get()
        except KeyError as e:
            print("KeyError", e, type(e.__cause__).__name__, "fail" in str(e.__cause__), r.successful())
        print(errors)
        try:
            pool.map(fail, [2])
        except KeyError as e:
            print("map KeyError", e)
        print(pool.starmap_async(add, [(5, 5)]).get())
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError:", e)
    pool = ctx.Pool(2, initializer=set_offset, initargs=(100,))
    print(pool.map(with_offset, range(6), chunksize=1))
    pool.close()
    pool.join()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    run("fork")
    run("spawn")
