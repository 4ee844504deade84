# lang: finally interacting with return, break, continue and exceptions
def return_in_finally():
    try:
        return "from try"
    finally:
        return "from finally"
print(return_in_finally())
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "finally return discards the exception"
print(finally_swallows())
def return_value_fixed():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  finally sees x =", x)
print(return_value_fixed())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
for i in range(5):
    try:
        if i == 2:
            break
    finally:
        print("cleanup", i)
print("loop ended at", i)
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "exception discarded by break"
print(break_in_finally())
