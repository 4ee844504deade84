# Helper for the process fault tests (not a test itself): what a test may leave behind — entries in /dev/shm and child processes (zombies included) — listed before and checked after.
import os
import time


def shm_entries():
    try:
        return set(os.listdir("/dev/shm"))
    except FileNotFoundError:
        return set()


def process_state(pid):
    # (parent pid, state letter) from /proc/PID/stat, or None when the process is gone.
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), fields[0]


def is_resource_tracker(pid):
    # CPython's spawn starts a resource tracker that lives as long as its parent: not a leftover.
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return b"resource_tracker" in f.read()
    except OSError:
        return False


def children_of(pid):
    # Every process whose parent is pid, zombies included: (pid, state) pairs.
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            state = process_state(int(entry))
            if state is not None and state[0] == pid and not is_resource_tracker(int(entry)):
                found.append((int(entry), state[1]))
    return sorted(found)


def has_exited(pid):
    # Gone, or dead and waiting to be reaped by whoever adopted it (Z: zombie, X: dead).
    state = process_state(pid)
    return state is None or state[1] in "ZX"


def wait_exited(pids, seconds):
    # True when every pid has exited within `seconds`.
    deadline = time.monotonic() + seconds
    while not all(has_exited(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


class Leftovers:
    """Notes /dev/shm at the start; check() prints what the test left: new /dev/shm entries and
    child processes of this process (both must be empty lists)."""

    def __init__(self):
        self.shm_before = shm_entries()

    def check(self, label=""):
        prefix = label + " " if label else ""
        print(prefix + "new /dev/shm entries:", sorted(shm_entries() - self.shm_before))
        print(prefix + "child processes left:", children_of(os.getpid()))
