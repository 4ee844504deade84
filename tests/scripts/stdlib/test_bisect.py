# Script test for the bisect module: searches and insertions with lo, hi and key.
import bisect
from helper_check import attempt

data = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(data, x), bisect.bisect_right(data, x), bisect.bisect(data, x))
print(bisect.bisect_left(data, 2, 2), bisect.bisect_right(data, 2, 0, 3), bisect.bisect(data, 5, lo=1, hi=4))
print(bisect.bisect_left([], 1), bisect.bisect_right([], 1), bisect.bisect_left(data, 2, 0, -1))
print(bisect.bisect_left('acegi', 'f'), bisect.bisect_right((1, 3, 5), 3), bisect.bisect_left(range(0, 100, 10), 35))

records = [('ann', 20), ('bob', 25), ('cid', 25), ('dan', 40)]
age = lambda record: record[1]
print(bisect.bisect_left(records, 25, key=age), bisect.bisect_right(records, 25, key=age), bisect.bisect(records, 30, key=age))

items = []
for value in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(items, value)
print(items)
bisect.insort_left(items, 4)
bisect.insort_right(items, 4.0)
bisect.insort(items, 0, 0, 0)
print(items)
bisect.insort(records, ('eve', 25), key=age)
bisect.insort_left(records, ('fay', 25), key=age)
bisect.insort_right(records, ('gus', 99), key=age)
print(records)

grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], score)] for score in [33, 99, 77, 70, 89, 90, 100]])

attempt('lo negative', lambda: bisect.bisect_left([1], 1, -1))
attempt('insort lo negative', lambda: bisect.insort([1], 1, -1))
attempt('hi too large', lambda: bisect.bisect_right([1, 2], 5, 0, 10))
attempt('not a sequence', lambda: bisect.bisect(5, 1))
attempt('incomparable', lambda: bisect.bisect([1, 2], 'a'))
