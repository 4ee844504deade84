# builtins: exec, eval and compile on source strings, with explicit namespaces
print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("'a' + 'b'"))
x = 10
print(eval("x + 1"), eval("x * y", {"x": 2, "y": 5}), eval("x", {"x": 1}, {"x": 99}))
namespace = {}
exec("a = 5\nb = a * 2\ndef f(n):\n    return n + b\n", namespace)
print(namespace["a"], namespace["b"], namespace["f"](1), sorted(k for k in namespace if k != "__builtins__"))
print(exec("1 + 1"))
exec("created_by_exec = 'global'")
print(created_by_exec)
code = compile("3 ** 4", "<expr>", "eval")
print(type(code).__name__, eval(code), eval(code))
block = compile("for i in range(3):\n    total += i\n", "<block>", "exec")
env = {"total": 100}
exec(block, env)
print(env["total"])
single = compile("print('single mode')", "<single>", "single")
exec(single)
local_space = {}
exec("v = 7", {}, local_space)
print(local_space)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError:", e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError:", e)
print(eval("  42  "), eval("len", {"len": "shadowed"}), eval("abs(-3)", {}))
