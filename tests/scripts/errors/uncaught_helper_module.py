# errors: the traceback crosses into a helper module imported from this directory
import helper_failing
print("calling helper")
helper_failing.explode(3)
