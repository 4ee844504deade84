# Writing to a full device (/dev/full) and to read-only places: OSError with CPython's errno and message, raised by the call that hits it (open, write, flush or close), and never a write reported as done when its data was lost.
import os


def attempt(label, call):
    try:
        result = call()
        print(label, "->", repr(result))
    except OSError as e:
        print(label, "raised", type(e).__name__, e.errno, repr(e.strerror), repr(e.filename), "|", e)


# A full device: buffered writes are accepted into the buffer, the flush that sends them fails.
f = open("/dev/full", "w")
attempt("text write", lambda: f.write("hello\n"))
attempt("text flush", f.flush)
attempt("text close", f.close)
print("closed after the failed close:", f.closed)

f = open("/dev/full", "wb")
attempt("buffered write (fits the buffer)", lambda: f.write(b"x" * 10))
attempt("buffered write (more than the buffer)", lambda: f.write(b"y" * 100000))
attempt("buffered writelines", lambda: f.writelines([b"a", b"b"]))
attempt("buffered close", f.close)
print("closed:", f.closed)

f = open("/dev/full", "wb", buffering=0)
attempt("unbuffered write", lambda: f.write(b"xy"))
attempt("unbuffered write of nothing", lambda: f.write(b""))
f.close()

fd = os.open("/dev/full", os.O_WRONLY)
attempt("os.write", lambda: os.write(fd, b"abc"))
os.close(fd)


def with_block():
    with open("/dev/full", "w") as g:
        g.write("line\n" * 3)
    return "left the with block"


attempt("with block", with_block)


def print_flush():
    with open("/dev/full", "w") as g:
        print("to a full device", file=g, flush=True)


attempt("print(flush=True)", print_flush)


def line_buffered():
    with open("/dev/full", "w", buffering=1) as g:
        return g.write("no newline yet"), g.write("\n")


attempt("line-buffered write of a newline", line_buffered)

def text_writes_past_the_buffer():
    # Each write that makes the buffer spill raises; what failed is not kept for later.
    g = open("/dev/full", "w")
    outcomes = []
    for size in (5000, 5000, 100, 20000, 10):
        try:
            outcomes.append(g.write("z" * size))
        except OSError as e:
            outcomes.append(e.errno)
    try:
        g.close()
    except OSError as e:
        outcomes.append(("close", e.errno))
    return outcomes


attempt("text writes past the buffer", text_writes_past_the_buffer)

# Read-only places: a kernel file that takes no writes (the open succeeds: the write fails
# when the data reaches it), a directory where no file may be created, a file opened read-only.
f = open("/proc/version", "w")
attempt("/proc/version write", lambda: f.write("x"))
attempt("/proc/version flush", f.flush)
attempt("/proc/version close", f.close)
attempt("create in /sys", lambda: open("/sys/new_file", "w"))
attempt("create in /proc", lambda: open("/proc/new_file", "w"))
attempt("open a directory for writing", lambda: open("/", "w"))
attempt("os.open a directory for writing", lambda: os.open("/", os.O_WRONLY))

fd = os.open("/proc/version", os.O_RDONLY)
attempt("os.write to a read-only fd", lambda: os.write(fd, b"x"))
g = open(fd, "w", closefd=False)
attempt("write to a read-only fd", lambda: g.write("x"))
attempt("flush to a read-only fd", g.flush)
attempt("close", g.close)
os.close(fd)

with open("/proc/version") as f:
    try:
        f.write("x")
    except OSError as e:
        print("write to a file opened for reading:", type(e).__name__, e)
