# lang test helper: a module without __all__, for star-import tests
UNIT = "cm"
_scale = 10
def area_of_square(side):
    return side * side
