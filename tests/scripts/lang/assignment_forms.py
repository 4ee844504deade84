# lang: chained, tuple/list, nested, subscript and attribute assignment targets
a = b = c = [1]
print(a is b is c, a)
x, y = 1, 2
x, y = y, x
print(x, y)
[p, q], r = (3, 4), 5
print(p, q, r)
(m, (n, o)), s = [[1, [2, 3]], "s"]
print(m, n, o, s)
i, j = "ij"
print(i, j)
k, = [42]
print(k)
d = {}
d["key"] = d["other"] = 0
print(d)
lst = [0, 0, 0]
lst[0], lst[2] = "first", "last"
print(lst)
class Box:
    pass
box = Box()
box.value = box.copy = 7
print(box.value, box.copy)
idx = 0
nums = [10, 20, 30]
idx, nums[idx] = 1, 99
print(idx, nums)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 5
print(grid)
first, second = second, first = "AB"
print(first, second)
t = 1, 2, 3
print(t, type(t).__name__)
e, f = f, e = 1, 2
print(e, f)
