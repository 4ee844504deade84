# The evaluation loop's float fast paths: results written into intermediate floats, ** on floats, list stores.

a = 1.5
b = a * 2.0
c = (a + b) * (a - b)  # both operands of * are intermediates
print(a, b, c)

# A float held elsewhere (a variable, a list, a dict) must never be overwritten in place.
x = y = 0.25
z = x + 1.0
print(x, y, z)
values = [0.5, 1.25]
total = values[0] * 2.0 + values[1]
print(values, total)
d = {"k": 3.0}
e = d["k"] - 1.0
print(d, e)
acc = 0.0
for v in [0.1, 0.2, 0.3]:
    acc += v * 10.0
print(acc)
w = 2.0
w = w * w * w
print(w)

# Subclass instances keep their type.
class MyFloat(float):
    pass


m = MyFloat(2.0) * 3.0
print(type(m).__name__, m)

# ** with float operands, including every case that leaves the fast path.
cases = [(2.0, 0.5), (2, 0.5), (2.0, 3), (9.0, -0.5), (1e300, 2.0), (0.0, -1.0), (-2.0, 2.0), (-2.0, 3.0),
         (1.0, float("inf")), (float("inf"), 2.0), (2.0, float("nan")), (10.0, -400.0), (0.0, 0.0), (1e-300, 2.0)]
for base, exponent in cases:
    try:
        print(base, exponent, repr(base ** exponent))
    except (ValueError, ZeroDivisionError, OverflowError) as error:
        print(base, exponent, type(error).__name__, error)
p = 3.0
p **= 2.0
print(p)

# Item assignment into lists through the fast path and the general one.
items = [0, 1, 2, 3]
items[0] = "first"
items[-1] = "last"
items[True] = "bool index"
try:
    items[4] = "out of range"
except IndexError as error:
    print("IndexError:", error)
try:
    items[-5] = "out of range"
except IndexError as error:
    print("IndexError:", error)
items[1:3] = ["slice"]
print(items)


class MyList(list):
    def __setitem__(self, index, value):
        print("MyList.__setitem__", index, value)
        super().__setitem__(index, value)


mine = MyList([1, 2])
mine[0] = 10
print(mine)
