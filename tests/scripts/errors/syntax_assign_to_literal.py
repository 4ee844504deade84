# errors: SyntaxError for assigning to a literal
1 = x
