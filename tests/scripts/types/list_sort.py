# types: list.sort in place with key and reverse, stability, and errors
nums = [5, 3, 8, 1, 9, 2]
print(nums.sort(), nums)
nums.sort(reverse=True)
print(nums)
words = ["pear", "Apple", "fig", "banana", "Cherry", "date"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (0, "x")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
pairs.sort()
print(pairs)
mixed = [3, 1.5, True, -2, 0.0]
mixed.sort()
print(mixed)
data = list(range(20, 0, -3))
data.sort(key=lambda n: (n % 3, -n))
print(data)
try:
    [3, "a", 1].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
big = [(i * 7919) % 1000 for i in range(200)]
big.sort()
print(big[:8], big[-3:], all(big[i] <= big[i + 1] for i in range(len(big) - 1)))
records = [{"name": "b", "age": 3}, {"name": "a", "age": 3}, {"name": "c", "age": 1}]
records.sort(key=lambda r: r["age"])
print([r["name"] for r in records])
