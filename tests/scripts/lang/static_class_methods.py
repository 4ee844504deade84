# lang: staticmethod and classmethod: binding, alternate constructors, inheritance
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, text):
        return cls(*map(int, text.split("-")))
    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(MyDate.from_string("2000-1-1").from_string("2001-2-3"))
class Counter:
    count = 0
    @classmethod
    def increment(cls):
        cls.count += 1
        return cls.count
class SubCounter(Counter):
    pass
Counter.increment()
SubCounter.increment()
SubCounter.increment()
print(Counter.count, SubCounter.count)
print(type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["from_string"]).__name__)
print(Date.is_leap is Date.__dict__["is_leap"].__func__)
bound = Date.from_string
print(bound.__self__ is Date, bound.__name__)
def plain(x):
    return x * 2
class Holder:
    double = staticmethod(plain)
    make = classmethod(lambda cls: cls.__name__)
print(Holder.double(4), Holder().double(5), Holder.make(), Holder().make())
