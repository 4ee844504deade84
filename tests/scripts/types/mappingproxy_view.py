# mappingproxy: C.__dict__ is a read-only live view of the class namespace.
class Point:
    dims = 2

    def norm(self):
        return 0


proxy = Point.__dict__
print(type(proxy).__name__, "dims" in proxy, proxy["dims"], proxy.get("missing", "default"))
Point.added = 5
print("added" in proxy, proxy["added"])
print(sorted(k for k in proxy.keys() if not k.startswith("__")))
print(sorted(k for k, v in proxy.items() if not k.startswith("__")))
print(len(proxy) == len(list(proxy)), type(proxy.copy()).__name__)
for action in (lambda: proxy.__setitem__("x", 1), lambda: proxy.pop("dims")):
    try:
        action()
    except (TypeError, AttributeError) as error:
        print(type(error).__name__, error)
try:
    proxy["nope"]
except KeyError as error:
    print("KeyError", error)
try:
    hash(proxy)
except TypeError as error:
    print("TypeError", error)
m = type(proxy)({"a": 1})
print(repr(m), str(m), m == {"a": 1}, m | {"b": 2})
try:
    type(proxy)([1, 2])
except TypeError as error:
    print("TypeError", error)
print(vars(Point) == Point.__dict__, type(vars(Point)).__name__)
