# lang program: matrix multiply, transpose, identity, power and determinant with lists
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def multiply(a, b):
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} by {len(b)}x{len(b[0])}")
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]
def transpose(m):
    return [list(row) for row in zip(*m)]
def power(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = multiply(result, m)
        m = multiply(m, m)
        e >>= 1
    return result
def determinant(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for col, value in enumerate(m[0]):
        minor = [row[:col] + row[col + 1:] for row in m[1:]]
        total += (-1) ** col * value * determinant(minor)
    return total
def show(m):
    width = max(len(str(v)) for row in m for v in row)
    for row in m:
        print(" ".join(str(v).rjust(width) for v in row))
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(multiply(a, b))
show(transpose(a))
print(multiply(identity(2), [[5, 6], [7, 8]]))
fib = power([[1, 1], [1, 0]], 90)
print(fib[0][1])
print(determinant([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), determinant(identity(4)))
try:
    multiply(a, a)
except ValueError as e:
    print("ValueError:", e)
floats = multiply([[0.5, 1.5]], [[2.0], [4.0]])
print(floats)
