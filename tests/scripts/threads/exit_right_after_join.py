# Programs that end right after joining their threads: a joined thread's last steps (after
# join() returns) may overlap the interpreter's exit and must not touch anything exit has torn
# down (under ASan this once read a freed registry of thread stacks). Twenty such programs run.
import subprocess
import sys

PROGRAM = """
import threading
results = []
threads = [threading.Thread(target=results.append, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(results))
"""

outcomes = set()
for _ in range(20):
    run = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True)
    outcomes.add((run.returncode, run.stdout, run.stderr))
print(sorted(outcomes))
