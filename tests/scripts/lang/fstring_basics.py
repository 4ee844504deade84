# lang: f-strings: expressions, conversions, quoting, nesting and escaped braces
name = "Ada"
n = 3
items = [1, 2, 3]
d = {"k": "v"}
print(f"hello {name}")
print(f"{n} squared is {n * n}, cubed is {n ** 3}")
print(f"{items[1]} {items[-1]} {d['k']} {len(items)}")
print(f"{name!r} {name!s} {name!a}")
cafe = "caf\u00e9"
print(f"{cafe!a} {cafe!r}")
print(f"{{literal braces}} {{{n}}}")
print(f"{'yes' if n > 2 else 'no'}")
print(f"{[x * 2 for x in items]}")
print(f"{f'{n}-nested'}")
print(f"{name.upper()}{name.lower()}")
print(F"capital F {n}")
print(rf"raw \n {n}", fr"{n} \t")
print(f"{n:3}|{n:<3}|{n:^5}|")
print(f"{(lambda x: x + 1)(n)}")
print(f"{ {'a': 1}['a'] }")
print(f"{None} {True} {3.0} {-0.0}")
w = "wide"
print(f"""multi
{w}
line""")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
print(f"{P()} {P()!r} {P()!s}")
