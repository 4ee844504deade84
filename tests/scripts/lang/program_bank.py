# lang program: a small bank simulation with accounts, transfers, errors and a report
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}")
        self.shortfall = amount - account.balance
class Account:
    next_number = 1000
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account({self.number}, {self.owner!r}, {self.balance})"
class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, kind, *args, **kwargs):
        account = kind(*args, **kwargs)
        self.accounts[account.number] = account
        return account
    def transfer(self, source, target, amount):
        try:
            self.accounts[source].withdraw(amount)
        except InsufficientFunds as e:
            print(f"  transfer refused: {e} (short by {e.shortfall})")
            return False
        self.accounts[target].deposit(amount)
        return True
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open(Account, "Alice", 100)
bob = bank.open(SavingsAccount, "Bob", balance=500, rate=0.05)
print(alice, bob)
print(bank.transfer(alice.number, bob.number, 30))
print(bank.transfer(alice.number, bob.number, 300))
print("interest", bob.add_interest())
try:
    alice.deposit(-5)
except ValueError as e:
    print("  error:", e)
for account in sorted(bank.accounts.values(), key=lambda a: a.balance, reverse=True):
    print(f"{account.number} {account.owner:<6} {account.balance:>8.2f} {len(account.history)} ops")
print("total", bank.total())
print([kind for kind, _ in bob.history])
