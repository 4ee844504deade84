# lang: try / except / else / finally, handler selection, tuples and `as`
def attempt(action):
    try:
        result = action()
    except ZeroDivisionError:
        print("  zero division")
    except (KeyError, IndexError) as e:
        print("  lookup error:", type(e).__name__, e)
    except Exception as e:
        print("  other:", type(e).__name__, e)
    else:
        print("  no error, result", result)
        return result
    finally:
        print("  finally")
    return None
for name, action in [("ok", lambda: 42), ("div", lambda: 1 / 0),
                     ("key", lambda: {}["k"]), ("index", lambda: [][3]),
                     ("value", lambda: int("z"))]:
    print(name)
    print("  returned", attempt(action))
try:
    raise LookupError("base")
except KeyError:
    print("not here")
except LookupError as e:
    print("base class handler:", e)
try:
    try:
        [].pop()
    except KeyError:
        print("not matched")
except IndexError as e:
    print("outer handler:", e)
e = "before"
try:
    raise ValueError("temp")
except ValueError as e:
    pass
print("e defined after except:", "e" in dir())
errors = (TypeError, ValueError)
try:
    len(5)
except errors as err:
    print("dynamic tuple:", type(err).__name__)
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
