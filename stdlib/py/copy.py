# stdlib/py/copy.py — the copy module: shallow and deep copies, with __copy__/__deepcopy__ hooks and the reduce protocol.

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


def _function():
    pass


class _Methods:
    def method(self):
        pass


_FunctionType = type(_function)
_BuiltinFunctionType = type(len)
_MethodType = type(_Methods().method)

# Types whose instances never change, so a copy may be the object itself.
_ATOMIC_TYPES = frozenset([
    type(None), int, float, bool, str, bytes, type, range, property,
    _FunctionType, _BuiltinFunctionType, type(Ellipsis), type(NotImplemented)])
_IMMUTABLE_CONTAINERS = frozenset([tuple, frozenset, slice])

_object_reduce_ex = getattr(object, '__reduce_ex__', None)
_object_reduce = getattr(object, '__reduce__', None)


def _new_object(cls, *args):
    return cls.__new__(cls, *args)


def _instance_state(x):
    get_state = getattr(x, '__getstate__', None)
    if get_state is not None:
        return get_state()
    state = getattr(x, '__dict__', None)
    return state if state else None


def _reduction(x):
    """The reduce tuple describing how to rebuild x.

    Classes with their own __reduce_ex__ or __reduce__ are asked; plain
    instances are described directly (what object.__reduce_ex__(4) would
    say): a new object of the same class, its state, and for list and dict
    subclasses their items."""
    cls = type(x)
    if getattr(cls, '__reduce_ex__', None) is not _object_reduce_ex:
        return x.__reduce_ex__(4)
    if getattr(cls, '__reduce__', None) is not _object_reduce:
        return x.__reduce__()
    get_new_args = getattr(x, '__getnewargs__', None)
    args = (cls,) + (tuple(get_new_args()) if get_new_args is not None else ())
    list_items = iter(x) if isinstance(x, list) else None
    dict_items = iter(x.items()) if isinstance(x, dict) else None
    return (_new_object, args, _instance_state(x), list_items, dict_items)


def copy(x):
    cls = type(x)
    if cls in _ATOMIC_TYPES or cls in _IMMUTABLE_CONTAINERS or issubclass(cls, type):
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    reduction = _reduction(x)
    if isinstance(reduction, str):
        return x
    return _reconstruct(x, None, *reduction)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC_TYPES or issubclass(cls, type):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[key] = y
        for item_key, value in x.items():
            y[deepcopy(item_key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(item, memo) for item in x])
    elif cls is _MethodType:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            reduction = _reduction(x)
            y = x if isinstance(reduction, str) else _reconstruct(x, memo, *reduction)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # Copying the items may have copied x itself through a cycle.
    copied = memo.get(id(x))
    if copied is not None:
        return copied
    for original, duplicate in zip(x, items):
        if original is not duplicate:
            return tuple(items)
    return x


def _keep_alive(x, memo):
    # memo is keyed by id(): keep x alive so its id is not reused during the copy.
    keep = memo.get(id(memo))
    if keep is None:
        memo[id(memo)] = [x]
    else:
        keep.append(x)


def _reconstruct(x, memo, func, args, state=None, list_items=None, dict_items=None):
    deep = memo is not None
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slot_state = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slot_state = state
            if state is not None:
                y.__dict__.update(state)
            if slot_state is not None:
                for name, value in slot_state.items():
                    setattr(y, name, value)
    if list_items is not None:
        for item in list_items:
            y.append(deepcopy(item, memo) if deep else item)
    if dict_items is not None:
        for item_key, value in dict_items:
            if deep:
                item_key = deepcopy(item_key, memo)
                value = deepcopy(value, memo)
            y[item_key] = value
    return y
