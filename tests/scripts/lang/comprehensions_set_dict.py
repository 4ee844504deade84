# lang: set and dict comprehensions, including nesting and conditions
print(sorted({x % 4 for x in range(20)}))
print({n * n for n in range(-3, 4)} == {0, 1, 4, 9})
words = ["apple", "bob", "cat", "apple", "dog"]
print({w: len(w) for w in words})
print({len(w): w for w in words})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
inverse = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inverse)
print({(i, j): i * j for i in range(1, 3) for j in range(1, 3)})
print({i: {j for j in range(i)} for i in range(4)})
print(sorted({c for w in words for c in w if c in "aeiou"}))
print({x: [y for y in range(x)] for x in range(3)})
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print({w: c for w, c in counts.items() if c > 1})
print(type({x for x in ""}).__name__, type({x: x for x in ""}).__name__)
