# lang: global and nonlocal declarations, and name resolution order
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def create_global():
    global created
    created = "made inside"
create_global()
print(created)
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment
inc = make_counter()
print(inc(), inc(), inc())
other = make_counter()
print(other(), inc())
def outer():
    value = "outer"
    def middle():
        value = "middle"
        def inner():
            nonlocal value
            value = "changed by inner"
        inner()
        return value
    return middle(), value
print(outer())
x = "global x"
def reads_global():
    return x
def shadows():
    x = "local x"
    return x
print(reads_global(), shadows(), x)
len = lambda obj: "shadowed len"
print(len([1, 2]))
del len
print(len([1, 2]))
def nested_global():
    def inner():
        global counter
        counter = 100
    inner()
nested_global()
print(counter)
