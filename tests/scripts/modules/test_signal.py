# The signal module: Python handlers, SIGINT -> KeyboardInterrupt, SIG_IGN, alarm and timers
# interrupting blocking calls, getsignal, errors.
import os
import select
import signal
import sys
import threading
import time

got = []


def handler(signum, frame):
    got.append(signum)


old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)

try:
    os.kill(os.getpid(), signal.SIGINT)
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN, signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")

signal.signal(signal.SIGINT, lambda s, f: print("custom SIGINT handler"))
os.kill(os.getpid(), signal.SIGINT)
signal.signal(signal.SIGINT, signal.default_int_handler)

signal.signal(signal.SIGUSR2, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR2)
print("SIGUSR2 ignored")


def alarm_handler(signum, frame):
    signal.setitimer(signal.ITIMER_REAL, 0)
    raise TimeoutError("alarm")


signal.signal(signal.SIGALRM, alarm_handler)
# The alarms repeat until the handler cancels them: one that lands between the handler check
# and the blocking call (a loaded machine) only delays the interruption to the next one.
signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
try:
    time.sleep(5)
except TimeoutError as e:
    print("sleep interrupted:", e)
signal.alarm(10)
print("alarm left:", signal.alarm(0))
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
try:
    os.read(r, 10)
except TimeoutError as e:
    print("read interrupted:", e)

# A handler that returns lets the interrupted call go on (PEP 475).
count = []
signal.signal(signal.SIGALRM, lambda s, f: count.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(select.select([r], [], [], 0.2), len(count))
signal.setitimer(signal.ITIMER_REAL, 0.05)
sys.stdout.flush()  # CPython does not flush before fork
pid = os.fork()
if pid == 0:
    time.sleep(0.2)
    os._exit(7)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), len(count))
os.close(r)
os.close(w)

# A signal arriving while another thread runs is handled by the main thread.
seen = []
signal.signal(signal.SIGUSR1, lambda s, f: seen.append(threading.current_thread().name))
t = threading.Thread(target=lambda: os.kill(os.getpid(), signal.SIGUSR1))
t.start()
t.join()
time.sleep(0.01)
print(seen)

for bad in (0, signal.NSIG, -1):
    try:
        signal.signal(bad, signal.SIG_DFL)
    except ValueError as e:
        print("ValueError:", e)
try:
    signal.signal(signal.SIGKILL, signal.SIG_IGN)
except OSError as e:
    print("OSError:", e)
try:
    signal.signal(signal.SIGTERM, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    signal.strsignal(0)
except ValueError as e:
    print("ValueError:", e)


def from_thread():
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError as e:
        print("ValueError:", e)


t = threading.Thread(target=from_thread)
t.start()
t.join()
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM), signal.NSIG, len(signal.valid_signals()))
print(int(signal.SIGINT), int(signal.SIGTERM), int(signal.SIGKILL), int(signal.SIGCHLD), int(signal.SIG_IGN))
signal.signal(signal.SIGUSR1, handler)
got.clear()
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
print("blocked:", [int(s) for s in signal.sigpending()], got)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print("unblocked:", got)
