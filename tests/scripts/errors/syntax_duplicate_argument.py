# errors: SyntaxError for a duplicate parameter name
def f(a, a):
    return a
