# builtins: float() from ints, strings (with spaces, exponents, inf and nan) and errors
print(float(), float(3), float(-0), float(True), float(2 ** 60), float(10 ** 20))
print(float("1.5"), float("  -2.25 "), float("1e3"), float("1E-3"), float(".5"), float("5."))
print(float("inf"), float("-inf"), float("+inf"), float("Infinity"), float("iNfInItY"))
print(float("nan"), float("-nan"), float("NaN"))
print(float("1_000.5"), float("0.1"), float("3.14159265358979323846"), float("1e400"), float("-1e400"))
print(float("000123.4500"), float("1e-400"), float(" \n7\t"))
class Ratio:
    def __float__(self):
        return 0.75
print(float(Ratio()))
for bad in ["", "abc", "1.2.3", "1e", "0x10", "1_", "in f"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    float([1.0])
except TypeError as e:
    print("TypeError:", e)
print(float("inf") == float("infinity"), float("-0.0"), str(float("-0")))
