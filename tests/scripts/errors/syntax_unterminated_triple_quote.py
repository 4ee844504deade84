# errors: SyntaxError for an unterminated triple-quoted string
s = """starts here
and never
ends
