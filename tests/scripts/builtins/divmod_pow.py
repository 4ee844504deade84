# builtins: divmod and pow, including the three-argument and negative forms
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1, 0.3))
print(divmod(10 ** 30, 7), divmod(-(10 ** 30), 7))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(pow(2, 8), pow(2, -2), pow(-2, 3), pow(2.5, 2), pow(4, 0.5), pow(0, 0))
print(pow(3, 4, 5), pow(-3, 4, 5), pow(3, -1, 7), pow(2, 100, 10 ** 9 + 7), pow(5, 0, 1))
print(pow(123456789, 987654321, 1000000007), pow(2, 10, -7))
print(pow(base=2, exp=5), pow(3, exp=2, mod=4))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(pow(-8, 1 / 3) if False else pow(-2, -2), pow(10, 20), pow(10, -20))
