# `c[k] op= v` on a missing key: the KeyError's traceback marks the subscript as CPython does.
def bump(table, key):
    table[key] += 1


counts = {'a': 1}
bump(counts, 'a')
print(counts)
bump(counts, 'b')
