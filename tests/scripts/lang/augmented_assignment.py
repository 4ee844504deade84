# lang: augmented assignment on numbers, sequences, subscripts, attributes and __iadd__
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 3; n %= 7
print(n)
f = 1.5
f /= 2
f *= 4
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
lst += (4,)
lst += "ab"
print(lst, alias is lst)
tup = (1,)
tup_alias = tup
tup += (2,)
print(tup, tup_alias, tup is tup_alias)
lst *= 2
print(len(lst), alias is lst)
d = {"count": 1}
d["count"] += 10
print(d)
class Counter:
    def __init__(self):
        self.hits = 0
c = Counter()
c.hits += 1
c.hits += 1
print(c.hits)
bits = 0b1111
bits &= 0b1010; bits |= 0b0001; bits ^= 0b1000; bits <<= 2; bits >>= 1
print(bits)
grid = [[1, 2], [3, 4]]
grid[1][0] += 100
print(grid)
