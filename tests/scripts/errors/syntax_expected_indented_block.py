# errors: IndentationError when a block body is missing
def f():
return 1
