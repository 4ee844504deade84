# lang: assignment expressions in conditions, comprehensions and loops
data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list of", n)
print(n)
values = iter([3, 2, 1, 0, 9])
while (v := next(values)) != 0:
    print("got", v)
print("stopped at", v)
print([y for x in data if (y := x * 2) > 10])
print(y)
print([(last := x) for x in range(4)], last)
def f(x):
    return x * x
results = [r for x in range(6) if (r := f(x)) % 2 == 0]
print(results)
print((z := 10) + z)
total = 0
print([total := total + x for x in [1, 2, 3, 4]], total)
if any((hit := w).startswith("b") for w in ["apple", "banana", "cherry"]):
    print("first b-word:", hit)
def scope():
    [(inner := i) for i in range(3)]
    return inner
print(scope())
