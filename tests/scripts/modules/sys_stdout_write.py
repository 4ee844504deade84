# modules: sys.stdout.write return values, print to sys.stdout, flushing and stderr
import sys
n = sys.stdout.write("hello\n")
print(n)
print(sys.stdout.write(""), sys.stdout.write("caf\u00e9\n"))
sys.stdout.write("no newline; ")
sys.stdout.write("same line\n")
sys.stdout.flush()
print("via print", file=sys.stdout)
sys.stderr.write("this goes to stderr\n")
print(sys.stderr.write("x\n"))
print(hasattr(sys.stdout, "flush"), sys.stdout.writable())
lines = ["a\n", "b\n"]
sys.stdout.writelines(lines)
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
