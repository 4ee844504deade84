# errors: messages for unpacking mismatches and non-iterables
def show(thunk):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
def too_many():
    a, b = 1, 2, 3
show(too_many)
def not_enough():
    a, b, c = (1, 2)
show(not_enough)
def not_enough_star():
    a, b, *rest = [1]
show(not_enough_star)
def non_iterable():
    a, b = 5
show(non_iterable)
def none_unpack():
    a, b = None
show(none_unpack)
def string_unpack():
    a, b = "abc"
show(string_unpack)
def dict_unpack():
    a, b, c = {"x": 1, "y": 2}
show(dict_unpack)
def generator_unpack():
    a, b = (n for n in range(5))
show(generator_unpack)
def nested_unpack():
    (a, b), c = (1, 2), 3, 4
show(nested_unpack)
def inner_unpack():
    (a, b), c = (1,), 2
show(inner_unpack)
def for_unpack():
    for x, y in [(1, 2), (3,)]:
        pass
show(for_unpack)
def star_args():
    print(*5)
show(star_args)
def star_kwargs():
    dict(**[1])
show(star_kwargs)
def star_kwargs_keys():
    dict(**{1: 2})
show(star_kwargs_keys)
