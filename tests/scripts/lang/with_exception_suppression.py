# lang: __exit__ returning a true value suppresses the exception; what it receives
class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.seen = None
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc_value, traceback):
        self.seen = (exc_type, exc_value)
        return exc_type is not None and issubclass(exc_type, self.kinds)
with Suppress(ZeroDivisionError) as s:
    1 / 0
    print("not reached")
print("suppressed", s.seen[0].__name__, s.seen[1])
with Suppress(KeyError) as s:
    pass
print("no exception", s.seen)
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped", e)
def suppress_in_function():
    with Suppress(LookupError):
        [][1]
    return "function continues"
print(suppress_in_function())
class Translate:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is KeyError:
            raise LookupError("translated") from exc
        return False
try:
    with Translate():
        {}["k"]
except LookupError as e:
    print(type(e).__name__, e, repr(e.__cause__))
class Truthy:
    def __enter__(self):
        return None
    def __exit__(self, *args):
        return 1
for i in range(3):
    with Truthy():
        if i == 1:
            raise StopIteration
        print("iteration", i)
