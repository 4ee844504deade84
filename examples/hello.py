# Example: the README's first demo, a greeting, a computation and a loop in core Python.


def greet(name):
    return "Hello, " + name + "!"


def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


print(greet("chaipy"))
print("30! =", factorial(30))

teas = ["masala", "ginger", "cardamom"]
for number, tea in enumerate(teas, 1):
    print(number, tea + " chai")

squares = [n * n for n in range(1, 6)]
print("squares:", squares, "sum:", sum(squares))
