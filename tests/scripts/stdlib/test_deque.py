# Script test for collections.deque: both ends, maxlen, rotation, indexing, comparisons, errors.
from collections import deque
from helper_check import attempt

d = deque()
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), d[0], d[-1], d[3], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d, d.maxlen)
d.extend('ab')
d.extendleft('xy')
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 3 + 1)
print(d, d.count(0), d.count('z'), d.index(0), d.index('a'), d.index(-1, 2), 'a' in d, 'q' in d)
d.remove(0)
d.insert(2, 'ins')
d.insert(-1, 'neg')
d.insert(100, 'end')
print(d)
d.reverse()
print(d, list(reversed(d)))
d[1] = 'set'
del d[0]
del d[-2]
print(d, d.copy(), d == d.copy(), d is d.copy())
d.clear()
print(d, len(d))

bounded = deque(range(10), maxlen=3)
print(bounded, bounded.maxlen)
bounded.append(10)
bounded.appendleft(-1)
print(bounded)
bounded.extend([20, 30])
bounded.extendleft([40])
print(bounded, repr(deque(maxlen=2)), deque([1, 2, 3], 2), deque('abc', 0))
zero = deque(maxlen=0)
zero.append(1)
zero.appendleft(2)
print(zero)

ring = deque(range(6))
for _ in range(3):
    ring.rotate()
    print(ring)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque('ab'), deque('ab') * 0)
grow = deque([1])
grow += [2, 3]
grow *= 2
print(grow)
self_extend = deque([1, 2])
self_extend.extend(self_extend)
self_extend.extendleft(self_extend)
print(self_extend)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1]), deque([1, 2]) < deque([1, 3]),
      deque([2]) > deque([1, 9]), deque([1]) <= deque([1]), deque([1]) >= deque([2]), deque([1]) == [1])

big = deque()
for i in range(1000):
    big.append(i)
for i in range(990):
    big.popleft()
print(big, big[5], len(big))
for i in range(300):
    big.appendleft(i)
    big.pop()
print(big)

nested = deque([1])
nested.append(nested)
print(nested)
print(deque([[1, 2], {'a': 3}]), deque(iter(range(3))), deque(x * x for x in range(4)))
print(list(deque('hello')), [c for c in reversed(deque('abc'))], sorted(deque([3, 1, 2])), sum(deque([1, 2, 3])))

attempt('pop empty', lambda: deque().pop())
attempt('popleft empty', lambda: deque().popleft())
attempt('remove missing', lambda: deque([1]).remove(2))
attempt('index missing', lambda: deque([1, 2, 3]).index(3, 0, 2))
attempt('index out of range', lambda: deque([1])[5])
attempt('negative index out of range', lambda: deque([1])[-2])
attempt('str index', lambda: deque([1])['a'])
attempt('insert into full', lambda: deque([1], maxlen=1).insert(0, 2))
attempt('maxlen negative', lambda: deque(maxlen=-1))
attempt('maxlen str', lambda: deque(maxlen='a'))
attempt('not iterable', lambda: deque(1))
attempt('rotate str', lambda: deque([1]).rotate('a'))
attempt('add list', lambda: deque([1]) + [2])
attempt('hash', lambda: hash(deque()), show_message=False)
attempt('compare with list', lambda: deque([1]) < [2], show_message=False)
attempt('del missing', lambda: deque().__delitem__(0))


def mutate_while_iterating():
    items = deque([1, 2, 3])
    for item in items:
        items.append(item)


attempt('mutation during iteration', mutate_while_iterating)
