# modules: math.gcd, lcm, factorial, isqrt, comb, perm on small and big integers
import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(12, 18, 27), math.gcd())
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(0, 5), math.lcm())
print(math.gcd(2 ** 100, 6 ** 50), math.lcm(2 ** 64, 3 ** 40))
print([math.factorial(n) for n in range(8)], math.factorial(30))
print(len(str(math.factorial(100))), math.factorial(20) == 2432902008176640000)
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40), math.isqrt(2 ** 101))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(20, 10))
for call in (lambda: math.factorial(-1), lambda: math.isqrt(-4), lambda: math.comb(-1, 2)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.factorial(2.5)
except TypeError as e:
    print("TypeError:", e)
try:
    math.gcd(2.0, 4)
except TypeError as e:
    print("TypeError:", e)
