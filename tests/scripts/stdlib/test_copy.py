# Script test for the copy module: shallow and deep copies, cycles, hooks, copies of stdlib containers.
import copy
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from helper_check import attempt

inner = [1, 2]
outer = [inner, {'k': inner}, (inner, 3), {4, 5}]
shallow = copy.copy(outer)
deep = copy.deepcopy(outer)
print(shallow == outer, shallow is outer, shallow[0] is inner, deep == outer, deep[0] is inner,
      deep[1]['k'] is deep[0], deep[2][0] is deep[0], deep[3] == outer[3], deep[3] is outer[3])

for value in [None, 1, 2.5, 'text', b'bytes', (1, 2), frozenset({1}), range(3), True, len, int, Ellipsis]:
    print(repr(value), copy.copy(value) is value, copy.deepcopy(value) is value)
print(copy.deepcopy((1, [2])) is (1, [2]), copy.copy({1: 2}), copy.copy({1, 2}), copy.copy(bytearray(b'ab')))
atomic_tuple = (1, 'a', (2, 3))
print(copy.deepcopy(atomic_tuple) is atomic_tuple)

cycle = [1]
cycle.append(cycle)
cycle_copy = copy.deepcopy(cycle)
print(cycle_copy[1] is cycle_copy, cycle_copy is not cycle, cycle_copy[0])
looped = {'name': 'root'}
looped['self'] = looped
looped_copy = copy.deepcopy(looped)
print(looped_copy['self'] is looped_copy, looped_copy is not looped)
tuple_cycle = ([],)
tuple_cycle[0].append(tuple_cycle)
tuple_cycle_copy = copy.deepcopy(tuple_cycle)
print(tuple_cycle_copy[0][0] is tuple_cycle_copy, tuple_cycle_copy is not tuple_cycle)


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []

    def __repr__(self):
        return f'Node({self.value}, {self.children})'


root = Node(1)
root.children.append(Node(2))
root.children.append(root)
shallow_node = copy.copy(root)
deep_node = copy.deepcopy(root)
print(shallow_node is not root, shallow_node.children is root.children, deep_node.children is not root.children,
      deep_node.children[1] is deep_node, deep_node.children[0].value, type(deep_node).__name__)


class Hooked:
    def __init__(self, data):
        self.data = data

    def __copy__(self):
        print('__copy__ called')
        return Hooked(self.data)

    def __deepcopy__(self, memo):
        print('__deepcopy__ called with memo', type(memo).__name__)
        return Hooked(copy.deepcopy(self.data, memo))


hooked = Hooked([1, [2]])
print(copy.copy(hooked).data is hooked.data, copy.deepcopy(hooked).data == hooked.data)
print(copy.deepcopy([hooked, hooked])[0].data)


class WithState:
    def __init__(self):
        self.secret = 'hidden'
        self.public = [1]

    def __getstate__(self):
        return {'public': self.public}

    def __setstate__(self, state):
        self.public = state['public']
        self.restored = True


restored = copy.deepcopy(WithState())
print(sorted(vars(restored)), restored.public, restored.restored)


class Slotted:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return (Slotted, (self.value * 10,))


print(copy.copy(Slotted(1)).value, copy.deepcopy(Slotted(2)).value)


class MyList(list):
    pass


class MyDict(dict):
    pass


my_list = MyList([1, [2]])
my_list.tag = 'L'
my_dict = MyDict(a=[1])
copied_list = copy.deepcopy(my_list)
copied_dict = copy.copy(my_dict)
print(type(copied_list).__name__, copied_list, copied_list.tag, copied_list[1] is not my_list[1],
      type(copied_dict).__name__, copied_dict, copied_dict['a'] is my_dict['a'])

Point = namedtuple('Point', 'x y')
point = Point([1], 2)
print(copy.copy(point), copy.deepcopy(point), copy.deepcopy(point).x is not point.x, type(copy.deepcopy(point)).__name__)
dd = defaultdict(list, a=[1])
dq = deque([[1], 2], maxlen=5)
ctr = Counter('aab')
od = OrderedDict(b=[1], a=2)
for original in [dd, dq, ctr, od]:
    shallow_copy = copy.copy(original)
    deep_copy = copy.deepcopy(original)
    print(type(shallow_copy).__name__, shallow_copy, deep_copy, shallow_copy == original, deep_copy == original, deep_copy is not original)
print(copy.deepcopy(dd)['a'] is not dd['a'], copy.deepcopy(dd).default_factory is list, copy.deepcopy(dq)[0] is not dq[0], copy.deepcopy(dq).maxlen)
self_deque = deque([1])
self_deque.append(self_deque)
self_deque_copy = copy.deepcopy(self_deque)
print(self_deque_copy[1] is self_deque_copy)

memo = {}
first = copy.deepcopy(inner, memo)
second = copy.deepcopy(inner, memo)
print(first is second, id(inner) in memo)


def function():
    pass


class Plain:
    pass


print(copy.copy(function) is function, copy.deepcopy(Plain) is Plain, type(copy.copy(Plain())).__name__)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
