# types: str.encode with codecs and errors, and Unicode length, indexing and iteration
s = "caf\u00e9 \u20ac \U0001F600"
print(len(s), s[3], s[-1], s[5], [ord(c) for c in s[3:7]])
print(s.encode(), s.encode("utf-8"), len(s.encode("utf-8")))
print("abc".encode("ascii"), "caf\u00e9".encode("latin-1"), "\u00e9".encode("utf-16-le"))
print(s.encode("ascii", errors="replace"), s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"))
print(s.encode("ascii", "xmlcharrefreplace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(s.encode().decode("utf-8") == s, b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"))
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
greek = "\u03b1\u03b2\u03b3"
print(greek, greek.upper(), greek[::-1], list(greek), greek * 2, "\u03b2" in greek)
mixed = "a\u00df\u4e2d\U0001F40D"
for ch in mixed:
    print(repr(ch), len(ch.encode("utf-8")))
print(sorted("\u00e9a\u00e8z"), "\u00e9" > "z", max("abc\u00e9"))
