# lang: isinstance and issubclass with classes, builtins and tuples of types
class Animal: pass
class Dog(Animal): pass
class Robot: pass
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object), isinstance(d, Robot))
print(isinstance(d, (Robot, Animal)), isinstance(d, (Robot, int)), isinstance(d, ()))
print(isinstance(d, (Robot, (int, Dog))))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(Dog, object))
print(issubclass(Dog, (Robot, Animal)), issubclass(bool, int), issubclass(int, bool))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance(b"b", bytes), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set))
print(isinstance(int, type), isinstance(Dog, type), isinstance(type, type), isinstance(type, object))
print(issubclass(type, object), issubclass(KeyError, LookupError), issubclass(KeyError, (ValueError, Exception)))
try:
    isinstance(d, "Dog")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(d, Dog)
except TypeError as e:
    print("TypeError:", e)
print(type(d) is Dog, type(d) == Animal, type(d).__name__)
