# lang: decorators that keep state: registries, call counters, classes as decorators
registry = {}
def register(func):
    registry[func.__name__] = func
    return func
@register
def alpha():
    return "a"
@register
def beta():
    return "b"
print(sorted(registry), registry["beta"]())
def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    pass
noop(); noop(); noop()
print(noop.calls)
class Memo:
    def __init__(self, func):
        self.func = func
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.func(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
@(lambda f: f())
def evaluated_at_once():
    return "decorator expression result"
print(evaluated_at_once)
