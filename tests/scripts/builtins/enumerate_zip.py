# builtins: enumerate with start and zip over several iterables of different lengths
print(list(enumerate("abc")), list(enumerate("abc", start=1)), list(enumerate([], 5)))
for i, (a, b) in enumerate(zip("xy", [10, 20]), 100):
    print(i, a, b)
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "done"))
print(type(e).__name__, type(zip()).__name__)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip("a", "b", "c")))
names = ["ann", "bob"]
ages = [30, 40]
print(dict(zip(names, ages)))
pairs = [(1, "one"), (2, "two")]
numbers, words = zip(*pairs)
print(numbers, words)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)))
def counter():
    n = 0
    while True:
        yield n
        n += 1
print(list(zip(counter(), "hey")))
print(list(enumerate(zip("ab", "cd"), -1)))
z = zip([1], [2])
print(list(z), list(z))
