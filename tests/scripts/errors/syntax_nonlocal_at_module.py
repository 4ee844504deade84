# errors: SyntaxError for a nonlocal declaration at module level
nonlocal x
