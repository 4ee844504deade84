# errors: SyntaxError for assigning to a function call
def f():
    pass
f() = 5
