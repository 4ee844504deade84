# builtins: exit and quit are site's Quitter objects: their repr tells how to leave; calling one
# closes sys.stdin and raises SystemExit(code), code None by default; the last call ends the script.
import sys

print(repr(exit), repr(quit), str(exit), type(exit).__name__, type(exit).__module__)
for quitter in (exit, quit):
    for args in ((), (3,), ("bye",), (None,)):
        try:
            quitter(*args)
        except SystemExit as e:
            print(e.args, e.code)
try:
    exit(code=5)
except SystemExit as e:
    print(e.args)
try:
    exit(1, 2)
except TypeError:
    print("TypeError")
print(sys.stdin.closed)
quit(3)
print("not reached")
