# lang: \N{NAME} escapes: names in either case, aliases, Hangul and CJK names (capitals only),
# and CPython's SyntaxError for malformed escapes and unknown names.
print([hex(ord(c)) for c in "\N{LATIN SMALL LETTER A}\N{latin capital letter gha}\N{EURO SIGN}\N{SNOWMAN}"])
print([hex(ord(c)) for c in "\N{GRINNING FACE}\N{NULL}\N{LF}\N{LINE FEED}\N{BYTE ORDER MARK}\N{zwj}"])
print([hex(ord(c)) for c in "\N{HANGUL SYLLABLE GA}\N{HANGUL SYLLABLE HIH}\N{CJK UNIFIED IDEOGRAPH-4E00}"])
print([hex(ord(c)) for c in "\N{CJK UNIFIED IDEOGRAPH-2A6DF}\N{CJK UNIFIED IDEOGRAPH-04E00}\N{cjk compatibility ideograph-f900}"])
print([hex(ord(c)) for c in "\N{NUSHU CHARACTER-1B170}\N{KHITAN SMALL SCRIPT CHARACTER-18B00}\N{DIGIT ZERO}"])
print(f"{1}\N{EM DASH}{2}", len("a\N{SPACE}b"), b"\N{SPACE}")

for literal in [r'"\N{FOO BAR}"', r'"ab\N{FOO}"', r'"\N{LATIN"', r'"\N"', r'"\Nx"', r'"\N{}"',
                r'"\N{CJK UNIFIED IDEOGRAPH-4e00}"', r'"\N{hangul syllable ga}"',
                r'"\N{HANGUL SYLLABLE GAGAG}"', r'"\N{CJK UNIFIED IDEOGRAPH-9FFFF}"',
                r'"\N{TANGUT IDEOGRAPH-17000}"', r'"\N{LATIN SMALL LETTER A }"',
                r'"\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"']:
    try:
        print(literal, [hex(ord(c)) for c in eval(literal)])
    except SyntaxError as e:
        print(literal, e.msg)
