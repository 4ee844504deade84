# gc.freeze / unfreeze / get_freeze_count: frozen objects are out of every collection's reach (a forked child's pages stay shared) until unfrozen.
import gc
class Node:
    pass
def cycle(name):
    n = Node()
    n.self = n
    n.name = name
    return n
gc.collect()
print(gc.get_freeze_count() == 0)
kept = cycle("frozen")
gc.freeze()
print(gc.get_freeze_count() > 0, gc.get_count()[0] <= 1)
del kept
print("frozen cycle not collected:", gc.collect() == 0)
c = cycle("young")
del c
print("new cycle collected:", gc.collect() >= 1)
gc.unfreeze()
print(gc.get_freeze_count())
print("unfrozen cycle collected:", gc.collect() >= 1)
try:
    gc.freeze(1)
except TypeError as e:
    print("TypeError:", e)
