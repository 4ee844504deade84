# A class's __mro__ tuple stays valid after the class is gone (it used to hold the class without a reference: a crash).
def make():
    class C:
        pass
    return C.__mro__
m = make()
import gc
gc.collect()
print(m[0].__name__, len(m))
