# lang: function decorators: plain, with arguments, stacked, preserving attributes manually
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    wrapper.__name__ = func.__name__
    return wrapper
@shout
def greet(name):
    return f"hello {name}"
print(greet("world"), greet.__name__)
def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate
@repeat(3)
def roll(x):
    return x
print(roll(6))
calls = []
def trace(label):
    def decorate(func):
        calls.append(f"decorating {func.__name__} with {label}")
        def wrapper(*args):
            calls.append(f"{label} before")
            result = func(*args)
            calls.append(f"{label} after")
            return result
        return wrapper
    return decorate
@trace("outer")
@trace("inner")
def work(x):
    calls.append(f"work({x})")
    return x * 2
print(work(5))
for line in calls:
    print(line)
