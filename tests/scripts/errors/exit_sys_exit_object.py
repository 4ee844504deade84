# errors: sys.exit with a non-int, non-str object prints its str to stderr and exits 1
import sys
print("exiting with a list")
sys.exit(["not", "a", "code"])
