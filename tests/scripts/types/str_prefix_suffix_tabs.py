# types: removeprefix, removesuffix and expandtabs
print("unittest_case".removeprefix("unittest_"), "case".removeprefix("unittest_"), "aaab".removeprefix("a"))
print("report.csv".removesuffix(".csv"), "report.csv".removesuffix(".txt"), "xx".removesuffix(""))
print("".removeprefix("a"), "abc".removeprefix("abc"), "abcabc".removesuffix("abc"))
print(repr("a\tb\tc".expandtabs()), repr("a\tb\tc".expandtabs(4)), repr("\t".expandtabs(0)))
print(repr("12345\t6\t".expandtabs(4)), repr("ab\ncd\tef".expandtabs(3)), repr("no tabs".expandtabs()))
for line in ["name\tqty\tprice", "apple\t3\t1.50", "watermelon\t1\t4.00"]:
    print(line.expandtabs(12))
files = ["test_alpha.py", "test_beta.py", "helper.py"]
print([f.removeprefix("test_").removesuffix(".py") for f in files])
print(repr("\tindented".expandtabs(2)), repr("a\tbc\tdef\t".expandtabs(3)), len("x\ty".expandtabs()))
try:
    "x".removeprefix(1)
except TypeError as e:
    print("TypeError:", e)
