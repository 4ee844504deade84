# lang: keyword-only parameters after * and after *args
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("example"))
print(connect("example", port=443, secure=True))
print(connect(secure=True, host="h"))
try:
    connect("example", 443)
except TypeError as e:
    print("TypeError:", e)
def required_kw(*, token):
    return token
print(required_kw(token="abc"))
try:
    required_kw()
except TypeError as e:
    print("TypeError:", e)
def after_args(*values, sep=" ", end=None):
    return sep.join(map(str, values)) + (end or "")
print(after_args(1, 2, 3), after_args(1, 2, sep="-", end="."))
def two_required(*, a, b):
    return a - b
try:
    two_required()
except TypeError as e:
    print("TypeError:", e)
print(two_required(b=1, a=10))
