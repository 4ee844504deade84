# lang: nested try blocks, exceptions raised inside handlers, and bare raise
def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 // n
for n in (2, 0):
    try:
        try:
            print("result", risky(n))
        except ValueError as e:
            print("inner caught", e)
            raise TypeError("converted") from e
    except TypeError as e:
        print("outer caught", e, "cause", repr(e.__cause__))
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise IndexError("b")
except IndexError as e:
    print("context chain:", repr(e), "<-", repr(e.__context__))
def reraiser():
    try:
        raise OSError("disk")
    except OSError:
        print("logging before bare raise")
        raise
try:
    reraiser()
except OSError as e:
    print("propagated", e)
try:
    try:
        raise ValueError("first")
    except ValueError as first:
        try:
            raise ValueError("second")
        except ValueError:
            pass
        raise
except ValueError as e:
    print("bare raise re-raises the handled one:", e)
def in_finally():
    try:
        raise ValueError("original")
    finally:
        print("finally while ValueError propagates")
try:
    in_finally()
except ValueError as e:
    print("after finally:", e)
import sys
try:
    raise ZeroDivisionError("z")
except ZeroDivisionError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
