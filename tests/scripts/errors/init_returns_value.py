# errors: a class's __init__ (run in place of the call) that returns a value: CPython's TypeError,
# with the traceback at the call
class Config:
    def __init__(self, path):
        self.path = path
        return path


def load():
    return Config("settings.ini")


load()
