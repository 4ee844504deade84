# lang: Python-to-Python calls run in place (no C recursion): deep recursion, exceptions and
# finally blocks across frames, frames seen by sys._getframe, locals released at return
import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

sys.setrecursionlimit(30000)
print("deep:", depth(25000))

def countdown(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        return countdown(n - 1)
    finally:
        trail.append(n)

trail = []
try:
    countdown(5)
except ValueError as error:
    print("caught", error, "after finally blocks", trail)

def endless(n):
    return endless(n + 1)

sys.setrecursionlimit(200)
try:
    endless(0)
except RecursionError as error:
    print("RecursionError:", error)
print("depth after the error:", depth(150))
sys.setrecursionlimit(1000)

class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def scaled(self, k):
        return self.add(self) if k == 2 else Vector(self.x * k, self.y * k)
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

v = Vector(1, 2)
print(v.add(Vector(3, 4)).scaled(2), v.scaled(3))

def square(x):
    return x * x
def twice(f, x):
    return f(f(x))
print(twice(square, 3), [square(i) for i in range(5)], sum(square(i) for i in range(5)))

def unbound(flag):
    if flag:
        value = 1
    return value
try:
    unbound(False)
except UnboundLocalError as error:
    print("UnboundLocalError:", error)
print(unbound(True))

def caller_name():
    return sys._getframe(1).f_code.co_name
def outer():
    return caller_name(), sys._getframe().f_back.f_code.co_name
print(outer())

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("released", self.name)
def make_and_drop():
    local = Noisy("local")
    return "returned"
print(make_and_drop())

def walk(n):
    yield n
    if n:
        yield from walk(n - 1)
def total(n):
    return sum(helper(x) for x in walk(n))
def helper(x):
    return x + 1
print(total(10))

def swap_globals():
    global counter
    counter = counter + 1
    return counter
counter = 0
print([swap_globals() for _ in range(3)])

def with_defaults(a, b=10):
    return a + b
def keywords(a, *, b):
    return a - b
def closure(n):
    def inner():
        return n * 2
    return inner()
print(with_defaults(1), with_defaults(1, 2), keywords(5, b=3), closure(21))
