# tests/scripts/stdlib/helper_run_with_our_modules.py — runs a stdlib test under CPython with stdlib/py's modules instead of CPython's.
#
# The .out files are recorded from CPython's own modules; running the same script on
# CPython with our modules checks them apart from the rest of chaipy:
#   cd tests/scripts/stdlib && for t in test_*.py; do
#       python3 -B -I -S helper_run_with_our_modules.py $t | diff -q - ${t%.py}.out >/dev/null || echo FAIL $t; done
# -I -S keeps site-packages out; a meta-path finder puts stdlib/py ahead of CPython's
# built-in modules (itertools is compiled into CPython), and at exit every module
# we own that got imported is checked to have come from stdlib/py.
import importlib.machinery
import os
import sys

OUR_STDLIB = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'stdlib', 'py'))
OUR_MODULES = sorted(name[:-3] if name.endswith('.py') else name
                     for name in os.listdir(OUR_STDLIB) if not name.startswith(('_', '.')))


class OursFirst:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.split('.')[0] in OUR_MODULES:
            return importlib.machinery.PathFinder.find_spec(name, [OUR_STDLIB] if path is None else path)
        return None


def check_origins():
    for name in OUR_MODULES:
        module = sys.modules.get(name)
        if module is not None and not getattr(module, '__file__', '').startswith(OUR_STDLIB):
            sys.stderr.write(f'{name} did not come from {OUR_STDLIB}\n')


already_loaded = [name for name in OUR_MODULES if name in sys.modules]
if already_loaded:
    sys.exit(f'already imported before the test: {already_loaded}')
script = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path[:0] = [os.path.dirname(os.path.abspath(script)), OUR_STDLIB]
sys.meta_path.insert(0, OursFirst)
import atexit
atexit.register(check_origins)
with open(script) as source:
    code = compile(source.read(), script, 'exec')
exec(code, {'__name__': '__main__', '__file__': script, '__builtins__': __builtins__})
