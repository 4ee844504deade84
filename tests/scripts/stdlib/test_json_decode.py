# Script test for json.loads/load: every value kind, escapes, hooks, and CPython's error messages and positions.
import json
from helper_check import attempt

documents = [
    '{"a": [1, 2, {"b": null}], "c": true, "d": false, "e": 1.5e3}', ' [ ] ', ' { } ', '[1e5, -1.25E-2, 0, -0, -0.0]',
    '12345678901234567890', '1e400', '-1e400', '["a"\t,\t"b"]', '{"a":1,"a":2}', 'NaN', 'Infinity', '-Infinity', '[NaN]',
    '"\\/"', '1E5', '2.5E-3', '"\\ud800"', '"\\ud800\\udc00"', '"\\ud834\\udd1e"', '"\\ud800\\u0041"', '"\\udc00"',
    '"\\ud800\\udbff"', '"\\ud800\\ud800\\udc00"', '"x\\ud800y"', '"\x7f"', '"\\u00e9"', '"\\u1234"', '"é😀"',
    '"a\\tb\\n\\r\\b\\f\\"\\\\"', '{"\\u0041": 1}', 'true', 'false', 'null', '[true,false,null]', '\n\n[1]\n\n', '0', '"\\u004A\\u004a"',
]
for document in documents:
    print(repr(document), '->', repr(json.loads(document)))

malformed = [
    '', ' ', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}', '{1:2}',
    '"abc', '"a\\', '"\\x"', '"\\u12"', '"\\u12zz"', '"a\nb"', '"\x00"', '"\t"', 'tru', 'nul', 'fals', '-', '-a', '--1',
    '01', '-01', '1.', '0.e1', '1e', '1e+', '1.5e+', '1.0e-', '.5', '1 2', '[1]x', '[]]', '{}{}', 'true false', '123abc',
    '1.5.3', 'nan', 'Infinityx', '-Inf', '[-]', '  \n [1,\n 2,\n x]', '\n\n[1,\n2\n x', '\ufeff[1]', '"\\U0041"', '"\\"',
    '{"a":}', '[,]', '{,}', '{"a",}', '[1,,2]', '{"a":1 "b":2}', '"\\ud800\\"', '"\\ud800\\u"', '"\\ud800\\udzzz"',
    '"\\u1234', '"ab\\u12', '  ',
]
for document in malformed:
    try:
        json.loads(document)
    except json.JSONDecodeError as error:
        print(repr(document), '->', error, '|', error.msg, error.pos, error.lineno, error.colno, error.doc == document)

print(json.loads('"a\nb\x00"', strict=False), json.loads('{"k": "\t"}', strict=False))
print(json.loads('{"a": 1, "b": [1.5, 2]}', object_pairs_hook=list))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_hook=len, object_pairs_hook=lambda pairs: pairs[::-1]))
print(json.loads('[1, 2.5, NaN, -Infinity, 1e2]', parse_int=str, parse_float=lambda s: 'F' + s, parse_constant=lambda s: 'C' + s))
print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(bytearray(b'{"a": 1}')), json.loads(b'\xef\xbb\xbf[2]'))
decoder = json.JSONDecoder()
print(decoder.raw_decode('[1, 2] xyz'), decoder.raw_decode('xx"s" tail', 2), decoder.raw_decode('{}'))
attempt('raw_decode no value', lambda: decoder.raw_decode('  [1]'))
attempt('loads(5)', lambda: json.loads(5))
attempt('loads(None)', lambda: json.loads(None))
attempt('parse_constant raising', lambda: json.loads('NaN', parse_constant=lambda s: 1 / 0))
print(issubclass(json.JSONDecodeError, ValueError), json.decoder.JSONDecodeError is json.JSONDecodeError)


class Reader:
    def read(self):
        return '{"from": "file", "list": [1, 2]}'


print(json.load(Reader()), json.load(Reader(), object_pairs_hook=dict))


class Shouting(json.JSONDecoder):
    def decode(self, s):
        return super().decode(s.upper())


print(json.loads('["quiet"]', cls=Shouting))
