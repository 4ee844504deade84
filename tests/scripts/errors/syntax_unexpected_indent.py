# errors: IndentationError for an unexpected indent
x = 1
    y = 2
