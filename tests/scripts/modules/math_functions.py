# modules: math functions on floats: roots, powers, logs, trigonometry, hypot, fsum
import math
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.pow(2, 0.5), math.exp(1), math.exp(0))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12))
print(math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(3, -0.0), math.remainder(7, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.sinh(0), math.cosh(0), math.tanh(0), math.expm1(0), math.cbrt(8))
print(math.dist((0, 0), (3, 4)), math.sqrt(10 ** 20), math.exp(-1000))
print(math.sqrt(0.0), math.sqrt(-0.0), math.log(1), math.erf(0), math.gamma(5), math.lgamma(1))
