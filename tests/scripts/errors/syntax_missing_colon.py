# errors: SyntaxError for a missing colon after an if condition
x = 3
if x > 2
    print(x)
