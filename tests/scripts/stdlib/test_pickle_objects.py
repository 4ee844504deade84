# pickling instances: __dict__, __getstate__/__setstate__, __reduce__, __getnewargs(_ex)__, builtin subclasses, exceptions, globals by reference.
import pickle
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return type(o) is P and o.__dict__ == self.__dict__
class S:
    def __init__(self): self.a = 1
    def __getstate__(self): return {'a': self.a, 'extra': 2}
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v * 2,))
class NA:
    def __new__(cls, a, b): o = super().__new__(cls); o.ab = (a, b); return o
    def __getnewargs__(self): return self.ab
class NE:
    def __new__(cls, *, k): o = super().__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})
class MyList(list): pass
class MyDict(dict): pass
class MyInt(int): pass
class E(Exception): pass
class E2(Exception):
    def __init__(self, code): super().__init__(f"code {code}"); self.code = code
def func(): pass
for p in range(6):
    print(p, pickle.dumps(P(3), p))
    print(pickle.loads(pickle.dumps(P([1, 2]), p)).x)
    s = pickle.loads(pickle.dumps(S(), p)); print(s.__dict__)
    print(pickle.loads(pickle.dumps(R(5), p)).v)
    print(pickle.loads(pickle.dumps(NA(1, 2), p)).ab)
    print(pickle.loads(pickle.dumps(NE(k=3), p)).k)
    ml = MyList([1, 2]); ml.tag = 't'; x = pickle.loads(pickle.dumps(ml, p)); print(type(x).__name__, x, x.tag)
    md = MyDict(a=1); x = pickle.loads(pickle.dumps(md, p)); print(type(x).__name__, x)
    x = pickle.loads(pickle.dumps(MyInt(7), p)); print(type(x).__name__, x)
    e = pickle.loads(pickle.dumps(ValueError("bad", 1), p)); print(type(e).__name__, e.args)
    e = E("m"); e.extra = 5; x = pickle.loads(pickle.dumps(e, p)); print(type(x).__name__, x, x.extra)
    print(pickle.dumps(E("m"), p))
    try: x = pickle.loads(pickle.dumps(E2(4), p)); print(type(x).__name__, x.args)
    except Exception as ex: print("E2", type(ex).__name__, ex)
    print(pickle.dumps(func, p), pickle.dumps(P, p), pickle.dumps(len, p))
    print(pickle.loads(pickle.dumps(range(1, 10, 2), p)), pickle.loads(pickle.dumps(slice(1, 2), p)))
    print(pickle.dumps([P, func, ValueError], p))
