# errors: exception args and str/repr with zero, one and several arguments
for exc in (ValueError(), ValueError("msg"), ValueError("a", 2), ValueError(None), ValueError(""),
            KeyError("k"), KeyError(), KeyError("a", "b"), KeyError(1), IndexError(5),
            Exception([1, 2]), RuntimeError("multi\nline"), StopIteration(3), SystemExit(2)):
    print(type(exc).__name__, exc.args, repr(str(exc)), repr(exc))
e = ValueError("changeable")
e.args = ("changed", 1)
print(e, repr(e))
e.custom = "attribute"
print(e.custom)
err = OSError(2, "No such file or directory")
print(err.errno, err.strerror, str(err), repr(err), type(err).__name__)
fnf = FileNotFoundError(2, "No such file or directory", "missing.txt")
print(fnf.errno, fnf.filename, str(fnf))
print(str(KeyError("quoted")), str(KeyError("it's")), repr(KeyError('say "x"')))
print(BaseException("base"), Exception("x") == Exception("x"), Exception().args)
