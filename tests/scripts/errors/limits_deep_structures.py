# Operations on structures nested 100,000 deep raise RecursionError (or work) the way CPython's do, never overflow the C++ stack.
import copy
import json
import pickle

def build(wrap, n=100000):
    x = ()
    for _ in range(n): x = wrap(x)
    return x
for name, wrap in [('tuple', lambda x: (x,)), ('list', lambda x: [x]), ('dict', lambda x: {1: x}), ('set', lambda x: frozenset([x]))]:
    a = build(wrap); b = build(wrap)
    for op, f in [('repr', repr), ('str', str), ('eq', lambda v: v == b), ('lt', lambda v: v < b), ('hash', hash), ('copy', lambda v: copy.deepcopy(v)), ('pickle', lambda v: pickle.dumps(v)), ('json', lambda v: json.dumps(v)), ('in', lambda v: v in [b]), ('sorted', lambda v: sorted([v, b])), ('len', len)]:
        try:
            f(a); print(name, op, 'ok')
        except Exception as e: print(name, op, type(e).__name__)
