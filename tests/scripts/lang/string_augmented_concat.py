# s += t grows a str held only by the local in place; shared strs are left untouched.
def build(n):
    s = ""
    for i in range(n):
        s += "x"
        s += str(i % 10)
    return s
def shared(n):
    s = "ab"
    keep = s
    s += "c"
    return s, keep
r = build(40000)
print(len(r), r[:12], r[-4:])
print(shared(1))
t = "q"
for i in range(3):
    t += "w"
print(t)
