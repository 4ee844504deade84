# builtins: bool() of every kind of value and bool as an int subclass
for value in [0, 1, -1, 0.0, 0.1, "", " ", "False", [], [[]], (), (0,), {}, {0: 0},
              set(), {0}, None, range(0), range(1), b"", b"\x00", float("nan")]:
    print(repr(value), bool(value))
print(bool(), bool(True), bool(False), bool(bool))
print(True + True, True * 10, True / 2, -True, ~True, True << 3, True == 1)
print(str(True), repr(False), int(True), float(True), f"{True}", f"{True:d}")
print(True & False, True | False, True ^ True, type(True ^ True).__name__)
print(sum([True] * 7), [1, 2, 3][True], {True: "yes"}[1])
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
