# lang: +, -, *, /, // and % (each with its own opcode) on every kind of operand: small and big
# ints, floats, mixes, sequences, str formatting, sets, user classes, in-place forms, errors
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __rmul__(self, k):
        return Money(self.cents * k)

    def __truediv__(self, k):
        return Money(self.cents // k)

    def __floordiv__(self, k):
        return self.cents // k

    def __mod__(self, k):
        return self.cents % k

    def __iadd__(self, other):
        self.cents += other.cents * 10
        return self

    def __repr__(self):
        return f"Money({self.cents})"


big = 2 ** 70
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (big, 3), (3, big), (7.5, 2), (7, 2.5), (-7.5, 2.0), (True, 2)]:
    print(a + b, a - b, a * b, a / b, a // b, a % b)
print(2 ** 62 + 2 ** 62, -(2 ** 62) - 2 ** 62, 2 ** 40 * 2 ** 40, (2 ** 61) // -1, 1 % 2 ** 64)
print([1, 2] + [3], (1,) + (2,), "ab" + "cd", b"x" + b"y", [0] * 3, 3 * "ab", (1, 2) * 2)
print("%d items at %.2f" % (3, 1.5), "%s" % "x", b"%d" % 5, {1, 2, 3} - {2}, {"a": 1} | {"b": 2})
m = Money(100)
print(m + Money(5), m - Money(5), m * 3, 3 * m, m / 3, m // 7, m % 7)
m += Money(1)
print(m)
total = 0
total += 5
total -= 2
total *= 4
total //= 5
total %= 3
ratio = 10
ratio /= 4
words = "a"
words += "b"
print(total, ratio, words)
for expression in ["1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1.5 // 0", "1.5 % 0.0", "[] - []", "'a' * 'b'",
                   "None + 1", "{} % 1"]:
    try:
        eval(expression)
    except Exception as error:
        print(expression, "->", type(error).__name__, error)
