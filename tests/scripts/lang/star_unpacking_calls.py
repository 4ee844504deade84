# lang: * and ** unpacking in calls, mixed with positional and keyword arguments
def show(a, b, c, d=4, *rest, e=5, **kw):
    print(a, b, c, d, rest, e, sorted(kw.items()))
args = [1, 2]
kwargs = {"e": 50, "x": 9}
show(*args, 3)
show(*args, *[3, 4, 6, 7])
show(0, *args, **kwargs)
show(*range(3), e=7, **{"y": 1})
show(*"abc")
show(**{"a": "A", "b": "B", "c": "C"})
show(1, *(2,), c=3, **{"d": 8})
print(*[1, 2, 3])
print(*[1, 2], *(3, 4), sep="-")
print(*"hi", sep=",")
def total(*numbers):
    return sum(numbers)
print(total(*[1, 2], 3, *{4: "x"}, *range(5, 7)))
def pair(x, y):
    return (x, y)
print(pair(*(1, 2)), pair(**{"y": 2, "x": 1}), pair(*[1], **{"y": 2}))
print(max(*[3, 9, 2]), list(zip(*[(1, "a"), (2, "b")])))
