# modules: sys.exc_info inside and outside except blocks, nested handlers, and in finally
import sys
print(sys.exc_info())
try:
    raise ValueError("current")
except ValueError:
    exc_type, exc_value, exc_tb = sys.exc_info()
    print(exc_type.__name__, exc_value, exc_tb is not None, exc_type is type(exc_value))
    try:
        raise KeyError("inner")
    except KeyError:
        print("inner:", sys.exc_info()[0].__name__)
    print("restored:", sys.exc_info()[0].__name__)
print("after:", sys.exc_info())
def handler():
    try:
        1 / 0
    except ZeroDivisionError:
        return sys.exc_info()[1]
print(repr(handler()), sys.exc_info()[0])
try:
    try:
        raise TypeError("in try")
    finally:
        print("in finally:", sys.exc_info()[0].__name__)
except TypeError:
    pass
def called_in_except():
    return sys.exc_info()[0].__name__
try:
    raise IndexError
except IndexError:
    print("visible in callee:", called_in_except())
print(sys.exc_info() == (None, None, None))
