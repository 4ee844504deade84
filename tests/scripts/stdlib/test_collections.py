# Script test for collections: defaultdict, namedtuple, Counter, OrderedDict, ChainMap.
from collections import ChainMap, Counter, OrderedDict, defaultdict, namedtuple
from helper_check import attempt

# defaultdict
groups = defaultdict(list)
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups[word[0]].append(word)
print(groups, groups['z'], len(groups), isinstance(groups, dict), groups.default_factory)
counts = defaultdict(int, {'a': 1}, b=2)
counts['a'] += 1
counts['c'] += 5
print(counts, counts.get('missing'), 'missing' in counts, dict(counts))
nodefault = defaultdict()
print(nodefault, repr(defaultdict(None, {1: 2})), defaultdict(lambda: 'x', k='v')['other'])
copied = counts.copy()
copied['new'] += 1
print(type(copied).__name__, copied.default_factory is int, sorted(copied), sorted(counts))
print(counts | {'z': 9}, {'y': 8} | counts, type(counts | {}).__name__)
tree = lambda: defaultdict(tree)
root = tree()
root['a']['b']['c'] = 1
print(dict(root['a']['b']), len(root))
attempt('missing without factory', lambda: nodefault['k'])
attempt('bad factory', lambda: defaultdict(1))
attempt('setdefault', lambda: counts.setdefault('q', 3))

# namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], p[-1], len(p), tuple(p), list(p), p == (11, 22), hash(p) == hash((11, 22)))
x, y = p
print(x, y, p._asdict(), p._replace(x=100), Point._make([1, 2]), Point._fields, Point._field_defaults)
print(Point, Point.__name__, Point.__doc__, Point(**{'x': 1, 'y': 2}), isinstance(p, tuple), p.count(11), p.index(22))
print(p + (3,), p[:1], sorted([Point(2, 1), Point(1, 2)]), max(Point(1, 5), Point(1, 6)))
Employee = namedtuple('Employee', 'name, age  title', defaults=['staff'])
e = Employee('ann', 30)
print(e, Employee('bob', 40, 'boss'), Employee._field_defaults, Employee.__doc__, e.title)
Renamed = namedtuple('Renamed', ['ok', 'def', '_hidden', 'ok', '2x'], rename=True)
print(Renamed._fields, Renamed(1, 2, 3, 4, 5))
Single = namedtuple('Single', 'value')
Empty = namedtuple('Empty', [])
print(Single(1), Single.__doc__, Empty(), Empty._fields, Empty()._asdict())
SelfField = namedtuple('SelfField', 'self cls')
print(SelfField(1, 2)._replace(self=5), SelfField(cls=3, self=4))
Nested = namedtuple('Nested', 'inner extra')
print(Nested(Point(1, 2), [3]), repr(Nested(Point(0, 0), Empty())))


class Point3(namedtuple('Point3Base', 'x y z')):
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


q = Point3(1, -2, 3)
print(q, q.norm1(), q._replace(z=0), type(q._replace(z=0)).__name__, Point3._make([0, 0, 1]))

attempt('missing one', lambda: Point(1))
attempt('missing two', lambda: Point())
attempt('missing three', lambda: namedtuple('T', 'a b c')())
attempt('too many', lambda: Point(1, 2, 3))
attempt('too many with defaults', lambda: Employee(1, 2, 3, 4))
attempt('too many single', lambda: Single(1, 2))
attempt('too many empty', lambda: Empty(1))
attempt('unexpected keyword', lambda: Point(1, y=2, z=3))
attempt('multiple values', lambda: Point(1, x=2))
attempt('make wrong size', lambda: Point._make([1]))
attempt('replace unknown', lambda: p._replace(z=1, w=2))
attempt('bad identifier', lambda: namedtuple('1bad', 'x'))
attempt('keyword field', lambda: namedtuple('T', 'x class'))
attempt('underscore field', lambda: namedtuple('T', 'x _y'))
attempt('duplicate field', lambda: namedtuple('T', 'x x'))
attempt('too many defaults', lambda: namedtuple('T', 'x', defaults=[1, 2]))
attempt('non-str field', lambda: namedtuple('T', ['x', 1]))
attempt('attribute assignment', lambda: setattr(p, 'x', 5))
attempt('attribute deletion', lambda: delattr(p, 'y'))
attempt('missing attribute', lambda: p.z)

# Counter
c = Counter('abracadabra')
print(c, c['a'], c['z'], len(c), c.most_common(2), c.most_common(0), c.most_common(-1), c.total())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update('aaz')
c.update({'b': 10})
c.subtract(['a', 'a'])
c.subtract({'z': 5})
print(c, c.most_common(3))
del c['missing']
del c['z']
print(c)
print(Counter({'red': 4, 'blue': 2}), Counter(cats=4, dogs=8), Counter(), Counter(['x', 'y', 'x']))
left, right = Counter(a=3, b=1, e=-1), Counter(a=1, b=2, d=4)
print(left + right, left - right, left & right, left | right, +left, -left)
accumulate = Counter(a=1)
accumulate += Counter(a=2, b=-5)
print(accumulate)
accumulate -= Counter(a=1, c=-2)
print(accumulate)
accumulate |= Counter(a=5, d=1)
print(accumulate)
accumulate &= Counter(a=3)
print(accumulate)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1),
      Counter(a=2) >= Counter(a=1, b=0), Counter(a=2) > Counter(a=1), Counter(a=1) == {'a': 1})
print(Counter('hello').copy(), type(Counter('x').copy()).__name__, dict(Counter('aab')))
print(Counter({'x': 1.5, 'y': 0.5}), Counter({'p': 1, 'q': 3}).most_common())
word_counts = Counter()
for word in 'the quick the lazy the end quick'.split():
    word_counts[word] += 1
print(word_counts, word_counts.most_common(1)[0])
attempt('fromkeys', lambda: Counter.fromkeys('ab'))
attempt('add dict', lambda: Counter(a=1) + {'a': 1})
attempt('hash', lambda: hash(Counter()))

# OrderedDict
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()), list(reversed(od)))
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
od.update(x=1, y=2)
od['a'] = 'replaced'
print(od, repr(OrderedDict()), OrderedDict([('k', 'v')]), OrderedDict.fromkeys('xyz', 0))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1},
      OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1), dict(a=1) == OrderedDict(a=1))
print(od.copy(), type(od.copy()).__name__, od | {'z': 0}, type(od | {}).__name__, {'w': 1} | od, od.pop('x'), od.setdefault('n', 7), od)
attempt('popitem empty', lambda: OrderedDict().popitem())
attempt('popitem first empty', lambda: OrderedDict().popitem(last=False))
attempt('move missing', lambda: OrderedDict(a=1).move_to_end('b'))

# ChainMap
defaults = {'color': 'red', 'user': 'guest'}
overrides = {'user': 'admin'}
chain = ChainMap(overrides, defaults)
print(chain, chain['user'], chain['color'], chain.get('missing', 'dflt'), len(chain), list(chain), 'color' in chain, bool(chain))
print(list(chain.keys()), list(chain.items()), list(chain.values()), dict(chain), chain.maps)
chain['color'] = 'blue'
print(chain, defaults)
child = chain.new_child()
child['depth'] = 2
print(child, child.parents, chain.new_child({'m': 1}), chain.new_child(k=2), len(child.maps))
print(ChainMap(), bool(ChainMap({})), ChainMap.fromkeys('ab', 0), chain.copy(), chain == {'user': 'admin', 'color': 'blue'})
print(chain.pop('color'), chain.setdefault('new', 5), chain, chain.popitem(), chain)
print(chain | {'z': 1}, {'z': 1} | chain, 'user' in chain.keys(), ('user', 'guest') in chain.items(), 'guest' in chain.values())
chain.update({'u': 1}, v=2)
chain.clear()
print(chain)
dd_chain = ChainMap({}, defaultdict(lambda: 'made'))
print(dd_chain['anything'])
attempt('missing key', lambda: ChainMap({'a': 1})['b'])
attempt('delete missing', lambda: ChainMap({}, {'a': 1}).__delitem__('a'))
attempt('pop missing', lambda: ChainMap({}, {'a': 1}).pop('a'))
attempt('popitem empty', lambda: ChainMap({}, {'a': 1}).popitem())
