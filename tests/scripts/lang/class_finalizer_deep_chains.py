# Deep chains of objects with __del__ or weak references (also inside a generator's small stack) are freed without overflowing the C stack, every finalizer and callback run.
count = 0
class N:
    def __init__(self, nxt): self.nxt = nxt
    def __del__(self):
        global count
        count += 1
head = None
for i in range(200000): head = N(head)
del head
print(count)
def g():
    h = None
    for i in range(100000): h = N(h)
    del h
    yield count
print(next(g()))
import weakref
class W: pass
ws = [W() for _ in range(1000)]
rs = [weakref.ref(w, lambda r: None) for w in ws]
chain = None
for w in ws: w.prev = chain; chain = w
del ws, w, chain
print(sum(1 for r in rs if r() is None))
