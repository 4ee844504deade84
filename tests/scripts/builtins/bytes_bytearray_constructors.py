# builtins: bytes and bytearray constructors from sizes, iterables, strings and buffers
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes(b"copy"))
print(bytes("caf\u00e9", "utf-8"), bytes("abc", encoding="ascii"), bytes(bytearray(b"ba")))
print(bytearray(), bytearray(2), bytearray([1, 255]), bytearray(b"xy"), bytearray("hi", "ascii"))
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"))
print(bytes((x * 2 for x in range(4))), list(bytes([0, 127, 128, 255])))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
print(ba, bytes(ba), len(ba))
for bad in ([256], [-1]):
    try:
        bytes(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    bytes("text")
except TypeError as e:
    print("TypeError:", e)
try:
    bytes(["a"])
except TypeError as e:
    print("TypeError:", e)
try:
    bytes("\u00e9", "ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    bytes(-1)
except ValueError as e:
    print("ValueError:", e)
print(type(bytes(1)).__name__, type(bytearray(1)).__name__, bytes(1) == bytearray(1))
