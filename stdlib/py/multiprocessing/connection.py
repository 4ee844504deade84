# multiprocessing.connection: Connection objects over pipes (messages framed as a 4-byte big-endian length + pickle), Pipe() and wait().
__all__ = ['Pipe', 'wait']

import os
import time

import _multiprocessing

from . import reduction
from .context import BufferTooShort
_ForkingPickler = reduction.ForkingPickler

_send_frame = _multiprocessing.send_frame
_recv_frame = _multiprocessing.recv_frame
_wait_readable = _multiprocessing.wait_readable


class _ConnectionBase:
    _handle = None

    def __init__(self, handle, readable=True, writable=True):
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError(
                "at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    def _bad_message_length(self):
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    @property
    def closed(self):
        """True if the connection is closed"""
        return self._handle is None

    @property
    def readable(self):
        """True if the connection is readable"""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable"""
        return self._writable

    def fileno(self):
        """File descriptor or handle of the connection"""
        self._check_closed()
        return self._handle

    def close(self):
        """Close the connection"""
        if self._handle is not None:
            try:
                self._close()
            finally:
                self._handle = None

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object"""
        self._check_closed()
        self._check_writable()
        if not isinstance(buf, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(buf).__name__)
        n = len(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        if offset or size != n:
            buf = bytes(buf[offset:offset + size])
        _send_frame(self._handle, buf)

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        _send_frame(self._handle, _ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """
        Receive bytes data as a bytes object.
        """
        handle = self._handle
        if handle is None or not self._readable or maxlength is not None:
            self._check_closed()
            self._check_readable()
            if maxlength is not None and maxlength < 0:
                raise ValueError("negative maxlength")
        try:
            return _recv_frame(handle, maxlength)
        except OSError as e:
            if str(e) == "bad message length":
                self._bad_message_length()
            raise

    def recv_bytes_into(self, buf, offset=0):
        """
        Receive bytes data into a writeable bytearray; returns the number of bytes read.
        """
        self._check_closed()
        self._check_readable()
        if offset < 0:
            raise ValueError("negative offset")
        elif offset > len(buf):
            raise ValueError("offset too large")
        data = _recv_frame(self._handle)
        if len(data) > len(buf) - offset:
            raise BufferTooShort(data)
        buf[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        return _ForkingPickler.loads(_recv_frame(self._handle))

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        return bool(_wait_readable([self._handle], timeout))

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __reduce__(self):
        df = reduction.DupFd(self.fileno())
        return rebuild_connection, (df, self.readable, self.writable)


class Connection(_ConnectionBase):
    """
    Connection class based on an arbitrary file descriptor (Unix only), or
    a socket handle (Windows).
    """

    def _close(self, _close=os.close):
        _close(self._handle)


def rebuild_connection(df, readable, writable):
    fd = df.detach()
    return Connection(fd, readable, writable)


def Pipe(duplex=True):
    '''
    Returns pair of connection objects at either end of a pipe
    '''
    if duplex:
        s1, s2 = _multiprocessing.socketpair()
        c1 = Connection(s1)
        c2 = Connection(s2)
    else:
        fd1, fd2 = os.pipe()
        c1 = Connection(fd1, writable=False)
        c2 = Connection(fd2, readable=False)

    return c1, c2


def wait(object_list, timeout=None):
    '''
    Wait till an object in object_list is ready/readable.

    Returns list of those objects in object_list which are ready/readable.
    '''
    by_fd = {}
    for obj in object_list:
        fd = obj if isinstance(obj, int) else obj.fileno()
        by_fd.setdefault(fd, []).append(obj)
    ready = _wait_readable(list(by_fd), timeout)
    return [obj for fd in ready for obj in by_fd[fd]]

