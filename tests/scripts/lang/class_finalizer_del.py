# __del__: run when an instance's count reaches zero or when the collector frees its cycle, once per object (PEP 442), also for a resurrected object; inherited, added to the class later, errors reported as unraisable; before weak reference callbacks; and for objects still alive at exit.
import gc
import sys
import weakref


class Named:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


a = Named("a")
del a
print("after a")

b = Named("b in a cycle")
b.self = b
del b
print("before collect")
print("collected:", gc.collect() > 0)

saved = []


class Phoenix:
    def __del__(self):
        print("resurrecting")
        saved.append(self)


p = Phoenix()
del p
print(len(saved), type(saved[0]).__name__)
saved.clear()
print("dropped again: no second __del__")
p = Phoenix()
p.me = p
del p
gc.collect()
print(len(saved))
saved.clear()
gc.collect()
print("collected again: no second __del__")


class Captured:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


class Failing:
    def __del__(self):
        raise ValueError("raised in __del__")


sys.stderr = captured = Captured()
f = Failing()
del f
sys.stderr = sys.__stderr__
lines = captured.text.splitlines()
print("reported:", lines[0].split(" at 0x")[0], "|", lines[-1])


class Sub(Named):
    pass


s = Sub("inherited")
del s


class Late:
    pass


late = Late()
Late.__del__ = lambda self: print("__del__ added to the class later")
del late

# An exception being raised is neither seen nor lost by a __del__ that runs meanwhile.
try:
    def raise_while_dropping():
        dropped = Named("dropped while raising")
        del dropped
        raise KeyError("kept")
    raise_while_dropping()
except KeyError as e:
    print("KeyError:", e)

# __del__ runs before the callbacks of weak references to the object.
w = Named("watched")
watcher = weakref.ref(w, lambda ref: print("weak reference callback"))
del w

keep = Named("still alive at exit")
print("end of script")


# At exit the globals go one by one, in order: a finalizer still sees the ones defined after it.
class Reporter:
    def __del__(self):
        print("at exit, a later global is still there:", defined_later)


reporter = Reporter()
defined_later = "yes"
