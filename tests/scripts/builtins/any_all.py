# builtins: any and all on empty, mixed and lazy iterables (short-circuiting)
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]))
print(any([0, 0, 1]), all([1, 1, 0]), any("abc"), all(""))
print(any(x > 5 for x in range(10)), all(x < 10 for x in range(10)))
checked = []
def check(v):
    checked.append(v)
    return v
print(any(check(v) for v in [0, 0, 3, 0, 5]), checked)
checked.clear()
print(all(check(v) for v in [1, 2, 0, 4]), checked)
print(any([[], {}, ()]), all([[0], {0: 0}, (0,)]))
print(any({0: "a", 1: "b"}), all({0: "a"}), type(any([1])).__name__)
print(all(n % 2 == 0 for n in [2, 4, 6]), any(c.isupper() for c in "lower"))
words = ["alpha", "beta", "gamma"]
print(all(len(w) > 3 for w in words), any(w.startswith("g") for w in words))
