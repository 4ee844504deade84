# multiprocessing.sharedctypes: Value, Array, RawValue and RawArray: typed numbers in shared memory (_multiprocessing.SharedBlock), ctypes-like, with optional locks.
import _multiprocessing

from . import get_context
from .context import assert_spawning, get_spawning_popen

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

_SharedBlock = _multiprocessing.SharedBlock

# What ctypes calls each typecode's type (c_longlong is c_long on 64-bit Linux, as in ctypes).
_ctype_names = {
    'c': 'c_char', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort',
    'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_long',
    'Q': 'c_ulong', 'f': 'c_float', 'd': 'c_double',
}
_item_sizes = {'c': 1, 'b': 1, 'B': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8,
               'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}


class _SimpleCData:
    """One number (or char) of a ctypes type, in a shared block."""
    _type_ = None

    def __init__(self, value=None):
        if value is not None:
            self.value = value

    @property
    def value(self):
        return self._block.get(self._type_, 0)

    @value.setter
    def value(self, value):
        self._block.set(self._type_, 0, value)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.value)

    def __reduce__(self):
        assert_spawning(self)
        return _rebuild, (self._type_, None) + _block_state(self._block)


class _Array:
    """A fixed-length array of one ctypes type, in a shared block."""
    _type_ = None
    _length_ = 0

    def __init__(self, *items):
        if len(items) > self._length_:
            raise IndexError('invalid index')
        for i, item in enumerate(items):
            self[i] = item

    def __len__(self):
        return self._length_

    def _index(self, i):
        i = i.__index__()
        if i < 0:
            i += self._length_
        if not 0 <= i < self._length_:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(self._length_)
            items = self._block.get_range(self._type_, start, stop, step)
            return b''.join(items) if self._type_ == 'c' else items
        return self._block.get(self._type_, self._index(i))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            indices = range(*i.indices(self._length_))
            if self._type_ == 'c' and isinstance(value, bytes):
                value = [value[k:k + 1] for k in range(len(value))]
            if len(value) != len(indices):
                raise ValueError('Can only assign sequence of same size')
            for k, item in zip(indices, value):
                self._block.set(self._type_, k, item)
            return
        self._block.set(self._type_, self._index(i), value)

    def __iter__(self):
        for i in range(self._length_):
            yield self._block.get(self._type_, i)

    def __repr__(self):
        return '<%s.%s object at %#x>' % (type(self).__module__, type(self).__name__, id(self))

    def __reduce__(self):
        assert_spawning(self)
        return _rebuild, (self._type_, self._length_) + _block_state(self._block)


class _CharArray(_Array):
    """c_char arrays: .value (up to the first NUL) and .raw, as ctypes has them."""

    @property
    def value(self):
        raw = self._block.read(0, self._length_)
        end = raw.find(b'\0')
        return raw if end < 0 else raw[:end]

    @value.setter
    def value(self, value):
        if len(value) > self._length_:
            raise ValueError('byte string too long')
        self._block.write(0, value + (b'\0' if len(value) < self._length_ else b''))

    @property
    def raw(self):
        return self._block.read(0, self._length_)

    @raw.setter
    def raw(self, value):
        if len(value) > self._length_:
            raise ValueError('byte string too long')
        self._block.write(0, value)


_value_types = {}
_array_types = {}


def _value_type(typecode):
    if typecode not in _ctype_names:
        raise TypeError('this type has no size')
    cls = _value_types.get(typecode)
    if cls is None:
        cls = type(_ctype_names[typecode], (_SimpleCData,), {'_type_': typecode})
        _value_types[typecode] = cls
    return cls


def _array_type(typecode, length):
    _value_type(typecode)
    cls = _array_types.get((typecode, length))
    if cls is None:
        base = _CharArray if typecode == 'c' else _Array
        cls = type('%s_Array_%d' % (_ctype_names[typecode], length), (base,),
                   {'_type_': typecode, '_length_': length})
        _array_types[(typecode, length)] = cls
    return cls


def _new_value(cls, block):
    obj = cls.__new__(cls)
    obj._block = block
    return obj


def _block_state(block):
    popen = get_spawning_popen()
    return (popen.DupFd(popen.duplicate_for_child(block.fileno())), block.size)


def _rebuild(typecode, length, df, size):
    block = _SharedBlock._rebuild(df.detach(), size)
    if length is None:
        return _new_value(_value_type(typecode), block)
    return _new_value(_array_type(typecode, length), block)


def _typecode(typecode_or_type):
    if isinstance(typecode_or_type, type) and issubclass(typecode_or_type, _SimpleCData):
        return typecode_or_type._type_
    if isinstance(typecode_or_type, str) and typecode_or_type in _ctype_names:
        return typecode_or_type
    raise TypeError('this type has no size')

#
# The public functions
#


def RawValue(typecode_or_type, *args):
    '''
    Returns a ctypes object allocated from shared memory
    '''
    typecode = _typecode(typecode_or_type)
    cls = _value_type(typecode)
    obj = _new_value(cls, _SharedBlock(_item_sizes[typecode]))
    obj.__init__(*args)
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    '''
    Returns a ctypes array allocated from shared memory
    '''
    typecode = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        length = size_or_initializer
        items = ()
    else:
        items = size_or_initializer
        if typecode == 'c' and isinstance(items, bytes):
            items = [items[k:k + 1] for k in range(len(items))]
        items = list(items)
        length = len(items)
    if length < 0:
        raise ValueError('Array length must be >= 0')
    cls = _array_type(typecode, length)
    obj = _new_value(cls, _SharedBlock(_item_sizes[typecode] * length))
    obj.__init__(*items)
    return obj


def Value(typecode_or_type, *args, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a Value
    '''
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a RawArray
    '''
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def copy(obj):
    if isinstance(obj, _Array):
        new_obj = RawArray(obj._type_, len(obj))
        new_obj[:] = obj[:]
        return new_obj
    return RawValue(obj._type_, obj.value)


def synchronized(obj, lock=None, ctx=None):
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    ctx = ctx or get_context()

    if isinstance(obj, _CharArray):
        return SynchronizedString(obj, lock, ctx)
    elif isinstance(obj, _Array):
        return SynchronizedArray(obj, lock, ctx)
    return Synchronized(obj, lock, ctx)

#
# Synchronized wrappers
#


class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or get_context(force=True)
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


def _synchronized_property(name):
    # An attribute of the shared object read and written under the wrapper's lock.
    def get(self):
        with self._lock:
            return getattr(self._obj, name)

    def set(self, value):
        with self._lock:
            setattr(self._obj, name, value)

    return property(get, set)


class Synchronized(SynchronizedBase):
    value = _synchronized_property('value')


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value


class SynchronizedString(SynchronizedArray):
    value = _synchronized_property('value')
    raw = _synchronized_property('raw')
