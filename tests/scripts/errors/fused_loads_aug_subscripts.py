# Consecutive local loads (fused into one dispatch) and `c[k] op= v` (AUG_SUBSCR_LOAD/STORE):
# values, evaluation order, each failure, and (uncaught, last) the caret under the second of
# two fused loads that is unbound.


class Logged:
    def __init__(self, items):
        self.items = dict(items)
        self.log = []

    def __getitem__(self, key):
        self.log.append(('get', key))
        return self.items[key]

    def __setitem__(self, key, value):
        self.log.append(('set', key, value))
        self.items[key] = value


def order():
    calls = []

    def container():
        calls.append('container')
        return box

    def key():
        calls.append('key')
        return 'k'

    def value():
        calls.append('value')
        return 5

    box = Logged({'k': 1})
    container()[key()] += value()
    print(calls, box.log, box.items)


def kinds(a, b, c):
    values = [a, b, c]
    values[0] += b
    values[-1] *= a
    values[1] -= c
    table = {'x': a}
    table['x'] **= b
    text = ['ab']
    text[0] += 'cd'
    nested = [[a, b], [c]]
    nested[0][1] //= c
    print(values, table, text, nested, a * b + c - a, (a, b, c), b, c)


def second_unbound(flag):
    first = 1
    if flag:
        second = 2
    return first + second


def first_unbound(flag):
    if flag:
        first = 1
    second = 2
    return first + second


def bad_index():
    values = [1]
    values[3] += 1


def bad_operand():
    values = ['x']
    values[0] -= 1


def read_only():
    values = (1, 2)
    values[0] += 1


order()
kinds(2, 3, 4)
kinds(1.5, 2.5, 0.5)
print(second_unbound(True), first_unbound(True))
for failing in (lambda: first_unbound(False), bad_index, bad_operand, read_only):
    try:
        failing()
    except Exception as error:
        print(type(error).__name__, error)
second_unbound(False)
