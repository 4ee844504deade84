# errors: catching SystemExit, inspecting .code, then exiting cleanly with sys.exit(0)
import sys
for args in [(), (None,), (0,), (5,), ("text",)]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(args, "->", repr(e.code), e.args)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code, e.args)
print(isinstance(SystemExit(), Exception), issubclass(SystemExit, BaseException))
try:
    sys.exit(7)
except Exception:
    print("not caught by except Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__, e.code)
sys.exit(0)
