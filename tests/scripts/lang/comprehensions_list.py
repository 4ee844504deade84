# lang: list comprehensions: conditions, nesting, multiple for clauses, scoping
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row if v % 2])
print([[row[i] for row in matrix] for i in range(3)])
print([c.upper() for c in "abc"], [len(w) for w in "the quick brown fox".split()])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
x = "outer"
print([x for x in range(3)], x)
print([i + j for i, j in [(1, 2), (3, 4)]])
print([a for a, *rest in [(1, 2, 3), (4,)]])
def make():
    base = 10
    return [base + i for i in range(3)]
print(make())
class Holder:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
print(Holder.doubled)
print([n for n in [3, 1, 2] if n > 1][::-1])
print([[] for _ in range(2)], [None] * 0)
