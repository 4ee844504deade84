# errors: SyntaxError for a name declared global after use
def f():
    x = 1
    global x
