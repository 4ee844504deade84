# lang: del on names, list items, slices, dict keys and attributes
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
nums = list(range(10))
del nums[0]
del nums[-1]
print(nums)
del nums[1:3]
print(nums)
del nums[::2]
print(nums)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
class Thing:
    pass
t = Thing()
t.attr = 5
t.other = 6
del t.attr
print(hasattr(t, "attr"), t.other)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
grid = [[1, 2], [3, 4]]
del grid[0][1]
print(grid)
def local_del():
    y = 3
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(local_del())
