# lang: every string escape sequence, printed through repr and len
s = "a\nb\tc\\d\'e\"f"
print(repr(s), len(s))
print(repr("\a\b\f\v\r\0"))
print([ord(c) for c in "\a\b\f\n\r\t\v\0"])
print("\x41\x42\x43", "\101\102\103", "\u00e9", "\u20ac", "\U0001F600" == "\U0001f600")
print(len("\U0001F600"), ord("\U0001F600"))
print("\N{LATIN SMALL LETTER E WITH ACUTE}", "\N{GREEK SMALL LETTER ALPHA}")
print(repr("\7"), repr("\x7f"), repr("\x80"))
print(repr("\x00\x1f"))
print("line one \
continued")
print('single "double" inside', "double 'single' inside")
print(repr('it\'s'), repr("say \"hi\""), repr("both ' and \""))
print("\\n is a backslash and n")
print(repr("tab\there"))
print(repr("\u00e9t\u00e9"), ascii("\u00e9t\u00e9"))
print(len("\0\0\0"), "\0" == "\x00" == "\000")
