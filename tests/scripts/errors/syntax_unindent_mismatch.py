# errors: IndentationError when a dedent matches no outer level
if True:
        x = 1
    y = 2
