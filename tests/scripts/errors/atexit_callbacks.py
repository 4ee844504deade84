# atexit: callbacks run last-registered first after the script ends, with their arguments; an
# exception in one is reported ("Exception ignored in atexit callback") and the others still run.
import atexit


class Failing:
    def __repr__(self):
        return "<Failing callback>"

    def __call__(self):
        raise ValueError("callback failed")


def goodbye(name, punctuation="."):
    print("goodbye", name + punctuation)


atexit.register(goodbye, "world", punctuation="!")
atexit.register(Failing())


@atexit.register
def first():
    print("first registered last, so it runs first")


atexit.register(print, "never printed")
atexit.unregister(print)
try:
    atexit.register(42)
except TypeError as error:
    print("TypeError:", error)
print("end of script")
