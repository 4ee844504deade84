# errors: SyntaxError for deleting a function call
del len(x)
