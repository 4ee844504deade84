# types: big int values: string conversion, arithmetic identities, shifts and comparisons
big = 2 ** 256
print(big, len(str(big)), str(big)[:5], str(-big)[:6])
print(big - 1, hex(big - 1)[:10], bin(big).count("0"))
print(big // 3, big % 1000007, big * big == 2 ** 512, (big + 1) * (big - 1) == big * big - 1)
print(int(str(big)) == big, int("-" + str(big)) == -big, -big < -big + 1 < 0 < big)
print(big >> 250, big >> 256, big >> 300, -big >> 255, (big << 10) >> 10 == big)
print(big & (big - 1), big | 1 == big + 1, (big - 1) ^ big == 2 * big - 1)
print(sum(range(10 ** 6)) * 10 ** 20, 10 ** 40 // 10 ** 20 == 10 ** 20)
print(abs(-big) == big, pow(big, 2, 97), divmod(big, 10 ** 30)[1])
print(hash(big) == hash(big + 0), big == float(big), big + 0.5 > big - 1)
print(10 ** 100 // 7 ** 50, 10 ** 100 % 7 ** 50)
print(-(10 ** 40) // 7, -(10 ** 40) % 7, (10 ** 40) // -7)
print(max(2 ** 100, 2 ** 100 + 1) - 2 ** 100, sorted([2 ** 70, -(2 ** 70), 0, 2 ** 69]))
print(f"{big:,}"[:11], f"{2 ** 64:x}", f"{-2 ** 64:b}"[:6], f"{10 ** 30:e}")
n = 1
for i in range(1, 41):
    n *= i
print(n, n % (2 ** 64), n.bit_length())
