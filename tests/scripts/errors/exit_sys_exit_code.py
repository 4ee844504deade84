# errors: sys.exit(3) ends the program with status 3 and no traceback
import sys
print("before exit")
sys.exit(3)
print("never printed")
