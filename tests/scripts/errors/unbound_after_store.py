# A store followed by a load of an unbound local (one fused instruction): the store happens, and
# the error's caret is under the loaded name. Also after a float result stored in place.
def settle(flag):
    if flag:
        later = 1
    first = 2
    return later + first


def drift(flag):
    scale = 0.5 * 3.0
    if flag:
        offset = 1.0
    scale = scale * 2.0
    return offset + scale


def total(values):
    acc = 0.0
    for v in values:
        acc = acc + v
        last = acc
    return acc, last


print(settle(True), drift(True), total([0.5, 0.25, 2.0]))
try:
    drift(False)
except UnboundLocalError as error:
    print('drift:', error)
settle(False)
