# lang: while loops with else, break, continue and nested loops
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n =", n)
else:
    print("while finished normally")
k = 0
while True:
    k += 1
    if k > 3:
        break
print("k =", k)
m = 10
while m > 0:
    if m == 7:
        print("breaking at", m)
        break
    m -= 1
else:
    print("not printed")
count = 0
while count < 0:
    count += 1
else:
    print("else runs when the condition is false at once")
i = 0
pairs = []
while i < 3:
    j = 0
    while j < 3:
        if j == i:
            j += 1
            continue
        pairs.append((i, j))
        j += 1
    i += 1
print(pairs)
a, b = 0, 1
while b < 100:
    a, b = b, a + b
print(a, b)
