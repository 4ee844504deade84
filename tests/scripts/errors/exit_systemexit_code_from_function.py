# errors: SystemExit(code) raised deep in calls sets the status; with-exits still run
class Resource:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("release on", exc_type.__name__, exc.code)
        return False
def worker():
    with Resource():
        raise SystemExit(42)
worker()
