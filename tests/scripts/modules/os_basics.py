# modules: os.getpid, getcwd, environ, sep/linesep/name, and os.path basics on the cwd
import os
pid = os.getpid()
print(type(pid).__name__, pid > 0, os.getpid() == pid)
cwd = os.getcwd()
print(type(cwd).__name__, os.path.isabs(cwd), os.path.basename(cwd), os.path.isdir(cwd))
print(os.path.exists("os_basics.py"), os.path.isfile(os.path.join(cwd, "os_basics.py")))
print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir)
print(os.environ.get("CHAIPY_SURELY_UNSET_VARIABLE"), os.environ.get("CHAIPY_SURELY_UNSET_VARIABLE", "default"))
print("CHAIPY_SURELY_UNSET_VARIABLE" in os.environ, type(os.environ.get("PATH", "")).__name__)
os.environ["CHAIPY_TEST_VALUE"] = "set by test"
print(os.environ["CHAIPY_TEST_VALUE"], os.environ.get("CHAIPY_TEST_VALUE"), os.getenv("CHAIPY_TEST_VALUE"))
del os.environ["CHAIPY_TEST_VALUE"]
print(os.getenv("CHAIPY_TEST_VALUE"), os.getenv("CHAIPY_TEST_VALUE", "gone"))
try:
    os.environ["CHAIPY_SURELY_UNSET_VARIABLE"]
except KeyError as e:
    print("KeyError:", e)
print(isinstance(os.listdir("."), list), "os_basics.py" in os.listdir(), "os_basics.py" in os.listdir(cwd))
