# builtins: callable, chr and ord over ASCII, Latin-1, BMP and astral code points
class WithCall:
    def __call__(self):
        pass
print(callable(print), callable(len), callable(int), callable(WithCall), callable(WithCall()))
print(callable(None), callable("s"), callable([].append), callable(lambda: 0), callable(object()))
print(chr(65), chr(97), chr(48), repr(chr(10)), repr(chr(0)), chr(233), chr(8364), chr(0x1F600))
print(ord("A"), ord("a"), ord("0"), ord("\n"), ord("\u00e9"), ord("\u20ac"), ord("\U0001F600"))
print(ord(b"A"), ord(bytearray(b"z")), [ord(c) for c in "hi!"], "".join(chr(c) for c in [80, 121]))
print(chr(ord("a") + 1), ord(chr(1114111)))
try:
    chr(1114112)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    ord(65)
except TypeError as e:
    print("TypeError:", e)
