# lang: __new__ and __init__: order, arguments, returning other objects, singletons
class Traced:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        instance = super().__new__(cls)
        return instance
    def __init__(self, value):
        print("__init__", value)
        self.value = value
t = Traced(5)
print(t.value)
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.created = 0
        cls._instance.created += 1
        return cls._instance
a, b = Singleton(), Singleton()
print(a is b, a.created)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called: __new__ returned a non-instance")
print(NotMine())
class Positive(int):
    def __new__(cls, value):
        return super().__new__(cls, abs(value))
print(Positive(-7), type(Positive(-7)).__name__, Positive(-7) + 1)
class InitReturnsValue:
    def __init__(self):
        return None
print(type(InitReturnsValue()).__name__)
class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
class Child(Traced):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra
c = Child(1, 2)
print(c.value, c.extra)
