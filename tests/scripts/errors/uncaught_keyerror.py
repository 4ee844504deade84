# errors: an uncaught KeyError shows the repr of the key
settings = {"debug": True}
print(settings["debug"])
print(settings["verbose"])
