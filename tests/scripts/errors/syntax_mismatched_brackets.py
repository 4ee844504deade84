# errors: SyntaxError for mismatched brackets
items = [1, 2, 3)
