# errors: SyntaxError for yield outside a function
yield 1
