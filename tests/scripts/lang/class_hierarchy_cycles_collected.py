# Bug: a class with a subclass was never collected: the subclass's mro tuple (untracked, owned by the subclass) held the base unseen by the collector, so any namespace with a class hierarchy (an exec'd module, __main__ at exit) leaked, and its objects' __del__ never ran.
import gc
import weakref

source = """
class Named:
    def __del__(self):
        print("__del__ of a", type(self).__name__)

class Sub(Named):
    pass

class Deeper(Sub):
    pass

keep = Named()
also = Deeper()
"""
namespace = {}
exec(source, namespace)
watch = [weakref.ref(namespace[name]) for name in ("Named", "Sub", "Deeper")]
del namespace
print("collected:", gc.collect() > 0)
print("classes gone:", [w() is None for w in watch])
