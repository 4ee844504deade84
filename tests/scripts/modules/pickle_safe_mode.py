# pickle safe mode (chaipy's loads/load/Unpickler(..., safe=True)) against malicious pickles; CPython has no safe= keyword, so there (HAVE_SAFE false) the script emulates it with an Unpickler whose find_class refuses every global with the same message, and the .out recorded from /usr/bin/python3 is what chaipy's real safe mode must print.
import copyreg
import io
import pickle
import sys

try:
    pickle.loads(b'N.', safe=True)
    HAVE_SAFE = True
except TypeError:
    HAVE_SAFE = False


def emulated_safe(base):
    class SafeUnpickler(base):
        def find_class(self, module, name):
            raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden in safe mode")

        def load(self):
            # Safe mode does not consult the extension cache (an earlier load may have filled it).
            copyreg._extension_cache.clear()
            return super().load()
    return SafeUnpickler


def safe_unpickler(file, base=pickle.Unpickler):
    if HAVE_SAFE:
        return base(file, safe=True)
    return emulated_safe(base)(file)


def safe_loads(data):
    if HAVE_SAFE:
        return pickle.loads(data, safe=True)
    return safe_unpickler(io.BytesIO(data)).load()


def safe_load(file):
    if HAVE_SAFE:
        return pickle.load(file, safe=True)
    return safe_unpickler(file).load()


def attempt(label, data, loader=safe_loads):
    try:
        result = loader(data)
    except pickle.UnpicklingError as error:
        print(f'{label}: UnpicklingError: {error}')
    else:
        print(f'{label}: loaded {result!r}')


# ---- hand-made malicious pickles: the same attack in every opcode form, protocols 0..5 ----
def global_ref(protocol, module, name):
    if protocol >= 4:
        return (b'\x8c' + bytes([len(module)]) + module.encode() +
                b'\x8c' + bytes([len(name)]) + name.encode() + b'\x93')
    return b'c' + module.encode() + b'\n' + name.encode() + b'\n'


def text_arg(protocol, text):
    if protocol == 0:
        return b'V' + text.encode() + b'\n'
    return b'X' + len(text).to_bytes(4, 'little') + text.encode()


def header(protocol):
    return b'\x80' + bytes([protocol]) if protocol >= 2 else b''


def reduce_call(protocol, module, name, text):
    """module.name(text) through REDUCE."""
    return global_ref(protocol, module, name) + b'(' + text_arg(protocol, text) + b'tR'


ATTACKS = [
    ('os.system', 'os', 'system', 'echo PWNED by os.system'),
    ('posix.system', 'posix', 'system', 'echo PWNED by posix.system'),
    ('subprocess', 'subprocess', 'getoutput', 'echo PWNED by subprocess'),
    ('eval', 'builtins', 'eval', 'print("PWNED by eval")'),
    ('exec', 'builtins', 'exec', 'print("PWNED by exec")'),
    ('__builtin__.eval', '__builtin__', 'eval', 'print("PWNED by __builtin__.eval")'),
    ('import side effect', 'helper_pickle_side_effect', 'run', 'PWNED by an import'),
]

for protocol in range(6):
    print(f'-- protocol {protocol}')
    for label, module, name, text in ATTACKS:
        attempt(f'REDUCE {label}', header(protocol) + reduce_call(protocol, module, name, text) + b'.')
    call = reduce_call(protocol, 'os', 'system', 'echo PWNED nested')
    attempt('inside a list', header(protocol) + b']' + b'(' + b'K\x01' + call + b'e.'
            if protocol else b'(l' + call + b'a.')
    attempt('inside a dict value', header(protocol) + b'}' + text_arg(protocol, 'key') + call + b's.'
            if protocol else b'(dVkey\n' + call + b's.')
    attempt('as a dict key', header(protocol) + b'}' + call + b'K\x01s.'
            if protocol else b'(d' + call + b'I1\ns.')
    attempt('inside a tuple', header(protocol) + b'(' + call + b't.')
    attempt('BUILD state', header(protocol) + global_ref(protocol, 'builtins', 'object') + b')R}b.')

print('-- other opcodes that name globals')
attempt('INST', b'(Vecho PWNED by INST\nios\nsystem\n.')
attempt('OBJ', b'(cos\nsystem\nVecho PWNED by OBJ\no.')
attempt('NEWOBJ', b'\x80\x02c__builtin__\nobject\n)\x81.')
attempt('NEWOBJ_EX', b'\x80\x04\x8c\x08builtins\x8c\x06object\x93)}\x92.')
attempt('GLOBAL alone', b'cos\nsystem\n.')
attempt('STACK_GLOBAL alone', b'\x80\x04\x8c\x02os\x8c\x06system\x93.')
attempt('_codecs.encode', b'\x80\x02c_codecs\nencode\nX\x02\x00\x00\x00abX\x06\x00\x00\x00latin1\x86R.')
copyreg.add_extension('builtins', 'eval', 0x1234)
try:
    attempt('EXT2 builtins.eval', b'\x80\x02\x83\x34\x12X\x13\x00\x00\x00print("PWNED EXT2")\x85R.')
    # An unrestricted load fills the extension cache; safe mode must not use what it holds.
    pickle.loads(b'\x80\x02\x83\x34\x12.')
    attempt('EXT2 after a cached load', b'\x80\x02\x83\x34\x12.')
finally:
    copyreg.remove_extension('builtins', 'eval', 0x1234)

print('-- pickles that need no global still load')
plain = [None, True, False, 0, -1, 2**70, 1.5, 'text \u20ac', (1, (2,)), [1, [2]], {'a': [1]}]
for protocol in range(6):
    loaded = safe_loads(pickle.dumps(plain, protocol))
    print(protocol, loaded == plain, loaded)
for protocol in range(3, 6):
    print(protocol, safe_loads(pickle.dumps(b'\x00bytes', protocol)))
for protocol in range(4, 6):
    print(protocol, safe_loads(pickle.dumps([{1, 2}, frozenset({3})], protocol)))
print(5, safe_loads(pickle.dumps(bytearray(b'ba'), 5)))
shared = [1]
loaded = safe_loads(pickle.dumps([shared, shared]))
print('memo kept', loaded[0] is loaded[1])
attempt('set at protocol 2', pickle.dumps({1}, 2))
attempt('slice', pickle.dumps(slice(1, 2)))
attempt('a class instance', pickle.dumps(ValueError('x')))

print('-- load(file) and Unpickler(file)')
attempt('load', io.BytesIO(b'cos\nsystem\n(Vecho PWNED by load\ntR.'), safe_load)
print(safe_load(io.BytesIO(pickle.dumps({'ok': [1, 2]}))))
stream = io.BytesIO(pickle.dumps([1, 2]) + pickle.dumps('two') + b'cos\nsystem\n.')
unpickler = safe_unpickler(stream)
print(unpickler.load(), unpickler.load())
attempt('third pickle', None, lambda _: unpickler.load())

# Safe mode wins over a find_class override: the override is never asked.
class Permissive(pickle.Unpickler):
    def find_class(self, module, name):
        print('override asked for', module, name)
        return super().find_class(module, name)

attempt('override', io.BytesIO(b'cos\nsystem\n(Vecho PWNED override\ntR.'),
        lambda file: safe_unpickler(file, Permissive).load())

# The module behind the import-side-effect attack was never imported.
print('helper imported:', 'helper_pickle_side_effect' in sys.modules)

# The options of load(s), dump(s) and Unpickler are keyword-only: a stray positional True
# (meant as safe=True) must not be taken for another option.
for call in (lambda: pickle.loads(b'N.', True), lambda: pickle.load(io.BytesIO(b'N.'), True),
             lambda: pickle.Unpickler(io.BytesIO(b'N.'), True), lambda: pickle.dumps(1, 2, True),
             lambda: pickle.dump(1, io.BytesIO(), 2, True)):
    try:
        call()
    except TypeError as error:
        print('TypeError:', error)
