# types: None: singleton, falsy, repr, comparisons, common uses and errors
print(None, repr(None), str(None), type(None).__name__, bool(None))
print(None is None, None == None, None != 0, None == False, [None] == [None])
def no_return():
    pass
def bare_return():
    return
print(no_return(), bare_return(), print() is None)
print({None: "key"}[None], [None] * 3, (None,), None in [0, None])
value = None
print(value or "fallback", value is None and "is none")
try:
    None < 1
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    None.attribute
except AttributeError as e:
    print("AttributeError:", e)
nothing = None
try:
    nothing()
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
print(type(None)() is None, hash(None) == hash(None))
