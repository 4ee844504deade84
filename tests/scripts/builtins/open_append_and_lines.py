# builtins: open() append mode, 'x' mode, writelines, r+ and line-oriented reading
import os
base = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"chaipy_open_append_{os.getpid()}")
os.mkdir(base)
path = os.path.join(base, "log.txt")
with open(path, "w") as f:
    f.write("one\n")
with open(path, "a") as f:
    print(f.write("two\n"))
    f.writelines(["three\n", "four\n"])
with open(path) as f:
    print(f.read().splitlines())
with open(path, "a") as f:
    f.write("no newline at end")
with open(path) as f:
    lines = f.readlines()
print(len(lines), repr(lines[-1]))
with open(path) as f:
    print([line.strip() for line in f if "o" in line])
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError:", e.strerror)
fresh = os.path.join(base, "fresh.txt")
with open(fresh, "x") as f:
    f.write("exclusive")
with open(fresh, "r+") as f:
    print(f.read(3))
    f.write("-appended")
with open(fresh) as f:
    print(f.read())
with open(fresh, "w") as f:
    pass
with open(fresh) as f:
    print(repr(f.read()), repr(f.readline()), f.readlines())
for name in sorted(os.listdir(base)):
    os.remove(os.path.join(base, name))
os.rmdir(base)
