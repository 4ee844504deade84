# multiprocessing.util: finalizers run when called, when their object dies or at exit; after-fork hooks, the exit function that reaps children, and a minimal logger.
import _thread
import os
import sys

import atexit
from _weakref import ref as _weak_ref  # weakref.ref; the full weakref module loads on demand

from .process import _Counter

__all__ = ['sub_debug', 'debug', 'info', 'sub_warning', 'get_logger',
           'log_to_stderr', 'get_temp_dir', 'register_after_fork',
           'is_exiting', 'Finalize', 'ForkAwareThreadLock', 'ForkAwareLocal',
           'close_all_fds_except', 'SUBDEBUG', 'SUBWARNING']

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25
WARNING = 30

LOGGER_NAME = 'multiprocessing'
DEFAULT_LOGGING_FORMAT = '[%(levelname)s/%(processName)s] %(message)s'

_logger = None
_log_to_stderr = False


class _Logger:
    """The part of logging.Logger that multiprocessing uses: levels and stderr output."""

    _names = {SUBDEBUG: 'SUBDEBUG', DEBUG: 'DEBUG', INFO: 'INFO',
              SUBWARNING: 'SUBWARNING', WARNING: 'WARNING', 40: 'ERROR', 50: 'CRITICAL'}

    def __init__(self, name):
        self.name = name
        self.level = WARNING
        self.to_stderr = False

    def setLevel(self, level):
        self.level = level

    def getEffectiveLevel(self):
        return self.level

    def isEnabledFor(self, level):
        return level >= self.level

    def log(self, level, msg, *args):
        if self.to_stderr and level >= self.level:
            from multiprocessing import process
            text = msg % args if args else msg
            sys.stderr.write('[%s/%s] %s\n' % (self._names.get(level, 'Level %d' % level),
                                               process.current_process().name, text))

    def debug(self, msg, *args):
        self.log(DEBUG, msg, *args)

    def info(self, msg, *args):
        self.log(INFO, msg, *args)

    def warning(self, msg, *args):
        self.log(WARNING, msg, *args)

    def error(self, msg, *args):
        self.log(40, msg, *args)


def sub_debug(msg, *args):
    if _logger:
        _logger.log(SUBDEBUG, msg, *args)


def debug(msg, *args):
    if _logger:
        _logger.log(DEBUG, msg, *args)


def info(msg, *args):
    if _logger:
        _logger.log(INFO, msg, *args)


def sub_warning(msg, *args):
    if _logger:
        _logger.log(SUBWARNING, msg, *args)


def get_logger():
    '''
    Returns logger used by multiprocessing
    '''
    global _logger
    if _logger is None:
        _logger = _Logger(LOGGER_NAME)
    return _logger


def log_to_stderr(level=None):
    '''
    Turn on logging and add a handler which prints to stderr
    '''
    global _log_to_stderr
    logger = get_logger()
    logger.to_stderr = True
    if level:
        logger.setLevel(level)
    _log_to_stderr = True
    return logger


def get_temp_dir():
    import tempfile
    return tempfile.gettempdir()

#
# Functions run in a child made by fork (register_after_fork)
#

_afterfork_registry = None  # a weakref.WeakValueDictionary, made by the first registration
_afterfork_counter = _Counter()


def _run_after_forkers():
    if _afterfork_registry is None:
        return
    items = list(_afterfork_registry.items())
    items.sort(key=lambda item: item[0][0])
    for (index, ident, func), obj in items:
        try:
            func(obj)
        except Exception as e:
            info('after forker raised exception %s', e)


def _end_with_parent_if_daemon(process_obj):
    # Called in a new child before its target runs. A daemonic child dies with its parent,
    # however the parent ends: CPython terminates daemonic children only from an atexit
    # handler, which a parent killed by a signal never runs.
    if process_obj.daemon:
        import _multiprocessing
        _multiprocessing.die_with_parent(process_obj._parent_pid)


def register_after_fork(obj, func):
    global _afterfork_registry
    if _afterfork_registry is None:
        import weakref
        _afterfork_registry = weakref.WeakValueDictionary()
    _afterfork_registry[(next(_afterfork_counter), id(obj), func)] = obj

#
# Finalize: a callback run once, when called, when its object dies (a weak reference's
# callback), or (with an exitpriority) at exit.
#

_finalizer_registry = {}
_finalizer_counter = _Counter()


class Finalize(object):
    '''
    Class which supports object finalization using weakrefs
    '''
    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if (exitpriority is not None) and not isinstance(exitpriority, int):
            raise TypeError(
                "Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                    exitpriority, type(exitpriority)))
        if obj is not None:
            self._weakref = _weak_ref(obj, self)
        elif exitpriority is None:
            raise ValueError("Without object, exitpriority cannot be None")
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = os.getpid()
        # The registry keeps the finalizer (and so its weak reference) alive.
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None, _finalizer_registry=_finalizer_registry, getpid=os.getpid):
        '''
        Run the callback unless it has already been called or cancelled
        '''
        # The defaults keep what the call needs while module globals are cleared at shutdown.
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            return None
        if self._pid != getpid():
            res = None
        else:
            res = self._callback(*self._args, **self._kwargs)
        self._weakref = self._callback = self._args = self._kwargs = self._key = None
        return res

    def cancel(self):
        '''
        Cancel finalization of the object
        '''
        if _finalizer_registry.pop(self._key, None) is not None:
            self._weakref = self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        '''
        Return whether this finalizer is still waiting to invoke callback
        '''
        return self._key in _finalizer_registry

    def __repr__(self):
        try:
            obj = self._weakref()
        except (AttributeError, TypeError):
            obj = None
        if obj is None:
            return '<%s object, dead>' % self.__class__.__name__
        x = '<%s object, callback=%s' % (
                self.__class__.__name__,
                getattr(self._callback, '__name__', self._callback))
        if self._args:
            x += ', args=' + str(self._args)
        if self._kwargs:
            x += ', kwargs=' + str(self._kwargs)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    '''
    Run all finalizers whose exit priority is not None and at least minpriority

    Finalizers with highest priority are called first; finalizers with
    the same priority will be called in reverse order of creation.
    '''
    if minpriority is None:
        keys = [key for key in list(_finalizer_registry) if key[0] is not None]
    else:
        keys = [key for key in list(_finalizer_registry)
                if key[0] is not None and key[0] >= minpriority]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception:
                import sys as _sys
                _sys.excepthook(*_sys.exc_info())
    if minpriority is None:
        _finalizer_registry.clear()

#
# Clean up on exit
#

_exiting = False


def is_exiting():
    '''
    Returns true if the process is shutting down
    '''
    return _exiting or _exiting is None


def _exit_function():
    # Terminates daemonic children, joins the others, runs the finalizers (registered with
    # atexit in the main process; called by Process._bootstrap in a child).
    global _exiting
    if _exiting:
        return
    _exiting = True
    from multiprocessing import process
    _run_finalizers(0)
    if process.current_process() is not None:
        for p in process.active_children():
            if p.daemon:
                info('calling terminate() for daemon %s', p.name)
                p._popen.terminate()
        for p in process.active_children():
            info('calling join() for process %s', p.name)
            p.join()
    _run_finalizers()


atexit.register(_exit_function)

#
# Locks that come back unlocked in a forked child
#


class ForkAwareThreadLock(object):
    def __init__(self):
        self._lock = _thread.allocate_lock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        register_after_fork(self, ForkAwareThreadLock._at_fork_reinit)

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class ForkAwareLocal(_thread._local):
    def __init__(self):
        register_after_fork(self, lambda obj: obj.__dict__.clear())

    def __reduce__(self):
        return type(self), ()

#
# File descriptors and standard streams
#


def close_all_fds_except(fds):
    fds = sorted(list(fds) + [-1, 1 << 20])
    for i in range(len(fds) - 1):
        for fd in range(fds[i] + 1, min(fds[i + 1], 1024)):
            try:
                os.close(fd)
            except OSError:
                pass


def _close_stdin():
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
    except (OSError, ValueError):
        pass
    try:
        sys.stdin = open(os.devnull)
    except (OSError, ValueError):
        pass


def _flush_std_streams():
    try:
        sys.stdout.flush()
    except (AttributeError, ValueError):
        pass
    try:
        sys.stderr.flush()
    except (AttributeError, ValueError):
        pass


def spawnv_passfds(path, args, passfds):
    import _multiprocessing
    return _multiprocessing.spawnv_passfds(path, args, sorted(set(passfds)))


def close_fds(*fds):
    """Close each file descriptor given as an argument"""
    for fd in fds:
        os.close(fd)


def _args_from_interpreter_flags():
    return []
