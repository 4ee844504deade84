# lang: the with statement: __enter__ value, __exit__ arguments, ordering
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc), tb is not None)
        return False
with Resource("a") as value:
    print("inside with", value)
with Resource("b"):
    print("without as")
try:
    with Resource("c") as v:
        raise KeyError("boom")
except KeyError as e:
    print("propagated", repr(e))
def early_return():
    with Resource("d"):
        return "returned from with"
print(early_return())
for i in range(2):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        break
class Target:
    pass
t = Target()
with Resource("e") as t.attr:
    pass
print(t.attr)
with Resource("f") as (first, *rest):
    print(first, rest)
