# errors: SyntaxError for a keyword used as an assignment target
class = 3
