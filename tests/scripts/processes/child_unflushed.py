# Children that leave without flushing stdout: returning from the target, sys.exit() and an uncaught exception still deliver their buffered prints (Process flushes the standard streams on the way out); for both start methods.
import multiprocessing as mp
import os
import sys

from helper_leftovers import Leftovers


def returns(tag):
    print(tag, "printed by a child that returns", end="")
    print()
    sys.stdout.write(tag + " written without a newline at the end")


def exits(tag):
    print(tag, "printed before sys.exit(5)")
    sys.exit(5)


def raises(tag):
    print(tag, "printed before an exception")
    sys.stderr = open(os.devnull, "w")   # the traceback names library files: not compared
    raise LookupError("left without flushing")


if __name__ == "__main__":
    leftovers = Leftovers()
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        for target in (returns, exits, raises):
            p = ctx.Process(target=target, args=(method,))
            p.start()
            p.join()
            print()
            print(method, target.__name__, "exit code", p.exitcode, flush=True)
    del p
    leftovers.check()
