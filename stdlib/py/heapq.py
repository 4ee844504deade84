# stdlib/py/heapq.py — the heapq module: binary min-heaps on plain lists, merge, nlargest, nsmallest.

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _require_list(heap, function_name, argument='argument'):
    if not isinstance(heap, list):
        raise TypeError(f'{function_name}() {argument} must be list, not {type(heap).__name__}')


# The sift routines follow CPython's exactly (bubble the smaller child up to a leaf,
# then sift the new item back down) so that heaps keep the same layout as under CPython.
def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def heappush(heap, item):
    _require_list(heap, 'heappush', 'argument 1')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    _require_list(heap, 'heappop')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    _require_list(heap, 'heapreplace', 'argument 1')
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item):
    _require_list(heap, 'heappushpop', 'argument 1')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(heap):
    _require_list(heap, 'heapify')
    for index in reversed(range(len(heap) // 2)):
        _siftup(heap, index)


class _Reversed:
    """Wraps a sort key so that a min-heap yields the largest key first."""

    def __init__(self, key):
        self.key = key

    def __lt__(self, other):
        return other.key < self.key

    def __eq__(self, other):
        return self.key == other.key


def merge(*iterables, key=None, reverse=False):
    def sort_key(value):
        order_key = value if key is None else key(value)
        return _Reversed(order_key) if reverse else order_key

    # Entries are [sort key, input number, value, iterator]: the input number breaks
    # ties so that equal values come out in the order of their inputs.
    heap = []
    exhausted = object()
    for order, iterable in enumerate(iterables):
        iterator = iter(iterable)
        value = next(iterator, exhausted)
        if value is not exhausted:
            heap.append([sort_key(value), order, value, iterator])
    heapify(heap)
    while len(heap) > 1:
        entry = heap[0]
        yield entry[2]
        value = next(entry[3], exhausted)
        if value is exhausted:
            heappop(heap)
        else:
            entry[0] = sort_key(value)
            entry[2] = value
            heapreplace(heap, entry)
    if heap:
        yield heap[0][2]
        yield from heap[0][3]


def _select(n, iterable, key, largest):
    """The n first items of sorted(iterable, key=key, reverse=largest), in O(len * log n).

    Items are decorated as (key, position, item) with the position negated when
    largest, so that equal keys keep their input order after a reversed sort
    and the items themselves are never compared."""
    if n == 1:
        missing = object()
        pick = max if largest else min
        best = pick(iterable, default=missing, key=key)
        return [] if best is missing else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    if n <= 0:
        return []
    sign = -1 if largest else 1
    kept = []
    threshold = None
    for position, item in enumerate(iterable):
        item_key = item if key is None else key(item)
        if threshold is not None:
            if largest:
                if not threshold < item_key:
                    continue
            elif not item_key < threshold:
                continue
        kept.append((item_key, sign * position, item))
        if len(kept) >= 2 * n:
            kept.sort(reverse=largest)
            del kept[n:]
            threshold = kept[-1][0]
    kept.sort(reverse=largest)
    return [entry[2] for entry in kept[:n]]


def nsmallest(n, iterable, key=None):
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    return _select(n, iterable, key, True)
