# pickle's short-str paths: every length around the word sizes the writer copies with and the
# reader checks for ASCII with, a non-ASCII character at the start, middle or end; the bytes must
# be CPython's in full (a digest of every byte) and every str must come back.
import pickle


def digest(data):
    total = 0
    for i, byte in enumerate(data):
        total = (total * 31 + byte + i) % 1_000_000_007
    return total


lines = []
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    texts = []
    for n in list(range(0, 40)) + [63, 64, 65, 100, 255, 256, 300]:
        base = "".join(chr(97 + (i * 7) % 26) for i in range(n))
        texts.append(base)
        if n:
            for where in (0, n // 2, n - 1):
                texts.append(base[:where] + "é" + base[where + 1:])
                texts.append(base[:where] + "\u20ac" + base[where + 1:])
    data = pickle.dumps(texts, protocol)
    back = pickle.loads(data)
    assert back == texts, protocol
    assert [type(t) for t in back] == [str] * len(texts)
    lines.append(f"protocol {protocol}: {len(texts)} strs, {len(data)} bytes, digest {digest(data)}")
print("\n".join(lines))

# One str alone, past the frame boundary of protocol 4 and in a dict as a key and a value.
for n in (0, 1, 3, 4, 7, 8, 15, 16, 17, 255):
    value = {"k" * n: "v" * n, ("t" * n,): ["x" * n] * 2}
    data = pickle.dumps(value, 4)
    assert pickle.loads(data) == value
    print(n, len(data), digest(data))
