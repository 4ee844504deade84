# types: the is* predicates on ASCII, Unicode digits and edge cases
samples = ["abc", "ABC", "Abc Def", "abc123", "123", "12.5", "", " \t\n", "\u00bd", "\u0663",
           "\u00b2", "caf\u00e9", "_name", "2bad", "Title Case", "hello_World", "X"]
header = ["isalpha", "isdigit", "isnumeric", "isdecimal", "isalnum", "isspace",
          "isupper", "islower", "istitle", "isidentifier", "isascii", "isprintable"]
print(" ".join(h[2:6] for h in header))
for s in samples:
    flags = ["T" if getattr(s, name)() else "." for name in header]
    print("     ".join(flags), repr(s))
print("def".isidentifier(), "class".isidentifier(), "a b".isidentifier(), "\u00e9t\u00e9".isidentifier())
print("\x07".isprintable(), "tab\t".isprintable(), "".isspace(), "\u2003".isspace())
