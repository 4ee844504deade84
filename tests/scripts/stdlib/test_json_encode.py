# Script test for json.dumps/dump: formatting options, escapes, float text, key handling, errors, streaming.
import json
import sys
from helper_check import attempt

nan = float('nan')
inf = float('inf')


class IntChild(int):
    pass


class FloatChild(float):
    pass


class StrChild(str):
    pass


print(json.dumps({'a': [1, 2.5, None, True, False, 'x'], 'b': {}, 'c': [], 'd': (1, 2)}))
print(json.dumps([IntChild(5), FloatChild(1.5), StrChild('s'), -0.0, 1e100, 1e-7, 123456789.0, 0.1, 1 / 3, 2 ** 70, -inf, nan, inf]))
print(json.dumps('é\u2028\U0001f600\x7f\x00\x1f\\"\b\f\n\r\t/'), json.dumps('é\u2028\U0001f600\x7f\x00\x1f\\"', ensure_ascii=False))
print(json.dumps(['\ud800', '\udfff']), repr(json.dumps('\ud800', ensure_ascii=False)), json.dumps('plain'), json.dumps(StrChild('sub')))
print(json.dumps({1.5: 1, True: 2, None: 3, 2: 4, False: 5, FloatChild(2.5): 6, IntChild(7): 8, nan: 9}))
print(json.dumps({1: 'a', '1': 'b'}), json.dumps({'b': 1, 'a': 2}, sort_keys=True, separators=(',', ':')), json.dumps({2: 1, 1: 2}, sort_keys=True))
print(json.dumps({(1, 2): 3, 'a': 1}, skipkeys=True), json.dumps(None), json.dumps(10 ** 30), json.dumps(-12))
print(json.dumps({'a': [1, {'b': None}], 'c': []}, indent=2))
print(json.dumps({'a': [1, {'b': None}], 'c': {}}, indent='\t', sort_keys=True))
print(json.dumps([1, [2, [3, []]], {}], indent=0))
print(json.dumps([1, [2]], indent=-1), json.dumps(1, indent=4), json.dumps([], indent=4), json.dumps({}, indent=4))
print(json.dumps({'k': [1, (2, 3), {'z': 'é'}]}, indent=3, ensure_ascii=False))
print(json.dumps({'x': 1, 'y': [1]}, indent=2, separators=(' ,', ' : ')), json.dumps([1, 2, 3], separators=(',', ':')))
print(json.dumps(set(), default=list), json.dumps({'s': {3, 1, 2}}, default=sorted), json.dumps({'o': object()}, default=lambda o: 'OBJ'))
print(json.dumps([nan, inf], check_circular=False), json.JSONEncoder(indent=2).encode({'a': 1}), json.JSONEncoder().encode('str'))
print(list(json.JSONEncoder().iterencode([1, {'a': 2}])), ''.join(json.JSONEncoder(indent=1).iterencode({'a': [1]})))

cyclic_list = []
cyclic_list.append(cyclic_list)
cyclic_dict = {}
cyclic_dict['self'] = cyclic_dict
attempt('nan not allowed', lambda: json.dumps(nan, allow_nan=False))
attempt('inf not allowed in list', lambda: json.dumps([inf], allow_nan=False))
attempt('inf not allowed with indent', lambda: json.dumps([inf], allow_nan=False, indent=1))
attempt('nan key not allowed', lambda: json.dumps({nan: 1}, allow_nan=False))
attempt('tuple key', lambda: json.dumps({(1, 2): 3}))
attempt('object key', lambda: json.dumps({object(): 3}, indent=1))
attempt('circular list', lambda: json.dumps(cyclic_list))
attempt('circular dict', lambda: json.dumps(cyclic_dict, indent=2))
attempt('circular through default', lambda: json.dumps(object(), default=lambda o: [o]))
attempt('unserializable', lambda: json.dumps(object()))
attempt('unserializable set', lambda: json.dumps({'s': {1}}, indent=2))
attempt('unserializable bytes', lambda: json.dumps(b'x'))
attempt('sort mixed keys', lambda: json.dumps({2: 1, 'a': 2}, sort_keys=True))
attempt('three separators', lambda: json.dumps('x', separators=('a', 'b', 'c')))
attempt('float indent', lambda: json.dumps([1], indent=1.5))


class Fraction:
    def __init__(self, numerator, denominator):
        self.numerator = numerator
        self.denominator = denominator


class FractionEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Fraction):
            return [o.numerator, o.denominator]
        return super().default(o)


print(json.dumps([Fraction(1, 2), 2], cls=FractionEncoder), json.dumps({'z': Fraction(2, 3)}, cls=FractionEncoder, indent=1))
attempt('subclass default falls back', lambda: json.dumps([object()], cls=FractionEncoder))

json.dump({'a': [1, 2]}, sys.stdout)
print()
json.dump({'a': [1, 2], 'b': 'é'}, sys.stdout, indent=2, ensure_ascii=False)
print()
try:
    json.dump([1, 2, {'a': object()}], sys.stdout)
except TypeError as error:
    print('|', error)
try:
    json.dump([1, inf], sys.stdout, allow_nan=False)
except ValueError as error:
    print('|', error)


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


writer = Writer()
json.dump({'a': [1, 'x', None], 'b': {}}, writer)
print(writer.parts)
writer = Writer()
json.dump({'a': [1, 'x', None], 'b': {'c': 2}}, writer, indent=1)
print(writer.parts)
print(json.loads(json.dumps({'round': [1, 2.5, 'trip', None, True, {'n': -3}]})))
