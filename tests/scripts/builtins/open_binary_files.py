# builtins: open() in binary mode: bytes in and out, read(n), seek/tell, and mode errors
import os
base = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"chaipy_open_binary_{os.getpid()}")
os.mkdir(base)
path = os.path.join(base, "data.bin")
with open(path, "wb") as f:
    print(f.write(bytes(range(10))), f.write(b"\xff\x00end"))
    print(f.mode, f.tell())
with open(path, "rb") as f:
    data = f.read()
print(data, len(data), type(data).__name__)
with open(path, "rb") as f:
    print(f.read(3), f.tell(), f.read(2), f.seek(0), f.read(1), f.seek(-3, 2), f.read())
    print(f.read(), f.read(5))
with open(path, "rb") as f:
    print(f.readline())
with open(path, "wb") as f:
    f.write("caf\u00e9\n".encode("utf-8"))
with open(path, "rb") as f:
    raw = f.read()
print(raw, raw.decode("utf-8"))
with open(path, "r") as f:
    print(repr(f.read()))
try:
    with open(path, "wb") as f:
        f.write("text")
except TypeError as e:
    print("TypeError:", e)
try:
    with open(path, "w") as f:
        f.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
with open(path, "ab") as f:
    f.write(bytearray(b"!!"))
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
os.rmdir(base)
