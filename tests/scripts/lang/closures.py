# lang: closures capturing variables, shared cells, and nested function factories
def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), double(triple(2)))
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        balance -= amount
        return balance
    def current():
        return balance
    return deposit, withdraw, current
deposit, withdraw, current = make_account(100)
deposit(50)
withdraw(30)
print(current())
def outer():
    x = "before"
    def show():
        return x
    x = "after"
    return show
print(outer()())
def compose(*funcs):
    def composed(value):
        for f in reversed(funcs):
            value = f(value)
        return value
    return composed
inc = lambda v: v + 1
print(compose(double, inc)(5), compose(inc, double)(5))
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3
    return level2
print(level1()()())
def accumulator():
    items = []
    def add(item):
        items.append(item)
        return list(items)
    return add
acc = accumulator()
acc(1)
print(acc(2))
