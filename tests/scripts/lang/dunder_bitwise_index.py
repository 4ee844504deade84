# lang: bitwise operator dunders, their reflected forms, __divmod__, __rtruediv__ and __index__
class Bits:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Bits({self.v:#b})"
    def __and__(self, o):
        return Bits(self.v & o.v)
    def __or__(self, o):
        return Bits(self.v | o.v)
    def __xor__(self, o):
        return Bits(self.v ^ o.v)
    def __lshift__(self, n):
        return Bits(self.v << n)
    def __rshift__(self, n):
        return Bits(self.v >> n)
    def __invert__(self):
        return Bits(~self.v & 0xF)
    def __rand__(self, other):
        return Bits(other & self.v)
    def __ror__(self, other):
        return Bits(other | self.v)
    def __rlshift__(self, other):
        return f"{other} << Bits"
a, b = Bits(0b1100), Bits(0b1010)
print(a & b, a | b, a ^ b, a << 2, a >> 2, ~a)
print(0b0110 & a, 0b0001 | a, 1 << a)
flags = Bits(0)
flags |= Bits(0b100)
flags <<= 1
print(flags)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __divmod__(self, n):
        return divmod(self.cents, n)
    def __rtruediv__(self, other):
        return f"{other} / Money"
    def __index__(self):
        return self.cents
print(divmod(Money(250), 100), 5 / Money(1), bin(Money(5)), [0, 1, 2, 3][Money(2)])
