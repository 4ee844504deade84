# modules: building and walking a small directory tree with os.listdir and os.path checks
import os
root = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"chaipy_os_tree_{os.getpid()}")
layout = {"docs": ["readme.md", "guide.md"], "src": ["main.py", "util.py"], "src/pkg": ["__init__.py"]}
os.mkdir(root)
for folder, files in layout.items():
    os.makedirs(os.path.join(root, folder), exist_ok=True)
    for name in files:
        with open(os.path.join(root, folder, name), "w") as f:
            f.write(f"# {name}\n")
def walk(path, depth=0):
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        kind = "dir " if os.path.isdir(full) else "file"
        print("  " * depth + kind, name)
        if os.path.isdir(full):
            walk(full, depth + 1)
walk(root)
def count_by_extension(path):
    counts = {}
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if os.path.isdir(full):
            for ext, n in count_by_extension(full).items():
                counts[ext] = counts.get(ext, 0) + n
        else:
            ext = os.path.splitext(name)[1]
            counts[ext] = counts.get(ext, 0) + 1
    return counts
print(sorted(count_by_extension(root).items()))
def remove_tree(path):
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if os.path.isdir(full):
            remove_tree(full)
        else:
            os.remove(full)
    os.rmdir(path)
remove_tree(root)
print(os.path.exists(root))
