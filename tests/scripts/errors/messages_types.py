# errors: messages for type errors: subscripting, calling, operands, iteration, hashing
def show(thunk):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
number = 5
nothing = None
show(lambda: number[0])
show(lambda: nothing[0])
show(lambda: nothing())
show(lambda: number())
text = "text"
show(lambda: text())
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: "a" + None)
show(lambda: [1] + "a")
show(lambda: (1,) + [2])
show(lambda: 1 < "a")
show(lambda: [] > {})
show(lambda: None >= None)
show(lambda: len(number))
show(lambda: iter(number))
show(lambda: [x for x in number])
show(lambda: {[1]: 2})
show(lambda: hash({}))
show(lambda: sorted([1, None]))
show(lambda: "abc".upper(1))
show(lambda: int([]))
show(lambda: "x" * "y")
show(lambda: 3 in 5)
show(lambda: 1 in "abc")
def item_assign():
    s = "str"
    s[0] = "S"
show(item_assign)
def del_item():
    t = (1, 2)
    del t[0]
show(del_item)
show(lambda: number.attr)
show(lambda: abs("x"))
show(lambda: round("x"))
show(lambda: isinstance(1, 2))
show(lambda: dict(1))
show(lambda: str.join(",", 5))
