# The gc module's API: settings, counts, tracking, referents and argument errors.
import gc

print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(400, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)

counts = gc.get_count()
print(type(counts).__name__, len(counts), all(isinstance(c, int) and c >= 0 for c in counts))
gc.collect()
print(gc.get_count()[0] < 50)
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0, gc.collect(True) >= 0)


class A:
    pass


print(gc.is_tracked([]), gc.is_tracked(A), gc.is_tracked(A()), gc.is_tracked(lambda: 0))
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(int), gc.is_tracked(2.5))
print(gc.get_referents([1, "a", None]), gc.get_referents((3, 4)), gc.get_referents(1, "x"))
print(gc.get_referents(), gc.garbage)

for call in ["gc.collect(3)", "gc.collect(-1)", "gc.collect('x')", "gc.collect(1, 2)", "gc.set_threshold()",
             "gc.set_threshold(1, 2, 3, 4)", "gc.set_threshold('a')", "gc.set_threshold(x=1)", "gc.is_tracked()",
             "gc.is_tracked(1, 2)", "gc.enable(1)", "gc.disable(1)", "gc.isenabled(1)", "gc.get_count(1)",
             "gc.get_threshold(1)", "gc.collect(2.0)"]:
    try:
        eval(call)
        print(call, "ok")
    except Exception as e:
        print(call, type(e).__name__, e)
