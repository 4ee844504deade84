# weakref: weak references (ref, from _weakref), the weak containers (WeakValueDictionary, WeakKeyDictionary, WeakSet) and finalize.
import sys

from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs

__all__ = ["ref", "ReferenceType", "getweakrefcount", "getweakrefs", "WeakValueDictionary",
           "WeakKeyDictionary", "WeakSet", "finalize"]


def _forgetter(container):
    # A weak reference's callback that makes `container` (held weakly, so the callback does not
    # keep it alive) forget the dead reference: a WeakKeyDictionary's key, a WeakSet's item.
    container_ref = ref(container)

    def forget(dead):
        container = container_ref()
        if container is not None:
            container._forget(dead)
    return forget


def _remover(container, key):
    # A weak reference's callback that drops `key` from `container` (held weakly, so the callback
    # does not keep the container alive) unless the entry was replaced since.
    container_ref = ref(container)

    def remove(dead, key=key):
        container = container_ref()
        if container is not None and container._data.get(key) is dead:
            del container._data[key]
    return remove


class _WeakMapping:
    # What the two weak dictionaries share: everything built on items(), _data and __setitem__.

    def __len__(self):
        return len(self.items())

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def keys(self):
        return [key for key, _ in self.items()]

    def values(self):
        return [value for _, value in self.items()]

    def update(self, other=(), /, **kwargs):
        items = other.items() if hasattr(other, "items") else other
        for key, value in items:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        self._data.clear()

    def copy(self):
        return type(self)(self.items())

    __copy__ = copy


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held by weak references: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kwargs):
        self._data = {}
        self.update(other, **kwargs)

    def __getitem__(self, key):
        value = self._data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self._data[key] = ref(value, _remover(self, key))

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        try:
            return self._data[key]() is not None
        except KeyError:
            return False

    def items(self):
        return [(key, value) for key, value in ((k, wr()) for k, wr in list(self._data.items())) if value is not None]

    def valuerefs(self):
        return list(self._data.values())

    def get(self, key, default=None):
        wr = self._data.get(key)
        value = wr() if wr is not None else None
        return default if value is None else value

    def pop(self, key, *default):
        wr = self._data.pop(key, None)
        value = wr() if wr is not None else None
        if value is not None:
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        while True:
            key, wr = self._data.popitem()
            value = wr()
            if value is not None:
                return key, value

    def setdefault(self, key, default=None):
        value = self.get(key)
        if value is None:
            self[key] = value = default
        return value


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held by weak references: an entry goes when its key dies."""

    def __init__(self, other=None):
        self._data = {}
        if other is not None:
            self.update(other)

    def _forget(self, dead):
        self._data.pop(dead, None)

    def __getitem__(self, key):
        return self._data[ref(key)]

    def __setitem__(self, key, value):
        self._data[ref(key, _forgetter(self))] = value

    def __delitem__(self, key):
        del self._data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self._data

    def items(self):
        return [(key, value) for key, value in ((wr(), v) for wr, v in list(self._data.items())) if key is not None]

    def keyrefs(self):
        return list(self._data)

    def get(self, key, default=None):
        return self._data.get(ref(key), default)

    def pop(self, key, *default):
        return self._data.pop(ref(key), *default)

    def popitem(self):
        while True:
            wr, value = self._data.popitem()
            key = wr()
            if key is not None:
                return key, value

    def setdefault(self, key, default=None):
        return self._data.setdefault(ref(key, _forgetter(self)), default)


class WeakSet:
    """A set whose items are held by weak references: an item goes when it dies."""

    def __init__(self, data=None):
        self._data = set()
        if data is not None:
            self.update(data)

    def _forget(self, dead):
        self._data.discard(dead)

    def __iter__(self):
        return iter([item for item in (wr() for wr in list(self._data)) if item is not None])

    def __len__(self):
        return len(list(self))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self._data

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))

    def add(self, item):
        self._data.add(ref(item, _forgetter(self)))

    def discard(self, item):
        self._data.discard(ref(item))

    def remove(self, item):
        self._data.remove(ref(item))

    def pop(self):
        while True:
            item = self._data.pop()()
            if item is not None:
                return item

    def clear(self):
        self._data.clear()

    def update(self, other):
        for item in other:
            self.add(item)

    def copy(self):
        return type(self)(self)

    __copy__ = copy


class finalize:
    """Calls func(*args, **kwargs) once: when obj dies, when the finalizer is called, or at exit
    (while `atexit` is true), whichever comes first."""

    # Pending finalizers and what they will call; a finalizer is alive while it is in here.
    _registry = {}
    _shutdown = False
    _next_index = 0  # creation order, for the exit-time ordering
    _dirty = False
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = finalize._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._next_index
        finalize._next_index += 1
        finalize._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        """Runs the callback (once) and returns its result; None when it is dead."""
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """Kills the finalizer; returns (obj, func, args, kwargs) if it was alive, else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) while the finalizer is alive, else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer is alive."""
        return self in finalize._registry

    @property
    def atexit(self):
        """Whether the finalizer will be called at exit."""
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        # The pending finalizers that run at exit, newest first.
        pending = [(f, i) for (f, i) in cls._registry.items() if i.atexit]
        pending.sort(key=lambda item: item[1].index)
        return [f for (f, i) in pending]

    @classmethod
    def _exitfunc(cls):
        # Finalizers made while others run at exit are run too.
        reenable_gc = False
        try:
            if cls._registry:
                import gc
                if gc.isenabled():
                    reenable_gc = True
                    gc.disable()
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception:
                        sys.excepthook(*sys.exc_info())
                    assert f not in cls._registry
        finally:
            finalize._shutdown = True
            if reenable_gc:
                gc.enable()
