# lang: chained comparisons evaluate each operand once and short-circuit
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(1 < 2 > 0, 1 <= 1 >= 1, 0 < 0 < 1)
x = 5
print(0 < x < 10, 0 < x > 10, 0 <= x <= 5 < 6)
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(2) < val(3), calls)
calls.clear()
print(val(3) < val(2) < val(1), calls)
calls.clear()
print(val(1) < val(5) > val(2) == val(2), calls)
a = [1, 2]
b = a
print(a is b is a, a == [1, 2] is not None)
print(1 in [1] in [[1]], 2 in [1] in [[1]])
print("a" < "b" < "c", "abc" < "abd", "Z" < "a", "" < "a")
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [2] > [1, 9])
print(1 < 2.5 < 3, 2 == 2.0 == True + 1)
