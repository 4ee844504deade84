# lang: the order in which nested try/except/finally blocks run
def order():
    log = []
    try:
        try:
            log.append("try")
            raise RuntimeError
        finally:
            log.append("inner finally")
    except RuntimeError:
        log.append("except")
    finally:
        log.append("outer finally")
    return log
print(order())
def nested_returns():
    try:
        try:
            return 1
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
print(nested_returns())

def generator_finally():
    try:
        yield "value"
    finally:
        print("  generator finally")
for item in generator_finally():
    print("got", item)
def exception_replaced_in_finally():
    try:
        raise KeyError("original")
    finally:
        raise ValueError("replacement")
try:
    exception_replaced_in_finally()
except ValueError as e:
    print("caught", repr(e), "context", repr(e.__context__))
