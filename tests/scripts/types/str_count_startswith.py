# types: count, startswith and endswith with tuples and start/end ranges
s = "banana bandana"
print(s.count("a"), s.count("an"), s.count("ana"), s.count("z"), s.count(""), s.count("a", 7), s.count("a", 2, 6))
print("aaaa".count("aa"), "".count(""), "abc".count("", 1))
print(s.startswith("ban"), s.startswith("and"), s.startswith("and", 8), s.startswith("ban", 7, 9))
print(s.endswith("ana"), s.endswith("dana"), s.endswith("nan", 0, 5), s.endswith("ban", 0, 10))
print(s.startswith(("x", "y", "ba")), s.endswith(("x", "na")), s.startswith(()), "".startswith(""))
print("file.tar.gz".endswith((".gz", ".zip")), "README".startswith("read"), "README".lower().startswith("read"))
print(s.startswith("", 100), s.startswith("b", -7), s.endswith("a", -3, -1))
try:
    s.startswith(["ban"])
except TypeError as e:
    print("TypeError:", e)
