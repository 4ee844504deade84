# lang: for loops over many iterables, with else, break, continue and unpacking
for i in range(3):
    print("i", i)
else:
    print("for finished")
for c in "abc":
    if c == "b":
        continue
    print("char", c)
for n in [1, 3, 5, 6, 7]:
    if n % 2 == 0:
        print("first even", n)
        break
else:
    print("no even found")
for n in [1, 3]:
    if n % 2 == 0:
        break
else:
    print("no even found")
for key, value in {"a": 1, "b": 2}.items():
    print(key, value)
for index, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(index, x + y)
for _ in []:
    print("never")
else:
    print("empty loop else")
for i in range(3):
    pass
print("i after loop", i)
for row in [[1, 2], [3, 4]]:
    for v in row:
        if v == 2:
            break
        print("v", v)
items = [1, 2, 3]
for item in items:
    if item == 1:
        items.append(4)
print(items)
for ch in b"hi":
    print(ch)
for k in {"z": 1, "y": 2}:
    print(k)
