# types: str comparison, concatenation, repetition, membership, iteration and immutability
print("abc" < "abd", "abc" < "ab", "B" < "a", "a" < "aa", "" < " ", "Z" > "A")
print("apple" == "apple", "apple" != "Apple", "10" < "9", sorted(["b", "A", "a", "B"]))
print("ab" + "cd", "ab" * 3, 3 * "x", "x" * 0, "x" * -2, repr("" * 100))
print("ell" in "hello", "" in "", "H" in "hello", "lo" not in "hello")
print([c for c in "hey"], list(enumerate("ab")), "".join(c * 2 for c in "abc"))
s = "immutable"
try:
    s[0] = "I"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)
print(s[0], s[-1], s[2:5], len(s), s.__len__(), s.upper() is not s, s)
t = s
t += "!"
print(s, t)
print(min("hello"), max("hello"), sorted("hello"), str(123) + str(4.5))
print("%s" % "a" == "a", "abc".__contains__("b"), ord(max("\u00e9a")))
