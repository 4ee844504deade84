# errors test helper: a module whose function raises, for cross-module tracebacks
def explode(depth):
    if depth == 0:
        raise RuntimeError("exploded in helper")
    return explode(depth - 1)
