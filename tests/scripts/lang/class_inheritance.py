# lang: single inheritance, overriding, super() calls and attribute lookup order
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} the {self.kind} says {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + "ish"
    def describe(self):
        return super().describe() + f" (age {self.age})"
class Cat(Animal):
    kind = "cat"
for a in (Animal("generic"), Dog("Rex"), Puppy("Bit", 1), Cat("Tom")):
    print(a.describe())
print(Puppy.__bases__, Dog.__base__, Animal.__bases__)
print(Puppy.__mro__)
print(issubclass(Puppy, Animal), isinstance(Puppy("x", 0), Dog), issubclass(Cat, Dog))
class Base:
    def __init__(self):
        self.log = ["Base"]
    def hook(self):
        return "base hook"
    def run(self):
        return self.hook()
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")
    def hook(self):
        return "derived hook"
d = Derived()
print(d.log, d.run(), Base.run(d))
print(type(d).__name__, type(d).__bases__[0].__name__)
class NoInit(Base):
    pass
print(NoInit().log)
