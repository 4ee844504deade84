# builtins: hex, oct and bin on positive, negative, zero and big integers
for n in [0, 1, 7, 8, 10, 255, 256, -1, -255, 2 ** 64, -(2 ** 70)]:
    print(n, hex(n), oct(n), bin(n))
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2))
print(hex(True), bin(False))
class Index:
    def __index__(self):
        return 42
print(hex(Index()), oct(Index()), bin(Index()))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    bin("10")
except TypeError as e:
    print("TypeError:", e)
print((255).to_bytes(2, "big").hex(), format(255, "#o"), f"{10:#b}")
