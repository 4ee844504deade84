# multiprocessing.queues: Queue (a pipe fed by a background thread), JoinableQueue and SimpleQueue, shared between processes.
__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

import sys
import os
import threading
import collections
import time
_EPIPE = 32  # errno.EPIPE (chaipy has no errno module)

from queue import Empty, Full

from . import connection
from . import context
_ForkingPickler = context.reduction.ForkingPickler

from .util import debug, info, Finalize, is_exiting
import _multiprocessing
_send_frames = _multiprocessing.send_frames
_recv_frame_within = _multiprocessing.recv_frame_within
_pickle_dumps = context.reduction.pickle.dumps

# This process's id, kept up to date in forked children: put() and get() compare it with the
# queue's owner without a getpid() call per message.
_pid = os.getpid()


def _after_fork_in_child():
    global _pid
    _pid = os.getpid()


os.register_at_fork(after_in_child=_after_fork_in_child)

# How often (seconds) a feeder thread waiting for the writer lock checks that its holder lives.
_DEAD_WRITER_CHECK_INTERVAL = 0.2

# What the feeder thread writes at most in one go.
_BATCH_MESSAGES = 1024
_BATCH_BYTES = 1 << 20

#
# Queue type using a pipe, buffer and thread
#


class Queue(object):

    def __init__(self, maxsize=0, *, ctx):
        if maxsize <= 0:
            from .synchronize import SEM_VALUE_MAX as maxsize
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._opid = os.getpid()
        self._wlock = ctx.Lock()
        self._sem = ctx.BoundedSemaphore(maxsize)
        # For use by concurrent.futures
        self._ignore_epipe = False
        self._reset()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._ignore_epipe, self._maxsize, self._reader, self._writer,
                self._rlock, self._wlock, self._sem, self._opid)

    def __setstate__(self, state):
        (self._ignore_epipe, self._maxsize, self._reader, self._writer,
         self._rlock, self._wlock, self._sem, self._opid) = state
        self._reset()

    def _reset(self):
        # The feeder thread and its buffer belong to one process: a forked child starts afresh
        # (checked on use: cheaper per message than an after-fork hook for each queue).
        self._owner_pid = os.getpid()
        self._notempty = threading.Condition(threading.Lock())
        # [True] while the feeder thread waits for the buffer to fill: only then does put()
        # take the condition's lock to wake it.
        self._feeder_idle = [False]
        # A list: put() appends, the feeder thread alone takes items from the front.
        self._buffer = []
        self._thread = None
        self._jointhread = None
        self._joincancelled = False
        self._closed = False
        self._close = None
        self._send_bytes = self._writer.send_bytes
        self._reader_fd = self._reader.fileno()
        self._pending = [b""]
        self._pending_guard = threading.Lock()
        self._poll = self._reader.poll
        self._racquire = self._rlock.acquire
        self._rrelease = self._rlock.release
        self._sem_release = self._sem.release

    def _check_process(self):
        if self._owner_pid != _pid:
            self._reset()

    def put(self, obj, block=True, timeout=None):
        if self._owner_pid != _pid:
            self._reset()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        if self._thread is None:
            with self._notempty:
                if self._thread is None:
                    self._start_thread()
        # Appended before looking at the flag, which the feeder sets before it looks at the
        # buffer: one of the two sees the other's change, so no item is left unnoticed.
        self._buffer.append(obj)
        if self._feeder_idle[0]:
            with self._notempty:
                self._notempty.notify()

    def get(self, block=True, timeout=None):
        if self._owner_pid != _pid:
            self._reset()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not block:
            deadline = 0.0
        elif timeout is None:
            deadline = None
        else:
            deadline = time.monotonic() + timeout
        res = self._receive(deadline)
        # unserialize the data after having released the lock
        return _ForkingPickler.loads(res)

    def _receive(self, deadline):
        # The bytes of one whole message, or Empty once `deadline` (time.monotonic(); None:
        # never) has passed. A message that has only partly arrived by then — its writer is
        # slow, or was killed in the middle of it — stays in self._pending, and this process
        # keeps the reader lock until it is whole, so that no reader (here or in another
        # process) starts reading in the middle of it. self._pending_guard orders this
        # process's readers around that state.
        guard = self._pending_guard
        if deadline is None:
            guard.acquire()
        elif not guard.acquire(True, max(0.0, deadline - time.monotonic())):
            raise Empty
        try:
            if not self._pending[0]:
                if deadline is None:
                    self._racquire()
                elif not self._racquire(True, max(0.0, deadline - time.monotonic())):
                    raise Empty
            try:
                res = _recv_frame_within(
                    self._reader_fd,
                    None if deadline is None else max(0.0, deadline - time.monotonic()),
                    self._pending)
            finally:
                if not self._pending[0]:
                    self._rrelease()
        finally:
            guard.release()
        if res is None:
            raise Empty
        self._sem_release()
        return res

    def qsize(self):
        # Raises NotImplementedError on Mac OSX because of broken sem_getvalue()
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._check_process()
        self._closed = True
        close = self._close
        if close:
            self._close = None
            close()

    def join_thread(self):
        debug('Queue.join_thread()')
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._jointhread:
            self._jointhread()

    def cancel_join_thread(self):
        debug('Queue.cancel_join_thread()')
        self._joincancelled = True
        try:
            self._jointhread.cancel()
        except AttributeError:
            pass

    def _start_thread(self):
        debug('Queue._start_thread()')

        # Start thread which transfers data from buffer to pipe
        self._buffer.clear()
        self._thread = threading.Thread(
            target=Queue._feed,
            args=(self._buffer, self._notempty, self._feeder_idle, self._writer,
                  self._wlock, self._reader.close, self._writer.close,
                  self._ignore_epipe, self._on_queue_feeder_error,
                  self._sem),
            name='QueueFeederThread',
            daemon=True,
        )

        try:
            debug('doing self._thread.start()')
            self._thread.start()
            debug('... done self._thread.start()')
        except:
            # gh-109047: During Python finalization, creating a thread
            # can fail with RuntimeError.
            self._thread = None
            raise

        if not self._joincancelled:
            self._jointhread = Finalize(
                self._thread, Queue._finalize_join,
                [self._thread],
                exitpriority=-5
                )

        # Send sentinel to the thread queue object when garbage collected
        self._close = Finalize(
            self, Queue._finalize_close,
            [self._buffer, self._notempty],
            exitpriority=10
            )

    @staticmethod
    def _finalize_join(thread):
        debug('joining queue thread')
        thread.join()
        debug('... queue thread joined')

    @staticmethod
    def _finalize_close(buffer, notempty):
        debug('telling queue thread to quit')
        with notempty:
            buffer.append(_sentinel)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, idle, writer, writelock, reader_close,
              writer_close, ignore_epipe, onerror, queue_sem):
        # Sends what has piled up in the buffer as one write of many frames: the per-message
        # cost is then the pickling, not a lock round trip and a system call.
        debug('starting thread to feed data to pipe')
        nacquire = notempty.acquire
        nrelease = notempty.release
        nwait = notempty.wait
        sentinel = _sentinel
        reducers = _ForkingPickler._extra_reducers

        wacquire = writelock.acquire
        wrelease = writelock.release
        dead_holder = writelock._semlock._dead_holder
        broken = []   # the error once a writer has died in the middle of a message

        def send(frames, objects):
            # False when the thread must stop (the reader is gone, or the process is exiting).
            try:
                if broken:
                    raise broken[0]
                # A writer killed while writing holds the lock for ever, and the pipe then
                # holds part of its message: nothing written after it could be read back.
                while not wacquire(True, _DEAD_WRITER_CHECK_INTERVAL):
                    holder = dead_holder()
                    if holder is not None:
                        broken.append(OSError(
                            "the queue's pipe is unusable: process %d died while writing to it"
                            % holder))
                        raise broken[0]
                try:
                    _send_frames(writer.fileno(), frames)
                finally:
                    wrelease()
            except Exception as e:
                if ignore_epipe and getattr(e, 'errno', 0) == _EPIPE:
                    return False
                # Since this runs in a daemon thread the resources it uses
                # may be become unusable while the process is cleaning up.
                # We ignore errors which happen after the process has
                # started to cleanup.
                if is_exiting():
                    info('error in queue thread: %s', e)
                    return False
                # The objects were not sent: as if they had been silently removed.
                for obj in objects:
                    queue_sem.release()
                    onerror(e, obj)
            return True

        while 1:
            if not buffer:
                nacquire()
                try:
                    idle[0] = True
                    while not buffer:
                        nwait()
                finally:
                    idle[0] = False
                    nrelease()
            # pickle.dumps itself unless a reducer was registered (a call less per message).
            dumps = _ForkingPickler.dumps if reducers else _pickle_dumps
            # Only this thread removes items, from the front: whatever put() appends meanwhile
            # stays for the next round.
            taken = buffer[:_BATCH_MESSAGES]
            del buffer[:len(taken)]
            frames = []
            objects = []
            size = 0
            for obj in taken:
                if obj is sentinel:
                    if frames and not send(frames, objects):
                        return
                    debug('feeder thread got sentinel -- exiting')
                    reader_close()
                    writer_close()
                    return
                try:
                    # serialize the data before acquiring the lock
                    frame = dumps(obj)
                except Exception as e:
                    # The object never reaches the pipe: as if it were silently removed.
                    queue_sem.release()
                    onerror(e, obj)
                    continue
                frames.append(frame)
                objects.append(obj)
                size += len(frame)
                if size >= _BATCH_BYTES:
                    if not send(frames, objects):
                        return
                    frames = []
                    objects = []
                    size = 0
            if frames and not send(frames, objects):
                return

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        """
        Private API hook called when feeding data in the background thread
        raises an exception.  For overriding by concurrent.futures.
        """
        sys.excepthook(*sys.exc_info())


_sentinel = object()

#
# A queue type which also supports join() and task_done() methods
#


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = ctx.Semaphore(0)
        self._cond = ctx.Condition()

    def __getstate__(self):
        return Queue.__getstate__(self) + (self._cond, self._unfinished_tasks)

    def __setstate__(self, state):
        Queue.__setstate__(self, state[:-2])
        self._cond, self._unfinished_tasks = state[-2:]

    def put(self, obj, block=True, timeout=None):
        self._check_process()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full

        with self._notempty, self._cond:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()

#
# Simplified Queue type -- really just a locked pipe
#


class SimpleQueue(object):

    def __init__(self, *, ctx):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._poll = self._reader.poll
        self._wlock = ctx.Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._poll()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._reader, self._writer, self._rlock, self._wlock)

    def __setstate__(self, state):
        (self._reader, self._writer, self._rlock, self._wlock) = state
        self._poll = self._reader.poll

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        # unserialize the data after having released the lock
        return _ForkingPickler.loads(res)

    def put(self, obj):
        # serialize the data before acquiring the lock
        obj = _ForkingPickler.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(obj)
