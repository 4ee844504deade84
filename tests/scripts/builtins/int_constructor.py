# builtins: int() from strings in many bases, floats, bools, and its error messages
print(int(), int(42), int(-7), int(3.99), int(-3.99), int(True), int(1e20))
print(int("123"), int("  -45  "), int("+8"), int("1_000_000"), int("\t12\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("1010", 2), int("z", 36), int("Zz", 36), int("10", 3))
print(int("12345678901234567890123456789"), int("-" + "9" * 30))
print(int(" 0 "), int("0", 0), int("00"), int("-0"))
print(int(2 ** 70 + 0.0), int(-0.5), int(0.9999))
class Number:
    def __int__(self):
        return 7
class Indexable:
    def __index__(self):
        return 9
print(int(Number()), int(Indexable()))
for bad in ["abc", "", "1.5", "1 2", "0x10", "1__0", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 2)
except ValueError as e:
    print("ValueError:", e)
try:
    int("010", 0)
except ValueError as e:
    print("ValueError:", e)
for bad in [float("inf"), float("nan")]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", 37)
except ValueError as e:
    print("ValueError:", e)
