# lang: if / elif / else chains, truthiness of conditions, nesting
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 42, 1000)])
for value in (0, 1, "", "x", [], [0], None, {}, {0: 0}, 0.0, set()):
    if value:
        print(repr(value), "truthy")
    else:
        print(repr(value), "falsy")
x = 7
if x > 5:
    if x % 2:
        print("big odd")
    else:
        print("big even")
if x: print("one-line if")
if not x:
    pass
elif x == 7:
    print("elif without else")
if False:
    print("never")
print("done")
