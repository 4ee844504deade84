# lang: truthiness from __bool__, then __len__, then default True
class Always:
    pass
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("  __bool__ called")
        return self.on
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
for obj in (Always(), Empty(), Full(), Flag(True), Flag(False), Both()):
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj)
print(Flag(False) or "fallback")
print(Flag(True) and "second")
f = Flag(True)
while f:
    print("  loop once")
    f.on = False
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
print([x for x in (Empty(), Full(), Always()) if x].__len__())
