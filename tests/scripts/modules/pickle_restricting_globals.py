# pickle: the "Restricting Globals" recipe of CPython's pickle documentation, unchanged, with its examples, and how a find_class override sees each opcode's names.
import builtins
import io
import pickle

safe_builtins = {
    'range',
    'complex',
    'set',
    'frozenset',
    'slice',
}

class RestrictedUnpickler(pickle.Unpickler):

    def find_class(self, module, name):
        # Only allow safe classes from builtins.
        if module == "builtins" and name in safe_builtins:
            return getattr(builtins, name)
        # Forbid everything else.
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" %
                                     (module, name))

def restricted_loads(s):
    """Helper function analogous to pickle.loads()."""
    return RestrictedUnpickler(io.BytesIO(s)).load()


print(restricted_loads(pickle.dumps([1, 2, range(15)])))
for data in [b"cos\nsystem\n(S'echo hello world'\ntR.",
             b'cbuiltins\neval\n'
             b'(S\'getattr(__import__("os"), "system")\'\n'
             b'(S\'echo hello world\'\ntR.']:
    try:
        restricted_loads(data)
    except pickle.UnpicklingError as error:
        print('UnpicklingError:', error)

# The allowed globals load at every protocol (names as the pickle spells them: protocols 0-2
# write __builtin__, which the override refuses, as in CPython).
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps([range(1, 9, 2), {3}, frozenset({4}), slice(1, None, 2)], protocol)
    try:
        print(protocol, restricted_loads(data))
    except pickle.UnpicklingError as error:
        print(protocol, 'UnpicklingError:', error)


# What find_class is asked for, opcode by opcode; super().find_class resolves as usual.
class Recording(pickle.Unpickler):
    def find_class(self, module, name):
        print('  find_class', repr(module), repr(name))
        return super().find_class(module, name)

for label, data in [('GLOBAL', b'cbuiltins\nlen\n.'),
                    ('GLOBAL, protocol 2 name', b'\x80\x02c__builtin__\nlen\n.'),
                    ('STACK_GLOBAL', b'\x80\x04\x8c\x08builtins\x8c\x03len\x93.'),
                    ('STACK_GLOBAL dotted', b'\x80\x04\x8c\x02os\x8c\x09path.join\x93.'),
                    ('INST', b'(V12\nibuiltins\nint\n.'),
                    ('OBJ', b'(cbuiltins\nint\nV7\no.'),
                    ('missing', b'cbuiltins\nno_such_name\n.')]:
    print(label)
    try:
        result = Recording(io.BytesIO(data)).load()
        print('  ->', getattr(result, '__qualname__', result))
    except Exception as error:
        print('  ', type(error).__name__, error)

# find_class cannot be replaced on a plain Unpickler instance (subclass it instead).
unpickler = pickle.Unpickler(io.BytesIO(b'cos\nsystem\n.'))
try:
    unpickler.find_class = lambda module, name: None
except AttributeError as error:
    print('AttributeError:', error)

# Called directly, find_class maps Python 2 names and refuses dotted ones (no pickle loaded:
# protocol 0); during a load it follows the pickle's protocol, as the dotted STACK_GLOBAL shows.
plain = pickle.Unpickler(io.BytesIO(b''))
print(plain.find_class('__builtin__', 'len').__qualname__, plain.find_class('copy_reg', '_reconstructor').__module__)
try:
    plain.find_class('builtins', 'str.maketrans')
except AttributeError as error:
    print('AttributeError:', error)
