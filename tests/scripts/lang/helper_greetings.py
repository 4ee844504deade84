# lang test helper: a small module imported by the import tests
print("helper_greetings is being imported")
GREETING = "hello"
_private = "hidden"
__all__ = ["greet", "GREETING"]
def greet(name):
    return f"{GREETING}, {name}"
def run_as_main():
    return __name__ == "__main__"
def shout(name):
    return greet(name).upper()
if __name__ == "__main__":
    print("never printed when imported")
