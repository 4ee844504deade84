# errors: traceback through a generator being consumed by a for loop
def numbers():
    yield 1
    yield 2
    raise IndexError("ran past the end")
for n in numbers():
    print("got", n)
