# lang: raise with classes, instances, re-raise, raise from and from None
def fail(kind):
    if kind == "class":
        raise ValueError
    if kind == "instance":
        raise ValueError("with message")
    if kind == "from":
        try:
            {}["missing"]
        except KeyError as exc:
            raise RuntimeError("lookup failed") from exc
    if kind == "from-none":
        try:
            1 / 0
        except ZeroDivisionError:
            raise TypeError("clean") from None
    if kind == "reraise":
        try:
            int("x")
        except ValueError:
            print("  handling, then re-raising")
            raise
for kind in ("class", "instance", "from", "from-none", "reraise"):
    try:
        fail(kind)
    except Exception as e:
        print(kind, "->", type(e).__name__, repr(str(e)))
        print("  cause:", repr(e.__cause__), "context:", type(e.__context__).__name__)
        print("  suppress_context:", e.__suppress_context__)
try:
    raise IndexError("explicit cause") from ValueError("root")
except IndexError as e:
    print(repr(e.__cause__), e.__context__)
try:
    try:
        raise KeyError("inner")
    finally:
        print("finally runs during propagation")
except KeyError as e:
    print("caught", repr(e))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
