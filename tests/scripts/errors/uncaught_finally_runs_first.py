# errors: finally blocks and with-exits run, and their output appears, before the traceback
class Guard:
    def __enter__(self):
        print("enter guard")
    def __exit__(self, *exc):
        print("exit guard with", exc[0].__name__)
def work():
    try:
        with Guard():
            raise TypeError("failure inside with")
    finally:
        print("finally in work")
work()
