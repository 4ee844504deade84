# types: str.split / rsplit with separators and maxsplit, and str.join
s = "  the quick  brown\tfox\njumps  "
print(s.split(), s.split(" "), s.split(None, 2))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "a,b,,c".rsplit(","))
print("a--b--c".split("--"), "a--b--c".split("--", maxsplit=1), "a--b--c".rsplit(sep="--", maxsplit=1))
print("".split(), "".split(","), "   ".split(), ",".split(","), "abc".split("abc"))
print("one two three".rsplit(None, 1), "  lead trail  ".rsplit(maxsplit=1), "x".split("x", 0))
print("1 2 3".split(maxsplit=0), "a b c".split(maxsplit=-1))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"), "|".join([]))
print("\n".join(str(n) for n in range(3)))
print(", ".join(sorted({"pear", "apple", "fig"})), "".join(reversed("stressed")))
print("+".join(("only",)), "-".join({"k1": 1, "k2": 2}))
try:
    ", ".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
words = "comma,separated,values".split(",")
print(len(words), words[-1], "/".join(words).upper())
