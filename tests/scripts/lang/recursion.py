# lang: recursive and mutually recursive functions
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(n) for n in range(15)])
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
print(factorial(25))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def permutations(seq):
    if len(seq) <= 1:
        return [seq]
    result = []
    for i, head in enumerate(seq):
        for tail in permutations(seq[:i] + seq[i + 1:]):
            result.append(head + tail)
    return result
print(permutations("abc"))
def hanoi(n, source, target, spare, moves):
    if n:
        hanoi(n - 1, source, spare, target, moves)
        moves.append((source, target))
        hanoi(n - 1, spare, target, source, moves)
    return moves
print(len(hanoi(10, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
