# os.times(): a posix.times_result of five floats (process and children CPU times, elapsed).
import os
import time

before = os.times()
print(type(before), len(before), [type(x).__name__ for x in before])
print(before.user == before[0], before.system == before[1], before.children_user == before[2],
      before.children_system == before[3], before.elapsed == before[4])
start = time.perf_counter()
n = 0
while time.perf_counter() - start < 0.1:
    n += 1
after = os.times()
print(after.user + after.system > before.user + before.system, after.elapsed >= before.elapsed)
user, system, children_user, children_system, elapsed = after
print(elapsed == after.elapsed, min(after) >= 0.0)
try:
    os.times(1)
except TypeError as error:
    print('TypeError', error)
