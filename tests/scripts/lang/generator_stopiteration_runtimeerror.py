# lang: a StopIteration escaping a generator body becomes RuntimeError (PEP 479)
def leaky():
    yield 1
    next(iter([]))
    yield 2
g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, "context:", type(e.__context__).__name__)
def explicit():
    yield "x"
    raise StopIteration("explicit")
try:
    print(list(explicit()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause args:", e.__cause__.args)
def safe():
    it = iter([1, 2])
    while True:
        try:
            value = next(it)
        except StopIteration:
            return
        yield value
print(list(safe()))
class Manual:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(Manual()))
gen_after = leaky()
next(gen_after)
try:
    next(gen_after)
except RuntimeError:
    pass
print(next(gen_after, "exhausted after RuntimeError"))
