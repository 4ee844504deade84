# lang test helper: unit constants for the geometry subpackage
METRE = "m"
def describe(value):
    return f"{value} {METRE}^2"
