# modules: sys.exit raises SystemExit, which try/finally and except see like any exception
import sys
def stop(code):
    try:
        sys.exit(code)
    finally:
        print("finally runs for", repr(code))
for code in (0, 2, "message", None):
    try:
        stop(code)
    except SystemExit as e:
        print("caught SystemExit with code", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("no argument gives", e.code)
print("program continues after catching")
