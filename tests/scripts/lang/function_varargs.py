# lang: *args and **kwargs collection, forwarding and their types
def collect(*args, **kwargs):
    return args, kwargs
print(collect())
print(collect(1, "two", [3]))
print(collect(a=1, b=2))
print(collect(1, 2, c=3, d=4))
args, kwargs = collect(1, x=1)
print(type(args).__name__, type(kwargs).__name__)
def forward(*args, **kwargs):
    return collect(*args, **kwargs)
print(forward(5, 6, key="value"))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))
def options(required, **options):
    return required, sorted(options)
print(options("r", verbose=True, debug=False, level=3))
def wrapper(func, *args, **kwargs):
    print("calling", func.__name__, "with", args, kwargs)
    return func(*args, **kwargs)
print(wrapper(max, 3, 7, 5))
print(wrapper(sorted, [3, 1, 2], reverse=True))
def count_args(*a, **k):
    return len(a), len(k)
print(count_args(*range(10), **{str(i): i for i in range(4)}))
def modify(*args):
    try:
        args[0] = 1
    except TypeError as e:
        return str(e)
print(modify(0))
