# pickle bytes for plain data, protocols 0-5: exactly CPython's bytes (framing, memo, batching), round trips, shared and recursive structures.
import pickle
vals = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, 2**31-1, -2**31, 2**31, 2**63, -2**63, 2**100, -2**100, 1.5, -0.0,
  "", "a", "héllo€😀", "x"*300, b"", b"ab", b"y"*300, bytearray(b"z"), (), (1,), (1,2), (1,2,3), (1,2,3,4), [], [1], [1,2],
  {}, {'a': 1}, {'a': 1, 'b': [1, 2]}, set(), {1, 2, 3}, frozenset(), frozenset({1}), list(range(2500)),
  {i: str(i) for i in range(1200)}, set(range(1100)), 10**40]
for p in range(6):
    for v in vals:
        d = pickle.dumps(v, p)
        assert pickle.loads(d) == v, (p, v)
        if len(d) < 120: print(p, d)
        else: print(p, len(d), d[:40], sum((i+1)*b for i,b in enumerate(d)) % 1000000007)
s = "shared"; l = [s, s]; t = (l, l)
for p in range(6): print(pickle.dumps(t, p))
r = []; r.append(r)
for p in range(6):
    d = pickle.dumps(r, p); print(d); x = pickle.loads(d); print(x[0] is x)
d = {}; d['self'] = d
print(pickle.dumps(d))
print(pickle.dumps(len), pickle.dumps(int), pickle.dumps(type(None)))
