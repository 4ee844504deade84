# stdlib/py/functools.py — the functools module: reduce, partial, wraps, lru_cache, cmp_to_key, total_ordering, singledispatch, cached_property.

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce', 'partial',
           'singledispatch', 'cached_property']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last so that a __wrapped__ in wrapped.__dict__ does not overwrite it.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


_NO_INITIAL = object()


def reduce(function, iterable, initial=_NO_INITIAL):
    try:
        iterator = iter(iterable)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    value = initial
    if value is _NO_INITIAL:
        value = next(iterator, _NO_INITIAL)
        if value is _NO_INITIAL:
            raise TypeError('reduce() of empty iterable with no initial value')
    for element in iterator:
        value = function(value, element)
    return value


class partial:
    # func travels in *args so that callers may pass a keyword argument named "func"
    # (or "cls", "self") through to the wrapped function.
    def __new__(*args, **keywords):
        if len(args) < 2:
            raise TypeError("type 'partial' takes at least one argument")
        cls, func = args[0], args[1]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        bound_args = args[2:]
        if isinstance(func, partial):
            bound_args = func.args + bound_args
            merged = dict(func.keywords)
            merged.update(keywords)
            keywords = merged
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = bound_args
        self.keywords = keywords
        return self

    def __call__(*args, **keywords):
        self = args[0]
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*(self.args + args[1:]), **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(arg) for arg in self.args)
        parts.extend(f'{key}={value!r}' for key, value in self.keywords.items())
        name = type(self).__qualname__
        if type(self).__module__ == 'functools':
            name = 'functools.' + name
        return f"{name}({', '.join(parts)})"

    def __reduce__(self):
        return (type(self), (self.func,) + self.args, self.__dict__)


_CacheInfo = None


def _cache_info_type():
    # Built on first use so that importing functools does not import collections.
    global _CacheInfo
    if _CacheInfo is None:
        from collections import namedtuple
        _CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])
    return _CacheInfo


# Separates positional from keyword arguments in a cache key, so that f(1, 'a', 2)
# and f(1, a=2) get different keys.
_KEYWORD_MARK = (object(),)
_SELF_KEYED_TYPES = (int, str)


def _make_key(args, keywords, typed):
    key = args
    if keywords:
        key += _KEYWORD_MARK
        for item in keywords.items():
            key += item
    if typed:
        key += tuple(type(value) for value in args)
        if keywords:
            key += tuple(type(value) for value in keywords.values())
    elif len(key) == 1 and type(key[0]) in _SELF_KEYED_TYPES:
        return key[0]
    return key


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The cache dict keeps keys in least- to most-recently-used order: a hit moves
    # its key to the end, and eviction removes the first key.
    cache = {}
    hits = 0
    misses = 0
    missing = object()

    if maxsize == 0:
        def wrapper(*args, **keywords):
            nonlocal misses
            misses += 1
            return user_function(*args, **keywords)
    elif maxsize is None:
        def wrapper(*args, **keywords):
            nonlocal hits, misses
            key = _make_key(args, keywords, typed)
            result = cache.get(key, missing)
            if result is not missing:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **keywords)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **keywords):
            nonlocal hits, misses
            key = _make_key(args, keywords, typed)
            result = cache.get(key, missing)
            if result is not missing:
                hits += 1
                # pop, not del: hashing a key may run Python code, and with it another
                # thread that evicts the same key.
                cache.pop(key, None)
                cache[key] = result
                return result
            misses += 1
            result = user_function(*args, **keywords)
            # A recursive call (or another thread) may have cached this key meanwhile; keep that entry.
            if key not in cache:
                if len(cache) >= maxsize:
                    cache.pop(next(iter(cache), missing), None)
                cache[key] = result
            return result

    def cache_info():
        return _cache_info_type()(hits, misses, maxsize, len(cache))

    def cache_clear():
        nonlocal hits, misses
        cache.clear()
        hits = 0
        misses = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Bare @lru_cache: the decorated function arrives as maxsize.
        return _lru_cache_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return _lru_cache_wrapper(user_function, None, False)


class KeyWrapper:
    def __init__(self, compare, obj):
        self._compare = compare
        self.obj = obj

    def _compare_with(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self._compare(self.obj, other.obj)

    def __lt__(self, other):
        return self._compare_with(other) < 0

    def __gt__(self, other):
        return self._compare_with(other) > 0

    def __eq__(self, other):
        return self._compare_with(other) == 0

    def __le__(self, other):
        return self._compare_with(other) <= 0

    def __ge__(self, other):
        return self._compare_with(other) >= 0

    __hash__ = None


def cmp_to_key(mycmp):
    def key(obj):
        return KeyWrapper(mycmp, obj)
    return key


# For each root comparison, the three others derived from it: (name, negate the
# root's result, how equality settles ties: 'and_ne', 'or_eq' or None).
_DERIVED_COMPARISONS = {
    '__lt__': [('__gt__', True, 'and_ne'), ('__le__', False, 'or_eq'), ('__ge__', True, None)],
    '__le__': [('__ge__', True, 'or_eq'), ('__lt__', False, 'and_ne'), ('__gt__', True, None)],
    '__gt__': [('__lt__', True, 'and_ne'), ('__ge__', False, 'or_eq'), ('__le__', True, None)],
    '__ge__': [('__le__', True, 'or_eq'), ('__gt__', False, 'and_ne'), ('__lt__', True, None)],
}


def _derived_comparison(root, negate, tie):
    def comparison(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        if negate:
            result = not result
        if tie == 'and_ne':
            return result and self != other
        if tie == 'or_eq':
            return result or self == other
        return result
    return comparison


def total_ordering(cls):
    roots = [name for name in _DERIVED_COMPARISONS
             if getattr(cls, name, None) is not getattr(object, name, None)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)  # prefers __lt__, then __le__, __gt__, __ge__
    for name, negate, tie in _DERIVED_COMPARISONS[root]:
        if name not in roots:
            comparison = _derived_comparison(root, negate, tie)
            comparison.__name__ = name
            setattr(cls, name, comparison)
    return cls


def singledispatch(func):
    """A generic function dispatching on the class of its first argument.

    Implementations are found along the argument class's __mro__ (abstract base
    classes registered with ABCMeta.register are not consulted)."""
    registry = {object: func}
    dispatch_cache = {}
    funcname = getattr(func, '__name__', 'singledispatch function')

    def dispatch(cls):
        implementation = dispatch_cache.get(cls)
        if implementation is None:
            for base in cls.__mro__:
                if base in registry:
                    implementation = registry[base]
                    break
            dispatch_cache[cls] = implementation
        return implementation

    def register(cls, func=None):
        if isinstance(cls, type):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f'Invalid first argument to `register()`. {cls!r} is not a class or union type.')
            annotations = getattr(cls, '__annotations__', {})
            if not annotations:
                raise TypeError(f'Invalid first argument to `register()`: {cls!r}. Use either '
                                f'`@register(some_class)` or plain `@register` on an annotated function.')
            func = cls
            argument_name, cls = next(iter(annotations.items()))
            if not isinstance(cls, type):
                raise TypeError(f'Invalid annotation for {argument_name!r}. {cls!r} is not a class.')
        registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


def cached_property(func):
    """A property computed once per instance, then kept in the instance's __dict__.

    Built on property (chaipy has no other descriptors): assignment and deletion
    work on the cached value as with CPython's cached_property."""
    name = func.__name__

    def get(instance):
        cache = instance.__dict__
        if name in cache:
            return cache[name]
        value = func(instance)
        cache[name] = value
        return value

    def set_value(instance, value):
        instance.__dict__[name] = value

    def delete(instance):
        try:
            del instance.__dict__[name]
        except KeyError:
            raise AttributeError(f"'{type(instance).__name__}' object has no attribute '{name}'") from None

    return property(get, set_value, delete, func.__doc__)
