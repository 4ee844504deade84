# lang: arithmetic dunders, reflected variants, unary operators and in-place fallbacks
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __rsub__(self, other):
        return Vec(other - self.x, other - self.y)
v, w = Vec(3, 4), Vec(1, 2)
print(v + w, v - w, v * 2, 2 * v, v / 2, v // 2, v % 2, v ** 2)
print(-v, +v, abs(v), ~v, v @ w)
print(sum([v, w, Vec(10, 10)]))
print(10 - v)
acc = Vec(0, 0)
for item in (v, w):
    acc += item
print(acc)
