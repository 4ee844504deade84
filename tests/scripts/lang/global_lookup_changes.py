# Global and builtin name lookups see every change: rebinding, shadowing a builtin, deleting the
# shadow, deleting a global, and the same code run against different globals.
def use_len():
    return len("abc")


def use_counter():
    return counter


counter = 1
results = []
for step in range(3):
    results.append((use_len(), use_counter()))
    counter += 10
print(results)


def len(x):
    return "shadowed"


print(use_len())
del len
print(use_len())
del counter
try:
    use_counter()
except NameError as error:
    print("NameError:", error)
code = compile("value = base * 2", "<cached>", "exec")
for base in (1, 2, 3):
    namespace = {"base": base}
    exec(code, namespace)
    print(namespace["value"])
import builtins
builtins.extra_builtin = "from builtins"


def use_extra():
    return extra_builtin


print(use_extra())
builtins.extra_builtin = "replaced"
print(use_extra())
del builtins.extra_builtin
try:
    use_extra()
except NameError as error:
    print("NameError:", error)
for i in range(3):
    globals()["dynamic"] = i
    print(dynamic)
