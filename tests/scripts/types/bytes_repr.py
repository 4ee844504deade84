# types: repr of bytes and bytearray: quotes, printable ASCII, escapes for everything else
print(repr(b""), repr(b"plain"), repr(b"it's"), repr(b'say "x"'), repr(b"both ' \""))
print(repr(b"\t\n\r\\"), repr(b"\x00\x01\x7f\x80\xff"), repr(b"\x0b\x0c\x07\x08"))
print(repr(bytes(range(30, 40))), repr(bytes(range(120, 130))))
print(repr(bytes(range(0, 256, 17))))
print(str(b"abc"), f"{b'abc'}", "%s" % b"x", [b"in list"], {b"k": b"v"})
print(repr(bytearray(b"ba\x00")), str(bytearray()), repr(bytearray(b"'")))
print(b"\x41\x42" == b"AB", b"\101" == b"A", repr(b"\\N"))
print(repr(b"\r\n"), repr(b"\x1b[0m"), repr(b" ~"), repr(bytes([92, 39, 34])))
for value in (b"\x00", b"a'b", b'a"b', b"\\x41"):
    print(len(value), repr(value), list(value))
print(repr(bytearray(b"\xfe\xff")), repr(bytes(bytearray(b"m"))), eval(repr(b"\x00\xff")) == b"\x00\xff")
