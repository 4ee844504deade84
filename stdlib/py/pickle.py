"""Serialising Python objects to bytes and back, compatible with CPython's pickle (protocols
0 to 5; the default, 4, writes exactly CPython's bytes).

The engine is native (_pickle); this module gives it CPython's public names.

Security: unpickling resolves every global a pickle names by importing its module (through
Unpickler.find_class) and calls the constructors it names, so a crafted pickle can run any
code. Pickles are for data our own processes wrote (the pipes and queues of multiprocessing,
caches we made). For data from elsewhere, either
- pass safe=True (a chaipy extension: loads(data, safe=True), load(file, safe=True),
  Unpickler(file, safe=True)): every opcode that names a global (GLOBAL, STACK_GLOBAL, INST,
  EXT1/2/4) raises UnpicklingError("global 'os.system' is forbidden in safe mode") before
  anything is imported, a find_class override included. None, bool, int, float, str, tuple,
  list and dict still load at every protocol, bytes from protocol 3, set and frozenset from 4,
  bytearray from 5 (lower protocols write those through globals, as they write complex and
  every class at any protocol); a persistent_load hook the caller installs is still called; or
- subclass Unpickler and override find_class(module, name) to allow a chosen few globals, as
  in CPython's documentation ("Restricting Globals").
"""

from _pickle import (PickleError, PicklingError, UnpicklingError, Pickler, Unpickler,
                     dump, dumps, load, loads)
import copyreg as _copyreg  # noqa: F401  (the reduce protocol's helpers must be importable)

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler", "dump",
           "dumps", "load", "loads"]

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]
HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

# The opcodes, as bytes (CPython's pickle exports them).
MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

__all__.extend(name for name in dir() if name.isupper() and not name.startswith("_"))
