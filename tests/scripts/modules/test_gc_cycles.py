# Reference cycles of every container kind are found and freed by gc.collect().
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def report(label, make):
    gc.collect()
    for _ in range(20):
        make()
    print(label, gc.collect() > 0, gc.collect())


def self_list():
    items = []
    items.append(items)


def self_dict():
    table = {}
    table["me"] = table


def instance_pair():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a


def closure():
    def inner():
        return inner
    return None


def frozenset_of_tuple():
    holder = Node("f")
    holder.other = frozenset([(1, holder)])


def bound_method_cycle():
    n = Node("m")
    n.method = n.__init__


def class_in_function():
    class Local:
        def method(self):
            return super().__init__
    Local.me = Local


def exception_cycle():
    try:
        raise ValueError("boom")
    except ValueError as e:
        e.me = e


def module_cycle():
    m = type(gc)("scratch")
    m.me = m


for label, make in [("list", self_list), ("dict", self_dict), ("instances", instance_pair), ("closure", closure),
                    ("frozenset", frozenset_of_tuple), ("bound method", bound_method_cycle),
                    ("class", class_in_function), ("exception", exception_cycle), ("module", module_cycle)]:
    report(label, make)

# Reachable objects are left alone, however tangled.
keep = Node("keep")
keep.other = keep
keep.items = [keep, {"k": keep}]
gc.collect()
print(keep.name, keep.other is keep, keep.items[1]["k"].name)

# A suspended generator caught in a cycle is closed: its finally block runs.
def closing():
    try:
        yield 1
    finally:
        print("finally ran")


holder = Node("holder")
holder.gen = closing()
holder.other = holder
next(holder.gen)
del holder
print(gc.collect() > 0)

# Automatic collection: with gc enabled, garbage does not wait for gc.collect().
gc.collect()
gc.set_threshold(100)
for _ in range(1000):
    instance_pair()
print("automatic", gc.collect() < 200)
gc.disable()
for _ in range(1000):
    instance_pair()
print("disabled", gc.collect() >= 2000)  # two instances a pair (and their dicts here)
gc.enable()
