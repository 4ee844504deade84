# Pool(maxtasksperchild) and ProcessPoolExecutor(max_tasks_per_child): workers leave after their quota and are replaced (forked from the pool's worker-handler thread, or spawned); the results stay complete and ordered.
import concurrent.futures as cf
import multiprocessing as mp
import os


def square_and_pid(x):
    return x * x, os.getpid()


def run_pool(method):
    ctx = mp.get_context(method)
    with ctx.Pool(2, maxtasksperchild=2) as pool:
        results = pool.map(square_and_pid, range(12), chunksize=1)
        print(method, [r[0] for r in results])
        # 12 single-item tasks, at most 2 per worker: at least 6 different workers ran them.
        print(method, "workers >= 6:", len(set(r[1] for r in results)) >= 6)
        print(method, pool.apply(square_and_pid, (9,))[0])
    try:
        ctx.Pool(1, maxtasksperchild=0)
    except ValueError as e:
        print("ValueError:", e)


def run_executor():
    with cf.ProcessPoolExecutor(2, max_tasks_per_child=1) as executor:
        print(executor._mp_context.get_start_method())
        results = list(executor.map(square_and_pid, range(6)))
        print("executor", [r[0] for r in results])
        print("executor workers >= 3:", len(set(r[1] for r in results)) >= 3)
    for bad in (0, "1"):
        try:
            cf.ProcessPoolExecutor(1, max_tasks_per_child=bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)
    try:
        cf.ProcessPoolExecutor(1, mp_context=mp.get_context("fork"), max_tasks_per_child=1)
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    run_pool("fork")
    run_pool("spawn")
    run_executor()
