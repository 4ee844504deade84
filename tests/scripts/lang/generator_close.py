# lang: generator.close raises GeneratorExit inside the generator; ignoring it is an error
def counted():
    try:
        for i in range(10):
            yield i
    finally:
        print("  counted cleanup")
c = counted()
print(next(c), next(c))
c.close()
print(list(c))
c.close()
print("closing twice is harmless")
def sees_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  GeneratorExit seen")
        raise
s = sees_exit()
next(s)
s.close()
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses to stop"
bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored return value"
r = returns_on_exit()
next(r)
print(r.close())
