# concurrent.futures.thread: ThreadPoolExecutor, a pool of worker threads fed by a queue.

import os
import queue
import sys
import threading

from concurrent.futures import _base

# The work queue of every live worker thread, to wake them all at interpreter exit.
_threads_queues = {}
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
        items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


# Before threading joins the non-daemon threads: the workers must be told to stop first.
threading._register_atexit(_python_exit)

if hasattr(os, 'register_at_fork'):
    os.register_at_fork(before=_global_shutdown_lock.acquire,
                        after_in_child=_global_shutdown_lock._at_fork_reinit,
                        after_in_parent=_global_shutdown_lock.release)


class _WorkItem:

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException:
                _base._report_exception('Exception in initializer:')
                executor._initializer_failed()
                return
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor._idle_semaphore.release()
                continue
            # None: the pool or the interpreter is shutting down. Pass it on to the next worker.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                work_queue.put(None)
                return
    except BaseException:
        _base._report_exception('Exception in worker')
    finally:
        with _global_shutdown_lock:
            _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


_pool_counter_lock = threading.Lock()
_pool_counter = 0


def _next_pool_number():
    global _pool_counter
    with _pool_counter_lock:
        number = _pool_counter
        _pool_counter += 1
        return number


class ThreadPoolExecutor(_base.Executor):
    """Runs calls on a pool of at most max_workers threads."""

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            # At least 5 for I/O-bound work, at most 32 so big machines do not start hundreds.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % _next_pool_number())
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, *args, **kwargs):
        """Schedules fn(*args, **kwargs) and returns a Future for its result."""
        with self._shutdown_lock:
            with _global_shutdown_lock:
                if self._broken:
                    raise BrokenThreadPool(self._broken)
                if self._shutdown:
                    raise RuntimeError('cannot schedule new futures after shutdown')
                if _shutdown:
                    raise RuntimeError('cannot schedule new futures after interpreter shutdown')
                f = _base.Future()
                self._work_queue.put(_WorkItem(f, fn, args, kwargs))
                self._adjust_thread_count()
                return f

    def _adjust_thread_count(self):
        # An idle worker will take the new item: no new thread needed.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stops the pool: no more submits; with wait, returns once the workers have finished.

        cancel_futures cancels the calls that have not started.
        """
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            # Wakes a worker, which passes the None on to the next one.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
