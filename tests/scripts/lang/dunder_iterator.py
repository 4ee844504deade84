# lang: the iterator protocol with __iter__ and __next__, iterables vs iterators
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIterator(self.start)
class CountdownIterator:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c))
print([x * 10 for x in c], sum(c), max(c), sorted(c), 2 in c)
it = iter(c)
print(next(it), next(it), next(it), next(it, "end"))
print(list(it))
a, b, d = Countdown(3)
print(a, b, d)
print(list(zip(Countdown(3), "abc")), list(enumerate(Countdown(2))))
print(dict(zip(Countdown(2), Countdown(2))), set(Countdown(4)) == {1, 2, 3, 4})
class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print("TypeError:", e)
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value
print(list(Fib(100)))
