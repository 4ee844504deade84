# Cycles through staticmethod, classmethod, property and super objects are collected by gc.collect().
import gc
import sys

# Each cycle below holds a reference to `witness`: its reference count shows whether the cycle
# is still alive (no weakref module here, and no finalizers).
witness = object()


def references_from_cycles():
    return sys.getrefcount(witness) - baseline


def check(label, make):
    gc.collect()
    make()
    print(label)
    print("  held by a cycle:", references_from_cycles() > 0)
    print("  unreachable found:", gc.collect() > 0)
    print("  cycle freed:", references_from_cycles() == 0)


def staticmethod_using_class():
    # class -> dict -> staticmethod -> function -> __class__ cell -> class
    class Holder:
        @staticmethod
        def make():
            return __class__

    Holder.witness = witness


def classmethod_using_class():
    class Holder:
        @classmethod
        def make(cls):
            return __class__

    Holder.witness = witness


def property_using_super():
    class Base:
        @property
        def value(self):
            return 1

    class Derived(Base):
        @property
        def value(self):
            return super().value + 1

    assert Derived().value == 2
    Derived.witness = witness


def property_closure():
    # property -> getter -> closure cell -> property, with no class involved
    def getter(self):
        return prop

    prop = property(getter)
    getter.witness = witness


def implicit_new_calling_super():
    class Made:
        def __new__(cls):
            return super().__new__(cls)

    Made()
    Made.witness = witness


def super_on_instance():
    class Node:
        pass

    node = Node()
    node.parent = super(Node, node)
    node.witness = witness


def wrapped_twice():
    # a staticmethod object holding a classmethod object: wrappers of wrappers
    def inner(cls):
        return box

    box = staticmethod(classmethod(inner))
    inner.witness = witness


baseline = sys.getrefcount(witness)
for label, make in [
    ("staticmethod", staticmethod_using_class),
    ("classmethod", classmethod_using_class),
    ("property", property_using_super),
    ("property closure", property_closure),
    ("implicit __new__", implicit_new_calling_super),
    ("super", super_on_instance),
    ("wrapped twice", wrapped_twice),
]:
    check(label, make)

# The wrappers keep working after many collections while they are alive.
class Alive:
    @staticmethod
    def s():
        return "static", __class__.__name__

    @classmethod
    def c(cls):
        return "class", cls.__name__

    @property
    def p(self):
        return "property"


gc.collect()
print(Alive.s(), Alive.c(), Alive().p, Alive.__dict__["s"].__func__.__name__)
print(repr(super(Alive, Alive()))[:21])

# The collector sees what each wrapper refers to.
def function():
    return 1


instance = Alive()
for made in [staticmethod(function), classmethod(function), property(function), super(Alive, instance)]:
    referents = gc.get_referents(made)
    print(type(made).__name__, gc.is_tracked(made), function in referents or instance in referents)
