# lang: lambdas with defaults, varargs, closures, and as sort keys
square = lambda x: x * x
print(square(7), square.__name__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=1))
collect = lambda *args, **kwargs: (args, sorted(kwargs.items()))
print(collect(1, 2, z=3, y=4))
kw_only = lambda *, key="k": key
print(kw_only(), kw_only(key="other"))
make_adder = lambda n: lambda x: x + n
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(map(lambda x: x * 2, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(8))))
print((lambda: None)())
print((lambda x, y: x if x > y else y)(3, 9))
funcs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs])
print(type(square).__name__, callable(square))
print(square.__qualname__, (lambda: 0).__name__)
