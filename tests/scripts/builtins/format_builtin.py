# builtins: format() with format specs on ints, floats, strings and __format__
print(format(3.14159, ".2f"), format(42, "05d"), format(255, "x"), format(255, "#b"))
print(format("hi", ">5"), format("hi", "<5") + "|", format("hi", "^6") + "|", format("hi", "*^7"))
print(format(1234567.891, ",.2f"), format(0.5, "%"), format(1e-7, "g"), format(12, "+"))
print(format(123), format("plain"), format(1.5), format(None), format([1, 2]))
print(format(-42, "=+8"), format(42, "=+8"), format(3.0, "08.2f"), format(-3.0, "08.2f"))
print(format(10 ** 20, ","), format(10 ** 20, "e"), format(1.0, "e"), format(12.0, "g"))
print(format(True, ""), format(True, "d"), format(False, ">5"))
print(format(65, "c"), format(0.1, ".20f"), format(1 / 3, ".3"), format(2 ** 0.5, ".10g"))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"
m = Money(12345)
print(format(m), format(m, "short"), f"{m:.1f}", "{:short}".format(m))
try:
    format(1, "s")
except ValueError as e:
    print("ValueError:", e)
try:
    format("x", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
