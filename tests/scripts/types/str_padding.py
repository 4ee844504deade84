# types: zfill, center, ljust and rjust with default and explicit fill characters
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "12345".zfill(3), "".zfill(2))
print("-".zfill(3), "3.14".zfill(8), "-0.5".zfill(6))
print("[" + "hi".center(6) + "]", "[" + "hi".center(7) + "]", "[" + "hi".center(7, "*") + "]")
print("[" + "odd".center(6) + "]", "[" + "odd".center(6, "-") + "]", "[" + "x".center(4, ".") + "]")
print("[" + "left".ljust(8) + "]", "[" + "left".ljust(8, ".") + "]", "[" + "right".rjust(8, "0") + "]")
print("[" + "toolong".center(3) + "]", "[" + "toolong".ljust(2) + "]", "[" + "caf\u00e9".rjust(6, "~") + "]")
table = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 4.0)]
for name, qty, price in table:
    print(name.ljust(12, ".") + str(qty).rjust(4) + ("%.2f" % price).rjust(8))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
print("x".rjust(-1), "x".ljust(0))
