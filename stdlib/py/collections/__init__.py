# stdlib/py/collections/__init__.py — the collections module: deque, defaultdict, namedtuple, Counter, OrderedDict, ChainMap.

import sys
from operator import index as _as_index

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']

_MISSING = object()

# ids of the containers whose repr is being built, so that a container holding
# itself prints as [...] instead of recursing forever.
_repr_in_progress = set()


def _guarded_repr(container, build):
    key = id(container)
    if key in _repr_in_progress:
        return '[...]'
    _repr_in_progress.add(key)
    try:
        return build()
    finally:
        _repr_in_progress.discard(key)


def _is_mapping(obj):
    if isinstance(obj, dict):
        return True
    kind = type(obj)
    return hasattr(kind, 'keys') and hasattr(kind, 'items') and hasattr(kind, '__getitem__')


################################################################################
# deque

class deque:
    """A double-ended queue held in a growable ring buffer.

    Items live in self._ring[(self._head + i) % len(self._ring)] for i < self._size.
    self._state counts structural changes so that iterators can detect them.

    append, appendleft, pop, popleft, extend and extendleft are atomic under
    chaipy's GIL, as CPython's C deque is: threads switch only at Python-level
    calls and backward jumps, and these methods make no such call or loop between
    reading the ring and writing it back (the one call, to _compact, comes first
    and leaves the deque consistent). The other mutators are not atomic."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._ring = [None] * 8
        self._head = 0
        self._size = 0
        self._state = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _ordered(self):
        ring, head, end = self._ring, self._head, self._head + self._size
        if end <= len(ring):
            return ring[head:end]
        return ring[head:] + ring[:end - len(ring)]

    def _reset(self, items):
        self._ring = items + [None] * (len(items) // 2 + 8)
        self._head = 0
        self._size = len(items)
        self._state += 1

    def _compact(self):
        """Unroll the ring to start at 0, with half as much room again (at least 8) spare."""
        items = self._ordered()
        self._ring = items + [None] * (len(items) // 2 + 8)
        self._head = 0

    def append(self, x):
        if self._size == len(self._ring):
            self._compact()
        ring, head, size = self._ring, self._head, self._size
        # Kept until the method returns, so that freeing it cannot run code mid-update.
        dropped = None
        if size == self._maxlen:
            if not size:
                return
            dropped = ring[head]
            ring[head] = None
            head = (head + 1) % len(ring)
            self._head = head
            size -= 1
        ring[(head + size) % len(ring)] = x
        self._size = size + 1
        self._state += 1

    def appendleft(self, x):
        if self._size == len(self._ring):
            self._compact()
        ring, head, size = self._ring, self._head, self._size
        dropped = None
        if size == self._maxlen:
            if not size:
                return
            last = (head + size - 1) % len(ring)
            dropped = ring[last]
            ring[last] = None
            size -= 1
        head = (head - 1) % len(ring)
        ring[head] = x
        self._head = head
        self._size = size + 1
        self._state += 1

    def pop(self):
        if len(self._ring) > 64 and self._size * 4 < len(self._ring):
            self._compact()
        ring, size = self._ring, self._size
        if not size:
            raise IndexError('pop from an empty deque')
        position = (self._head + size - 1) % len(ring)
        item = ring[position]
        ring[position] = None
        self._size = size - 1
        self._state += 1
        return item

    def popleft(self):
        if len(self._ring) > 64 and self._size * 4 < len(self._ring):
            self._compact()
        ring, head, size = self._ring, self._head, self._size
        if not size:
            raise IndexError('pop from an empty deque')
        item = ring[head]
        ring[head] = None
        self._head = (head + 1) % len(ring)
        self._size = size - 1
        self._state += 1
        return item

    # Extending by more items than the deque holds splices them into the unrolled
    # ring in one go; shorter extensions append one by one.
    def extend(self, iterable):
        items = list(iterable)
        if len(items) <= self._size:
            for item in items:
                self.append(item)
            return
        self._compact()
        ring, size = self._ring, self._size
        ring[size:size] = items
        size += len(items)
        if self._maxlen is not None and size > self._maxlen:
            del ring[:size - self._maxlen]
            size = self._maxlen
        self._size = size
        self._state += 1

    def extendleft(self, iterable):
        items = list(iterable)
        if len(items) <= self._size:
            for item in items:
                self.appendleft(item)
            return
        items.reverse()
        self._compact()
        ring, size = self._ring, self._size
        ring[:0] = items
        size += len(items)
        if self._maxlen is not None and size > self._maxlen:
            del ring[self._maxlen:size]
            size = self._maxlen
        self._size = size
        self._state += 1

    def clear(self):
        self._reset([])

    def rotate(self, n=1):
        n = _as_index(n)
        size = self._size
        if size <= 1:
            return
        n %= size
        # Move whichever side is shorter; the ring keeps its size, so no copying.
        if n <= size // 2:
            for _ in range(n):
                self.appendleft(self.pop())
        else:
            for _ in range(size - n):
                self.append(self.popleft())

    def reverse(self):
        items = self._ordered()
        items.reverse()
        self._reset(items)

    def count(self, x):
        total = 0
        for item in self:
            if item is x or item == x:
                total += 1
        return total

    def index(self, x, start=0, stop=sys.maxsize):
        size = self._size
        start = _as_index(start)
        stop = _as_index(stop)
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        stop = min(stop, size)
        state = self._state
        for position in range(start, stop):
            item = self._ring[(self._head + position) % len(self._ring)]
            if item is x or item == x:
                return position
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError(f'{x!r} is not in deque')

    def remove(self, value):
        position = self.index(value)
        del self[position]

    def insert(self, i, x):
        if self._size == self._maxlen:
            raise IndexError('deque already at its maximum size')
        items = self._ordered()
        items.insert(i, x)
        self._reset(items)

    def copy(self):
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def _position(self, index):
        if not isinstance(index, int):
            if getattr(type(index), '__index__', None) is None:
                raise TypeError(f"sequence index must be integer, not '{type(index).__name__}'")
            index = _as_index(index)
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError('deque index out of range')
        return (self._head + index) % len(self._ring)

    # The ring is read after _position returns: a thread switch at that call may replace it.
    def __getitem__(self, index):
        position = self._position(index)
        return self._ring[position]

    def __setitem__(self, index, value):
        position = self._position(index)
        self._ring[position] = value

    def __delitem__(self, index):
        self._position(index)
        items = self._ordered()
        del items[index]
        self._reset(items)

    def __len__(self):
        return self._size

    def _walk(self, offsets):
        state = self._state
        for offset in offsets:
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
            yield self._ring[(self._head + offset) % len(self._ring)]
        if self._state != state:
            raise RuntimeError('deque mutated during iteration')

    def __iter__(self):
        return self._walk(range(self._size))

    def __reversed__(self):
        return self._walk(range(self._size - 1, -1, -1))

    def __contains__(self, x):
        for item in self:
            if item is x or item == x:
                return True
        return False

    def __repr__(self):
        def build():
            items = repr(self._ordered())
            if self._maxlen is None:
                return f'{type(self).__name__}({items})'
            return f'{type(self).__name__}({items}, maxlen={self._maxlen})'
        return _guarded_repr(self, build)

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.copy()
        result *= n
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _as_index(n)
        if n <= 0:
            self.clear()
        elif n > 1:
            self.extend(self._ordered() * (n - 1))
        return self

    def _compare(self, other, compare):
        if not isinstance(other, deque):
            return NotImplemented
        return compare(self._ordered(), other._ordered())

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None

    def __reduce__(self):
        # The items come as an iterator so that copy.deepcopy registers the new
        # deque in its memo before copying items that may refer back to it.
        args = () if self._maxlen is None else ((), self._maxlen)
        return (type(self), args, None, iter(self._ordered()))


################################################################################
# defaultdict

class defaultdict(dict):
    # The factory travels in *args so that keyword arguments all go to the dict.
    def __init__(*args, **kwargs):
        self = args[0]
        factory = args[1] if len(args) > 1 else None
        if factory is not None and not callable(factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = factory
        dict.__init__(self, *args[2:], **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return f'{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return (type(self), (self.default_factory,), None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        result.update(self)
        return result


################################################################################
# namedtuple

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
    'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
    'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])


def _quoted_names(names):
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _bind_fields(typename, fields, positions, defaults, args, kwargs):
    """The field values for a namedtuple built from args and kwargs, with the
    TypeErrors CPython's generated __new__(cls, field, ...) would raise."""
    count = len(fields)
    values = list(args[:count])
    values.extend([_MISSING] * (count - len(values)))
    for name, value in kwargs.items():
        position = positions.get(name)
        if position is None:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
        if position < len(args):
            raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
        values[position] = value
    if len(args) > count:
        if defaults:
            takes = f'from {count - len(defaults) + 1} to {count + 1} positional arguments'
        else:
            takes = f"{count + 1} positional argument{'s' if count else ''}"
        raise TypeError(f'{typename}.__new__() takes {takes} but {len(args) + 1} were given')
    first_default = count - len(defaults)
    missing = []
    for position in range(count):
        if values[position] is _MISSING:
            if position >= first_default:
                values[position] = defaults[position - first_default]
            else:
                missing.append(fields[position])
    if missing:
        plural = 's' if len(missing) > 1 else ''
        raise TypeError(f'{typename}.__new__() missing {len(missing)} required positional '
                        f'argument{plural}: {_quoted_names(missing)}')
    return values


def _refuse_field_assignment(self, value):
    raise AttributeError("can't set attribute")


def _refuse_field_deletion(self):
    raise AttributeError("can't delete attribute")


def _field_property(position):
    def get_field(self):
        return self[position]
    return property(get_field, _refuse_field_assignment, _refuse_field_deletion)


def _check_names(typename, field_names, rename):
    if rename:
        seen = set()
        for position, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[position] = f'_{position}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = str(typename)
    _check_names(typename, field_names, rename)

    field_defaults = {}
    default_values = ()
    if defaults is not None:
        default_values = tuple(defaults)
        if len(default_values) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[len(field_names) - len(default_values):], default_values))

    fields = tuple(field_names)
    field_count = len(fields)
    positions = {name: position for position, name in enumerate(fields)}
    # Like CPython: the class belongs to the caller's module, so that pickle finds it.
    if module is None:
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = __name__
    class_doc = f"{typename}({', '.join(fields)}{',' if field_count == 1 else ''})"

    class NamedTuple(tuple):
        # Set in the body: __module__ and __doc__ of a class are read-only afterwards in chaipy.
        __module__ = module
        __qualname__ = typename
        __doc__ = class_doc
        __slots__ = ()
        _fields = fields
        _field_defaults = field_defaults
        __match_args__ = fields

        # cls travels in *args so that a field may be called "cls".
        def __new__(*args, **kwargs):
            cls, args = args[0], args[1:]
            if not kwargs and len(args) == field_count:
                return tuple.__new__(cls, args)
            return tuple.__new__(cls, _bind_fields(typename, fields, positions, default_values, args, kwargs))

        @classmethod
        def _make(cls, iterable):
            result = tuple.__new__(cls, iterable)
            if len(result) != field_count:
                raise TypeError(f'Expected {field_count} arguments, got {len(result)}')
            return result

        # self travels in *args so that a field may be called "self".
        def _replace(*args, **changes):
            self = args[0]
            values = [changes.pop(name, value) for name, value in zip(fields, self)]
            if changes:
                raise ValueError(f'Got unexpected field names: {list(changes)!r}')
            return self._make(values)

        def __repr__(self):
            pairs = ', '.join(f'{name}={value!r}' for name, value in zip(fields, self))
            return f'{self.__class__.__name__}({pairs})'

        def _asdict(self):
            return dict(zip(fields, self))

        def __getnewargs__(self):
            return tuple(self)

    for position, name in enumerate(fields):
        setattr(NamedTuple, name, _field_property(position))
    NamedTuple.__name__ = typename
    return NamedTuple


################################################################################
# Counter

class Counter(dict):
    # The source travels in *args so that keyword counts may use any name.
    def __init__(*args, **kwds):
        if len(args) > 2:
            raise TypeError(f'expected at most 1 argument, got {len(args) - 1}')
        self = args[0]
        dict.__init__(self)
        self.update(*args[1:], **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ranked = sorted(self.items(), key=lambda item: item[1], reverse=True)
        if n is None:
            return ranked
        return ranked[:max(n, 0)]

    def elements(self):
        for element, count in self.items():
            for _ in range(count):
                yield element

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError('Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(*args, **kwds):
        self = args[0]
        source = args[1] if len(args) > 1 else None
        if source is not None:
            if _is_mapping(source):
                if self:
                    for element, count in source.items():
                        self[element] = count + self.get(element, 0)
                else:
                    dict.update(self, source)
            else:
                for element in source:
                    self[element] = self.get(element, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(*args, **kwds):
        self = args[0]
        source = args[1] if len(args) > 1 else None
        if source is not None:
            if _is_mapping(source):
                for element, count in source.items():
                    self[element] = self.get(element, 0) - count
            else:
                for element in source:
                    self[element] = self.get(element, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, element):
        if element in self:
            dict.__delitem__(self, element)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            ordered = dict(self.most_common())
        except TypeError:
            ordered = dict(self)
        return f'{self.__class__.__name__}({ordered!r})'

    # Comparisons treat missing elements as having count zero.
    def _all_counts(self, other, compare):
        for counter in (self, other):
            for element in counter:
                if not compare(self[element], other[element]):
                    return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, lambda a, b: a == b)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, lambda a, b: a <= b)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, lambda a, b: a >= b)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            total = count + other[element]
            if total > 0:
                result[element] = total
        for element, count in other.items():
            if element not in self and count > 0:
                result[element] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            difference = count - other[element]
            if difference > 0:
                result[element] = difference
        for element, count in other.items():
            if element not in self and count < 0:
                result[element] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            other_count = other[element]
            largest = other_count if count < other_count else count
            if largest > 0:
                result[element] = largest
        for element, count in other.items():
            if element not in self and count > 0:
                result[element] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            other_count = other[element]
            smallest = count if count < other_count else other_count
            if smallest > 0:
                result[element] = smallest
        return result

    def __pos__(self):
        result = Counter()
        for element, count in self.items():
            if count > 0:
                result[element] = count
        return result

    def __neg__(self):
        result = Counter()
        for element, count in self.items():
            if count < 0:
                result[element] = 0 - count
        return result

    def _keep_positive(self):
        for element in [element for element, count in self.items() if not count > 0]:
            del self[element]
        return self

    def __iadd__(self, other):
        for element, count in other.items():
            self[element] += count
        return self._keep_positive()

    def __isub__(self, other):
        for element, count in other.items():
            self[element] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for element, other_count in other.items():
            if other_count > self[element]:
                self[element] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for element, count in list(self.items()):
            other_count = other[element]
            if other_count < count:
                self[element] = other_count
        return self._keep_positive()


################################################################################
# OrderedDict: plain dicts keep insertion order, so only the order-aware
# operations need code of their own.

class OrderedDict(dict):
    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(self.items())
        dict.clear(self)
        dict.__setitem__(self, key, value)
        dict.update(self, rest)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        return _guarded_repr(self, lambda: f'{self.__class__.__name__}({list(self.items())!r})')

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        equal = self.__eq__(other)
        if equal is NotImplemented:
            return equal
        return not equal

    __hash__ = None

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __reduce__(self):
        return (self.__class__, (), None, None, iter(list(self.items())))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.__class__(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.__class__(other)
        result.update(self)
        return result


################################################################################
# ChainMap

class _ChainMapView:
    """A live keys/items/values view of a ChainMap, as collections.abc's views."""

    def __init__(self, mapping, kind):
        self._mapping = mapping
        self._kind = kind

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            if self._kind == 'keys':
                yield key
            elif self._kind == 'items':
                yield key, mapping[key]
            else:
                yield mapping[key]

    def __contains__(self, item):
        mapping = self._mapping
        if self._kind == 'keys':
            return item in mapping
        if self._kind == 'items':
            key, value = item
            if key not in mapping:
                return False
            found = mapping[key]
            return found is value or found == value
        for key in mapping:
            found = mapping[key]
            if found is item or found == item:
                return True
        return False

    def __repr__(self):
        return f'{self._kind.capitalize()}View({self._mapping!r})'


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                # Not "key in mapping": a defaultdict must get the chance to create the key.
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        merged = {}
        for mapping in reversed(self.maps):
            merged.update(dict.fromkeys(mapping))
        return iter(merged)

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __bool__(self):
        for mapping in self.maps:
            if mapping:
                return True
        return False

    def __repr__(self):
        return _guarded_repr(self, lambda: f"{self.__class__.__name__}({', '.join(map(repr, self.maps))})")

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def keys(self):
        return _ChainMapView(self, 'keys')

    def items(self):
        return _ChainMapView(self, 'items')

    def values(self):
        return _ChainMapView(self, 'values')

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def update(*args, **kwargs):
        self = args[0]
        if len(args) > 1:
            source = args[1]
            if _is_mapping(source):
                for key in source.keys():
                    self[key] = source[key]
            else:
                for key, value in source:
                    self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        merged = dict(other)
        for child in reversed(self.maps):
            merged.update(child)
        return self.__class__(merged)
