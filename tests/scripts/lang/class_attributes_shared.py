# lang: class attributes are shared through the class until shadowed on the instance
class Team:
    members = []
    count = 0
    def join(self, name):
        self.members.append(name)
        self.count += 1
a = Team()
b = Team()
a.join("ann")
b.join("bob")
print(Team.members, a.members is b.members)
print(Team.count, a.count, b.count)
print("count" in vars(a), "members" in vars(a))
class Fixed:
    def __init__(self):
        self.members = []
    def join(self, name):
        self.members.append(name)
x, y = Fixed(), Fixed()
x.join("x")
print(x.members, y.members)
class Defaults:
    color = "red"
    size = 1
d = Defaults()
print(d.color, vars(d))
d.color = "blue"
print(d.color, Defaults.color, vars(d))
Defaults.size = 2
print(d.size)
class Child(Defaults):
    pass
print(Child.color, Child().size)
Child.color = "green"
print(Child.color, Defaults.color, sorted(k for k in vars(Child) if not k.startswith("__")))
