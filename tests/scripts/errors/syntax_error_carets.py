# errors: the source line and caret under an uncaught SyntaxError follow CPython's print_error_text
# (offset left of the stripped text: no caret; subclasses: one caret; end on a later line: to the
# end of the line; None offsets and texts; text spanning lines), checked in a child interpreter.
import subprocess
import sys

cases = [
    "SyntaxError('m', ('f.py', 3, 4, '    y = 2\\n', 3, -1))",
    "SyntaxError('m', ('f.py', 3, 5, '    y = 2\\n', 3, 8))",
    "SyntaxError('m', ('f.py', 1, 1, 'return 1\\n', 1, 7))",
    "IndentationError('m', ('f.py', 1, 1, 'return 1\\n', 1, 7))",
    "TabError('m', ('f.py', 1, 3, '\\treturn 1\\n', 1, 7))",
    "SyntaxError('m', ('f.py', 2, 3, 'x = (1,\\n', 4, 2))",
    "SyntaxError('m', ('f.py', 2, 40, 'x = 1\\n', 2, 50))",
    "SyntaxError('m', ('f.py', 2, 3, 'x = 1', 2, 4))",
    "SyntaxError('m', ('f.py', 2, 9, 'ab\\ncd\\nefgh\\n', 2, 10))",
    "SyntaxError('m', ('f.py', 2, None, 'x = 1\\n', 2, None))",
    "SyntaxError('m', ('f.py', 2, 3, None, 2, 4))",
    "SyntaxError('m', (None, 2, 3, 'x = 1\\n', 2, 4))",
    "SyntaxError('', ('f.py', 2, 3, 'x = 1\\n', 2, 4))",
    "SyntaxError(None, ('f.py', 2, 3, 'x = 1\\n', 2, 4))",
    "SyntaxError('m', ('f.py', 2, 0, 'x = 1\\n', 2, 0))",
    "SyntaxError('m', ('f.py', 2, 2, 'x = 1\\n', 2, 1))",
    "SyntaxError('m', ('f.py', None, 3, 'x = 1\\n', 2, 4))",
    "SyntaxError('m')",
    "SyntaxError()",
]
for case in cases:
    child = subprocess.run([sys.executable, "-c", "raise " + case], capture_output=True, text=True)
    print(case)
    print(child.returncode)
    report = child.stderr.split("Traceback (most recent call last):\n")[-1].split("line 1, in <module>\n")[-1]
    print("".join(line for line in report.splitlines(True) if not line.startswith("    raise ")), end="")
    print("-" * 20)

# str() of a SyntaxError: the message (None when absent) and what is known of where.
print(str(SyntaxError()), str(SyntaxError(None, ("f.py", 2, 3, "x", 2, 4))), str(SyntaxError(5)))
located = SyntaxError("m")
located.lineno = 3
print(str(located))
located.filename = "/x/y.py"
print(str(located))
