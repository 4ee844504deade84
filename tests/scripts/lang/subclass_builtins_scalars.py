# lang: subclassing int, str and float: extra methods, operator results are base types
class Celsius(float):
    def to_fahrenheit(self):
        return self * 9 / 5 + 32
c = Celsius(100)
print(c, c.to_fahrenheit(), type(c).__name__, type(c + 1).__name__, isinstance(c, float))
class Even(int):
    def __new__(cls, value):
        if value % 2:
            raise ValueError(f"{value} is odd")
        return super().__new__(cls, value)
    def half(self):
        return self // 2
e = Even(10)
print(e, e.half(), e + 1, type(e + 1).__name__, e == 10, hash(e) == hash(10))
try:
    Even(3)
except ValueError as ex:
    print("ValueError:", ex)
class Tag(str):
    def wrap(self):
        return f"<{self}>"
t = Tag("div")
print(t.wrap(), t.upper(), type(t.upper()).__name__, t + "x", type(t + "x").__name__, len(t))
print(t == "div", {t: 1}["div"], repr(t))
class ReprInt(int):
    def __repr__(self):
        return f"ReprInt({int(self)})"
r = ReprInt(5)
print(r, repr(r), [r], str(r), f"{r}", r * 2)
class Bool(int):
    def __bool__(self):
        return True
print(bool(Bool(0)), Bool(0) + 0)
class Text(str):
    def __str__(self):
        return "custom str"
print(Text("raw"), str(Text("raw")), Text("raw") + "!")
