# errors: a bare `raise SystemExit` exits with status 0 after running finally blocks
def shutdown():
    try:
        print("shutting down")
        raise SystemExit
    finally:
        print("cleanup in finally")
shutdown()
print("never printed")
