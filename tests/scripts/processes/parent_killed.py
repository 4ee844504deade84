# chaipy-only behaviour (CPython 3.11 terminates daemonic children only from an atexit handler, so they outlive a parent killed by a signal): a parent SIGKILLed while its children run takes its daemonic children with it within a second, for both start methods and for children started from a helper thread; a non-daemonic child lives on, as in CPython. The .out was written by hand.
import multiprocessing as mp
import os
import signal
import threading
import time

from helper_leftovers import Leftovers, has_exited, wait_exited


def sleeper():
    time.sleep(30)


def intermediate(w):
    # Starts children, reports their pids (daemonic ones first), then waits to be killed.
    children = [mp.get_context("fork").Process(target=sleeper, daemon=True),
                mp.get_context("spawn").Process(target=sleeper, daemon=True)]
    for child in children:
        child.start()
    # PR_SET_PDEATHSIG would take this one down when its starting thread ends, below.
    starter = threading.Thread(target=lambda: children.append(
        mp.Process(target=sleeper, daemon=True)) or children[-1].start())
    starter.start()
    starter.join()
    lasting = mp.Process(target=sleeper)
    lasting.start()
    os.write(w, " ".join(str(c.pid) for c in children + [lasting]).encode() + b"\n")
    os.close(w)
    time.sleep(30)


if __name__ == "__main__":
    leftovers = Leftovers()
    r, w = os.pipe()
    middle = mp.Process(target=intermediate, args=(w,))
    middle.start()
    os.close(w)
    with open(r, "rb") as f:   # a line: the fork children hold the pipe's write end too
        pids = [int(pid) for pid in f.readline().split()]
    daemons, lasting = pids[:-1], pids[-1]
    time.sleep(0.2)
    print("children running before the kill:", not any(has_exited(pid) for pid in pids))
    os.kill(middle.pid, signal.SIGKILL)
    middle.join()
    print("parent exitcode", middle.exitcode)
    print("its", len(daemons), "daemonic children gone within a second:", wait_exited(daemons, 1.0))
    for pid in daemons:   # survivors (if the check failed) must not outlive the test
        if not has_exited(pid):
            os.kill(pid, signal.SIGKILL)
    print("its non-daemonic child still running:", not has_exited(lasting))
    os.kill(lasting, signal.SIGKILL)
    print("non-daemonic child gone once killed:", wait_exited([lasting], 5.0))
    leftovers.check()
