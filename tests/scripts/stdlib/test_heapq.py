# Script test for the heapq module: heap operations keep CPython's layout; merge, nlargest, nsmallest.
import heapq
from helper_check import attempt

heap = []
for value in [5, 3, 8, 1, 9, 2, 7, 1, 6]:
    heapq.heappush(heap, value)
    print(heap)
print([heapq.heappop(heap) for _ in range(4)], heap)
print(heapq.heapreplace(heap, 4), heap, heapq.heappushpop(heap, 0), heapq.heappushpop(heap, 10), heap)

data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
heapq.heapify(data)
print(data)
print([heapq.heappop(data) for _ in range(len(data))])

tasks = []
for priority, name in [(3, 'write'), (1, 'plan'), (2, 'code'), (1, 'coffee'), (5, 'ship')]:
    heapq.heappush(tasks, (priority, name))
print(tasks, heapq.heappop(tasks), tasks)

print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]))
print(heapq.nlargest(1, [5, 1, 8]), heapq.nsmallest(1, []), heapq.nlargest(0, [1, 2]), heapq.nsmallest(-1, [1, 2]))
print(heapq.nlargest(10, [3, 1, 2]), heapq.nsmallest(10, iter([3, 1, 2])), heapq.nlargest(2, iter([])))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple', 'date', 'plum', 'lime']
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nlargest(4, iter(words), key=len), heapq.nsmallest(5, iter(words), key=lambda w: w[-1]))
pairs = [(i % 3, i) for i in range(20)]
print(heapq.nsmallest(5, pairs, key=lambda p: p[0]), heapq.nlargest(5, pairs, key=lambda p: p[0]))
print(heapq.nsmallest(4, iter(range(100, 0, -7))), heapq.nlargest(4, iter(range(100))))

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 2, 0], reverse=True)))
print(list(heapq.merge([(1, 'a'), (2, 'b')], [(1, 'c'), (2, 'd')], key=lambda p: p[0])))
print(list(heapq.merge(['b', 'a'], ['c'], key=str.upper, reverse=True)), list(heapq.merge()), list(heapq.merge([1])))

attempt('heappop empty', lambda: heapq.heappop([]))
attempt('heapreplace empty', lambda: heapq.heapreplace([], 1))
attempt('heappushpop empty', lambda: heapq.heappushpop([], 1))
attempt('heappush not list', lambda: heapq.heappush(1, 2))
attempt('heappop not list', lambda: heapq.heappop((1,)))
attempt('heapify tuple', lambda: heapq.heapify((1, 2)))
attempt('heappush incomparable', lambda: heapq.heappush([1], 'a'))
attempt('nlargest not iterable', lambda: heapq.nlargest(2, 5))
attempt('merge not iterable', lambda: list(heapq.merge([1], 2)))
