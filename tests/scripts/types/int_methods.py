# types: int methods: bit_length, bit_count, to_bytes, from_bytes, as_integer_ratio, attributes
for n in [0, 1, 5, 255, 256, -1, -256, 2 ** 64, -(2 ** 100)]:
    print(n, n.bit_length(), n.bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (255).to_bytes(1, "big"))
print((0).to_bytes(3, "big"), (-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((2 ** 70).to_bytes(9, "big"), (1).to_bytes(1, byteorder="little"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"", "big"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"), int.from_bytes([1, 0], "big"))
print(int.from_bytes(b"\x01" + b"\x00" * 16, "big"))
for call in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"),
             lambda: (1).to_bytes(1, "middle")):
    try:
        call()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print((7).as_integer_ratio(), (-3).numerator, (5).denominator, (5).real, (5).imag, (5).conjugate())
print(int.__name__, (10).__add__(5), (3).__mul__(4), (-5).__abs__(), (17).__mod__(5))
print(isinstance(5, int), issubclass(bool, int), hasattr(5, "bit_length"))
