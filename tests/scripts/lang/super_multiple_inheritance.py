# lang: cooperative super() across a diamond, super in class methods and with arguments
class Base:
    def __init__(self, **kwargs):
        print("Base.__init__ leftover", kwargs)
    def chain(self):
        return ["Base"]
class Left(Base):
    def __init__(self, left=None, **kwargs):
        print("Left.__init__", left)
        super().__init__(**kwargs)
    def chain(self):
        return ["Left"] + super().chain()
class Right(Base):
    def __init__(self, right=None, **kwargs):
        print("Right.__init__", right)
        super().__init__(**kwargs)
    def chain(self):
        return ["Right"] + super().chain()
class Child(Left, Right):
    def __init__(self, **kwargs):
        print("Child.__init__")
        super().__init__(**kwargs)
    def chain(self):
        return ["Child"] + super().chain()
c = Child(left=1, right=2, extra=3)
print(c.chain())
print(super(Left, c).chain())
print(super(Child, c).chain())
class Shape:
    @classmethod
    def create(cls):
        return f"Shape.create for {cls.__name__}"
class Square(Shape):
    @classmethod
    def create(cls):
        return "Square: " + super().create()
print(Square.create())
class Greeter:
    def hello(self):
        return "hello"
class Loud(Greeter):
    def hello(self):
        parent = super()
        return parent.hello().upper()
print(Loud().hello())
class Named:
    def __init__(self, name):
        self.name = name
class Tagged(Named):
    def __init__(self, name, tag):
        super(Tagged, self).__init__(name)
        self.tag = tag
t = Tagged("n", "t")
print(t.name, t.tag)
