# stdlib/py/operator.py — the operator module: Python's operators as functions, plus itemgetter, attrgetter, methodcaller.

__all__ = ['abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains', 'countOf',
           'delitem', 'eq', 'floordiv', 'ge', 'getitem', 'gt', 'iadd', 'iand',
           'iconcat', 'ifloordiv', 'ilshift', 'imatmul', 'imod', 'imul',
           'index', 'indexOf', 'inv', 'invert', 'ior', 'ipow', 'irshift',
           'is_', 'is_not', 'isub', 'itemgetter', 'itruediv', 'ixor', 'le',
           'length_hint', 'lshift', 'lt', 'matmul', 'methodcaller', 'mod',
           'mul', 'ne', 'neg', 'not_', 'or_', 'pos', 'pow', 'rshift',
           'setitem', 'sub', 'truediv', 'truth', 'xor']

# Captured before this module's own abs shadows the builtin.
_builtin_abs = abs


def lt(a, b):
    return a < b


def le(a, b):
    return a <= b


def eq(a, b):
    return a == b


def ne(a, b):
    return a != b


def ge(a, b):
    return a >= b


def gt(a, b):
    return a > b


def not_(a):
    return not a


def truth(a):
    return True if a else False


def is_(a, b):
    return a is b


def is_not(a, b):
    return a is not b


def abs(a):
    return _builtin_abs(a)


def add(a, b):
    return a + b


def and_(a, b):
    return a & b


def floordiv(a, b):
    return a // b


def _not_an_integer(obj):
    return TypeError(f"'{type(obj).__name__}' object cannot be interpreted as an integer")


def index(a):
    method = getattr(type(a), '__index__', None)
    if method is None:
        raise _not_an_integer(a)
    return method(a)


def inv(a):
    return ~a


invert = inv


def lshift(a, b):
    return a << b


def mod(a, b):
    return a % b


def mul(a, b):
    return a * b


def matmul(a, b):
    return a @ b


def neg(a):
    return -a


def or_(a, b):
    return a | b


def pos(a):
    return +a


def pow(a, b):
    return a ** b


def rshift(a, b):
    return a >> b


def sub(a, b):
    return a - b


def truediv(a, b):
    return a / b


def xor(a, b):
    return a ^ b


def _require_sequence(obj):
    if not hasattr(obj, '__getitem__'):
        raise TypeError(f"'{type(obj).__name__}' object can't be concatenated")


def concat(a, b):
    _require_sequence(a)
    return a + b


def contains(a, b):
    return b in a


def _iterate(obj):
    try:
        return iter(obj)
    except TypeError:
        raise TypeError(f"argument of type '{type(obj).__name__}' is not iterable") from None


def countOf(a, b):
    count = 0
    for item in _iterate(a):
        if item is b or item == b:
            count += 1
    return count


def delitem(a, b):
    del a[b]


def getitem(a, b):
    return a[b]


def indexOf(a, b):
    position = 0
    for item in _iterate(a):
        if item is b or item == b:
            return position
        position += 1
    raise ValueError('sequence.index(x): x not in sequence')


def setitem(a, b, c):
    a[b] = c


def length_hint(obj, default=0):
    if not isinstance(default, int):
        raise _not_an_integer(default)
    try:
        return len(obj)
    except TypeError:
        pass
    hint = getattr(type(obj), '__length_hint__', None)
    if hint is None:
        return default
    try:
        value = hint(obj)
    except TypeError:
        return default
    if value is NotImplemented:
        return default
    if not isinstance(value, int):
        raise TypeError(f'__length_hint__ must be integer, not {type(value).__name__}')
    if value < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return value


def call(obj, *args, **kwargs):
    return obj(*args, **kwargs)


def iadd(a, b):
    a += b
    return a


def iand(a, b):
    a &= b
    return a


def iconcat(a, b):
    _require_sequence(a)
    a += b
    return a


def ifloordiv(a, b):
    a //= b
    return a


def ilshift(a, b):
    a <<= b
    return a


def imod(a, b):
    a %= b
    return a


def imul(a, b):
    a *= b
    return a


def imatmul(a, b):
    a @= b
    return a


def ior(a, b):
    a |= b
    return a


def ipow(a, b):
    a **= b
    return a


def irshift(a, b):
    a >>= b
    return a


def isub(a, b):
    a -= b
    return a


def itruediv(a, b):
    a /= b
    return a


def ixor(a, b):
    a ^= b
    return a


def _resolve_dotted(obj, dotted_name):
    for name in dotted_name.split('.'):
        obj = getattr(obj, name)
    return obj


class attrgetter:
    def __init__(self, attr, *attrs):
        names = (attr,) + attrs
        for name in names:
            if not isinstance(name, str):
                raise TypeError('attribute name must be a string')
        self._attrs = names

    def __call__(self, obj):
        if len(self._attrs) == 1:
            return _resolve_dotted(obj, self._attrs[0])
        return tuple(_resolve_dotted(obj, name) for name in self._attrs)

    def __repr__(self):
        return f"operator.attrgetter({', '.join(map(repr, self._attrs))})"

    def __reduce__(self):
        return (type(self), self._attrs)


class itemgetter:
    def __init__(self, *items):
        if not items:
            raise TypeError('itemgetter expected 1 argument, got 0')
        self._items = items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[item] for item in self._items)

    def __repr__(self):
        return f"operator.itemgetter({', '.join(map(repr, self._items))})"

    def __reduce__(self):
        return (type(self), self._items)


class methodcaller:
    # The method name travels in *args so that a keyword argument called "name" reaches the method.
    def __init__(*args, **kwargs):
        if len(args) < 2:
            raise TypeError('methodcaller needs at least one argument, the method name')
        self = args[0]
        if not isinstance(args[1], str):
            raise TypeError('method name must be a string')
        self._name = args[1]
        self._args = args[2:]
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        parts.extend(map(repr, self._args))
        parts.extend(f'{key}={value!r}' for key, value in self._kwargs.items())
        return f"operator.methodcaller({', '.join(parts)})"
