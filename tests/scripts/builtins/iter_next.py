# builtins: iter() on iterables and the two-argument sentinel form; next() with a default
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__, type(iter(range(1))).__name__)
values = [5, 4, 0, 3]
position = 0
def produce():
    global position
    position += 1
    return values[position - 1]
print(list(iter(produce, 0)))
print(position)
lines = iter(["header", "row1", "row2", "END", "ignored"])
print(list(iter(lambda: next(lines), "END")))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
for n in iter(tick, 4):
    print("tick", n)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
d = {"a": 1, "b": 2}
keys = iter(d)
print(next(keys), list(keys), iter(keys) is keys)
