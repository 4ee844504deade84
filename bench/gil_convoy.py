# Benchmark: the convoy effect. A thread doing 200 sleeps of 0.5 ms, alone and beside a CPU-bound thread (target: at most 1.5x; figures on stderr).
import sys
import threading
import time

ROUNDS = 200
NAP = 0.0005


def sleeper_rounds():
    start = time.perf_counter()
    for _ in range(ROUNDS):
        time.sleep(NAP)
    return time.perf_counter() - start


def spin(stop):
    n = 0
    while not stop.is_set():
        for _ in range(1000):
            n += 1


alone = sleeper_rounds()
stop = threading.Event()
cpu = threading.Thread(target=spin, args=(stop,))
cpu.start()
timed = []
sleeper = threading.Thread(target=lambda: timed.append(sleeper_rounds()))
sleeper.start()
sleeper.join()
stop.set()
cpu.join()
beside = timed[0]
print(f"{ROUNDS} sleeps of {NAP * 1000} ms, alone and beside a CPU-bound thread")
print(f"gil_convoy: alone {alone:.3f} s, beside a CPU-bound thread {beside:.3f} s: "
      f"{beside / alone:.2f}x (target <= 1.5x)", file=sys.stderr)
