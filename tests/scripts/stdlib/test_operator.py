# Script test for the operator module: every operator function, itemgetter/attrgetter/methodcaller, errors.
import operator
from helper_check import attempt

print(operator.add(2, 3), operator.sub(2, 3), operator.mul(4, 5), operator.truediv(7, 2),
      operator.floordiv(7, 2), operator.mod(7, 3), operator.neg(5), operator.pos(-5), operator.pow(2, 10))
print(operator.eq(1, 1), operator.ne(1, 1), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_(0), operator.not_([1]), operator.truth(0), operator.truth('x'), operator.is_(None, None), operator.is_not(1, None))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.inv(0),
      operator.lshift(1, 5), operator.rshift(64, 3), operator.abs(-4.5))
print(operator.and_({1, 2}, {2, 3}), operator.or_({1}, {2}), operator.xor({1, 2}, {2, 3}))
print(operator.index(7), operator.index(True), operator.concat([1], [2]), operator.concat('a', 'b'))
print(operator.contains([1, 2], 2), operator.contains('abc', 'd'), operator.countOf([1, 2, 1, 1], 1), operator.indexOf('abc', 'c'))
print(operator.getitem([10, 20, 30], 1), operator.getitem({'k': 'v'}, 'k'), operator.getitem('hello', slice(1, 3)))
items = [1, 2, 3]
operator.setitem(items, 0, 'x')
operator.delitem(items, 1)
print(items, operator.length_hint([1, 2, 3]), operator.length_hint(iter([1, 2]), 5), operator.length_hint(5, 7))
print(operator.call(max, 3, 9, 4))
x = [1]
print(operator.iadd(x, [2]), x, operator.isub(10, 3), operator.imul('ab', 2), operator.itruediv(1, 4),
      operator.ifloordiv(9, 2), operator.imod(9, 4), operator.ipow(3, 3), operator.ilshift(1, 2),
      operator.irshift(8, 1), operator.iand(6, 3), operator.ior(6, 3), operator.ixor(6, 3), operator.iconcat([1], (2,)))

attempt('index(1.5)', lambda: operator.index(1.5))
attempt("index('3')", lambda: operator.index('3'))
attempt('concat(1, 2)', lambda: operator.concat(1, 2))
attempt('truediv by zero', lambda: operator.truediv(1, 0))
attempt('indexOf missing', lambda: operator.indexOf([1], 2))
attempt('countOf(1, 1)', lambda: operator.countOf(1, 1))
attempt("length_hint([], 'x')", lambda: operator.length_hint([], 'x'))
attempt('add(1, "a")', lambda: operator.add(1, 'a'))
attempt('neg("a")', lambda: operator.neg('a'))
attempt('lt(1, None)', lambda: operator.lt(1, None))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.child = None

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f'Point({self.x}, {self.y})'


p = Point(1, 2)
p.child = Point(3, 4)
print(operator.attrgetter('x')(p), operator.attrgetter('x', 'y')(p), operator.attrgetter('child.y')(p),
      operator.attrgetter('child.x', 'y')(p))
print(repr(operator.attrgetter('x')), repr(operator.attrgetter('a', 'b.c')))
attempt('attrgetter(1)', lambda: operator.attrgetter(1))
attempt("attrgetter('z')(p)", lambda: operator.attrgetter('z')(p))
attempt("attrgetter('child.z')(p)", lambda: operator.attrgetter('child.z')(p))

print(operator.itemgetter(1)('abc'), operator.itemgetter(0, 2)('abc'), operator.itemgetter('k')({'k': 5}),
      operator.itemgetter(slice(1, None))([1, 2, 3]))
print(sorted([(3, 'c'), (1, 'z'), (2, 'a')], key=operator.itemgetter(1)))
print(repr(operator.itemgetter(1)), repr(operator.itemgetter(1, 'a')))
attempt('itemgetter()', lambda: operator.itemgetter())
attempt('itemgetter(5)([1])', lambda: operator.itemgetter(5)([1]))
attempt("itemgetter('x')({})", lambda: operator.itemgetter('x')({}))

print(operator.methodcaller('upper')('abc'), operator.methodcaller('split', ',')('a,b'),
      operator.methodcaller('moved', 1, dy=5)(p), operator.methodcaller('replace', 'a', 'b', 1)('aaa'))
print(repr(operator.methodcaller('f', 1, k=2)), repr(operator.methodcaller('g')))
print(operator.methodcaller('format', name='x')('{name}'))
attempt('methodcaller()', lambda: operator.methodcaller())
attempt('methodcaller(1)', lambda: operator.methodcaller(1))
attempt("methodcaller('nope')(1)", lambda: operator.methodcaller('nope')(1))
