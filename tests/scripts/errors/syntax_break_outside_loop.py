# errors: SyntaxError for break outside a loop
def f():
    break
