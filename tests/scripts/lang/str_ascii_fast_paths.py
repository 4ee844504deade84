# str.split() without a separator and str.lower()/upper() on ASCII text (their byte-wise fast paths).

samples = ["", " ", "word", "  two  words  ", "a\tb\nc\rd\x0be\x0cf", "x\x1cy\x1dz\x1ew\x1fv", "\x1c\x1d lead and trail \x1e\x1f",
           "no\x00split\x7fhere", "caf\u00e9 au\u2003lait\x85end", "a b c d e f"]
for text in samples:
    print(repr(text), text.split(), text.split(None, 2), text.rsplit(), text.split(maxsplit=1))

edges = "@AZ[`az{ Hello, World! 0123 _-~" + "".join(chr(c) for c in range(32, 127))
print(edges.lower())
print(edges.upper())
print(edges.swapcase(), edges.title(), edges.capitalize(), edges.casefold(), sep="\n")
print("Stra\u00dfe \u0130stanbul".lower(), "stra\u00dfe".upper())
