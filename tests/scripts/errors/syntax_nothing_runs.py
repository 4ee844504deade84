# errors: a SyntaxError means nothing in the file runs, not even earlier lines
print("this line is never printed")
while True print("x")
