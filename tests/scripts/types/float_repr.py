# types: repr and str of floats: shortest round-trip digits, exponents, signed zero, inf, nan
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 1e-5, 1e-4, 0.0001, 123456789.123,
          -0.0, 0.0, 1.0, 100.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 2.5, 1.1,
          float("inf"), float("-inf"), float("nan"), 3.141592653589793, 9007199254740993.0,
          1234567890123456789.0, 0.000123, 12345678.9, 1e-7, 4.35, 0.3]
for v in values:
    print(repr(v), str(v))
print([0.1, -0.0, 1e100], (1.5,), {2.0: 0.5})
print(float.__repr__(1.5), 1.0 * 3, 2.0 ** 0.5, 10 / 3, 1e300 * 10, -1e300 * 1e10)
print(0.1 * 3, 0.7 + 0.1, 1.1 * 1.1, 1e16 + 1, 2 ** 0.5 * 2 ** 0.5)
print(str(-0.0) == "-0.0", -0.0 == 0.0, 1 / float("inf"), -1 / float("inf"))
