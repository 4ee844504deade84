# os process calls: fork, pipe, read/write, waitpid statuses, kill, _exit codes, register_at_fork,
# fork with another thread running, descriptor calls.
import os
import signal
import sys
import threading

r, w = os.pipe()
print("pipe inheritable/blocking:", os.get_inheritable(r), os.get_blocking(r))
sys.stdout.flush()  # CPython does not flush before fork
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"hello from child")
    os._exit(3)
os.close(w)
print(os.read(r, 100))
print(os.read(r, 100))
os.close(r)
p, status = os.waitpid(pid, 0)
print(p == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.waitstatus_to_exitcode(status))

# Output printed before the fork comes out once (chaipy flushes at fork; CPython needs the flush).
print("before fork,", end=" ")
sys.stdout.flush()  # CPython does not flush before fork
pid = os.fork()
if pid == 0:
    print("child")
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
print("parent")

# A child killed by a signal, stopped and continued, and os.wait().
r, w = os.pipe()
sys.stdout.flush()  # CPython does not flush before fork
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)  # blocks until killed
    os._exit(0)
os.close(r)
os.kill(pid, signal.SIGSTOP)
p, status = os.waitpid(pid, os.WUNTRACED)
print("stopped:", os.WIFSTOPPED(status), os.WSTOPSIG(status) == signal.SIGSTOP)
try:
    os.waitstatus_to_exitcode(status)
except ValueError as e:
    print("ValueError:", e)
os.kill(pid, signal.SIGCONT)
os.kill(pid, signal.SIGTERM)
p, status = os.wait()
print(p == pid, os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM,
      os.waitstatus_to_exitcode(status) == -signal.SIGTERM)
os.close(w)
print("WNOHANG with no children:", end=" ")
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print(e)
sys.stdout.flush()  # CPython does not flush before fork
pid = os.fork()
if pid == 0:
    r, w = os.pipe()
    os.read(r, 1)
print("WNOHANG while running:", os.waitpid(pid, os.WNOHANG))
os.kill(pid, signal.SIGKILL)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
try:
    os.kill(pid, 0)
except ProcessLookupError as e:
    print(e)

# register_at_fork: before in reverse order, after in registration order.
calls = []
os.register_at_fork(before=lambda: calls.append("before1"), after_in_parent=lambda: calls.append("parent1"),
                    after_in_child=lambda: print("child1"))
os.register_at_fork(before=lambda: calls.append("before2"), after_in_parent=lambda: calls.append("parent2"),
                    after_in_child=lambda: print("child2"))
sys.stdout.flush()
sys.stdout.flush()  # CPython does not flush before fork
pid = os.fork()
if pid == 0:
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
print(calls)
for bad in ({}, {"before": 1}):
    try:
        os.register_at_fork(**bad)
    except TypeError as e:
        print("TypeError:", e)

# Forking while another thread runs: the child has only the forking thread.
release = threading.Event()
worker = threading.Thread(target=release.wait, name="worker")
worker.start()
sys.stdout.flush()  # CPython does not flush before fork
pid = os.fork()
if pid == 0:
    print("child sees:", [t.name for t in threading.enumerate()], threading.current_thread() is threading.main_thread())
    done = threading.Thread(target=lambda: print("a new thread in the child runs"))
    done.start()
    done.join()
    sys.stdout.flush()
    os._exit(0)
print("child exit code:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
release.set()
worker.join()
print("parent sees:", [t.name for t in threading.enumerate()])

# Descriptors.
path = "test_os_process.tmp"
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"abcdef"), os.lseek(fd, 0, os.SEEK_CUR), os.fstat(fd).st_size, os.isatty(fd))
os.close(fd)
fd = os.open(path, os.O_RDONLY)
copy = os.dup(fd)
print(os.get_inheritable(copy), os.lseek(copy, 2, os.SEEK_SET), os.read(fd, 2))
os.set_inheritable(copy, True)
print(os.get_inheritable(copy))
os.closerange(fd, copy + 1)
os.unlink(path)
try:
    os.close(fd)
except OSError as e:
    print(e)
try:
    os.open("no/such/dir/file", os.O_RDONLY)
except FileNotFoundError as e:
    print(e)
r, w = os.pipe()
os.set_blocking(r, False)
try:
    os.read(r, 1)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
os.close(r)
try:
    os.write(w, b"x")
except BrokenPipeError as e:
    print(e)
os.close(w)
print(os.getpgrp() == os.getpgid(0), os.getppid() > 0, os.WNOHANG, os.O_CREAT, os.SEEK_END)
