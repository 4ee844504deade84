# lang: and/or/not return operands and short-circuit evaluation
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, 0 or "" or None)
print("" and "x", "a" and "b", [] or {}, [] or [0])
print(None and 1, None or "default")
print(not 0, not 1, not "", not "x", not [], not [0], not None)
print(type(not 1).__name__, type(1 and 2).__name__)
log = []
def t(v):
    log.append(v)
    return v
t(0) and t(1)
t(1) or t(2)
t(1) and t(0) and t(3)
t(0) or t("") or t("end")
print(log)
name = ""
print(name or "anonymous")
values = [3, 0, None, "x", [], [1]]
print([v for v in values if v])
print(all([]) or "empty-all", any([]) or "empty-any")
x = 7
print(x > 5 and "big" or "small", x > 10 and "big" or "small")
print(bool(0.0), bool(-0.0), bool(0.1), bool(float("nan")))
