# _thread: locks, RLock, start_new_thread, idents, stack_size, _local, interrupt_main, exit.
import _thread
import time


def show_error(action):
    try:
        action()
    except Exception as error:
        print(type(error).__name__ + ":", error)


lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType)
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))
print(lock.locked(), lock.acquire(), lock.locked())
print(repr(lock).startswith("<locked _thread.lock object at 0x"))
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01), lock.acquire(True, 0))
lock.release()
print(lock.locked())
show_error(lock.release)
show_error(lambda: lock.acquire(False, 1))
show_error(lambda: lock.acquire(True, -2))
show_error(lambda: lock.acquire(True, "x"))
show_error(lambda: lock.acquire(1, 2, 3))
show_error(lambda: lock.release(1))
show_error(lambda: _thread.LockType())
print(lock.acquire(True, -1), lock.acquire_lock(0), lock.locked_lock())
lock.release_lock()
with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())
print(_thread.allocate is not None, _thread.error is RuntimeError, _thread.TIMEOUT_MAX)

rlock = _thread.RLock()
print(repr(rlock).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))
print(rlock.acquire(), rlock.acquire(), rlock._is_owned())
print(repr(rlock).startswith("<locked _thread.RLock object owner=%d count=2 at 0x" % _thread.get_ident()))
state = rlock._release_save()
print(state == (2, _thread.get_ident()), rlock._is_owned())
rlock._acquire_restore(state)
rlock.release()
rlock.release()
show_error(rlock.release)
with rlock:
    print("rlock held:", rlock._is_owned())

ident = _thread.get_ident()
print(type(ident).__name__, ident == _thread.get_ident(), type(_thread.get_native_id()).__name__)

results = []
done = _thread.allocate_lock()
done.acquire()


def worker(a, b, scale=1):
    results.append((a + b) * scale)
    results.append(_thread.get_ident() != ident)
    done.release()


new_ident = _thread.start_new_thread(worker, (1, 2), {"scale": 10})
done.acquire()
print(results, type(new_ident).__name__)


def quits():
    try:
        _thread.exit()
    finally:
        done.release()


_thread.start_new_thread(quits, ())
done.acquire()
print("exit ended the thread quietly")

show_error(lambda: _thread.start_new_thread(1, ()))
show_error(lambda: _thread.start_new_thread(print, []))
show_error(lambda: _thread.start_new_thread(print, (), 1))
show_error(lambda: _thread.start_new_thread(print))
show_error(lambda: _thread.stack_size(100))
print(_thread.stack_size(), _thread.stack_size(1 << 20), _thread.stack_size(), _thread.stack_size(0))


def small_stack():
    results.append("ran with a 1 MiB stack")
    done.release()


_thread.stack_size(1024 * 1024)
_thread.start_new_thread(small_stack, ())
done.acquire()
_thread.stack_size(0)
print(results[-1])

local = _thread._local()
local.x = 1


def look():
    results.append(hasattr(local, "x"))
    local.x = 2
    results.append(local.x)
    done.release()


_thread.start_new_thread(look, ())
done.acquire()
print(results[-2:], local.x)
show_error(lambda: _thread._local(1))

try:
    _thread.interrupt_main()
    for _ in range(1000):
        pass
    print("not interrupted")
except KeyboardInterrupt as interrupt:
    print("KeyboardInterrupt", repr(interrupt))
show_error(lambda: _thread.interrupt_main(100000))

counting = _thread.allocate_lock()
counting.acquire()
release_it = _thread.allocate_lock()
release_it.acquire()


def waits():
    counting.release()
    release_it.acquire()
    done.release()


before = _thread._count()
_thread.start_new_thread(waits, ())
counting.acquire()
print("running threads:", _thread._count() - before)
release_it.release()
done.acquire()
time.sleep(0.05)
print("running threads after:", _thread._count() - before)
