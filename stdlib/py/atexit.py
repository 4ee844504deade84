# The atexit module: functions registered here run once at interpreter exit, last registered first, after threading's shutdown.
import sys as _sys

_exithandlers = []


def register(func, /, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    _exithandlers[:] = [entry for entry in _exithandlers if entry[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            print(f"Exception ignored in atexit callback: {func!r}", file=_sys.stderr)
            _sys.__excepthook__(type(exc), exc, exc.__traceback__.tb_next)
