# multiprocessing.reduction: pickling for messages between processes, and file descriptors handed to a spawned child.
import pickle

from . import context

__all__ = ['send_handle', 'recv_handle', 'ForkingPickler', 'register', 'dump', 'DupFd']

HAVE_SEND_HANDLE = False


class ForkingPickler:
    '''Pickling as multiprocessing does it: pickle plus the reducers registered here.'''
    _extra_reducers = {}

    @classmethod
    def register(cls, type, reduce):
        '''Register a reduce function for a type.'''
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        reduce = cls._extra_reducers.get(type(obj)) if cls._extra_reducers else None
        if reduce is not None:
            return pickle.dumps(_Reduced(obj, reduce), protocol)
        return pickle.dumps(obj, protocol)

    loads = staticmethod(pickle.loads)


class _Reduced:
    # Carries an object pickled by a function given to ForkingPickler.register.
    def __init__(self, obj, reduce):
        self.obj = obj
        self.reduce = reduce

    def __reduce__(self):
        return self.reduce(self.obj)


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    '''Replacement for pickle.dump() using ForkingPickler.'''
    file.write(ForkingPickler.dumps(obj, protocol))


def DupFd(fd):
    '''Return a wrapper for an fd.'''
    popen_obj = context.get_spawning_popen()
    if popen_obj is not None:
        return popen_obj.DupFd(popen_obj.duplicate_for_child(fd))
    raise RuntimeError('file descriptors can only be passed to a process while it is being spawned')
