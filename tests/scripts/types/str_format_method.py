# types: str.format with positional, keyword, indexed, attribute and spec fields
print("{} and {}".format("a", "b"), "{1} then {0}".format("first", "second"), "{0}{0}".format("echo"))
print("{name} is {age}".format(name="Ann", age=30), "{0[1]} {1[key]}".format([1, 2], {"key": "v"}))
class Point:
    x = 3
    y = 4
print("({p.x}, {p.y})".format(p=Point()), "{0.x}".format(Point))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:*^9}".format("mid"))
print("{:.3f} {:e} {:,} {:08.2f} {:+d} {:x}".format(3.14159, 12345.678, 1234567, -3.5, 7, 255))
print("{0:{1}} {2:{3}.{4}f}|".format("w", 5, 2.71828, 8, 2))
print("{!r} {!s} {!a}".format("q", "q", "\u00e9"))
print("{{escaped}} {}".format("value"), "{}%".format(50))
print("{0:b} {0:o} {0:#x} {0:c}".format(65))
data = {"user": "bob", "items": [10, 20]}
print("{user} has {items[0]} and {items[1]}".format(**data))
print("{:10.4}|{:<6d}|{:^+7.1f}|".format("truncate", 42, 2.25))
print("{0}-{1}-{0}".format(*"xy"), "{a}{b}".format_map({"a": 1, "b": 2}))
for bad in ("{", "{0}{", "{x}"):
    try:
        bad.format(1)
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__ + ":", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
