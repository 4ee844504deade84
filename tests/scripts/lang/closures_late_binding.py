# lang: closures see the variable, not its value at creation time (late binding)
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
i = 10
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make_all():
    result = []
    for n in range(3):
        def show():
            return n
        result.append(show)
    return result
print([f() for f in make_all()])
def make_bound():
    result = []
    for n in range(3):
        def factory(value):
            return lambda: value
        result.append(factory(n))
    return result
print([f() for f in make_bound()])
def rebinding():
    x = 1
    get = lambda: x
    x = 2
    first = get()
    x = 3
    return first, get()
print(rebinding())
adders = {name: (lambda v, name=name: f"{name}:{v}") for name in ("a", "b")}
print(adders["a"](1), adders["b"](2))
