# errors: SyntaxError for continue outside a loop
continue
