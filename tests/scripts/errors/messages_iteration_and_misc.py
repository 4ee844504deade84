# errors: messages from iteration protocols, containers and builtins misuse
def show(thunk):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, repr(str(e)))
show(lambda: next(iter([])))
show(lambda: next(x for x in []))
show(lambda: min([]))
show(lambda: max(()))
show(lambda: [1, 2].remove(3))
show(lambda: [1, 2].index(3))
show(lambda: (1, 2).index(3))
show(lambda: "abc".index("z"))
show(lambda: "abc".rindex("z"))
show(lambda: range(0, 5, 0))
show(lambda: [1] * (10 ** 20))
show(lambda: "x".center(1, ""))
show(lambda: "{0}".format())
show(lambda: "{a}".format(b=1))
show(lambda: "%d" % "x")
def import_missing():
    import no_such_module_anywhere
show(import_missing)
def import_name():
    from math import no_such_function
show(import_name)
def raise_non_exception():
    raise "string"
show(raise_non_exception)
def bad_super():
    super().method()
show(bad_super)
def yield_from_int():
    yield from 5
show(lambda: list(yield_from_int()))
show(lambda: dict([(1, 2, 3)]))
show(lambda: type("X", (), {})().missing)
