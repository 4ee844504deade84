# types: bytes methods: decode, hex, fromhex, split/join/strip/replace/find, case and predicates
b = b"Hello, World"
print(b.decode(), b.decode("ascii"), b"caf\xc3\xa9".decode("utf-8"), b.hex(), b"\x00\xff".hex())
print(b"\x01\x02\x03".hex(":"), b"\xab\xcd\xef".hex("-", 2), bytes.fromhex("48 65 6c 6c 6f"), bytes.fromhex("00FF"))
print(b.split(b", "), b"a b  c".split(), b"a,b".split(b",", 1), b"-".join([b"x", b"y", b"z"]))
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"  pad  ".lstrip(), b"  pad  ".rstrip())
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b.find(b"o"), b.rfind(b"o"), b.find(b"zz"), b.index(b"W"))
print(b.count(b"l"), b.startswith(b"Hell"), b.endswith((b"x", b"ld")), b"o" in b, 111 in b)
print(b.upper(), b.lower(), b.swapcase(), b"hello world".title(), b"hello".capitalize())
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower())
print(b"ab".center(6, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4), b"7".zfill(3))
print(b"k=v".partition(b"="), b"a\nb\r\nc".splitlines(), b"ab" * 3, b"ab" + b"cd")
print(b[0], b[-1], b[0:5], b[::-1], list(b[:3]), b"abc"[1:2] == b"b")
print(b"a" < b"b", b"abc" == b"abc", b"abc" < b"abd", b"" < b"\x00", sorted([b"b", b"a"]))
print(b.removeprefix(b"Hello"), b.removesuffix(b"World"), b"a\tb".expandtabs(4))
try:
    b"\xff".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
print(b"%s is %d" % (b"x", 5), b"%05.1f" % 2.25, b"%c" % 65)
