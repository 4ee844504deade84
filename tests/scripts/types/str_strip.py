# types: strip, lstrip and rstrip with default whitespace and explicit character sets
s = " \t\n  padded text \r\n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("www.example.com".strip("cmowz."), "<<[tag]>>".strip("<>[]"))
print(repr("abc".strip("abc")), repr("".strip()), "  a b  ".strip(), "abc".strip(""))
print("0012300".strip("0"), "12300".rstrip("0"), "-+-value-+-".strip("+-"))
print(repr("\u3000ideographic space\u3000".strip()), repr("\xa0nbsp\xa0".strip()))
print("line\n".rstrip("\n"), "path///".rstrip("/"), "  indent".lstrip(), "mississippi".strip("ips"))
print("aaa".strip("a") == "", "hello".strip(None), "hello".lstrip("leh"))
