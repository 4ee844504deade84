# errors: SyntaxError for an incomplete expression
x = 1 +
