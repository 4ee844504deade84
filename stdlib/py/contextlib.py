# stdlib/py/contextlib.py — the contextlib module: contextmanager, suppress, closing, nullcontext, ExitStack, redirections.

import os
import sys
from functools import wraps

__all__ = ['contextmanager', 'closing', 'nullcontext', 'AbstractContextManager',
           'ContextDecorator', 'ExitStack', 'redirect_stdout', 'redirect_stderr',
           'suppress', 'chdir']


class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """Lets a context manager decorate a function: each call runs inside it."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class _GeneratorContextManager(AbstractContextManager, ContextDecorator):
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, '__doc__', None)
        if doc is not None:
            self.__doc__ = doc

    def _recreate_cm(self):
        # A generator runs once, so each decorated call needs a fresh one.
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator swallowed the exception (suppression) unless the
            # StopIteration is the very exception that was thrown in.
            return exc is not value
        except RuntimeError as exc:
            # PEP 479 turns a StopIteration thrown into the generator into a
            # RuntimeError whose __cause__ is the original.
            if exc is value or (isinstance(value, StopIteration) and exc.__cause__ is value):
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            # Returning False re-raises value; drop the frames the throw added.
            exc.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext(AbstractContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack of previous targets makes the same object re-entrant.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    _stream = 'stdout'


class redirect_stderr(_RedirectStream):
    _stream = 'stderr'


class chdir(AbstractContextManager):
    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        os.chdir(self._old_cwd.pop())


def _bound_exit(cm, cm_exit):
    def exit_wrapper(exc_type, exc, tb):
        return cm_exit(cm, exc_type, exc, tb)
    return exit_wrapper


class ExitStack(AbstractContextManager):
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        exit_method = getattr(type(exit), '__exit__', None)
        if exit_method is None:
            self._exit_callbacks.append(exit)
        else:
            self._exit_callbacks.append(_bound_exit(exit, exit_method))
        return exit

    def enter_context(self, cm):
        kind = type(cm)
        enter = getattr(kind, '__enter__', None)
        exit = getattr(kind, '__exit__', None)
        if enter is None or exit is None:
            raise TypeError(f"'{kind.__module__}.{kind.__qualname__}' object does "
                            f"not support the context manager protocol")
        result = enter(cm)
        self._exit_callbacks.append(_bound_exit(cm, exit))
        return result

    # The callback travels in *args so that its own keyword arguments may use any name.
    def callback(*args, **kwds):
        self, callback, args = args[0], args[1], args[2:]

        def exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append(exit_wrapper)
        return callback

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = sys.exc_info()[1]

        def fix_exception_context(new_exc, old_exc):
            # Chain a callback's exception to the one it replaced, not to
            # whatever the caller's frame happened to be handling.
            while True:
                context = new_exc.__context__
                if context is None or context is old_exc:
                    return
                if context is frame_exc:
                    break
                new_exc = context
            new_exc.__context__ = old_exc

        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            callback = self._exit_callbacks.pop()
            try:
                if callback(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException:
                new_exc_details = sys.exc_info()
                fix_exception_context(new_exc_details[1], exc_details[1])
                pending_raise = True
                exc_details = new_exc_details
        if pending_raise:
            fixed_context = exc_details[1].__context__
            try:
                raise exc_details[1]
            except BaseException:
                # Raising here would chain the exception to frame_exc; keep the fixed chain.
                exc_details[1].__context__ = fixed_context
                raise
        return received_exc and suppressed_exc

    def close(self):
        self.__exit__(None, None, None)
