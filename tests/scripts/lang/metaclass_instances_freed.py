# Classes made by a metaclass written in Python hold a reference to it, and give it back when
# they are freed: the metaclass (here in a cycle through super()'s __class__ cell) is then
# collectable.
import gc
import sys


class Meta(type):
    def __call__(cls, *args):
        return super().__call__(*args)


before = sys.getrefcount(Meta)
made = []
for i in range(3):
    C = Meta("C%d" % i, (), {"__init__": lambda self, v: setattr(self, "v", v)})
    made.append(C(i).v)
    del C
gc.collect()
print(made, sys.getrefcount(Meta) - before)
del Meta
print(gc.collect() > 0)
