# errors: an error inside an except block is chained to the exception being handled
try:
    items = []
    items[0]
except IndexError:
    print("handling IndexError")
    undefined_handler_name
