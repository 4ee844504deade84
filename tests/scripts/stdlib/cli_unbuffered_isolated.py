# The -u, -E and -I options: write-through std streams, PYTHONUNBUFFERED ignored, no '' in sys.path.
import subprocess
import sys

SHOW = 'import sys; print(sys.stdout.write_through, sys.stderr.write_through, sys.stdin.write_through)'
INTERLEAVED = 'import sys; print("out 1"); sys.stderr.write("err\\n"); print("out 2")'


def run(flags, code, environment):
    result = subprocess.run([sys.executable, *flags, '-c', code], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=environment)
    return result.stdout.split('\n')[:-1]


print('plain', run([], SHOW, {}))
print('-u', run(['-u'], SHOW, {}))
print('PYTHONUNBUFFERED', run([], SHOW, {'PYTHONUNBUFFERED': '1'}))
print('-E', run(['-E'], SHOW, {'PYTHONUNBUFFERED': '1'}))
print('-I', run(['-I'], SHOW, {'PYTHONUNBUFFERED': '1'}))
print('-E -u', run(['-E', '-u'], SHOW, {}))
# Buffered, stdout reaches the pipe only at exit; written through, in program order.
print('buffered', run([], INTERLEAVED, {}))
print('unbuffered', run(['-u'], INTERLEAVED, {}))
print('sys.path[0] is the current directory', run([], 'import sys; print(sys.path[0] == "")', {}))
print('-I: not', run(['-I'], 'import sys; print("" in sys.path)', {}))
