# errors: NameError, UnboundLocalError and AttributeError messages (3.11 wording)
def show(thunk):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: undefined_variable)
def unbound():
    print(counter)
    counter = 1
show(unbound)
def unbound_augmented():
    total += 1
    total = 0
show(unbound_augmented)
def free_variable():
    def inner():
        return captured
    inner_result = inner
    captured = 1
    del captured
    return inner_result()
show(free_variable)
class Widget:
    size = 1
w = Widget()
show(lambda: w.colour)
show(lambda: Widget.colour)
show(lambda: (5).real_part)
show(lambda: "text".nope)
show(lambda: [].push)
show(lambda: None.value)
import math
show(lambda: math.tau_squared)
def set_on_int():
    x = 5
    x.attr = 1
show(set_on_int)
def del_missing():
    del w.missing
show(del_missing)
def del_class_attr():
    del w.size
show(del_class_attr)
def del_global():
    global never_defined
    del never_defined
show(del_global)
show(lambda: object().__dict__)
