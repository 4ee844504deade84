# errors: an uncaught error raised three calls deep (a function, a method, a recursion): each
# frame run in place of its call appears in the traceback, with its caret
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        return self.check(amount) and self.balance - amount

    def check(self, amount):
        return spend(self.balance, amount, 2)


def spend(balance, amount, attempts):
    if attempts == 0:
        return balance // (amount - amount)
    return spend(balance, amount, attempts - 1) + 1


def main():
    print("withdrawing")
    return Account(10).withdraw(3)


main()
