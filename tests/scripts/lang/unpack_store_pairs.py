# Unpacking into locals (consecutive stores, fused in the VM): order, the same name twice,
# swaps, loops over pairs, and old values released only after both stores.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


def same_name():
    a, a = 1, 2
    return a


def swap(a, b):
    a, b = b, a
    return a, b


def pairs(d):
    out = []
    for k, v in d.items():
        out.append(f'{k}={v}')
    return out


def release():
    first, second = Noisy('old1'), Noisy('old2')
    first, second = Noisy('new1'), Noisy('new2')
    print('stored', first.name, second.name)


def nested(rows):
    total = 0
    for (a, b), c in rows:
        total += a * b + c
    return total


print(same_name(), swap(1, 2), pairs({'x': 1, 'y': 2}), nested([((1, 2), 3), ((4, 5), 6)]))
release()
print('done')
