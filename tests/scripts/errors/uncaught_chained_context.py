# errors: traceback chaining for an exception raised while handling another
def read_config(store):
    try:
        return store["config"]
    except KeyError:
        raise RuntimeError("configuration missing")
print("start")
read_config({})
