# errors: uncaught ZeroDivisionError with the 3.11 caret markers under the failing operation
def ratio(a, b):
    return a / b
def average(values):
    total = sum(values)
    return ratio(total, len(values))
print(average([1, 2, 3]))
print(average([]))
