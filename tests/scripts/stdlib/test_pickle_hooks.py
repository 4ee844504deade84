# Pickler/Unpickler subclass hooks (persistent_id, find_class, reducer_override, dispatch_table), copyreg, files, big frames, collections and functools objects.
import pickle, io, copyreg, collections, functools
f = lambda x: x
try: pickle.dumps(f)
except pickle.PicklingError as e: print(type(e).__name__, '>'.join(str(e).split('>')[2:]))
class Pt:
    def __init__(self, x): self.x = x
class MyPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Pt): return ("Pt", obj.x)
        return None
class MyUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return "restored-%s-%s" % pid
    def find_class(self, module, name):
        print("find_class", module, name)
        return super().find_class(module, name)
buf = io.BytesIO()
MyPickler(buf, 2).dump([Pt(1), Pt(2), 3, Pt])
print(buf.getvalue())
buf.seek(0)
print(MyUnpickler(buf).load())
class RO(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Pt: return (str, ("Pt-overridden",))
        return NotImplemented
b = io.BytesIO(); RO(b).dump([Pt, 1]); print(b.getvalue(), pickle.loads(b.getvalue()))
b = io.BytesIO(); p = pickle.Pickler(b); p.dispatch_table = {Pt: lambda o: (int, (o.x,))}; p.dump(Pt(42)); print(pickle.loads(b.getvalue()))
copyreg.pickle(Pt, lambda o: (Pt, (o.x + 100,)))
print(pickle.loads(pickle.dumps(Pt(1))).x)
del copyreg.dispatch_table[Pt]
b = io.BytesIO()
pickle.dump({'a': 1}, b); pickle.dump([1, 2], b); pickle.dump("third", b, protocol=0)
b.seek(0)
print(pickle.load(b), pickle.load(b), pickle.load(b))
try: pickle.load(b)
except EOFError as e: print("EOFError", e)
big = list(range(100000))
b = io.BytesIO(); pickle.dump(big, b); print(len(b.getvalue()), b.getvalue() == pickle.dumps(big)); b.seek(0); print(pickle.load(b) == big)
data = b"x" * 70000
print(pickle.dumps(data)[:20], len(pickle.dumps(data)), pickle.loads(pickle.dumps([data, "s"*70000]))[1][:3])
od = collections.OrderedDict(a=1, b=2)
for p in range(6):
    print(pickle.loads(pickle.dumps(od, p)))
    dd = collections.defaultdict(list, {'x': [1]}); x = pickle.loads(pickle.dumps(dd, p)); print(x, x.default_factory)
    print(pickle.loads(pickle.dumps(collections.deque([1, 2, 3], maxlen=5), p)))
    print(pickle.loads(pickle.dumps(collections.Counter('abca'), p)))
    Point = collections.namedtuple('Point', 'x y')
    globals()['Point'] = Point
    print(pickle.loads(pickle.dumps(Point(1, 2), p)))
    pa = pickle.loads(pickle.dumps(functools.partial(int, base=2), p)); print(pa('101'))
print(pickle.dumps(collections.OrderedDict(a=1)))
print(pickle.dumps(collections.deque([1])))
print(pickle.dumps(Point(1, 2)))
for bad in [b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00', b'\x80\x04\x8d\xff\xff\xff\xff\xff\xff\xff\xff', b'\x80\x04B\xff\xff\xff\xff',
            b'\x80\x04\x8c\x02\xff\xfe\x94.', b'(((((((((((((((((((((((t.', b'\x80\x05\x96\x05\x00\x00\x00\x00\x00\x00\x00abcde.']:
    try: print(pickle.loads(bad))
    except Exception as e: print(type(e).__name__, e)
