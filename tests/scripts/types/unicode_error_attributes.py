# UnicodeDecodeError / UnicodeEncodeError: the five attributes, args, str() made from them
# (also after assignment), construction checks, and the same from str, bytes and pickle.
import pickle

for data, enc in [(b'ab\xffcd', 'utf-8'), (b'\xe9t\xe9', 'ascii'), (b'\xc3', 'utf-8')]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(repr(e), e.encoding, e.object, e.start, e.end, e.reason, e.args, str(e))
        print(isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    'h\xe9llo'.encode('ascii')
except UnicodeEncodeError as e:
    print(repr(e), e.encoding, e.object, e.start, e.end, e.reason, str(e))
e = UnicodeDecodeError('utf-8', b'xyz', 1, 2, 'bad')
print(str(e), e.start, e.end)
e.start = 0
print(str(e))
try:
    raise UnicodeDecodeError('utf-8', b'\x80', 0, 1, 'invalid start byte')
except ValueError as e:
    print(type(e).__name__, e)
try:
    UnicodeDecodeError('x')
except TypeError as e:
    print('TypeError', e)
e = UnicodeEncodeError('ascii', 'abc', 0, 3, 'nope')
print(str(e), repr(e))

for data in (b'X\x02\x00\x00\x00\xff\xfe.', b'X\x02\x00\x00\x00\xe2\x82.'):
    try:
        pickle.loads(data)
    except UnicodeDecodeError as e:
        print(e.encoding, e.object, e.start, e.end, e.reason, '|', e)
try:
    UnicodeEncodeError('ascii', b'abc', 0, 1, 'x')
except TypeError as e:
    print('TypeError', e)
