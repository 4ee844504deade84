# lang: multiple inheritance and the C3 method resolution order
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
    def only_c(self):
        return "only in C"
class D(B, C):
    pass
print(D.__mro__)
print([k.__name__ for k in D.mro()])
d = D()
print(d.who(), d.only_c())
class E(C, B):
    pass
print([k.__name__ for k in E.__mro__], E().who())
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
print(object.__mro__, int.__mro__, bool.__mro__)
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class Mixin:
    def greet(self):
        return f"hello from {type(self).__name__}"
class Thing(Mixin, A):
    pass
print(Thing().greet(), Thing().who(), Thing.__bases__)
