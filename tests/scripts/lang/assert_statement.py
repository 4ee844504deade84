# lang: assert passes silently, raises AssertionError with or without a message
assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError", e)
try:
    value = 7
    assert value < 5, f"value {value} too big"
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert False, ("tuple", 1)
except AssertionError as e:
    print(e.args)
evaluated = []
def message():
    evaluated.append(1)
    return "msg"
assert True, message()
print("message evaluated:", evaluated)
