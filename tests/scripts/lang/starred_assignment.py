# lang: starred targets in assignments and for loops
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(2)
print(head, middle, tail)
a, *b, c, d = (1, 2, 3, 4, 5, 6)
print(a, b, c, d)
*everything, = (7, 8)
print(everything)
[x, *ys] = iter([9])
print(x, ys)
for start, *others in [(1, 2, 3), (4,), ("a", "b")]:
    print(start, others)
(p, *q), r = "xyz", 0
print(p, q, r)
key, *values = "k=v1=v2".split("=")
print(key, values)
numbers = [5, 3, 8]
smallest, *_ = sorted(numbers)
print(smallest, _)
