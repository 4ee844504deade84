# modules: math.floor, ceil and trunc return ints; behaviour on negatives, big floats and ints
import math
for v in [2.5, -2.5, 3.0, -0.5, 0.0, 1e20, -1e-10, 7]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
print(math.floor(10 ** 30), math.ceil(-(10 ** 30)), math.floor(True))
print(math.floor(1e300) == int(1e300), math.ceil(2.000000001), math.floor(-2.000000001))
class Custom:
    def __floor__(self):
        return "custom floor"
    def __ceil__(self):
        return "custom ceil"
print(math.floor(Custom()), math.ceil(Custom()))
for bad in (math.inf, math.nan):
    try:
        math.floor(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    math.ceil("1")
except TypeError as e:
    print("TypeError:", e)
