# errors: SyntaxError for a parenthesis that is never closed
print("before")
x = (1,
