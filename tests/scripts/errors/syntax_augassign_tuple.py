# errors: SyntaxError for augmented assignment to a tuple
a, b += 1, 2
