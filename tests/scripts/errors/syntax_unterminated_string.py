# errors: SyntaxError for an unterminated string literal
s = "never closed
