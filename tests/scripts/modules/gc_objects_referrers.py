# gc.get_objects (all generations, one, errors) and gc.get_referrers (the containers that hold an object).
import gc
gco_marker = object()
class Node:
    pass
a = Node()
holder = [a]
other = {"key": a}
refs = gc.get_referrers(a)
print(sum(1 for r in refs if r is holder), sum(1 for r in refs if r is other))
print(any(o is holder for o in gc.get_objects()), any(o is gco_marker for o in gc.get_objects()))
print(all(isinstance(o, object) for o in gc.get_objects(0)), type(gc.get_objects(generation=None)).__name__)
for g in (3, -2, "x"):
    try:
        gc.get_objects(g)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(gc.get_referrers())
