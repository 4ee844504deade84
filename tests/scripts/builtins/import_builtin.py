# builtins: __import__ and importlib-free dynamic imports of sys, math, os and a package
math = __import__("math")
print(math.__name__, math.sqrt(16))
sys_module = __import__("sys")
print(sys_module is __import__("sys"), type(sys_module).__name__)
top_level = __import__("os.path")
print(top_level.__name__, hasattr(top_level, "path"))
print(__import__("os").path.join("a", "b"))
module_names = ["math", "os", "sys"]
loaded = [__import__(name) for name in module_names]
print([m.__name__ for m in loaded])
try:
    __import__("definitely_not_a_module")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
import sys
print("math" in sys.modules, sys.modules["math"] is math)
