# Stress: 100 threads contending on one Lock for 1,000,000 acquisitions in all; the count is exact.
import threading

counter = 0
lock = threading.Lock()


def work():
    global counter
    for _ in range(10_000):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(100)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("Final counter:", counter)
