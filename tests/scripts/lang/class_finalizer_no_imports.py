# __del__ without any import (so the run fuzzer, which skips scripts that import, starts from it): order of finalizers in a chain, resurrection, a finalizer that raises, one that creates and drops more finalizable objects, cycles left to exit.
log = []
saved = []


class Tracked:
    def __init__(self, name, link=None):
        self.name = name
        self.link = link

    def __del__(self):
        log.append(self.name)


class Phoenix(Tracked):
    def __del__(self):
        log.append("phoenix " + self.name)
        if len(saved) < 2:
            saved.append(self)


class Spawner(Tracked):
    def __del__(self):
        log.append("spawner " + self.name)
        Tracked(self.name + "'s child", Tracked(self.name + "'s grandchild"))


class Raiser(Tracked):
    def __del__(self):
        log.append("raiser " + self.name)
        raise RuntimeError("ignored")


chain = Tracked("head", Tracked("middle", Tracked("tail")))
del chain
print(log)
log.clear()

p = Phoenix("one")
del p
print(log, len(saved))
saved.clear()
print(log)
log.clear()

s = Spawner("s")
del s
print(log)
log.clear()

r = Raiser("r")
del r
print(log)
log.clear()


def scope():
    local = Tracked("local")
    return len(log)


print(scope(), log)
log.clear()

items = [Tracked(str(i)) for i in range(5)]
items.reverse()
del items
print(log)
log.clear()

d = {"a": Tracked("in a dict")}
d["a"] = None
print(log)
log.clear()

cycle = Tracked("cycle")
cycle.link = cycle
at_exit = Tracked("at exit")
del cycle
print("end", log)
