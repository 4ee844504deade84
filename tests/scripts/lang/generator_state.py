# lang: generator lifecycle: fresh, suspended, running, closed, and re-entrancy errors
def stepper():
    yield 1
    yield 2
g = stepper()
print(g.gi_running, g.__name__, g.__qualname__)
print(next(g), next(g))
print(list(g), list(g))
print(next(g, "exhausted"), next(g, "still exhausted"))
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
def failing():
    yield 1
    raise KeyError("inside")
f = failing()
next(f)
try:
    next(f)
except KeyError:
    print("KeyError raised out of the generator")
print(next(f, "a generator that raised is finished"))
def counter():
    count = 0
    while True:
        count += 1
        yield count
a, b = counter(), counter()
print(next(a), next(a), next(b), next(a))
class Holder:
    def items(self):
        yield from (1, 2)
print(Holder().items().__qualname__, list(Holder().items()))
