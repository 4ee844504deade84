# builtins: super() in its zero- and two-argument forms, and object() itself
class A:
    def hello(self):
        return "A.hello"
    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"
class B(A):
    def hello(self):
        return "B>" + super().hello()
    @classmethod
    def make(cls):
        return "B>" + super().make()
class C(B):
    def hello(self):
        return "C>" + super(B, self).hello()
print(B().hello(), C().hello(), B.make(), C.make())
print(super(C, C()).hello(), super(B, C).make())
sup = super(B, B())
print(type(sup).__name__, sup.hello())
o = object()
print(type(o).__name__, isinstance(o, object), isinstance(5, object), isinstance(object, object))
print(object.__name__, object.__bases__, object.__mro__)
print(o == o, o != object(), type(hash(o)).__name__, str(o) == repr(o))
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
class Plain(object):
    pass
print(Plain.__bases__, Plain.__mro__)
print(issubclass(int, object), issubclass(type, object), type(object))
