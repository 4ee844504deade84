# Structures nested half a million deep, built by a loop or by a 1 MB pickle, are freed without overflowing the C stack (deallocation defers past a depth, as CPython's trashcan).
import pickle

x = []
for i in range(500000):
    x = [x]
del x
print('nested lists freed')

d = {}
for i in range(200000):
    d = {'inner': d, 'pair': (d, i)}
del d
print('nested dicts and tuples freed')

depth = 500000
nested = pickle.loads(b'\x80\x04' + b']' * depth + b'a' * (depth - 1) + b'.')
levels = 0
while nested:
    nested = nested[0]
    levels += 1
print('loaded', levels + 1, 'levels')
nested = pickle.loads(b'\x80\x04' + b']' * depth + b'a' * (depth - 1) + b'.')
del nested
print('loaded pickle freed')
