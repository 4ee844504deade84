# ProcessPoolExecutor when a worker dies mid-task (os._exit, or a segmentation fault): the pending futures fail with BrokenProcessPool, later submits are refused, and no process is left behind.
import concurrent.futures as cf
import multiprocessing as mp
import os
import signal
import time

from helper_leftovers import Leftovers


def leave(how):
    if how == "exit":
        os._exit(3)
    os.kill(os.getpid(), signal.SIGSEGV)


def nap(x):
    time.sleep(0.05)
    return x


def run(how):
    executor = cf.ProcessPoolExecutor(2, mp_context=mp.get_context("fork"))
    print(how, executor.submit(nap, 1).result(timeout=10))
    dying = executor.submit(leave, how)
    try:
        dying.result(timeout=10)
    except cf.process.BrokenProcessPool as e:
        print(how, "BrokenProcessPool:", e)
    try:
        executor.submit(nap, 2)
    except cf.process.BrokenProcessPool as e:
        print(how, "submit refused:", e)
    executor.shutdown(wait=True)
    print(how, "children left:", mp.active_children())


if __name__ == "__main__":
    leftovers = Leftovers()
    run("exit")
    run("segfault")
    leftovers.check()
