# lang: calls with positional, keyword, default, *args and **kwargs parameters
def describe(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"
print(describe(1, c=3))
print(describe(1, 5, 6, 7, c=3, e=8))
print(describe(a=0, c=0, d=0, z=1))
print(describe(*[1, 2, 3], **{"c": 9, "x": 10}))
def order(*args, **kwargs):
    return list(args), list(kwargs)
print(order(3, 2, 1, z=1, a=2, m=3))
def defaults(x, items=None):
    if items is None:
        items = []
    items.append(x)
    return items
print(defaults(1), defaults(2))
def evaluation_order(*args):
    return args
trace = []
def t(v):
    trace.append(v)
    return v
evaluation_order(t(1), t(2), *[t(3)], t(4))
print(trace)
def kw(**kw):
    return kw
print(kw(b=1, a=2), kw(**{"not an identifier": 1}))
class Calculator:
    def __init__(self, base):
        self.base = base
    def add(self, x, y=0):
        return self.base + x + y
calc = Calculator(10)
print(calc.add(1), calc.add(1, y=2), Calculator.add(calc, 5), calc.add(*[1, 1]))
method = calc.add
print(method(100))
