# Stress: 10,000 short threads started and joined, in batches; nothing leaks into the thread registry.
import threading

total = 0
lock = threading.Lock()


def bump():
    global total
    with lock:
        total += 1


for batch in range(100):
    threads = [threading.Thread(target=bump) for _ in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(total, threading.active_count(), len(threading.enumerate()))
