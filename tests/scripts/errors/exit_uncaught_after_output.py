# errors: buffered stdout written before an uncaught exception is still flushed
import sys
for i in range(3):
    print("line", i)
sys.stdout.write("partial line without newline")
raise RuntimeError("stop")
