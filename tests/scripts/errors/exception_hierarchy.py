# errors: the builtin exception hierarchy: subclass relations and a few __mro__ chains
pairs = [
    (Exception, BaseException), (KeyboardInterrupt, Exception), (SystemExit, Exception),
    (GeneratorExit, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (UnboundLocalError, NameError), (ModuleNotFoundError, ImportError),
    (FileNotFoundError, OSError), (NotImplementedError, RuntimeError),
    (RecursionError, RuntimeError), (UnicodeDecodeError, ValueError),
    (StopIteration, Exception), (AssertionError, Exception), (TypeError, ValueError),
    (IndentationError, SyntaxError), (TabError, IndentationError), (BaseException, object),
    (KeyboardInterrupt, BaseException), (FileExistsError, OSError), (PermissionError, OSError),
]
for sub, base in pairs:
    print(f"{sub.__name__:>20} <: {base.__name__:<16} {issubclass(sub, base)}")
for cls in (ZeroDivisionError, KeyError, UnboundLocalError, FileNotFoundError, TabError,
            UnicodeEncodeError, StopIteration, SystemExit, RecursionError):
    print(cls.__name__, [k.__name__ for k in cls.__mro__])
print(ZeroDivisionError.__mro__)
print(IOError is OSError, EnvironmentError is OSError)
print(FileNotFoundError.__bases__, LookupError.__bases__)
