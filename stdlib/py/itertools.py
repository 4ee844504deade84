# stdlib/py/itertools.py — the itertools module: iterator building blocks as generators.
#
# Each public function checks its arguments and calls iter() at once, as CPython's
# iterator constructors do, then hands over to a generator that does the work lazily.

import sys
from operator import index as _as_index

_MISSING = object()


def _is_number(value):
    if isinstance(value, (int, float)):
        return True
    kind = type(value)
    return (hasattr(kind, '__index__') or hasattr(kind, '__int__') or hasattr(kind, '__float__')
            or hasattr(kind, '__complex__'))


def count(start=0, step=1):
    if not _is_number(start) or not _is_number(step):
        raise TypeError('a number is required')
    return _count(start, step)


def _count(value, step):
    while True:
        yield value
        value += step


def cycle(iterable):
    return _cycle(iter(iterable))


def _cycle(iterator):
    saved = []
    for element in iterator:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        yield from saved


def repeat(object, times=_MISSING):
    if times is _MISSING:
        return _repeat_forever(object)
    return _repeat(object, _as_index(times))


def _repeat_forever(value):
    while True:
        yield value


def _repeat(value, times):
    for _ in range(times):
        yield value


def _chain(iterables):
    for iterable in iterables:
        yield from iterable


def chain(*iterables):
    return _chain(iterables)


def _chain_from_iterable(iterables):
    return _chain(iter(iterables))


chain.from_iterable = _chain_from_iterable


def _islice_bound(value):
    """value as a machine-size integer, or -1 when it is not one (as CPython's PyNumber_AsSsize_t)."""
    if not isinstance(value, int) and getattr(type(value), '__index__', None) is None:
        return -1
    value = _as_index(value)
    return value if -sys.maxsize - 1 <= value <= sys.maxsize else -1


_ISLICE_STOP_ERROR = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'


def islice(iterable, *args):
    if not args:
        raise TypeError('islice expected at least 2 arguments, got 1')
    if len(args) > 3:
        raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
    start, stop, step = 0, -1, 1
    if len(args) == 1:
        if args[0] is not None:
            stop = _islice_bound(args[0])
            if stop == -1:
                raise ValueError(_ISLICE_STOP_ERROR)
    else:
        if args[0] is not None:
            start = _islice_bound(args[0])
        if args[1] is not None:
            stop = _islice_bound(args[1])
            if stop == -1:
                raise ValueError(_ISLICE_STOP_ERROR)
    if start < 0 or stop < -1:
        raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if len(args) == 3 and args[2] is not None:
        step = _islice_bound(args[2])
    if step < 1:
        raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, None if stop == -1 else stop, step)


def _islice(iterator, wanted, stop, step):
    # Consumes exactly the items CPython's islice consumes: up to the next wanted
    # position, and nothing once stop is reached.
    consumed = 0
    while True:
        while consumed < wanted:
            if next(iterator, _MISSING) is _MISSING:
                return
            consumed += 1
        if stop is not None and consumed >= stop:
            return
        item = next(iterator, _MISSING)
        if item is _MISSING:
            return
        consumed += 1
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop
        yield item


def product(*iterables, repeat=1):
    repeat = _as_index(repeat)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(iterable) for iterable in iterables] * repeat
    return _product(pools)


def _product(pools):
    for pool in pools:
        if not pool:
            return
    width = len(pools)
    indices = [0] * width
    current = [pool[0] for pool in pools]
    yield tuple(current)
    while True:
        position = width - 1
        while position >= 0 and indices[position] == len(pools[position]) - 1:
            position -= 1
        if position < 0:
            return
        indices[position] += 1
        current[position] = pools[position][indices[position]]
        for later in range(position + 1, width):
            indices[later] = 0
            current[later] = pools[later][0]
        yield tuple(current)


def _check_r(r):
    r = _as_index(r)
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    elif not isinstance(r, int):
        raise TypeError('Expected int as r')
    elif r < 0:
        raise ValueError('r must be non-negative')
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        position = r - 1
        while position >= 0:
            cycles[position] -= 1
            if cycles[position] == 0:
                indices[position:] = indices[position + 1:] + indices[position:position + 1]
                cycles[position] = n - position
                position -= 1
            else:
                swap = cycles[position]
                indices[position], indices[-swap] = indices[-swap], indices[position]
                yield tuple(pool[i] for i in indices[:r])
                break
        if position < 0:
            return


def combinations(iterable, r):
    return _combinations(tuple(iterable), _check_r(r))


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        position = r - 1
        while position >= 0 and indices[position] == position + n - r:
            position -= 1
        if position < 0:
            return
        indices[position] += 1
        for later in range(position + 1, r):
            indices[later] = indices[later - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    return _combinations_with_replacement(tuple(iterable), _check_r(r))


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        position = r - 1
        while position >= 0 and indices[position] == n - 1:
            position -= 1
        if position < 0:
            return
        indices[position:] = [indices[position] + 1] * (r - position)
        yield tuple(pool[i] for i in indices)


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _accumulate(iterator, func, total):
    if total is None:
        total = next(iterator, _MISSING)
        if total is _MISSING:
            return
    yield total
    for element in iterator:
        total = total + element if func is None else func(total, element)
        yield total


def groupby(iterable, key=None):
    return _groupby(iter(iterable), key)


def _groupby(iterator, keyfunc):
    # Shared state between the outer generator and its groups. A group only
    # advances the shared iterator while it is the newest group, and fetches one
    # item at a time, as CPython's groupby does.
    current_value = _MISSING
    current_key = _MISSING
    newest_group = None

    def step():
        nonlocal current_value, current_key
        item = next(iterator, _MISSING)
        if item is _MISSING:
            return False
        current_value = item
        current_key = item if keyfunc is None else keyfunc(item)
        return True

    def group(target, token):
        nonlocal current_value
        while newest_group is token:
            if current_value is _MISSING and not step():
                return
            if not target == current_key:
                return
            item = current_value
            current_value = _MISSING
            yield item

    target = _MISSING
    while True:
        newest_group = None
        while current_key is _MISSING or (target is not _MISSING and target == current_key):
            if not step():
                return
        target = current_key
        newest_group = object()
        yield current_key, group(target, newest_group)


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(iterable) for iterable in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for index, iterator in enumerate(iterators):
            value = next(iterator, _MISSING)
            if value is _MISSING:
                active -= 1
                if not active:
                    return
                iterators[index] = _repeat_forever(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _starmap(function, iterator):
    for args in iterator:
        if type(args) is not tuple:
            args = tuple(args)
        yield function(*args)


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, iterator):
    for element in iterator:
        if not predicate(element):
            return
        yield element


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, iterator):
    for element in iterator:
        if not predicate(element):
            yield element
            break
    yield from iterator


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


def _filterfalse(predicate, iterator):
    if predicate is None:
        predicate = bool
    for element in iterator:
        if not predicate(element):
            yield element


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for element, selector in zip(data, selectors):
        if selector:
            yield element


def tee(iterable, n=2):
    n = _as_index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    iterator = iter(iterable)
    # The branches walk one shared singly linked list of [value, next link] cells,
    # so an item is kept only until the slowest branch has passed it.
    head = [None, None]
    return tuple(_tee_branch(iterator, head) for _ in range(n))


def _tee_branch(iterator, link):
    while True:
        following = link[1]
        if following is None:
            value = next(iterator, _MISSING)
            if value is _MISSING:
                return
            following = [value, None]
            link[1] = following
        link = following
        yield link[0]


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _pairwise(iterator):
    previous = next(iterator, _MISSING)
    if previous is _MISSING:
        return
    for element in iterator:
        yield previous, element
        previous = element
