# builtins: sorted with key and reverse (stable), reversed on sequences and custom classes
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
records = [("bob", 25), ("amy", 30), ("cat", 25), ("dan", 30), ("eve", 20)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(sorted(records), key=lambda r: -r[1]))
print(sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted({3, 1, 2}))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([3.5, -1, 2, 0.0]), sorted([True, False, 2]))
print(sorted([], reverse=True), sorted(range(5), key=lambda n: n % 2))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
class Deck:
    def __init__(self):
        self.cards = ["A", "K", "Q"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
class Custom:
    def __reversed__(self):
        return iter(["custom", "reversal"])
print(list(reversed(Deck())), list(reversed(Custom())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
