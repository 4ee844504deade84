# lang: function, module and class annotations are evaluated at definition time into __annotations__
# (CPython 3.11 order and mangling; function-scope variable annotations are never evaluated)
def f(a, /, b: int, *c: str, d: float = 1.0, **e: bool) -> None: pass
print(f.__annotations__)
def g(x, y=2): pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
g.__annotations__ = {'x': 1}
print(g.__annotations__)
g.__annotations__ = None
print(g.__annotations__)
del g.__annotations__
print(g.__annotations__)
try:
    g.__annotations__ = 5
except TypeError as e:
    print(e)
x: int = 1
y: "str"
(z): int = 3
import sys
print(__annotations__)
class C:
    a: int
    b: list = []
    __p: str = "private"
    if True:
        c: float
    def m(self, v: "C") -> "C": return self
print(C.__annotations__, C.m.__annotations__, C.b)
class D:
    pass
print('__annotations__' in D.__dict__)
def outer():
    T = int
    def inner(v: T) -> T:
        w: undefined_name = 3
        return w
    return inner
print(outer().__annotations__, outer()(1), outer().__closure__)
order = []
def note(v):
    order.append(v)
    return v
@note
def h(p: note("p") = note("default"), *, k: note("k") = note("kdefault")) -> note("ret"):
    pass
print(order[:-1], h.__annotations__)
class E:
    def __init__(self): self.attr = 0
e = E()
e.attr: note("attr-ann") = 5
print(order[-1])
lambda_f = lambda q: q
print(lambda_f.__annotations__)
import functools
@functools.singledispatch
def fun(arg):
    return "default"
@fun.register
def _(arg: int):
    return "int"
@fun.register
def _(arg: list):
    return "list"
print(fun(1), fun([]), fun("s"))
