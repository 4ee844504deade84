# pickle errors as CPython raises them: unpicklable objects, malformed and truncated input.
import pickle

def outer():
    def inner(): pass
    return inner

module_lambda = lambda x: x

def show(thunk):
    try:
        print(repr(thunk()))
    except BaseException as e:
        text = str(e)
        if " at 0x" in text:  # addresses differ from run to run
            head, _, rest = text.partition(" at 0x")
            text = head + " at 0x..." + rest[rest.index(">"):]
        print(type(e).__module__, type(e).__name__, text)

cases = [
    lambda: pickle.dumps(module_lambda), lambda: pickle.dumps(lambda x: x), lambda: pickle.dumps(outer()),
    lambda: pickle.dumps(1, 6), lambda: pickle.dumps(__import__('threading').Lock()),
    lambda: pickle.loads(b''), lambda: pickle.loads(b'\x80\x04K'), lambda: pickle.loads(b'\xff'),
    lambda: pickle.loads(b'z'), lambda: pickle.loads(b'.'), lambda: pickle.loads(b'\x80\x09.'),
    lambda: pickle.loads(b'h\x05.'), lambda: pickle.loads(b'0.'), lambda: pickle.loads(b'a.'),
    lambda: pickle.loads(b'X\xff\xff\xff\x7f'), lambda: pickle.loads(b'\x80\x04\x95\xff\x00\x00\x00\x00\x00\x00\x00K\x01.'),
    lambda: pickle.loads(b'K\x01'), lambda: pickle.loads(b'K\x01K\x02.'), lambda: pickle.loads(b'(K\x01.'),
    lambda: pickle.loads(b'e.'), lambda: pickle.loads(b'cnosuchmod\nx\n.'), lambda: pickle.loads(b'cbuiltins\nnosuch\n.'),
    lambda: pickle.loads(b'I12x\n.'), lambda: pickle.loads(b'\x97.'), lambda: pickle.loads(b'}K\x01s.'),
    lambda: pickle.loads(b'N\x85R.'), lambda: pickle.loads(b'\x80\x05\x97.'), lambda: pickle.loads(b'V\\u12\n.'),
    lambda: pickle.loads(b'Vab\n\x94.'), lambda: pickle.loads(b'N\x94\x94h\x00.'), lambda: pickle.loads(b'g0\n.'),
    lambda: pickle.loads(b'\x8a\x05\x01.'), lambda: pickle.loads(b']N\x94a.'), lambda: pickle.loads("K\x01."),
    lambda: pickle.loads(b'(.'), lambda: pickle.loads(b'\x80\x04\x8d\xff\xff\xff\xff\xff\xff\xff\xff'),
    lambda: pickle.loads(b'\x80\x04B\xff\xff\xff\xff'), lambda: pickle.loads(b'\x80\x04\x8c\x02\xff\xfe\x94.'),
    lambda: pickle.loads(b'(((((((((((((((((((((((t.'), lambda: pickle.loads(b'\x80\x05\x96\x05\x00\x00\x00\x00\x00\x00\x00abcde.'),
    lambda: pickle.loads(b'Q.'), lambda: pickle.loads(b'Pabc\n.'), lambda: pickle.loads(b'\x82\x07.'),
    lambda: pickle.loads(b'S\'a\\x41b\'\n.'), lambda: pickle.loads(b'U\x03abc.'), lambda: pickle.loads(b'T\x02\x00\x00\x00hi.'),
    lambda: pickle.loads(b'S\'abc\n.'), lambda: pickle.loads(b'F1.5\n.'), lambda: pickle.loads(b'L123456789012345678901234567890L\n.'),
    lambda: pickle.loads(b'(I1\nI2\nl.'), lambda: pickle.loads(b'(Va\nI1\nd.'), lambda: pickle.loads(b'I01\n.'),
    lambda: pickle.loads(b'\x80\x02cbuiltins\nint\nK\x05\x85R.'), lambda: pickle.loads(b'\x80\x02c__builtin__\nxrange\nK\x03\x85R.'),
    lambda: pickle.loads(b'\x80\x04\x93.'), lambda: pickle.loads(b'\x80\x04K\x01K\x02\x93.'),
    lambda: pickle.loads(b'\x80\x02K\x01\x81.'), lambda: pickle.loads(bytearray(b'\x80\x04K\x07.')),
    lambda: pickle.dumps(object()), lambda: type(pickle.loads(pickle.dumps(object()))),
]
for case in cases:
    show(case)

class Bad:
    def __reduce__(self): return 42
class Bad2:
    def __reduce__(self): return (1, ())
class Bad3:
    def __reduce__(self): return (Bad3,)
class Bad4:
    def __reduce__(self): return (Bad4, [])
for cls in (Bad, Bad2, Bad3, Bad4):
    show(lambda: pickle.dumps(cls()))
deep = []
for _ in range(5000):
    deep = [deep]
show(lambda: len(pickle.dumps(deep)))
