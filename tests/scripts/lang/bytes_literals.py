# lang: bytes literals, escapes, and what indexing and iteration give
b = b"abc"
print(b, type(b).__name__, len(b))
print(b[0], b[-1], b[0:2], list(b))
print(b"\x00\x01\xff", b"\n\t\r", b"\\")
print(b'single' + b"double", B"upper")
print(b"'", b'"', b"'\"")
print(bytes([104, 105]), b"hi" == bytes([104, 105]))
print(br"\n", rb"\x41", len(br"\n"))
print(b"""tri
ple""")
print(b"" == bytes(), bool(b""), bool(b"\x00"))
print(b"a" b"b" b"c")
print(b"\x7f\x80", b"~")
print(repr(b"it's"), repr(b'"q"'))
for byte in b"AZ":
    print(byte, end=" ")
print()
