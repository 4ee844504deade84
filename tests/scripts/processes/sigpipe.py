# Writing to a pipe whose reader is gone raises BrokenPipeError (os.write, a file, a Connection) instead of killing the process; programs run by subprocess get SIGPIPE's default action back; a child printing into a closed pipe fails with BrokenPipeError.
import multiprocessing as mp
import os
import subprocess
import sys

from helper_leftovers import Leftovers

leftovers = Leftovers()

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"x")
except BrokenPipeError as e:
    print("os.write:", type(e).__name__, e.errno, e)
f = open(w, "wb", buffering=0)
try:
    f.write(b"data")
except BrokenPipeError as e:
    print("file.write:", type(e).__name__, e.errno)
f.close()
a, b = mp.Pipe()
a.close()
try:
    b.send("to nobody")
except BrokenPipeError as e:
    print("Connection.send:", type(e).__name__, e.errno)
out = subprocess.run("yes | head -n 2", shell=True, capture_output=True, text=True)
print("yes | head:", repr(out.stdout), out.returncode)
child = subprocess.Popen([sys.executable, "-c", "import sys\nfor i in range(100000): print('line', i)"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
child.stdout.read(10)
child.stdout.close()
err = child.stderr.read()
print("child printing into a closed pipe: exit code", child.wait(), "BrokenPipeError" in err.decode())
leftovers.check()
