# lang: raw strings, triple-quoted strings and implicit concatenation
print(r"raw \n stays", R"C:\path\to\file")
print(repr(r"\t\x41\\"), len(r"\t"))
print(r"quote \" kept", repr(r'\''))
block = """first line
second line
    indented third"""
print(block)
print(repr('''a
b'''))
print("""She said "hi" and 'bye'""")
doc = """\
no leading newline
"""
print(repr(doc))
joined = "abc" 'def' """ghi"""
print(joined)
parts = ("one "
         "two "
         "three")
print(parts)
print(r"raw" "\tcooked" r"\traw")
print(rb"\x00" == b"\\x00", br"a\b")
mixed = f"{1 + 1}" "plain" r"\n"
print(mixed)
