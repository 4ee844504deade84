# errors: messages for bad calls: missing, extra, unexpected and duplicate arguments
def show(thunk):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
def h():
    return 0
def k(x, /, y):
    return x
show(lambda: f(1))
show(lambda: f())
show(lambda: f(1, 2, 3))
show(lambda: f(1, 2, c=3))
show(lambda: f(1, a=1))
show(lambda: g(1))
show(lambda: g(1, 2, 3, c=4))
show(lambda: g(c=1))
show(lambda: h(1))
show(lambda: h(x=1))
show(lambda: k(x=1, y=2))
show(lambda: f(**{"a": 1, "b": 2, "z": 3}))
show(lambda: f(1, *[2, 3]))
show(lambda: f(1, **{"a": 2}))
class C:
    def method(self, x):
        return x
    @staticmethod
    def static(a):
        return a
show(lambda: C().method())
show(lambda: C().method(1, 2))
show(lambda: C.method(1))
show(lambda: C.static())
show(lambda: C(1))
show(lambda: len())
show(lambda: len(1, 2))
show(lambda: isinstance(1))
show(lambda: (lambda x: x)())
show(lambda: [].append())
show(lambda: {}.get())
show(lambda: print(foo=1))
show(lambda: sorted([], cmp=None))
show(lambda: int("1", base=2, extra=1))
