# builtins: repr, str and ascii of builtin values, including quoting and non-ASCII text
values = [1, -2.5, "text", "it's", 'say "hi"', "both ' \"", "tab\t", "caf\u00e9", "\u4e2d",
          "\U0001F600", b"bytes", [1, "a"], (1,), {"k": [None]}, {1, 2}, None, True, 1e100]
for v in values:
    print(repr(v), str(v), ascii(v))
print(repr(""), str(""), ascii(""), repr("'"), repr('"'), repr("\\"))
print(repr("\x00\x7f\x80\xff\u0100"), ascii("\x80\u20ac\U0001F600"))
print(str(b"abc"), str(123456789012345678901234567890), str(-0.0), repr(float("nan")))
print(str(), repr(str()), str(1.0), str(10 ** 16 * 1.0), str([1.0, 2.50]))
print(str(b"abc", "ascii"), str(b"caf\xc3\xa9", "utf-8"), str(b"x\xffy", "utf-8", "replace"))
print(repr(repr), repr(str), repr(print))
