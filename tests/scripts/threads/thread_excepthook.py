# An exception escaping a thread: "Exception in thread NAME:" and the traceback on stderr, and the program goes on; custom threading.excepthook.
import io
import sys
import threading


def fail(message):
    raise ValueError(message)


captured = io.StringIO()
real_stderr = sys.stderr
sys.stderr = captured
t = threading.Thread(target=fail, args=("no milk",), name="Barista-1")
t.start()
t.join()
sys.stderr = real_stderr
lines = captured.getvalue().splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])
print("the program goes on; thread alive:", t.is_alive())

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is not None, type(args).__name__))


threading.excepthook = hook
t = threading.Thread(target=fail, args=("no sugar",), name="Barista-2")
t.start()
t.join()
print(seen)


def exits():
    sys.exit(3)


t = threading.Thread(target=exits)
t.start()
t.join()
print("SystemExit in a thread is silent:", len(seen))


def broken_hook(args):
    raise RuntimeError("hook failed")


threading.excepthook = broken_hook
captured = io.StringIO()
sys.stderr = captured
t = threading.Thread(target=fail, args=("no tea",))
t.start()
t.join()
sys.stderr = real_stderr
lines = captured.getvalue().splitlines()
print(lines[0])
print(lines[-1])
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
