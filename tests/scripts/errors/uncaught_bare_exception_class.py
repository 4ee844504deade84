# errors: raising an exception class with no message prints only the class name
def check(value):
    if value < 0:
        raise ValueError
    return value
check(1)
check(-1)
