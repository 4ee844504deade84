# lang program: a hand-written JSON-like serializer and indented pretty printer
def escape(s):
    replacements = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
    return '"' + "".join(replacements.get(ch, ch) for ch in s) + '"'
def dumps(value, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [pad + dumps(v, indent, level + 1) for v in value]
        return "[" + sep.join(items) + end + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [pad + escape(str(k)) + ": " + dumps(v, indent, level + 1)
                 for k, v in value.items()]
        return "{" + sep.join(items) + end + "}"
    raise TypeError(f"Object of type {type(value).__name__} is not serializable")
document = {
    "name": "chaipy",
    "version": [0, 1, 0],
    "stable": False,
    "ratio": 0.75,
    "notes": "line one\nsay \"hi\"",
    "deps": [],
    "meta": {"owner": None, "tags": ["fast", "small"], "empty": {}},
}
print(dumps(document))
print(dumps(document, indent=2))
print(dumps([1, [2, [3, []]]], indent=1))
try:
    dumps({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
