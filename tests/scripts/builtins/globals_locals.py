# builtins: globals() and locals() at module, function and class scope
counter = 1
def public(names):
    return sorted(n for n in names if not n.startswith("__"))
print(public(globals()))
print(globals()["counter"], "__name__" in globals(), globals()["__name__"])
globals()["created"] = "via globals()"
print(created)
def show_locals(a, b=2):
    c = a + b
    return locals()
print(show_locals(1))
def empty():
    return locals()
print(empty())
def nested():
    outer_value = 10
    def inner():
        return locals(), outer_value
    return inner()
print(nested())
class Scope:
    x = 1
    y = x + 1
    names = public(locals())
print(Scope.names)
print(locals() is globals(), type(globals()).__name__)
def modify_globals():
    globals()["counter"] += 41
modify_globals()
print(counter)
