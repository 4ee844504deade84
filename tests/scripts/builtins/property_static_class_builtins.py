# builtins: property(), staticmethod() and classmethod() used as plain callables
class Account:
    def __init__(self):
        self._balance = 0
    def get_balance(self):
        return self._balance
    def set_balance(self, value):
        self._balance = max(0, value)
    def del_balance(self):
        self._balance = None
    balance = property(get_balance, set_balance, del_balance, "the balance")
    read_only = property(get_balance)
a = Account()
a.balance = 50
print(a.balance)
a.balance = -10
print(a.balance, a.read_only)
del a.balance
print(a.balance, Account.balance.__doc__)
p = property()
print(p.fget, p.fset, p.fdel, type(p).__name__)
getter_only = property(lambda self: "computed")
Account.extra = getter_only
print(a.extra)
later = property(Account.get_balance).setter(Account.set_balance)
Account.later = later
a.later = 7
print(a.later)
def helper(x):
    return x + 1
sm = staticmethod(helper)
cm = classmethod(lambda cls: cls.__name__)
print(type(sm).__name__, type(cm).__name__, sm.__func__ is helper)
class Holder:
    inc = sm
    name = cm
print(Holder.inc(1), Holder().inc(2), Holder.name(), Holder().name())
