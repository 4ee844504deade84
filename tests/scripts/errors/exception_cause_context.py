# errors: __cause__, __context__ and __suppress_context__ set by raise, raise from, from None
def context_only():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
def explicit_cause():
    try:
        [][0]
    except IndexError as e:
        raise KeyError("lookup") from e
def suppressed():
    try:
        int("x")
    except ValueError:
        raise TypeError("clean") from None
for fn in (context_only, explicit_cause, suppressed):
    try:
        fn()
    except Exception as e:
        print(fn.__name__, repr(e))
        print("  cause:", repr(e.__cause__))
        print("  context:", repr(e.__context__))
        print("  suppress:", e.__suppress_context__)
try:
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError:
            raise RuntimeError("third")
except RuntimeError as e:
    chain = []
    current = e
    while current is not None:
        chain.append(repr(current))
        current = current.__context__
    print(" <- ".join(chain))
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__, e.__traceback__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
