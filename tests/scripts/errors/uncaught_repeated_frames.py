# errors: a traceback through recursion collapses repeated frames into "[Previous line repeated]"
def descend(n):
    if n == 0:
        raise OverflowError("bottom reached")
    return descend(n - 1)
descend(5)
