# Ctrl-C (SIGINT from another process) interrupts blocking waits of the main thread with
# KeyboardInterrupt: os.waitpid, Popen.wait, subprocess.run (which kills its child).
import os
import subprocess
import sys
import time


def interrupt_soon():
    """A process that sends us SIGINT in a tenth of a second, as Ctrl-C would."""
    return subprocess.Popen(["sh", "-c", "sleep 0.1; kill -INT %d" % os.getpid()])


sys.stdout.flush()  # CPython does not flush before fork
pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
killer = interrupt_soon()
try:
    os.waitpid(pid, 0)
    print("not reached")
except KeyboardInterrupt:
    print("waitpid interrupted")
killer.wait()
os.kill(pid, 9)
print("child:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

sleeper = subprocess.Popen(["sleep", "30"])
killer = interrupt_soon()
try:
    sleeper.wait()
    print("not reached")
except KeyboardInterrupt:
    print("Popen.wait interrupted, returncode", sleeper.returncode)
killer.wait()
sleeper.kill()
print("sleeper:", sleeper.wait())

killer = interrupt_soon()
started = time.monotonic()
try:
    subprocess.run(["sleep", "30"])
    print("not reached")
except KeyboardInterrupt:
    print("run interrupted quickly:", time.monotonic() - started < 5)
killer.wait()
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    print("no children left")
