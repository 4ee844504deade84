# A cached method call checks that the instance dict holds no attribute of the method's name:
# small dicts are scanned by stored hash, equal keys of other objects and big dicts still count.


class Greeter:
    def hello(self):
        return "method"


def call_hello(obj):
    return obj.hello()


g = Greeter()
print(call_hello(g), call_hello(g))

g.other = 1
g.hello = lambda: "instance attribute"
print(call_hello(g))
del g.hello
print(call_hello(g))

# A key that is an equal str built at run time (not the interned name object).
name = "".join(["hel", "lo"])
g.__dict__[name] = lambda: "built name"
print(call_hello(g))
del g.__dict__[name]
print(call_hello(g))

setattr(g, "HELLO".lower(), lambda: "setattr name")
print(call_hello(g))
delattr(g, "hello")
print(call_hello(g))


class Key(str):
    """A str subclass key: equal to 'hello' and with its hash."""


g.__dict__[Key("hello")] = lambda: "str subclass key"
print(call_hello(g))
g.__dict__.clear()
print(call_hello(g))


class Collider:
    """A non-str key with the name's hash that compares equal to it."""

    def __hash__(self):
        return hash("hello")

    def __eq__(self, other):
        return other == "hello"


g.__dict__[Collider()] = lambda: "colliding key"
print(call_hello(g))
g.__dict__.clear()

# More attributes than the scan looks at: the full lookup decides.
for i in range(20):
    setattr(g, f"attr{i}", i)
print(call_hello(g), len(g.__dict__))
g.hello = lambda: "shadow in a big dict"
print(call_hello(g))
del g.hello
print(call_hello(g))

# Deleted entries (keys removed, their slots left behind) before and after.
h = Greeter()
h.a, h.b, h.hello = 1, 2, lambda: "before deletes"
del h.a, h.b
print(call_hello(h))
del h.hello
print(call_hello(h), h.__dict__)
