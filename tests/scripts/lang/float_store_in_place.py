# A float result stored into a local whose float nobody else holds is written into that float:
# every alias, container, operand and non-float local must still see plain Python semantics.


def step(n):
    dx = 0.0
    total = 0.0
    for i in range(n):
        dx = i * 0.5 - 1.0      # the local's previous float is only held by dx
        total += dx * dx        # total is both the left operand and the target
        total = 0.5 - total if i == 3 else total
    return dx, total


print(step(10))


def aliases():
    a = 1.5
    b = a                      # a's float is also held by b: a new float is made
    a = a + 1.0
    c = 2.0
    keep = [c]                 # held by a list
    c = c * 3.0
    d = 4.0
    seen = {"d": d}            # held by a dict
    d -= 1.0
    e = 5.0
    e = e * e                  # both operands are the target: three references
    f = 3.0
    f = 10.0 - f               # the target is the right operand
    return a, b, c, keep, d, seen, e, f


print(aliases())


def other_targets():
    n = 7                      # an int local becomes a float
    n = n * 0.5
    s = "text"
    s = 2.0 * 1.5
    none = None
    none = 1.0 + 2.0
    x = 0.0 + 1.0
    x = x / 4.0
    x **= 2.0
    return n, s, none, x


print(other_targets())


class Meters(float):
    pass


def subclass_target():
    m = Meters(2.0)            # a float subclass in the local is replaced, not written into
    m = m * 2.0
    return type(m).__name__, m


print(subclass_target())


def unbound_first(flag):
    if flag:
        y = 1.0
    y = 2.0 * 3.0              # first binding of y on one path
    return y


print(unbound_first(False), unbound_first(True))


def generator_locals():
    acc = 0.0
    for v in (0.25, 0.5, 0.75):
        acc = acc + v
        yield acc


print(list(generator_locals()))


def closure_cell():
    z = 1.0                    # a cell variable: stored by STORE_DEREF, never in place

    def read():
        return z

    before = read()
    z = z + 1.0
    return before, read()


print(closure_cell())


def division_by_zero():
    q = 1.0
    try:
        q = q / 0.0
    except ZeroDivisionError as error:
        return "ZeroDivisionError:", error, q


print(division_by_zero())
