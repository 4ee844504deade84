# Script test for contextlib: contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout.
import contextlib
import sys
from helper_check import attempt

log = []


@contextlib.contextmanager
def tag(name):
    """Wrap output in a tag."""
    log.append(f'<{name}>')
    try:
        yield name.upper()
    finally:
        log.append(f'</{name}>')


with tag('b') as value:
    log.append(value)
print(log, tag.__name__, tag.__doc__)
log.clear()
try:
    with tag('i'):
        raise KeyError('inside')
except KeyError as error:
    print('propagated', repr(error), log)


@contextlib.contextmanager
def swallow(*kinds):
    try:
        yield
    except kinds as error:
        print('swallowed', type(error).__name__, error)


with swallow(ValueError):
    int('x')
print('after swallow')
try:
    with swallow(ValueError):
        raise TypeError('not swallowed')
except TypeError as error:
    print('escaped', error)


@contextlib.contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError as error:
        raise ValueError('translated') from error


try:
    with translate():
        1 / 0
except ValueError as error:
    print(error, type(error.__cause__).__name__)


@contextlib.contextmanager
def no_yield():
    if False:
        yield


@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2


@contextlib.contextmanager
def keeps_yielding():
    while True:
        try:
            yield
        except Exception:
            pass


def use(manager):
    with manager:
        pass


def use_and_raise(manager):
    with manager:
        raise ValueError('boom')


attempt("didn't yield", lambda: use(no_yield()))
attempt("didn't stop", lambda: use(two_yields()))
attempt("didn't stop after throw", lambda: use_and_raise(keeps_yielding()))


@contextlib.contextmanager
def reraise_stop():
    yield


def raise_stop_iteration():
    with reraise_stop():
        raise StopIteration('stop')


attempt('StopIteration passes through', raise_stop_iteration)


@tag('decorated')
def decorated(x):
    log.append(x)
    return x * 2


log.clear()
print(decorated(3), decorated(4), log)

with contextlib.suppress(KeyError, IndexError):
    {}['missing']
with contextlib.suppress(LookupError):
    [][1]
with contextlib.suppress():
    pass
try:
    with contextlib.suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as error:
    print('suppress let through', error)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print('closing', self.name)


with contextlib.closing(Resource('file')) as resource:
    print('using', resource.name)
with contextlib.nullcontext() as nothing:
    print('null gives', nothing)
with contextlib.nullcontext(42) as answer:
    print('null gives', answer)


class Loud:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('enter', self.name)
        return self.name

    def __exit__(self, kind, value, traceback):
        print('exit', self.name, kind.__name__ if kind else None)
        return self.suppress


with contextlib.ExitStack() as stack:
    names = [stack.enter_context(Loud(n)) for n in 'abc']
    stack.callback(print, 'callback with', 'args', sep='|')
    stack.push(lambda *details: print('pushed exit sees', details[0]))
    print('inside', names)

with contextlib.ExitStack() as stack:
    stack.enter_context(Loud('suppressor', suppress=True))
    stack.enter_context(Loud('inner'))
    raise RuntimeError('swallowed by the stack')
print('after suppressing stack')

try:
    with contextlib.ExitStack() as stack:
        stack.callback(lambda: print('last callback runs'))

        def failing_exit(*details):
            raise KeyError('from exit')
        stack.push(failing_exit)
        raise ValueError('original')
except KeyError as error:
    print('replaced by', repr(error), 'context', repr(error.__context__))

stack = contextlib.ExitStack()
stack.callback(print, 'deferred')
moved = stack.pop_all()
stack.close()
print('nothing closed yet')
moved.close()
attempt('enter_context without protocol', lambda: contextlib.ExitStack().enter_context(object()))


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


collector = Collector()
with contextlib.redirect_stdout(collector) as target:
    print('captured', 1, 2)
    print('more')
print(target is collector, collector.parts)
errors = Collector()
with contextlib.redirect_stderr(errors):
    sys.stderr.write('to stderr\n')
print(errors.parts, sys.stdout is not collector, sys.stderr is not errors)
