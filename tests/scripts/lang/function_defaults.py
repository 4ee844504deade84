# lang: default parameter values: evaluated once at definition, shared mutable defaults
def greet(name, greeting="Hello", punctuation="!"):
    return f"{greeting}, {name}{punctuation}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punctuation="?"))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []))
print(append_to.__defaults__)
counter = 10
def snapshot(value=counter):
    return value
counter = 20
print(snapshot())
def defaults_from_expressions(a=1 + 1, b=[i * i for i in range(3)], c=None):
    return a, b, c
print(defaults_from_expressions())
def all_default(x=None, y=()):
    return x, y
print(all_default(), all_default(y=(1,)))
def kw_defaults(*, mode="r", size=-1):
    return mode, size
print(kw_defaults(), kw_defaults(size=10), kw_defaults.__kwdefaults__)
print(greet.__defaults__, snapshot.__defaults__)
def no_defaults(a, b):
    return a + b
print(no_defaults.__defaults__, no_defaults.__kwdefaults__)
