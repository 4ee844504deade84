# pickle round trips past the pickler's and unpickler's embedded buffers: long outputs, many memo entries, deep stacks and marks, big frames.
import pickle

def check(label, value):
    sizes = []
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(value, protocol)
        back = pickle.loads(data)
        assert back == value, (label, protocol)
        # Length and a checksum: the bytes must be CPython's, protocol by protocol.
        sizes.append("%d:%d/%d" % (protocol, len(data), sum(data[i] * (i % 251 + 1) for i in range(0, len(data), 7)) % 65521))
    print(label, " ".join(sizes))

# Many distinct strs: more memo entries than the embedded tables hold.
check("many strs", ["item-%d" % i for i in range(500)])
# A shared object referenced from far apart (memo GETs with large indices).
shared = ["shared"]
check("shared refs", [shared] + [str(i) for i in range(300)] + [shared])
# Deep nesting: the value stack and the mark stack grow.
nested = []
for i in range(60):
    nested = [i, nested, (i, "x%d" % i)]
check("nested lists", nested)
deep_tuples = ()
for i in range(40):
    deep_tuples = (deep_tuples, i, i * 0.5)
check("nested tuples", deep_tuples)
# Dicts of several sizes (the loader reserves room for each SETITEMS batch).
for n in (0, 1, 2, 5, 11, 100, 1500):
    check("dict %d" % n, {"k%d" % i: i * 3 for i in range(n)})
# Payloads around and above the frame size (64 KiB).
check("bytes 70000", b"\xab" * 70000)
check("str 70000", "q" * 70000)
check("mixed big", {"a": b"x" * 65536, "b": "y" * 65535, "c": list(range(2000))})
# Non-ASCII strs take the UTF-8 path.
check("unicode", ["h\u00e9llo", "\u4e16\u754c", "\U0001f600", "ascii"])
# Identity is kept through the memo.
pair = pickle.loads(pickle.dumps([shared, shared]))
print("same object", pair[0] is pair[1])
# Ints of every opcode width, floats.
check("numbers", [0, 1, 255, 256, 65535, 65536, -1, -2**31, 2**31 - 1, 2**31, 2**62, -2**70, 1.5, -0.0, 1e300])
