# threading.local: each thread sees its own attributes; subclasses run __init__ again in every thread.
import threading

data = threading.local()
data.value = "main"
results = {}


def worker(n):
    results[n] = [hasattr(data, "value")]
    data.value = n
    data.extra = n * 10
    results[n].append((data.value, data.extra, sorted(data.__dict__)))


threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(data.value, hasattr(data, "extra"), data.__dict__)
del data.value
print(hasattr(data, "value"))
try:
    data.value
except AttributeError:
    print("AttributeError")


class Counter(threading.local):
    created = 0

    def __init__(self, start, step=1):
        Counter.created += 1
        self.count = start
        self.step = step

    def bump(self):
        self.count += self.step
        return self.count


counter = Counter(100, step=5)
counter.bump()
seen = []


def use_counter():
    seen.append(counter.count)
    seen.append(counter.bump())


t = threading.Thread(target=use_counter)
t.start()
t.join()
print(seen, counter.count, Counter.created, isinstance(counter, threading.local))
print(type(threading.local()).__name__, threading.local is threading.local)
