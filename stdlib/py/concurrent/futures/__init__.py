# concurrent.futures: run calls asynchronously on pools of threads (and, with the processes issue, of processes).
"""Execute computations asynchronously using threads or processes."""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__author__', '__doc__')


# The executors are imported on first use: importing the package stays cheap.
def __getattr__(name):
    global ProcessPoolExecutor, ThreadPoolExecutor
    if name == 'ProcessPoolExecutor':
        from concurrent.futures.process import ProcessPoolExecutor as pe
        ProcessPoolExecutor = pe
        return pe
    if name == 'ThreadPoolExecutor':
        from concurrent.futures.thread import ThreadPoolExecutor as te
        ThreadPoolExecutor = te
        return te
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
