# lang: yield from delegating to iterables and sub-generators, including their return value
def inner():
    yield 1
    yield 2
    return "inner result"
def outer():
    result = yield from inner()
    print("  inner returned", result)
    yield from [3, 4]
    yield from "ab"
    yield from range(5, 7)
    return "outer result"
print(list(outer()))
def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, 4], [[5]]], 6])))
def echo():
    while True:
        value = yield
        if value is None:
            return "echo stopped"
        print("  echo got", value)
def delegator():
    result = yield from echo()
    yield result
d = delegator()
next(d)
d.send("a")
d.send("b")
print(d.send(None))
def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield f"node{depth}"
    yield from tree(depth - 1)
    yield from tree(depth - 1)
print(list(tree(2)))
def empty():
    return "nothing yielded"
    yield
def wrap():
    value = yield from empty()
    yield value
print(list(wrap()))
