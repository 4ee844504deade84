# lang: __call__ makes instances callable; callable() on various objects
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add3 = Adder(3)
print(add3(1), add3(1, 2, 3), add3(1, scale=10), callable(add3))
print(list(map(Adder(100), [1, 2])))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
count = Counter()
count(); count()
print(count(), count.calls)
class Plain:
    pass
print(callable(Plain), callable(Plain()), callable(len), callable(lambda: 0), callable(1))
try:
    Plain()()
except TypeError as e:
    print("TypeError:", e)
class Factory:
    def __call__(self):
        return Factory
print(Factory()()() is Factory)
class Method:
    def __call__(self):
        return "instance call"
m = Method()
m.__call__ = lambda: "ignored instance attribute"
print(m())
