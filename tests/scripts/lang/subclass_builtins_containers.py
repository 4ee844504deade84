# lang: subclassing list and dict: overriding methods, keeping builtin behaviour
class Stack(list):
    def push(self, item):
        self.append(item)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s).__name__)
print(s.pop(), s)
print(s + [9], type(s + [9]).__name__, s[::-1], type(s[:]).__name__)
class LoggingList(list):
    def append(self, item):
        print("  appending", item)
        super().append(item)
ll = LoggingList()
ll.append("x")
ll.extend(["y"])
print(ll)
class DefaultDict(dict):
    def __missing__(self, key):
        value = self[key] = []
        return value
dd = DefaultDict()
dd["a"].append(1)
dd["a"].append(2)
dd["b"]
print(dd, dd.get("c"), "c" in dd)
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
ad = AttrDict(x=1, y=2)
print(ad.x + ad.y, ad, sorted(ad.keys()))
try:
    ad.z
except AttributeError as e:
    print("AttributeError:", e)
class CaseInsensitive(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
ci = CaseInsensitive()
ci["Key"] = "v"
print(ci["KEY"], ci, list(ci))
class Named(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
n = Named("nums", range(3))
print(n.name, n, n == [0, 1, 2])
