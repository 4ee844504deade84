# errors: messages for out-of-range indexes, missing keys and empty containers
def show(thunk):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: [1, 2][5])
show(lambda: [][-1])
show(lambda: (1,)[1])
show(lambda: "abc"[10])
show(lambda: b"abc"[3])
show(lambda: bytearray(1)[2])
show(lambda: range(3)[3])
def assign():
    items = [1]
    items[3] = 0
show(assign)
def delete():
    items = [1]
    del items[2]
show(delete)
show(lambda: {"a": 1}["b"])
show(lambda: {}[0])
show(lambda: {}[(1, "x")])
show(lambda: {}[""])
show(lambda: [].pop())
show(lambda: [1].pop(3))
show(lambda: {}.popitem())
show(lambda: set().pop())
show(lambda: {1}.remove(2))
pair = [1, 2]
text = "abc"
fixed = (1, 2)
keys = ["0", 1.0, None, "x"]
show(lambda: pair[keys[0]])
show(lambda: pair[keys[1]])
show(lambda: text[keys[2]])
show(lambda: fixed[keys[3]])
show(lambda: {"k": 1}[["unhashable"]])
