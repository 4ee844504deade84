# lang: bitwise and shift operators on positive, negative and big integers
print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~-1, ~0)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10)
print(1 << 0, 1 << 10, 1 << 64, 1 << 100, 5 << 3)
print(1024 >> 3, -1024 >> 3, -1 >> 10, 7 >> 1, -7 >> 1, (1 << 100) >> 99)
print((2 ** 80 + 5) & 0xF, (2 ** 80) | 1, (2 ** 80) ^ (2 ** 80), ~(2 ** 80))
print(-(2 ** 80) & 0xFFFF, -(2 ** 80) >> 70, -(2 ** 70) | 3)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, bin(flags), bool(flags & 8), bool(flags & 4))
flags &= ~8
print(flags)
x = 0b1100
x ^= 0b1010
x <<= 2
x >>= 1
print(x)
print(bin(255 & ~(1 << 7)), hex(0xdead ^ 0xffff))
