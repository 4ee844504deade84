# Protocol 0 GET/PUT lines: bad, negative, non-UTF-8 and missing memo indexes fail as CPython's
# pickle does (ValueError quoting the line, UnicodeDecodeError, UnpicklingError), in its order.
import pickle

cases = (b'g\xff\n.', b'p\xff\n.', b'(lp\xe9\n.', b'g1x\n.', b'g-1\n.', b'I1\np-1\n.', b'I1\np1x\n.',
         b'I1\np\xff\n.', b'p\n.', b'g\n.', b'g 1\n.', b'g1 \n.', b'g+1\n.', b'g1_0\n.', b'I5\np1_0\ng10\n.',
         b'(lp0\nI7\nag0\n.')
for data in cases:
    try:
        print(pickle.loads(data))
    except Exception as e:
        print(type(e).__name__, e)
