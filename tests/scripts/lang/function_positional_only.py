# lang: positional-only parameters marked with /
def power(base, exponent, /):
    return base ** exponent
print(power(2, 10))
try:
    power(base=2, exponent=10)
except TypeError as e:
    print("TypeError:", e)
def mixed(a, b=2, /, c=3, *, d=4):
    return a, b, c, d
print(mixed(1), mixed(1, 20), mixed(1, 20, 30), mixed(1, c=30, d=40))
try:
    mixed(1, b=5)
except TypeError as e:
    print("TypeError:", e)
def name_reuse(name, /, **kwargs):
    return name, kwargs
print(name_reuse("positional", name="keyword"))
def only_slash(x, /):
    return x * 2
print(only_slash(21))
try:
    only_slash()
except TypeError as e:
    print("TypeError:", e)
