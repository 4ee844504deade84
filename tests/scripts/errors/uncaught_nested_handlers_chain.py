# errors: a three-link chain mixing implicit context and an explicit cause
def first():
    raise KeyError("k")
def second():
    try:
        first()
    except KeyError as e:
        raise ValueError("v") from e
def third():
    try:
        second()
    except ValueError:
        raise TypeError("t")
third()
