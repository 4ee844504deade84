# modules: time.time, perf_counter, monotonic: types and monotonicity; sleep and its errors
import time
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(type(t1).__name__, type(p1).__name__, type(m1).__name__)
print(t1 > 1_600_000_000)
time.sleep(0.01)
t2 = time.time()
p2 = time.perf_counter()
m2 = time.monotonic()
print(p2 - p1 >= 0.009, m2 - m1 >= 0.009, t2 >= t1)
print(p2 - p1 < 5, m2 >= m1)
print(time.sleep(0), time.sleep(0.001))
ns = time.perf_counter_ns()
print(type(ns).__name__, time.perf_counter_ns() >= ns, type(time.time_ns()).__name__)
readings = [time.monotonic() for _ in range(100)]
print(all(a <= b for a, b in zip(readings, readings[1:])))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
