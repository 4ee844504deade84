# errors: traceback through methods of classes, properties and a lambda
class Inventory:
    def __init__(self):
        self.items = {"apple": 3}
    @property
    def total(self):
        return sum(map(lambda name: self.count(name), ["apple", "pear"]))
    def count(self, name):
        return self.items[name] + 0
inventory = Inventory()
print(inventory.count("apple"))
print(inventory.total)
