# lang: comprehension variables are local; the first iterable is evaluated in the outer scope
i = "outer"
print([i for i in range(3)], i)
print(list(i for i in "ab"), i)
print({i for i in range(2)}, {i: i for i in range(2)}, i)
def outer():
    value = 5
    return [value * k for k in range(3)]
print(outer())
def closures():
    return [lambda: k for k in range(3)]
print([f() for f in closures()])
def bound():
    return [lambda k=k: k for k in range(3)]
print([f() for f in bound()])
class Config:
    names = ["a", "b"]
    upper = [n.upper() for n in names]
print(Config.upper)
data = [[1, 2], [3]]
print([len(row) for row in data], [x for row in data for x in row])
try:
    print(k)
except NameError as e:
    print("NameError", e)
