# Comparisons and `in` tests that branch at once (the VM jumps from the comparison itself):
# ints, floats, NaN, mixed and rich comparisons, `not`, chained forms, while loops and values.
nan = float('nan')


class Loud:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        print('lt', self.n, other)
        return self.n < other


def classify(a, b):
    out = []
    if a < b:
        out.append('<')
    if a <= b:
        out.append('<=')
    if a == b:
        out.append('==')
    if a != b:
        out.append('!=')
    if not a > b:
        out.append('not >')
    if a >= b:
        out.append('>=')
    return out


def count_down(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    while 0.5 < n + 1.0:
        n -= 0.75
        steps += 1
    return steps, n


def membership(words, table):
    found = []
    for w in words:
        if w in table:
            found.append(w)
        elif w not in ('x', 'y'):
            found.append('-' + w)
    return found


for a, b in [(1, 2), (2, 2), (3, 2), (1.5, 2), (2.0, 2), (nan, 1.0), (nan, nan), (-0.0, 0.0), (2**70, 1), ('a', 'b')]:
    print(a, b, classify(a, b))
print(count_down(5))
print(membership(['a', 'x', 'b', 'q'], {'a': 1, 'b': 2}))
print([i for i in range(10) if i % 3 == 0 if i != 6])
print(1 < 2 < 3, 1 < 3 < 2, [x for x in (1, 5, 9) if 2 < x < 9])
if Loud(1) < 5:
    print('loud yes')
print(Loud(3) < 2 or 'fallback', 4 < 5, 5 < 4 is False)
flag = 3 > 2
print(flag, type(flag), (3 > 2) + 1)
