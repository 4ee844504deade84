# An uncaught KeyboardInterrupt prints its traceback and ends the process by SIGINT (status 130).
print("before")
raise KeyboardInterrupt
