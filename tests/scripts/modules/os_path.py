# modules: os.path join/split/basename/dirname/splitext/abspath/normpath and existence checks
import os
print(os.path.join("a", "b", "c.txt"), os.path.join("/root", "x"), os.path.join("a", "/abs", "b"), os.path.join("a", ""))
print(os.path.split("/usr/lib/file.py"), os.path.split("file.py"), os.path.split("/"), os.path.split("dir/"))
print(os.path.basename("/a/b/c.tar.gz"), os.path.dirname("/a/b/c.tar.gz"), repr(os.path.basename("/a/b/")), os.path.dirname("c"))
print(os.path.splitext("archive.tar.gz"), os.path.splitext("noext"), os.path.splitext(".bashrc"), os.path.splitext("/a.b/c"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.normpath("a//b/../c/./d"), os.path.normpath("/.."))
cwd = os.getcwd()
print(os.path.abspath("x.txt") == os.path.join(cwd, "x.txt"), os.path.abspath(".") == cwd, os.path.abspath("/a/../b"))
here = "os_path.py"
print(os.path.exists(here), os.path.isfile(here), os.path.isdir(here), os.path.isdir("."), os.path.exists("no_such_file"))
print(os.path.isfile("."), os.path.exists(""), os.path.basename(os.path.abspath(here)))
print(os.path.dirname(os.path.abspath(here)) == cwd, os.path.relpath(os.path.join(cwd, "a", "b"), cwd))
print(os.path.expanduser("relative"), os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.sep)
