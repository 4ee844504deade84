# Script test for functools: reduce, partial, wraps/update_wrapper, lru_cache/cache, cmp_to_key, total_ordering.
import functools
import operator
from helper_check import attempt

print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(operator.mul, [1, 2, 3, 4], 10),
      functools.reduce(lambda acc, x: acc + [x * 2], 'abc', []), functools.reduce(max, [7]), functools.reduce(max, [], 'empty'))
print(functools.reduce(lambda a, b: a * 10 + b, iter([1, 2, 3])))
attempt('reduce empty', lambda: functools.reduce(operator.add, []))
attempt('reduce not iterable', lambda: functools.reduce(operator.add, 5))
attempt('reduce bad function', lambda: functools.reduce(1, [1, 2]))

basetwo = functools.partial(int, base=2)
print(basetwo('10010'), basetwo('11', base=10), basetwo.func is int, basetwo.args, basetwo.keywords)
add3 = functools.partial(max, 3)
print(add3(4), repr(add3), add3.args)
nested = functools.partial(functools.partial(max, 1, key=abs), -5, key=len)
print(repr(nested), nested.func is max, nested.args, nested.keywords)
print(repr(functools.partial(max)), repr(functools.partial(print, sep='-', end='!')))


def show(*args, **kwargs):
    return args, kwargs


p = functools.partial(show, 1, func='f', self='s', cls='c')
print(p(2, x=3), p(func='override'))


class MyPartial(functools.partial):
    pass


print(repr(MyPartial(max, 2)), MyPartial(max, 2)(5), isinstance(MyPartial(max), functools.partial))
attempt('partial()', lambda: functools.partial())
attempt('partial(1)', lambda: functools.partial(1))
attempt('partial call error', lambda: functools.partial(int, base=2)('12'))


def plain(a, b=2):
    """Add two numbers."""
    return a + b


plain.custom = 'kept'


def decorate(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs) * 10
    return wrapper


wrapped = decorate(plain)
print(wrapped(1), wrapped.__name__, wrapped.__qualname__, wrapped.__doc__, wrapped.__module__, wrapped.custom, wrapped.__wrapped__ is plain)


def other():
    pass


functools.update_wrapper(other, plain, assigned=('__doc__',), updated=())
print(other.__name__, other.__doc__, other.__wrapped__ is plain, hasattr(other, 'custom'))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

calls = []


@functools.lru_cache(maxsize=3)
def square(n):
    calls.append(n)
    return n * n


for n in [1, 2, 3, 1, 4, 2, 1, 1, 5]:
    square(n)
print(calls, square.cache_info(), square.cache_parameters())
square.cache_clear()
print(square.cache_info(), square(2), square.cache_info(), square.__wrapped__(9), square.__name__)


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info(), fib.cache_parameters())


@functools.lru_cache(maxsize=None)
def unbounded(x, y=0):
    calls.append((x, y))
    return x + y


calls.clear()
print(unbounded(1), unbounded(1), unbounded(1, y=0), unbounded(1, 0), unbounded(x=1), unbounded(1.0), calls, unbounded.cache_info())


@functools.lru_cache(typed=True)
def typed(x):
    calls.append(type(x).__name__)
    return x


calls.clear()
print(typed(1), typed(1.0), typed(True), typed(1), calls, typed.cache_info().currsize, typed.cache_parameters())


@functools.lru_cache(maxsize=0)
def never(x):
    return -x


print(never(1), never(1), never.cache_info())


@functools.lru_cache(maxsize=-5)
def negative(x):
    return x


negative(1)
negative(1)
print(negative.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], type(info).__name__, info._fields)
attempt('lru_cache bad maxsize', lambda: functools.lru_cache('big'))
attempt('lru_cache unhashable', lambda: unbounded([1]))


@functools.cache
def counted(n):
    calls.append(n)
    return n


calls.clear()
print(counted(3), counted(3), counted(4), calls, counted.cache_info())


def compare_length(a, b):
    return len(a) - len(b)


print(sorted(['ccc', 'a', 'bb', 'dddd', 'ee'], key=functools.cmp_to_key(compare_length)))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), min([3, 1, 2], key=functools.cmp_to_key(lambda a, b: a - b)))
k1, k2 = functools.cmp_to_key(compare_length)('ab'), functools.cmp_to_key(compare_length)('cd')
print(k1 == k2, k1 < k2, k1 <= k2, k1 > k2, k1 >= k2, k1.obj)
attempt('key compare with int', lambda: k1 < 3)
attempt('hash key', lambda: hash(k1), show_message=False)


@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f'v{self.major}.{self.minor}'


a, b, c = Version(1, 2), Version(1, 3), Version(1, 2)
print(a < b, a <= b, a > b, a >= b, a <= c, a >= c, a > c, sorted([b, a, Version(0, 9)]), max(a, b))
print(Version.__gt__.__name__, Version.__le__.__name__)
attempt('compare with str', lambda: a >= 'x')


@functools.total_ordering
class Reversed:
    def __init__(self, value):
        self.value = value

    def __gt__(self, other):
        return self.value > other.value


print(Reversed(1) < Reversed(2), Reversed(1) >= Reversed(2), Reversed(2) <= Reversed(2))


@functools.total_ordering
class FromGe:
    def __init__(self, value):
        self.value = value

    def __ge__(self, other):
        return self.value >= other.value


print(FromGe(1) < FromGe(2), FromGe(1) > FromGe(2), FromGe(2) <= FromGe(2), FromGe(3) <= FromGe(2))


class NoOrder:
    pass


attempt('total_ordering without ordering', lambda: functools.total_ordering(NoOrder))


@functools.singledispatch
def describe(x):
    return f'object {x!r}'


@describe.register(int)
def _(x):
    return f'int {x}'


@describe.register
def _(x: list):
    return f'list of {len(x)}'


def describe_str(x):
    return 'str!'


describe.register(str, describe_str)


class MyInt(int):
    pass


print(describe(1), describe(MyInt(2)), describe(True), describe([1, 2]), describe('s'), describe(2.5), describe(None))
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(float) is describe.registry[object],
      sorted(cls.__name__ for cls in describe.registry), describe.__name__)
attempt('dispatch without arguments', lambda: describe())
attempt('register(1)', lambda: describe.register(1))
attempt('register(1, len)', lambda: describe.register(1, len))


class Circle:
    def __init__(self, radius):
        self.radius = radius
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.radius ** 2


circle = Circle(2)
print(circle.area, circle.area, circle.computed, 'area' in vars(circle))
circle.area = 5
print(circle.area)
del circle.area
print(circle.area, circle.computed)
del circle.area
attempt('delete uncached', lambda: delattr(circle, 'area'))
