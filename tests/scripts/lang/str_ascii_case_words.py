# upper/lower of ASCII text work eight bytes at a time: every length around the word size and
# every byte next to the letter ranges ('@[`{', DEL) must come out as per-character case mapping.
import random
random.seed(5)
alphabet = "AZaz@[`{ 09_-~\x7fMmQq"
for n in list(range(0, 20)) + [31, 32, 33, 64, 100]:
    for _ in range(20):
        s = "".join(random.choice(alphabet) for _ in range(n))
        assert s.lower() == "".join(c.lower() for c in s), s
        assert s.upper() == "".join(c.upper() for c in s), s
        print(n, s.lower(), s.upper())
