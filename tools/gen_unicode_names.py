# Generator of runtime/unicode_name_tables.inc: the Unicode character name tables (what \N{...}, unicodedata.name and unicodedata.lookup need), compressed, from CPython's unicodedata.
r"""Writes runtime/unicode_name_tables.inc from the unicodedata module of the Python running it.

Run it with the CPython whose Unicode version chaipy follows (/usr/bin/python3, 3.11: Unicode 14):
    /usr/bin/python3 tools/gen_unicode_names.py > runtime/unicode_name_tables.inc

Layout of the generated data (decoded by runtime/unicode_names.cpp, which includes the tables; the
code alphabet and its constants are written with them, so the format's parameters live here):
- names of the form "PREFIX-HEX" where HEX is the code point itself (CJK UNIFIED IDEOGRAPH-4E00,
  NUSHU CHARACTER-1B170, ...) are stored as ranges (prefix, first, last);
- Hangul syllables are computed (Unicode's algorithm), as CPython does;
- name aliases (NameAliases.txt: "LINE FEED", "BOM", ...), which \N{...} and lookup accept, are a
  plain list. unicodedata offers no list of them, so the candidates come from Perl's copy of the
  Unicode names (unicore/Name.pl, same Unicode version) and each is kept only when CPython's
  unicodedata.lookup maps it to that code point;
- every other name is a sequence of words. The words, most frequent first, form the lexicon
  (one string, words separated by spaces). A name is written as the codes of its words in a
  printable 91-symbol alphabet (1, 2 or 3 symbols a word, frequent words shortest) and ends with a
  space. Names follow code point order; runs (first code point, count) say which code points have
  them.
"""
import collections
import glob
import re
import sys
import unicodedata

# Printable ASCII without space (the name terminator), '"' and '\\' (string literal syntax) and
# '?' (trigraphs).
ALPHABET = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"\\?')
BASE = len(ALPHABET)  # 91
ONE_SYMBOL = 49        # codes 0..48: one symbol
TWO_SYMBOL_LEADS = 40  # then 40 lead symbols, each followed by one more
THREE_SYMBOL_LEADS = BASE - ONE_SYMBOL - TWO_SYMBOL_LEADS  # the rest lead two more


def encode_word(index):
    if index < ONE_SYMBOL:
        return ALPHABET[index]
    index -= ONE_SYMBOL
    if index < TWO_SYMBOL_LEADS * BASE:
        return ALPHABET[ONE_SYMBOL + index // BASE] + ALPHABET[index % BASE]
    index -= TWO_SYMBOL_LEADS * BASE
    lead, rest = divmod(index, BASE * BASE)
    if lead >= THREE_SYMBOL_LEADS:
        raise SystemExit("too many distinct words for the encoding")
    return ALPHABET[ONE_SYMBOL + TWO_SYMBOL_LEADS + lead] + ALPHABET[rest // BASE] + ALPHABET[rest % BASE]


def is_hangul_syllable(cp):
    return 0xAC00 <= cp <= 0xD7A3


def collect():
    named = []    # (code point, name) stored as words
    ranged = {}   # prefix -> list of [first, last]
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None or is_hangul_syllable(cp):
            continue
        match = re.fullmatch(r"(.*)-([0-9A-F]{4,6})", name)
        if match and int(match.group(2), 16) == cp:
            runs = ranged.setdefault(match.group(1), [])
            if runs and runs[-1][1] == cp - 1:
                runs[-1][1] = cp
            else:
                runs.append([cp, cp])
            continue
        named.append((cp, name))
    return named, ranged


def collect_aliases():
    """(alias, code point) pairs CPython accepts, from Perl's Name.pl (entries: "HEX\nNAME")."""
    candidates = sorted(glob.glob("/usr/share/perl/*/unicore/Name.pl"))
    if not candidates:
        raise SystemExit("needs Perl's unicore/Name.pl (Debian package perl-modules) for the name aliases")
    text = open(candidates[-1], encoding="ascii").read()
    body = text.split("<<'END';\n", 1)[1].rsplit("\nEND", 1)[0]
    aliases = []
    for entry in body.strip("\n").split("\n\n"):
        code, name = entry.split("\n")
        if " " in code:
            continue  # a named sequence: not something \N{...} accepts
        cp = int(code, 16)
        if unicodedata.name(chr(cp), None) == name:
            continue
        try:
            accepted = unicodedata.lookup(name) == chr(cp)
        except KeyError:
            accepted = False
        if accepted:
            aliases.append((name, cp))
    return aliases


def string_literal_lines(text, width=120):
    return ['    "%s"' % text[i:i + width] for i in range(0, len(text), width)] or ['    ""']


def main():
    named, ranged = collect()
    aliases = collect_aliases()
    frequency = collections.Counter(word for _, name in named for word in name.split(" "))
    lexicon = [word for word, _ in sorted(frequency.items(), key=lambda item: (-item[1], item[0]))]
    code_of = {word: encode_word(i) for i, word in enumerate(lexicon)}
    stream = "".join("".join(code_of[word] for word in name.split(" ")) + " " for _, name in named)
    runs = []
    for cp, _ in named:
        if runs and runs[-1][0] + runs[-1][1] == cp:
            runs[-1][1] += 1
        else:
            runs.append([cp, 1])

    out = []
    emit = out.append
    emit("// The Unicode %s character name tables, compressed (decoded by runtime/unicode_names.cpp): "
         "generated by tools/gen_unicode_names.py from CPython %d.%d's unicodedata; do not edit by hand."
         % (unicodedata.unidata_version, sys.version_info[0], sys.version_info[1]))
    emit("// Included inside runtime/unicode_names.cpp's anonymous namespace.")
    emit('const char* const unicode_version = "%s";' % unicodedata.unidata_version)
    emit("")
    emit("// The words of the names, most frequent first, separated by spaces.")
    emit("const char lexicon[] =")
    out.extend(string_literal_lines(" ".join(lexicon)))
    out[-1] += ";"
    emit("")
    emit("// Each name: its words' codes in the %d-symbol alphabet, then a space." % BASE)
    emit("const char name_stream[] =")
    out.extend(string_literal_lines(stream))
    out[-1] += ";"
    emit("")
    emit("// The code points that have the names above, in order: (first, count) runs.")
    emit("const struct {")
    emit("  uint32_t first;")
    emit("  uint32_t count;")
    emit("} named_runs[] = {")
    for i in range(0, len(runs), 6):
        emit("    " + " ".join("{0x%X, %d}," % (first, count) for first, count in runs[i:i + 6]))
    emit("};")
    emit("")
    emit('// Names "PREFIX-XXXX" spelling their own code point in hex, as ranges of code points.')
    emit("const struct {")
    emit("  const char* prefix;")
    emit("  uint32_t first, last;")
    emit("} ranged_names[] = {")
    for prefix in sorted(ranged):
        for first, last in ranged[prefix]:
            emit('    {"%s", 0x%X, 0x%X},' % (prefix, first, last))
    emit("};")
    emit("")
    emit("// Name aliases: lookups accept them; unicodedata.name never returns them.")
    emit("const struct {")
    emit("  const char* alias;")
    emit("  uint32_t code_point;")
    emit("} aliases[] = {")
    for name, cp in aliases:
        emit('    {"%s", 0x%X},' % (name, cp))
    emit("};")
    emit("")
    emit("constexpr char alphabet[] = \"%s\";" % ALPHABET)
    emit("constexpr uint32_t base = %d, one_symbol = %d, two_symbol_leads = %d;"
         % (BASE, ONE_SYMBOL, TWO_SYMBOL_LEADS))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
