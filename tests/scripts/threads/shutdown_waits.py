# At exit the interpreter waits for non-daemon threads and leaves daemon threads behind without hanging or crashing.
import threading
import time


def forever():
    while True:
        time.sleep(0.01)


def spin():
    while True:
        pass


def late_writer():
    time.sleep(0.2)
    print("non-daemon thread finished after the main thread")


threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=spin, daemon=True).start()
blocked = threading.Lock()
blocked.acquire()
threading.Thread(target=blocked.acquire, daemon=True).start()
threading.Thread(target=late_writer).start()
print("main thread done")
