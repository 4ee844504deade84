# types: float methods: is_integer, hex/fromhex, as_integer_ratio, and int conversions
for v in [1.0, 1.5, -2.0, 0.0, 1e300, float("inf"), float("nan")]:
    print(v, v.is_integer())
print((1.0).hex(), (0.5).hex(), (-0.1).hex(), (0.0).hex(), (1e300).hex(), float("inf").hex())
print(float.fromhex("0x1.8p1"), float.fromhex("0x1p-1"), float.fromhex("-0x1.999999999999ap-4"), float.fromhex("inf"))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.25).as_integer_ratio(), (3.0).as_integer_ratio())
print((2.5).real, (2.5).imag, (2.5).conjugate(), float.__name__)
print(int(2.9), int(-2.9), round(2.9), float(int(1e18)), int(1e18) == 10 ** 18)
import math
print(math.trunc(-3.7), math.floor(-3.7), math.ceil(-3.2), type(math.floor(2.5)).__name__)
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print("ValueError:", e)
print(1.5 == 3 / 2, 0.1 + 0.2 > 0.3, float(1 << 53) + 1 == float(1 << 53))
