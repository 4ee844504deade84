# Script test for itertools: every iterator builder, their laziness and argument errors.
import itertools as it
from helper_check import attempt


def take(n, iterable):
    return list(it.islice(iterable, n))


print(take(5, it.count()), take(3, it.count(10)), take(4, it.count(1, 3)), take(3, it.count(2.5, -0.5)), take(3, it.count(step=2)))
print(take(7, it.cycle('abc')), list(it.cycle([])), take(4, it.cycle(iter([1, 2]))))
print(take(3, it.repeat('x')), list(it.repeat(7, 3)), list(it.repeat(1, 0)), list(it.repeat(1, -2)), list(it.repeat(None, times=2)))
print(list(it.chain('ab', [1, 2], (), range(2))), list(it.chain()), list(it.chain.from_iterable(['ab', 'cd', []])))
print(list(it.chain.from_iterable(x * 'z' for x in range(4))))

r = range(10)
print(list(it.islice(r, 3)), list(it.islice(r, 2, 5)), list(it.islice(r, 1, None, 3)), list(it.islice(r, None)),
      list(it.islice(r, 0, 10, 4)), list(it.islice(r, 5, 2)), list(it.islice(r, None, None, 2)), list(it.islice(r, 20)))
source = iter(range(10))
print(list(it.islice(source, 0, 3, 2)), next(source))
source = iter(range(10))
print(list(it.islice(source, 5, 2)), next(source))

print(list(it.product('ab', range(2))), list(it.product([1, 2], repeat=2)), list(it.product()), list(it.product('ab', [])))
print(list(it.product('ab', 'c', repeat=2)), len(list(it.product(range(3), repeat=3))), list(it.product(repeat=0)))
print(list(it.permutations('abc')), list(it.permutations(range(3), 2)), list(it.permutations([], 0)), list(it.permutations('ab', 3)))
print(list(it.permutations('abcd', 0)), len(list(it.permutations(range(5)))), list(it.permutations('aab', 2)))
print(list(it.combinations('abcd', 2)), list(it.combinations(range(4), 3)), list(it.combinations('ab', 0)), list(it.combinations('ab', 3)))
print(list(it.combinations_with_replacement('abc', 2)), list(it.combinations_with_replacement([], 0)),
      list(it.combinations_with_replacement([], 2)), list(it.combinations_with_replacement('ab', 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], initial=100)),
      list(it.accumulate([])), list(it.accumulate([], initial=0)), list(it.accumulate('abc')), list(it.accumulate([2, 3, 4], lambda a, b: a * b)))

print([(key, list(group)) for key, group in it.groupby('AAAABBBCCDAABBB')])
print([key for key, _ in it.groupby('aAbBBa', key=str.lower)], [(k, len(list(g))) for k, g in it.groupby([1, 1, 2, 3, 3, 3])])
groups = it.groupby('aabbcc')
key1, group1 = next(groups)
key2, group2 = next(groups)
print(key1, list(group1), key2, next(group2), [(k, list(g)) for k, g in groups], list(group2))
groups = it.groupby([1, 2, 2, 3])
first = next(groups)[1]
print(next(first), [k for k, g in groups], list(first))
print(list(it.groupby([])), [(k, list(g)) for k, g in it.groupby([{'a': 1}, {'a': 1}, {'a': 2}], key=lambda d: d['a'])])

print(list(it.zip_longest('abc', [1, 2])), list(it.zip_longest('ab', 'xyz', fillvalue='-')), list(it.zip_longest()), list(it.zip_longest([], [])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(max, [[1, 5], (7, 2)])), list(it.starmap(str, [()])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])),
      list(it.takewhile(bool, [])), list(it.dropwhile(bool, [1, 2])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a', None, [], [0]])))
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.compress('ABC', [1, 1])), list(it.compress('AB', it.repeat(1))))

a, b = it.tee([1, 2, 3, 4])
print(next(a), next(a), list(b), list(a))
x, y, z = it.tee(iter('xyz'), 3)
print(list(z), list(x), next(y), list(y), it.tee([1], 0))
squares = (n * n for n in range(5))
left, right = it.tee(squares)
print(list(zip(left, right)))
print(list(it.pairwise('abcde')), list(it.pairwise([1])), list(it.pairwise([])), list(it.pairwise(range(3))))

for label, func in [
        ('count("a")', lambda: it.count('a')),
        ('count(1, "b")', lambda: it.count(1, 'b')),
        ('cycle(1)', lambda: it.cycle(1)),
        ('repeat(1, "a")', lambda: it.repeat(1, 'a')),
        ('repeat(1, None)', lambda: it.repeat(1, times=None)),
        ('chain(1) next', lambda: next(it.chain(1))),
        ('chain.from_iterable(1)', lambda: it.chain.from_iterable(1)),
        ('islice(-1)', lambda: it.islice([], -1)),
        ('islice(-5)', lambda: it.islice([], -5)),
        ('islice(-1, 3)', lambda: it.islice([], -1, 3)),
        ('islice(1, -1)', lambda: it.islice([], 1, -1)),
        ('islice step 0', lambda: it.islice([], 0, 5, 0)),
        ('islice step -1', lambda: it.islice([], 1, 3, -1)),
        ('islice "a"', lambda: it.islice([], 'a')),
        ('islice float step', lambda: it.islice([], 1, 3, 1.5)),
        ('islice huge', lambda: it.islice([], 10 ** 30)),
        ('islice(1, 2)', lambda: it.islice(1, 2)),
        ('product(1)', lambda: it.product(1)),
        ('product repeat -1', lambda: it.product([1], repeat=-1)),
        ('product repeat "a"', lambda: it.product([1], repeat='a')),
        ('permutations(1)', lambda: it.permutations(1)),
        ('permutations r -1', lambda: it.permutations([1], -1)),
        ('permutations r 1.5', lambda: it.permutations([1], 1.5)),
        ('combinations r -1', lambda: it.combinations([1], -1)),
        ('combinations r 1.5', lambda: it.combinations([1], 1.5)),
        ('cwr r -1', lambda: it.combinations_with_replacement([1], -1)),
        ('accumulate(1)', lambda: it.accumulate(1)),
        ('accumulate bad add', lambda: list(it.accumulate([1, 'a']))),
        ('groupby(1)', lambda: it.groupby(1)),
        ('zip_longest(1)', lambda: it.zip_longest([], 1)),
        ('starmap(1)', lambda: it.starmap(len, 1)),
        ('starmap non-tuple', lambda: next(it.starmap(len, [1]))),
        ('takewhile(1)', lambda: it.takewhile(bool, 1)),
        ('dropwhile(1)', lambda: it.dropwhile(bool, 1)),
        ('filterfalse(1)', lambda: it.filterfalse(bool, 1)),
        ('compress(1)', lambda: it.compress(1, [])),
        ('compress(, 1)', lambda: it.compress([], 1)),
        ('tee n -1', lambda: it.tee([], -1)),
        ('tee n "a"', lambda: it.tee([], 'a')),
        ('tee(1)', lambda: it.tee(1)),
        ('pairwise(1)', lambda: it.pairwise(1)),
]:
    attempt(label, lambda: type(func()).__name__ and 'ok')
