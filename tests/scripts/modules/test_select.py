# select.select, select.poll and selectors: readiness, timeouts, errors, signals during a wait.
import select, selectors, os, time
def named(result):
    # The descriptors' numbers depend on what the test runner left open: print names.
    names = {r: "r", w: "w"}
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], int):
        return (names.get(result[0], result[0]), result[1])  # poll's (fd, events)
    if isinstance(result, tuple):
        return tuple(named(x) for x in result)
    if isinstance(result, list):
        return [named(x) for x in result]
    return names.get(result, result)
r, w = os.pipe()
print(named(select.select([r], [w], [], 0)))
os.write(w, b"x")
print(named(select.select([r], [], [], 1.0)))
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
fr = F(r)
res = select.select([fr], [], [])
print(res[0][0] is fr)
p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(named(sorted(p.poll(0))))
p.modify(w, select.POLLIN)
print(named(p.poll(0)))
p.unregister(w)
try: p.unregister(w)
except KeyError as e: print("KeyError", named(e.args[0]))
try: p.modify(w, select.POLLIN)
except FileNotFoundError as e: print(e)
print(os.read(r, 1), p.poll(10))
os.close(w)
print(named(p.poll()), select.POLLHUP)
for bad in (-1, "x"):
    try: select.select([bad], [], [], 0)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: select.select([], [], [], -1)
except ValueError as e: print(e)
try: select.select([], [], [], "1")
except TypeError as e: print(e)
t = time.monotonic(); print(select.select([], [], [], 0.05), time.monotonic() - t >= 0.04)
os.close(r)
try: select.select([r], [], [], 0)
except OSError as e: print(e)
r, w = os.pipe()
with selectors.DefaultSelector() as sel:
    key = sel.register(r, selectors.EVENT_READ, "data")
    print(key.fd == r, key.events, key.data, len(sel.get_map()))
    print(sel.select(0))
    os.write(w, b"y")
    print([(k.data, ev) for k, ev in sel.select(1)])
    sel.modify(r, selectors.EVENT_READ, "other")
    print(sel.get_key(r).data)
    sel.unregister(r)
    try: sel.get_key(r)
    except KeyError as e: print("KeyError", str(e) == repr("%d is not registered" % r))
sel = selectors.SelectSelector()
sel.register(w, selectors.EVENT_WRITE)
print([ev for k, ev in sel.select(0)])
sel.close()
os.close(r); os.close(w)
import signal
def h(s, f): raise RuntimeError("timer fired")
signal.signal(signal.SIGALRM, h)
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try: select.select([r], [], [])
except RuntimeError as e: print(e)
fired = []
signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02)
print(select.select([r], [], [], 0.1), fired)
