# Code run by exec() and eval() has no source lines in tracebacks (CPython 3.11 shows none): before, a second "<string>" showed the first one's line.
def run(code):
    exec(code)


try:
    exec("x = 1\ny = 2")
    eval("1 +\n2")
except SyntaxError as error:
    print("SyntaxError", error.lineno)
run("def f():\n    return 1 / 0\nf()")
