# modules: math constants and the special-value predicates isinf, isnan, isfinite
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.tau == 2 * math.pi, math.inf == float("inf"), math.inf > 10 ** 308)
print(math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isinf(1e308 * 10))
print(math.isnan(math.nan), math.isnan(float("nan")), math.isnan(1.0), math.isnan(math.inf - math.inf))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan), math.isfinite(10 ** 300))
print(math.nan == math.nan, math.nan != math.nan, type(math.pi).__name__, type(math.inf).__name__)
print(f"{math.pi:.10f} {math.e:.5f} {math.pi:e}")
print(round(math.pi, 4), str(math.pi)[:6], math.floor(math.e), math.ceil(math.pi))
