# builtins: open() in text mode: write/read return values, read(n), readline, readlines, iteration
import os
base = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"chaipy_open_text_{os.getpid()}")
os.mkdir(base)
path = os.path.join(base, "notes.txt")
f = open(path, "w")
print(f.write("first line\n"), f.write("second line\n"), f.write("third"))
print(f.closed, f.mode, os.path.basename(f.name))
f.close()
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.read(5)), repr(f.read(6)), repr(f.readline()), repr(f.readline()))
    print(repr(f.readline()), repr(f.readline()), repr(f.read()))
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    for number, line in enumerate(f, 1):
        print(number, repr(line), repr(line.rstrip("\n")))
with open(path, encoding="utf-8") as f:
    print([len(line) for line in f])
with open(path, "w") as f:
    print(f.write("caf\u00e9 \u20ac\n"))
with open(path, encoding="utf-8") as f:
    text = f.read()
print(repr(text), len(text), os.path.getsize(path))
try:
    open(os.path.join(base, "missing.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror)
with open(path) as f:
    pass
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
os.remove(path)
os.rmdir(base)
print(os.path.exists(base))
