# modules: time.sleep really waits: elapsed perf_counter and monotonic time bracket the request
import time
for duration in (0.01, 0.02, 0.05):
    start_perf = time.perf_counter()
    start_mono = time.monotonic()
    time.sleep(duration)
    elapsed_perf = time.perf_counter() - start_perf
    elapsed_mono = time.monotonic() - start_mono
    print(duration, elapsed_perf >= duration * 0.95, elapsed_mono >= duration * 0.9, elapsed_perf < duration + 2)
start = time.time()
total = 0
for i in range(100000):
    total += i
print(total, time.time() - start >= 0)
def timed(fn, *args):
    begin = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - begin
value, seconds = timed(sum, range(1000))
print(value, type(seconds).__name__, seconds >= 0)
