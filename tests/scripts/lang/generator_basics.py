# lang: generator functions: lazy execution, yield points, exhaustion
def countdown(n):
    print("  starting countdown")
    while n > 0:
        yield n
        n -= 1
    print("  countdown done")
gen = countdown(3)
print(type(gen).__name__, "created, nothing run yet")
print(next(gen))
print(next(gen))
print(list(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration again", e.value)
print(list(gen), next(gen, "default"))
def multiple_yields():
    yield 1
    yield "two"
    yield [3]
    yield
print(list(multiple_yields()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = fib()
print([next(g) for _ in range(12)])
print(iter(g) is g, hasattr(g, "__next__"))
def with_loop(items):
    for item in items:
        if item is None:
            return
        yield item * 2
print(list(with_loop([1, 2, None, 4])))
def yield_expression_value():
    received = yield "first"
    print("  received", received)
    yield "second"
y = yield_expression_value()
print(next(y), next(y))
print(sum(countdown(4)))
