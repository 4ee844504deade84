# modules: math.isclose with relative and absolute tolerances, infinities and nan
import math
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0 + 1e-8), math.isclose(1.0, 1.1, rel_tol=0.1))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(-0.0, 0.0))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
print(math.isclose(1e300, 1.0000000001e300), math.isclose(100, 101, abs_tol=1), math.isclose(5, 5))
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError:", e)
