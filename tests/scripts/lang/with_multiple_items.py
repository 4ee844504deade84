# lang: with statements managing several context managers, including nesting order
class Manager:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter
    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError(f"cannot enter {self.name}")
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc_info):
        print("exit", self.name, exc_info[0].__name__ if exc_info[0] else None)
with Manager("one") as a, Manager("two") as b:
    print("body", a, b)
with (Manager("x") as x,
      Manager("y") as y):
    print("parenthesized", x, y)
try:
    with Manager("outer"), Manager("inner"):
        raise ValueError("in body")
except ValueError as e:
    print("caught", e)
try:
    with Manager("good"), Manager("bad", fail_enter=True), Manager("never"):
        print("not reached")
except RuntimeError as e:
    print("caught", e)
with Manager("p"):
    with Manager("q"):
        print("nested blocks")
