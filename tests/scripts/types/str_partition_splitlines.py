# types: partition, rpartition and splitlines with and without keepends
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("no separator".partition(":"), "no separator".rpartition(":"))
print("=start".partition("="), "end=".rpartition("="), "a::b::c".partition("::"))
try:
    "x".partition("")
except ValueError as e:
    print("ValueError:", e)
text = "line one\nline two\r\nline three\rline four\n\nlast"
print(text.splitlines())
print(text.splitlines(keepends=True))
print(text.splitlines(True) == text.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "one\n".splitlines(), "\n\n".splitlines(True))
print("a\x0bb\x0cc\x1cd\u2028e\x85f".splitlines())
print("trailing\n".split("\n"), "trailing\n".splitlines())
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail, type("a".partition("a")).__name__)
