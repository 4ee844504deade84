# builtins: sum with start values and mixed types; abs on ints, floats and custom objects
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(5), 100), sum([0.1] * 10))
print(sum([1, 2.5]), sum([2 ** 64, 2 ** 64]), sum(x * x for x in range(10)))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]))
print(sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(abs(-5), abs(5), abs(-0), abs(-2.5), abs(-0.0), abs(float("-inf")), abs(-(2 ** 100)))
print(abs(True), abs(False), type(abs(-3)).__name__, type(abs(-3.0)).__name__)
class Distance:
    def __init__(self, d):
        self.d = d
    def __abs__(self):
        return Distance(abs(self.d))
    def __repr__(self):
        return f"Distance({self.d})"
print(abs(Distance(-4)))
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
print(sum(range(1, 101), start=-5050))
