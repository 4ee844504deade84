# builtins: round on ints and floats, ndigits positive, zero, negative, and __round__
values = [0.5, 1.5, 2.5, -0.5, -2.5, 2.675, 0.125, 1.23456, 12345.678, -7.5]
for v in values:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(5), round(5, 2), round(55, -1), round(65, -1), round(-55, -1), round(149, -2))
print(round(10 ** 25 + 5 * 10 ** 23, -24), round(2 ** 70, -5))
print(type(round(1.5)).__name__, type(round(1.5, 0)).__name__, type(round(1, 0)).__name__)
print(round(float("inf"), 2), round(float("nan"), 1), round(1e300, -299))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
class Price:
    def __round__(self, n=None):
        return f"rounded with {n}"
print(round(Price()), round(Price(), 3))
print(round(0.1 + 0.2, 10), round(1 / 3, 5), round(-1 / 3, 3))
