# Script test for random: CPython's exact sequences for given seeds, every method, state round trips, errors.
import random
from helper_check import attempt

for seed in [0, 1, 42, -7, 2 ** 32, 2 ** 32 - 1, 2 ** 100 + 12345, 1.5, -2.5, 'abc', b'xyz', bytearray(b'q'), '', 'héllo' * 50, True]:
    generator = random.Random(seed)
    print(repr(seed)[:20], generator.random(), generator.getrandbits(1), generator.getrandbits(31),
          generator.getrandbits(32), generator.getrandbits(33), generator.getrandbits(100), generator.getrandbits(0))

r = random.Random(123)
print([r.randrange(10) for _ in range(20)])
print([r.randint(-5, 5) for _ in range(20)])
print([r.randrange(0, 100, 7) for _ in range(10)], [r.randrange(100, 0, -3) for _ in range(10)])
print(r.randrange(10 ** 30), r.randrange(-10 ** 20, 10 ** 20), r.randrange(5, 6), r.randrange(3.0))
numbers = list(range(20))
r.shuffle(numbers)
print(numbers)
print(r.sample(range(100), 10), r.sample('abcdefg', 7), r.sample(range(10 ** 6), 5), r.sample(['a', 'b'], 3, counts=[2, 3]), r.sample((1, 2, 3), 0))
print(r.choice('hello'), r.choice(range(50)), r.choices('abc', k=5), r.choices('abc', [1, 2, 3], k=5), r.choices('abc', cum_weights=[1, 1, 5], k=5), r.choices([1]))
print(r.uniform(1, 2), r.uniform(5, -5), r.triangular(), r.triangular(0, 10, 2), r.triangular(3, 3))
print(r.gauss(), r.gauss(5, 2), r.gauss(), r.normalvariate(), r.normalvariate(10, 0.5), r.lognormvariate(0, 1))
print(r.expovariate(2), r.vonmisesvariate(1, 2), r.vonmisesvariate(1, 0), r.gammavariate(0.5, 1), r.gammavariate(1, 2), r.gammavariate(3, 2))
print(r.betavariate(2, 3), r.paretovariate(2), r.weibullvariate(1, 2), r.randbytes(10), r.randbytes(0))

state = r.getstate()
first = [r.random() for _ in range(700)]
r.setstate(state)
second = [r.random() for _ in range(700)]
print(first == second, first[-1], state[0], len(state[1]), state[1][-1], state[2])
r.setstate((2, tuple(range(624)) + (624,), None))
print(r.random())
r.setstate((3, (0,) * 624 + (600,), None))
print(r.getstate()[1][-1])
walk = random.Random(7)
for _ in range(1300):
    walk.random()
print(walk.random(), walk.getrandbits(64))

random.seed(99)
print(random.random(), random.randint(1, 6), random.choice([1, 2, 3]), random.getrandbits(16), random.uniform(0, 1))
saved = random.getstate()
after = random.random()
random.setstate(saved)
print(random.random() == after)
random.seed(99, version=1)
print(random.random())
random.seed('abc', version=1)
print(random.random())
random.seed(b'abc', version=1)
print(random.random())
random.seed(2024)
deck = [rank + suit for suit in 'SHDC' for rank in 'A23456789TJQK']
random.shuffle(deck)
print(deck[:5], random.sample(deck, 3), random.choices(deck, k=2))


class ConstantRandom(random.Random):
    def random(self):
        return 0.5


constant = ConstantRandom(3)
print(constant.randrange(10), constant.choice('abcd'), constant.randint(1, 100), constant.uniform(0, 10))


class Plain(random.Random):
    pass


print(Plain(5).randrange(1000), isinstance(random.Random(), random.Random))
random.seed()
unseeded = random.random()
print(0.0 <= unseeded < 1.0, 0 <= random.Random().randrange(10) < 10)

attempt('getrandbits(-1)', lambda: r.getrandbits(-1))
attempt('getrandbits(1.5)', lambda: r.getrandbits(1.5))
attempt('setstate version 1', lambda: r.setstate((1, 2)))
attempt('setstate wrong size', lambda: r.setstate((3, (1,) * 5, None)))
attempt('setstate list', lambda: r.setstate((3, [0] * 625, None)))
attempt('setstate bad index', lambda: r.setstate((3, (0,) * 624 + (625,), None)))
attempt('randrange(0)', lambda: r.randrange(0))
attempt('randrange(1, 1)', lambda: r.randrange(1, 1))
attempt('randrange(5, 1)', lambda: r.randrange(5, 1))
attempt('randrange zero step', lambda: r.randrange(1, 5, 0))
attempt('randrange empty stepped', lambda: r.randrange(1, 5, -1))
attempt('randrange(1.5)', lambda: r.randrange(1.5))
attempt('randrange float stop', lambda: r.randrange(1, 2.5))
attempt('randrange float step', lambda: r.randrange(1, 5, 1.5))
attempt('randrange step without stop', lambda: r.randrange(10, step=2))
attempt('randint reversed', lambda: r.randint(5, 1))
attempt('choice empty', lambda: r.choice([]))
attempt('sample set', lambda: r.sample({1, 2}, 1))
attempt('sample too many', lambda: r.sample([1, 2], 3))
attempt('sample negative', lambda: r.sample([1, 2], -1))
attempt('sample counts size', lambda: r.sample([1, 2], 1, counts=[1]))
attempt('sample float counts', lambda: r.sample([1, 2], 1, counts=[1.5, 1]))
attempt('sample zero counts', lambda: r.sample([1, 2], 1, counts=[0, 0]))
attempt('choices weights size', lambda: r.choices([1, 2], [1]))
attempt('choices positional k', lambda: r.choices([1, 2], 3))
attempt('choices both weights', lambda: r.choices([1, 2], [1, 2], cum_weights=[1, 2]))
attempt('choices zero weights', lambda: r.choices([1, 2], [0, 0]))
attempt('choices infinite weights', lambda: r.choices([1, 2], [1, float('inf')]))
attempt('seed list', lambda: r.seed([1]))
attempt('gammavariate(0, 1)', lambda: r.gammavariate(0, 1))
