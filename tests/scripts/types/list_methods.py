# types: list methods: append, extend, insert, remove, pop, index, count, reverse, copy, clear
items = [3, 1, 4]
print(items.append(1), items)
items.extend([5, 9])
items.extend("ab")
items.extend(range(2))
print(items)
items.insert(0, "start")
items.insert(100, "end")
items.insert(-1, "before end")
items.insert(-100, "very start")
print(items)
print(items.pop(), items.pop(0), items.pop(-2), items.pop(1))
print(items)
items.remove(1)
print(items, items.index(1), items.index(5), items.index(0, 3), items.count(1), items.count("z"))
items.reverse()
print(items)
copy = items.copy()
copy.append("only in copy")
print(len(items), len(copy), copy[-1], copy is not items)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append("shared")
print(nested)
items.clear()
print(items, len(items))
for call in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].index(2),
             lambda: [1, 2, 3].index(1, 1)):
    try:
        call()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
x = [1, 2]
x.append(x)
print(x, len(x), x[2] is x)
print([1, 2, 3].index(3, -1), [0, 0, 0].count(0), [None].count(None), [[1]].count([1]))
