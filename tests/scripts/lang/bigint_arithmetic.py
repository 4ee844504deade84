# lang: arbitrary-precision integers: growth past 64 bits, factorials, division, comparisons
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result
print(factorial(20), factorial(21), factorial(30))
print(factorial(50))
a = 2 ** 100
b = 10 ** 20
print(a, b, a + b, a - b, b - a, a * b)
print(a // b, a % b, -a // b, a // -7)
print(a > b, a == 2 ** 100, a != a + 1, -a < b)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
print(3037000500 * 3037000500, 4294967296 * 4294967296)
print(abs(-a), -(-a), +a, a >> 90, 1 << 100, a & 0xFFFF, (a - 1) & 0xFF)
print(hash(2 ** 61 - 1) == hash(0), hash(2 ** 61) == hash(1))
total = 0
for i in range(1, 200):
    total += i ** 10
print(total)
fib = [0, 1]
while len(fib) < 150:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], len(str(fib[-1])))
print(int("9" * 40) + 1, -int("9" * 40) - 1)
print(str(2 ** 200)[:10], (2 ** 200).bit_length(), (10 ** 18) * (10 ** 18) // (10 ** 18))
print(sum([10 ** 18] * 20), max(2 ** 70, 2 ** 69), min(-(2 ** 70), 0))
print(divmod(10 ** 25, 10 ** 12 + 1), 10 ** 25 // 3 * 3 + 10 ** 25 % 3 == 10 ** 25)
