# lang: True, False, None, Ellipsis and their identities and types
print(True, False, None, ...)
print(type(True).__name__, type(None).__name__, type(...).__name__)
print(... is Ellipsis, repr(...), str(Ellipsis))
print(True + True, True * 3, False - 1, -True)
print(True == 1, False == 0, True is True)
print(None is None, None == None, None is not False)
print(not None, not ..., bool(None), bool(...))
print(repr(None), str(None), repr(True))
def nothing():
    pass
print(nothing() is None)
def stub():
    ...
print(stub())
print([None, True, ...])
print({True: "t", 1: "one"})
print(isinstance(True, int), int(True), float(False))
