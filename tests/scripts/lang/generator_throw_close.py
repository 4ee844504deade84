# lang: generator.throw and generator.close, GeneratorExit and cleanup in finally
def worker():
    try:
        while True:
            try:
                value = yield "ready"
                print("  got", value)
            except ValueError as e:
                print("  handled ValueError inside:", e)
                yield "recovered"
    finally:
        print("  worker cleanup")
w = worker()
print(next(w))
print(w.send(1))
print(w.throw(ValueError("bad value")))
print(next(w))
w.close()
print("closed")
try:
    next(w)
except StopIteration:
    print("next after close: StopIteration")
def unhandled():
    yield 1
    yield 2
u = unhandled()
next(u)
try:
    u.throw(KeyError("escapes"))
except KeyError as e:
    print("propagated out:", repr(e))
try:
    next(u)
except StopIteration:
    print("generator finished after throw")
never_started = worker()
never_started.close()
print("closing an unstarted generator runs nothing")
fresh = unhandled()
try:
    fresh.throw(IndexError("before start"))
except IndexError as e:
    print("throw into fresh generator:", e)
