# threading's view of the threads: current_thread, main_thread, active_count, enumerate, get_ident, get_native_id, dummy threads.
import _thread
import threading

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(main.ident == threading.get_ident() == _thread.get_ident())
print(main.native_id == threading.get_native_id())
print(repr(main).startswith("<_MainThread(MainThread, started "))
print(threading.active_count(), [t.name for t in threading.enumerate()])

started = threading.Event()
finish = threading.Event()
seen = {}


def worker():
    me = threading.current_thread()
    seen["name"] = me.name
    seen["ident"] = me.ident == threading.get_ident()
    seen["native"] = me.native_id == threading.get_native_id()
    seen["not main"] = me is not threading.main_thread()
    started.set()
    finish.wait()


workers = [threading.Thread(target=worker, name=f"worker-{n}") for n in range(3)]
for t in workers:
    started.clear()
    t.start()
    started.wait()
print(seen)
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
print(all(t in threading.enumerate() for t in workers))
finish.set()
for t in workers:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])

# A thread started with _thread has no Thread object: current_thread() makes a dummy one.
dummy = []
done = _thread.allocate_lock()
done.acquire()


def raw():
    me = threading.current_thread()
    dummy.append((me.name.startswith("Dummy-"), me.daemon, me.is_alive(), type(me).__name__))
    done.release()


_thread.start_new_thread(raw, ())
done.acquire()
print(dummy)
print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX, threading.stack_size())
