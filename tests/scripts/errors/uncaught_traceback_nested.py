# errors: an uncaught exception's traceback through several nested function calls
def parse(text):
    return int(text)
def load(values):
    return [parse(v) for v in values]
def main():
    print("loading")
    numbers = load(["1", "2", "three"])
    print("never", numbers)
main()
