# types: case conversion: upper, lower, title, capitalize, swapcase, casefold
samples = ["hello world", "HELLO World", "they're bill's friends", "o'neil mc-donald", "ß straße",
           "123abc DEF", "\u00e9cole \u00c9T\u00c9", "mIxEd CaSe", ""]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), sep=" | ")
print("Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse")
print("a1b2".upper(), "\u00c0\u00c9\u00ce".lower(), "\u03b1\u03b2".upper(), "\u0391\u0392".lower())
name = "ada LOVELACE"
print(name.title(), name.capitalize(), name.swapcase().swapcase() == name)
print("hello"[0].upper() + "hello"[1:], "x".upper().lower(), "".upper() == "")
print("ABC".lower().islower(), "abc".upper().isupper(), "Hello World".istitle())
for word in ["python", "PYTHON", "PyThOn"]:
    print(word, word.casefold() == "python", word.lower() == word.casefold())
