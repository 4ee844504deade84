# threading.Thread: targets, arguments, names, subclassing, join, is_alive, ident, daemon, reprs and misuse errors.
import threading


def show_error(action):
    try:
        action()
    except Exception as error:
        print(type(error).__name__ + ":", error)


def no_numbers(text):
    out = ""
    for c in text:
        if not c.isdigit():
            out += c
        elif not out.endswith("N"):
            out += "N"
    return out


results = []


def take_orders(count, prefix="order"):
    for i in range(1, count + 1):
        results.append(f"{prefix} #{i}")


t = threading.Thread(target=take_orders, args=(2,), kwargs={"prefix": "chai"})
print(t.name, t.ident, t.native_id, t.is_alive(), t.daemon)
print(repr(t))
t.start()
t.join()
print(results, t.is_alive())
print(no_numbers(repr(t)))
print(type(t.ident).__name__, type(t.native_id).__name__)
show_error(t.start)

other = threading.Thread(target=take_orders, args=(1,))
print(other.name)
named = threading.Thread(target=take_orders, name="Barista-1", args=(0,))
print(named.name)
numbered = threading.Thread(name=7)
print(repr(numbered.name))
anonymous = threading.Thread()
print(anonymous.name)
lam = threading.Thread(target=lambda: None)
print(lam.name)
named.name = "Barista-2"
print(named.name, named.getName())
named.setName("Barista-3")
print(named.name)


class Brewer(threading.Thread):
    def __init__(self, cups):
        super().__init__()
        self.cups = cups
        self.brewed = 0

    def run(self):
        for _ in range(self.cups):
            self.brewed += 1


brewer = Brewer(5)
print(brewer.name)
brewer.start()
brewer.join()
print("brewed", brewer.brewed)

show_error(threading.Thread().join)
show_error(threading.current_thread().join)

gate = threading.Event()
release = threading.Event()


def wait_for_release():
    gate.set()
    release.wait()


waiting = threading.Thread(target=wait_for_release, daemon=True)
print(waiting.daemon, waiting.isDaemon())
waiting.start()
gate.wait()
print(waiting.is_alive())
print(no_numbers(repr(waiting)))


def set_daemon():
    waiting.daemon = False


show_error(set_daemon)
waiting.join(0.01)
print("after join with timeout:", waiting.is_alive())
release.set()
waiting.join()
print("after join:", waiting.is_alive())
waiting.join()

inherit = []


def spawn_child():
    child = threading.Thread(target=lambda: None)
    inherit.append(child.daemon)


parent = threading.Thread(target=spawn_child, daemon=True)
parent.start()
parent.join()
print("child of a daemon is a daemon:", inherit)
plain = threading.Thread(target=lambda: None)
plain.setDaemon(True)
print(plain.daemon)


class NoInit(threading.Thread):
    def __init__(self):
        pass


show_error(NoInit().start)
print(threading.Thread.run is not None, threading.ThreadError is RuntimeError)
