# types: replace with count, find/rfind/index/rindex with ranges, and their failures
s = "the cat sat on the mat with the hat"
print(s.replace("the", "a"), s.replace("the", "a", 2), s.replace("at", "og", 0))
print("aaaa".replace("a", "b", -1), "aaaa".replace("aa", "b"), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("hello".replace("l", ""), "hello".replace("xyz", "q"), "".replace("", "filled"))
print(s.find("the"), s.find("the", 1), s.find("the", 1, 10), s.find("dog"), s.find(""))
print(s.rfind("the"), s.rfind("the", 0, 20), s.rfind("zzz"), s.rfind(""))
print(s.index("cat"), s.rindex("at"), s.index("at", 10), s.rindex("t", 0, 5))
print("abc".find("c", -1), "abc".find("a", -1), "abc".find("", 3), "abc".find("", 4))
for call in (lambda: s.index("dog"), lambda: s.rindex("dog"), lambda: s.index("the", 32)):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
print("a\u00e9b\u00e9".find("\u00e9"), "a\u00e9b\u00e9".rfind("\u00e9"), "x\U0001F600y".find("y"))
