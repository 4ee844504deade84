# modules: sys attributes: argv, path, modules, version_info, maxsize, byteorder, platform data
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print("sys" in sys.modules, sys.modules["sys"] is sys, type(sys.modules).__name__)
print(sys.version_info >= (3,), sys.version_info[0], sys.version_info.major == sys.version_info[0])
print(type(sys.version).__name__, sys.version.startswith(str(sys.version_info.major)))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
print(sys.byteorder in ("little", "big"), sys.byteorder)
print(sys.__name__, type(sys).__name__, sys.platform.startswith("linux"))
print(sys.stdout is sys.__stdout__, hasattr(sys.stderr, "write"), hasattr(sys.stdin, "readline"))
print(sys.getrecursionlimit() >= 100, callable(sys.exit), callable(sys.exc_info))
print(isinstance(sys.executable, str), sys.float_info.max == 1.7976931348623157e308)
print(sys.float_info.epsilon, sys.float_info.dig, sys.float_info.max_exp)
