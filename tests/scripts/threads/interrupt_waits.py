# KeyboardInterrupt in the main thread (via _thread.interrupt_main) while it waits in Lock.acquire, sleep, join, Queue.get and Event.wait.
import _thread
import queue
import threading
import time


def interrupt_soon():
    time.sleep(0.05)
    _thread.interrupt_main()


def interrupted(name, wait):
    threading.Thread(target=interrupt_soon).start()
    try:
        wait()
        # CPython raises the interrupt only once the wait is over; chaipy wakes the wait up.
        for _ in range(100):
            pass
        print(name, "not interrupted")
    except KeyboardInterrupt:
        print(name, "interrupted")


lock = threading.Lock()
lock.acquire()
interrupted("Lock.acquire", lambda: lock.acquire(timeout=1))
interrupted("time.sleep", lambda: time.sleep(1))
sleeper = threading.Thread(target=time.sleep, args=(1,))
sleeper.start()
interrupted("Thread.join", lambda: sleeper.join())
interrupted("Queue.get", lambda: queue.Queue().get(timeout=1))
interrupted("Event.wait", lambda: threading.Event().wait(1))
print("lock still held:", lock.locked())
