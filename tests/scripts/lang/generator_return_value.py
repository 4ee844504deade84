# lang: return inside generators sets StopIteration.value
def produce():
    yield "a"
    return "done"
g = produce()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", repr(e.value), "args:", e.args)
def no_return():
    yield 1
g = no_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
def return_tuple():
    yield
    return 1, 2
g = return_tuple()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)
def collect():
    values = []
    while True:
        v = yield
        if v is None:
            return sum(values)
        values.append(v)
c = collect()
next(c)
for n in (5, 10, 15):
    c.send(n)
try:
    c.send(None)
except StopIteration as e:
    print("sum via StopIteration:", e.value)
def early(flag):
    if flag:
        return "early exit"
    yield "yielded"
print(list(early(True)), list(early(False)))
e = StopIteration("manual")
print(e.value, e.args)
print(StopIteration().value)
