# concurrent.futures.process: ProcessPoolExecutor, futures run by a multiprocessing Pool; a worker that dies breaks the executor (BrokenProcessPool).
"""Implements ProcessPoolExecutor."""

import os
import threading

from concurrent.futures import _base
import multiprocessing as mp
import multiprocessing.pool as mp_pool


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


_REFUSED_MESSAGE = 'A child process terminated abruptly, the process pool is not usable anymore'
_BROKEN_MESSAGE = ('A process in the process pool was terminated abruptly '
                   'while the future was running or pending.')


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
            mp_context: A multiprocessing context to launch the workers.
            initializer: A callable used to initialize worker processes.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: The maximum number of tasks a worker process
                can complete before it will exit and be replaced with a fresh
                worker process.
        """
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            if max_tasks_per_child is not None:
                mp_context = mp.get_context("spawn")
            else:
                mp_context = mp.get_context()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            if mp_context.get_start_method(allow_none=False) == "fork":
                # As CPython (its issue 90622): forking from the pool's thread is unsafe there.
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self._max_workers = max_workers
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._pool = None
        self._pending = {}          # id -> Future not yet finished
        self._pending_ids = iter(range(1 << 62))
        self._broken = False
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()

    def _start_pool(self):
        if self._pool is None:
            self._pool = mp_pool.Pool(self._max_workers, self._initializer, self._initargs,
                                      self._max_tasks_per_child, context=self._mp_context)

    def _finish(self, key, future, success, value):
        with self._shutdown_lock:
            self._pending.pop(key, None)
            if isinstance(value, mp_pool.BrokenPoolError):
                self._broken = _REFUSED_MESSAGE
                error = BrokenProcessPool(_BROKEN_MESSAGE)
                error.__cause__ = value
                value = error
            elif isinstance(getattr(value, '__cause__', None), mp_pool.RemoteTraceback):
                value.__cause__ = _RemoteTraceback(value.__cause__.tb)
        if future.cancelled():
            future.set_running_or_notify_cancel()   # wakes wait() and as_completed()
            return
        if future.done():
            return
        if success:
            future.set_result(value)
        else:
            future.set_exception(value)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            self._start_pool()
            future = _base.Future()
            key = next(self._pending_ids)
            self._pending[key] = future

            def on_result(value):
                self._finish(key, future, True, value)

            def on_error(error):
                self._finish(key, future, False, error)

            try:
                self._pool.apply_async(fn, args, kwargs, on_result, on_error)
            except mp_pool.BrokenPoolError:
                self._pending.pop(key, None)
                self._broken = _REFUSED_MESSAGE
                raise BrokenProcessPool(self._broken) from None
            return future
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter).

        Args:
            fn: A callable that will take as many arguments as there are
                passed iterables.
            timeout: The maximum number of seconds to wait. If None, then there
                is no limit on the wait time.
            chunksize: If greater than one, the iterables will be chopped into
                chunks of size chunksize and submitted to the process pool.
                If set to one, the items in the list will be sent one at a time.
        """
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            if cancel_futures:
                for future in list(self._pending.values()):
                    if future.cancel():
                        future.set_running_or_notify_cancel()
            pool = self._pool
        if pool is not None:
            if self._broken or cancel_futures:
                pool.terminate()
            else:
                pool.close()
            if wait:
                pool.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
