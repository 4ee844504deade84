# errors: SyntaxError for an invalid character in an identifier
value$ = 1
