# threading's synchronization: Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer.
import threading
import time


def show_error(action):
    try:
        action()
    except Exception as error:
        print(type(error).__name__ + ":", error)


def run_all(threads):
    for t in threads:
        t.start()
    for t in threads:
        t.join()


# Lock
lock = threading.Lock()
print(type(lock).__name__, lock.acquire(), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
lock.release()
show_error(lock.release)
with lock:
    print("locked inside with:", lock.locked())

# RLock: reentrant for its owner only
rlock = threading.RLock()
with rlock:
    with rlock:
        print("nested RLock ok")
rlock.acquire()
errors = []


def release_foreign():
    try:
        rlock.release()
    except RuntimeError as error:
        errors.append(str(error))
    errors.append(rlock.acquire(timeout=0.01))


run_all([threading.Thread(target=release_foreign)])
rlock.release()
print(errors)

# Condition: producer/consumer with wait, notify, notify_all, wait_for
condition = threading.Condition()
items = []
consumed = []


def consumer():
    with condition:
        condition.wait_for(lambda: len(items) >= 3)
        consumed.extend(items)


c = threading.Thread(target=consumer)
c.start()
for n in range(3):
    with condition:
        items.append(n)
        condition.notify()
c.join()
print("consumed", consumed)

with condition:
    print("wait timeout:", condition.wait(0.01), condition.wait_for(lambda: False, 0.01))
show_error(condition.wait)
show_error(condition.notify)
print(repr(threading.Condition(threading.Lock())).startswith("<Condition(<unlocked _thread.lock object at "))

ready = 0
go = threading.Condition(threading.Lock())
woken = []


def sleeper(n):
    global ready
    with go:
        ready += 1
        go.notify_all()
        go.wait()
        woken.append(n)


sleepers = [threading.Thread(target=sleeper, args=(n,)) for n in range(4)]
for t in sleepers:
    t.start()
with go:
    go.wait_for(lambda: ready == 4)
    go.notify(1)
with go:
    go.notify_all()
for t in sleepers:
    t.join()
print("woken", sorted(woken))

# Semaphore: at most two inside at once
semaphore = threading.Semaphore(2)
inside = 0
most_inside = 0
guard = threading.Lock()


def limited():
    global inside, most_inside
    with semaphore:
        with guard:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(0.01)
        with guard:
            inside -= 1


run_all([threading.Thread(target=limited) for _ in range(6)])
print("most inside:", most_inside)
print(semaphore.acquire(), semaphore.acquire(), semaphore.acquire(blocking=False), semaphore.acquire(timeout=0.01))
semaphore.release(2)
print(repr(semaphore).endswith(" value=2>"), repr(semaphore).startswith("<threading.Semaphore at 0x"))
show_error(lambda: threading.Semaphore(-1))
show_error(lambda: semaphore.release(0))
show_error(lambda: semaphore.acquire(False, 1))

bounded = threading.BoundedSemaphore(1)
bounded.acquire()
bounded.release()
show_error(bounded.release)
print(repr(bounded).endswith(" value=1/1>"))

# Event
event = threading.Event()
print(event.is_set(), event.wait(0.01), repr(event).endswith(": unset>"))
seen = []


def waiter():
    seen.append(event.wait())


w = threading.Thread(target=waiter)
w.start()
event.set()
w.join()
print(seen, event.is_set(), event.wait(), repr(event).endswith(": set>"))
event.clear()
print(event.is_set())

# Barrier
arrivals = []
actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("all arrived"))
print(barrier.parties, barrier.n_waiting, barrier.broken)


def arrive():
    index = barrier.wait()
    with guard:
        arrivals.append(index)


run_all([threading.Thread(target=arrive) for _ in range(3)])
print(sorted(arrivals), actions)

broken = threading.Barrier(2)
print("timeout breaks:", end=" ")
try:
    broken.wait(0.01)
except threading.BrokenBarrierError:
    print(broken.broken, repr(broken).endswith(": broken>"))
show_error(broken.wait)
broken.reset()
print(broken.broken, repr(broken).endswith(" waiters=0/2>"))
aborted = []


def wait_abort():
    try:
        broken.wait()
    except threading.BrokenBarrierError as error:
        aborted.append(type(error).__name__)


a = threading.Thread(target=wait_abort)
a.start()
while broken.n_waiting == 0:
    time.sleep(0.001)
broken.abort()
a.join()
print(aborted, issubclass(threading.BrokenBarrierError, RuntimeError))
show_error(lambda: threading.Barrier(0))

# Timer
fired = []
timer = threading.Timer(0.01, fired.append, args=["fired"])
timer.start()
timer.join()
cancelled = threading.Timer(10, fired.append, kwargs={"object": "never"})
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, timer.name.startswith("Thread-"))
