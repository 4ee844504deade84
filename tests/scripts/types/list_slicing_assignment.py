# types: list slice assignment (growing, shrinking, extended slices) and slice deletion
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[1:1] = [100, 200]
print(a)
a[:2] = []
print(a)
a[-2:] = "ZZ"
print(a)
a[len(a):] = [1, 2, 3]
print(a)
b = list(range(10))
b[::2] = ["e"] * 5
print(b)
b[1::3] = [None, None, None]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = list(range(10))
del c[::3]
print(c)
del c[1:3]
print(c)
del c[::-2]
print(c)
del c[:]
print(c)
d = [1, 2, 3, 4, 5]
d[1:4] = d[1:4][::-1]
print(d)
d[:] = range(3)
print(d)
e = [0, 1, 2, 3]
e[3:1] = ["inserted"]
print(e)
f = [1, 2, 3]
f[5:10] = [9]
print(f)
g = [1, 2, 3, 4]
g[::-1] = "abcd"
print(g)
try:
    g[0:2] = 5
except TypeError as e:
    print("TypeError:", e)
h = [1, 2, 3]
h[1:2] = h
print(h)
