# pickle: the text opcodes of protocol 0 (FLOAT, INT, LONG, STRING, UNICODE, GLOBAL, INST, PERSID, GET, PUT) on malformed, empty, overflowing and oversized arguments: CPython's values and exceptions, messages included.
import io
import pickle
for d in [b'Fabc\n.', b'F 1.5\n.', b'F0x1p3\n.', b'F-0X1\n.', b'Finf\n.', b'F-Infinity\n.', b'FNaN\n.', b'F+inFINITY\n.', b'Fnan(12)\n.', b'Finfinit\n.',
          b'F1e999\n.', b'F-1e999x\n.', b'F1e-999\n.', b'F\n.', b'F1.5 \n.', b'F1_0\n.', b'F1.5\x00junk\n.', b'F.5\n.', b'F5.\n.', b'F.e1\n.', b'F1e\n.', b'F-.5e-3\n.',
          b'F1' + b'1' * 300 + b'e400\n.', b'F' + b'x' * 300 + b'\n.', b'F\x00\n.', b'F+\n.', b'F2.5e+3\n.']:
    try:
        print(d[:24], pickle.loads(d))
    except Exception as e:
        print(d[:24], type(e).__name__, e)
for d in [b'L' + b'7' * 200000 + b'L\n.', b'I' + b'7' * 200000 + b'\n.', b'I01\n.', b'I00\n.', b'I-5\n.', b'I 5\n.', b'I5x\n.',
          b'L12\n.', b'L-3L\n.', b'I1_000\n.', b'L\n.', b'I\n.']:
    try:
        print(d[:24], pickle.loads(d))
    except Exception as e:
        print(d[:24], type(e).__name__, str(e)[:100])
class P(pickle.Unpickler):
    def persistent_load(self, pid):
        return ('pid', pid)
for d in [b'I\n.', b'L\n.', b'F\n.', b'S\n.', b'V\n.', b'c\nx\n.', b'cos\n\n.', b'(i\nx\n.', b'P\n.', b'g\n.', b'N(p\n.', b'N(p0\n.', b'S\'a\'\n.', b'S"a\n.', b'Sa\n.', b'S\'\n.']:
    try:
        print(d, P(io.BytesIO(d)).load())
    except Exception as e:
        print(d, type(e).__name__, e)
