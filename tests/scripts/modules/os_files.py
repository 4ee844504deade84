# modules: os.mkdir/listdir/remove/rmdir/rename/stat in a temporary directory, and their errors
import os
base = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"chaipy_os_files_{os.getpid()}")
os.mkdir(base)
print(os.listdir(base))
for name in ("b.txt", "a.txt", "c.log"):
    with open(os.path.join(base, name), "w") as f:
        f.write(name * 3)
os.mkdir(os.path.join(base, "sub"))
print(sorted(os.listdir(base)))
print(os.stat(os.path.join(base, "a.txt")).st_size, os.path.getsize(os.path.join(base, "c.log")))
os.rename(os.path.join(base, "c.log"), os.path.join(base, "d.log"))
print(sorted(os.listdir(base)))
os.remove(os.path.join(base, "a.txt"))
print(sorted(os.listdir(base)), os.path.exists(os.path.join(base, "a.txt")))
try:
    os.remove(os.path.join(base, "a.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, os.path.basename(e.filename))
try:
    os.mkdir(base)
except FileExistsError as e:
    print("FileExistsError:", e.strerror)
try:
    os.rmdir(base)
except OSError as e:
    print(type(e).__name__ + ":", e.strerror)
try:
    os.listdir(os.path.join(base, "missing"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror)
os.makedirs(os.path.join(base, "x", "y"))
print(os.path.isdir(os.path.join(base, "x", "y")))
os.rmdir(os.path.join(base, "x", "y"))
os.rmdir(os.path.join(base, "x"))
os.rmdir(os.path.join(base, "sub"))
for name in sorted(os.listdir(base)):
    os.remove(os.path.join(base, name))
os.rmdir(base)
print(os.path.exists(base))
