# errors: SyntaxError for a malformed parameter list
def f(:
    return 1
