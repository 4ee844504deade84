# weakref.ref: calling, callbacks (newest first, once, errors reported), reuse of plain references, hash and ==, what cannot be weakly referenced, cycles, finalize.
import gc
import sys
import weakref


class A:
    pass


a = A()
r1 = weakref.ref(a, lambda r: print("callback 1, referent gone:", r() is None))
r2 = weakref.ref(a, lambda r: print("callback 2"))
r0 = weakref.ref(a)
print(weakref.getweakrefcount(a), weakref.getweakrefs(a)[0] is r0, r0() is a)
print(r1.__callback__ is not None, r0.__callback__)
del a
print(r0(), r1(), r1.__callback__, weakref.getweakrefcount(r0))

b = A()
print(weakref.ref(b) is weakref.ref(b), weakref.ref(b) == weakref.ref(b, print), weakref.ref(b) != weakref.ref(b))
print(weakref.ref(b) == weakref.ref(A()), weakref.ref(b) == 1)
try:
    hash(r0)
except TypeError as e:
    print("TypeError:", e)
x = A()
rx = weakref.ref(x)
print(hash(rx) == hash(x))
del x
print(hash(rx) == hash(rx), rx == rx, rx == weakref.ref(b))
print(weakref.ref.__name__, type(r0).__name__, weakref.ReferenceType is weakref.ref, weakref.ref)
print(repr(r0).startswith("<weakref at 0x"), repr(r0).endswith("; dead>"))
print(repr(weakref.ref(b)).endswith("; to 'A' at %#x>" % id(b)))
print(repr(weakref.ref(A)).endswith(" (A)>"))


class Failing:
    def __call__(self, ref):
        1 / 0

    def __repr__(self):
        return "<Failing callback>"


class Captured:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


c = A()
rc = weakref.ref(c, Failing())
sys.stderr = captured = Captured()
del c
sys.stderr = sys.__stderr__
lines = captured.text.splitlines()
print("reported:", lines[0], "|", lines[1], "|", lines[-1])
print("after the failing callback")

# A callback runs while an exception propagates: neither sees nor loses it.
d = A()
rd = weakref.ref(d, lambda r: print("callback during unwinding"))
try:
    def drop_and_raise():
        global d
        del d
        raise ValueError("kept")
    drop_and_raise()
except ValueError as e:
    print("ValueError:", e)


class Node:
    pass


n = Node()
n.self = n
rn = weakref.ref(n, lambda r: print("cycle callback, referent gone:", r() is None))
del n
print("collected:", gc.collect() > 0, rn())

# A reference held by its referent runs its callback when the referent dies of its count...
m = Node()
m.ref = weakref.ref(m, lambda r: print("callback of a reference its referent held"))
del m
# ...but not when both are garbage of one cycle.
m = Node()
m.self = m
m.ref = weakref.ref(m, lambda r: print("never printed"))
del m
gc.collect()
print("cycle with its own reference collected")

for value in (1, "x", [], {}, (), None, 1.5, b"", range(2), property()):
    try:
        weakref.ref(value)
    except TypeError as e:
        print("TypeError:", e)


class Sub(list):
    pass


class Tup(tuple):
    pass


def f():
    pass


def gen():
    yield 1


print(weakref.ref(f)() is f, weakref.ref(sys)() is sys, weakref.ref(int)() is int, weakref.ref(A)() is A)
print(weakref.ref(Sub())() is None, weakref.ref(gen())() is None, weakref.ref({1})() is None)
try:
    weakref.ref(Tup())
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)

finalizer = weakref.finalize(A(), print, "finalized when its object died")
print(finalizer.alive, finalizer(), finalizer.detach(), finalizer.peek())
kept = A()
at_exit = weakref.finalize(kept, print, "finalized at exit", 42)
print(at_exit.alive, at_exit.atexit, at_exit.peek()[1:])
called = weakref.finalize(kept, lambda: "called early")
print(called(), called.alive, called())
detached = weakref.finalize(kept, print, "never")
print(detached.detach()[0] is kept, detached.alive)
print("end of script")
