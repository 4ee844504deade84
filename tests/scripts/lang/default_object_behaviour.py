# lang: default repr, str, equality and hashing inherited from object
class Plain:
    pass
a, b = Plain(), Plain()
r = repr(a)
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"), str(a) == r)
print(a == a, a == b, a != b, a is not b)
print(hash(a) == hash(a), hash(a) != hash(b), {a: "a", b: "b"}[a])
print(len({a, b, a}))
print(id(a) == id(a), id(a) != id(b))
class Nested:
    class Inner:
        pass
print(repr(Nested.Inner()).startswith("<__main__.Nested.Inner object at 0x"))
print(repr(Plain), repr(Nested.Inner), str(Plain))
o = object()
print(repr(o).startswith("<object object at 0x"), type(o).__name__)
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
def f():
    pass
print(repr(f).startswith("<function f at 0x"), repr(lambda: 0).startswith("<function <lambda> at 0x"))
print(repr(len), repr(print))
print(a < b if False else "ordering not defined by default")
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
