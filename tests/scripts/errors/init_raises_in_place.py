# errors: an error raised inside a class's __init__ (run in place of the call): the traceback
# shows the call and the __init__ line
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = int(balance)


accounts = [Account("ada", "10"), Account("bob", "ten")]
