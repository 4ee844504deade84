# lang: generator expressions: laziness, consumption, nesting and single use
gen = (x * x for x in range(5))
print(type(gen).__name__)
print(next(gen), next(gen), list(gen), list(gen))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(list((x, y) for x in "ab" for y in (1, 2) if y != 1))
print(tuple(c for c in "hey"), sorted(n % 3 for n in range(7)))
evaluated = []
def note(v):
    evaluated.append(v)
    return v
lazy = (note(i) for i in range(3))
print(evaluated)
print(next(lazy), evaluated)
print(list(lazy), evaluated)
print(any(n > 3 for n in range(10)), all(n < 3 for n in range(10)))
nested = (sum(row) for row in ((i, i + 1) for i in range(3)))
print(list(nested))
print(",".join(str(n) for n in range(5)))
source = [1, 2, 3]
g = (x for x in source)
source.append(4)
print(list(g))
print(dict((k, k * 2) for k in range(3)), set(x % 2 for x in range(5)))
