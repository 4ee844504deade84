# types: bytearray mutation: item and slice assignment, append/extend/insert/pop/remove, +=
ba = bytearray(b"hello")
ba[0] = ord("J")
print(ba, ba[0], ba[-1], len(ba))
ba.append(33)
ba.extend(b" and")
ba.extend([32, 109, 111, 114, 101])
print(ba)
ba.insert(0, 62)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("a"))
print(ba)
ba[1:5] = b"HELLO"
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[0:3]
print(ba, len(ba))
ba += b"++"
ba *= 2
print(ba)
ba.reverse()
print(ba)
ba.clear()
print(ba, bool(ba))
c = bytearray(b"copy me")
d = c.copy()
d[0] = 67
print(c, d, c == b"copy me", d.upper(), d.decode(), d.hex(), d.find(b"me"))
print(bytearray(b"a,b").split(b","), bytearray(b" x ").strip(), type(bytearray(b"a").upper()).__name__)
for bad in (lambda: bytearray(b"a").__setitem__(0, 256), lambda: bytearray(b"a").append(-1),
            lambda: bytearray(b"").pop(), lambda: bytearray(b"abc").remove(120)):
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
try:
    {bytearray(b"k"): 1}
except TypeError as e:
    print("TypeError:", e)
