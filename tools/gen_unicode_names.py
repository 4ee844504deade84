# Generator of runtime/unicode_names.cpp: the Unicode character name table (what \N{...}, unicodedata.name and unicodedata.lookup need), compressed, from CPython's unicodedata.
r"""Writes runtime/unicode_names.cpp from the unicodedata module of the Python running it.

Run it with the CPython whose Unicode version chaipy follows (/usr/bin/python3, 3.11: Unicode 14):
    /usr/bin/python3 tools/gen_unicode_names.py > runtime/unicode_names.cpp

Layout of the generated data (decoded by runtime/unicode_names.cpp's hand-written part, which this
script emits too, so the format lives in one place):
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
    emit("// The Unicode %s character names (\\N{...}, unicodedata.name/lookup), compressed: generated by "
         "tools/gen_unicode_names.py from CPython %d.%d's unicodedata; do not edit by hand."
         % (unicodedata.unidata_version, sys.version_info[0], sys.version_info[1]))
    emit('#include "runtime/unicode_names.hpp"')
    emit("")
    emit("#include <cstdint>")
    emit("#include <cstdio>")
    emit("#include <mutex>")
    emit("#include <string>")
    emit("#include <unordered_map>")
    emit("#include <vector>")
    emit("")
    emit("namespace chaipy {")
    emit("namespace {")
    emit("")
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
    emit("")
    emit(DECODER)
    emit("}  // namespace chaipy")
    sys.stdout.write("\n".join(out) + "\n")


# The hand-written part of the generated file: decoding and lookups.
DECODER = r'''// Hangul syllables are named by Unicode's algorithm (chapter 3.12).
const char* const hangul_leads[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
const char* const hangul_vowels[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
const char* const hangul_tails[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};
constexpr uint32_t hangul_first = 0xAC00, hangul_count = 11172, hangul_vowel_count = 21, hangul_tail_count = 28;
const std::string hangul_prefix = "HANGUL SYLLABLE ";

std::string hangul_name(uint32_t cp) {
  uint32_t index = cp - hangul_first;
  uint32_t lead = index / (hangul_vowel_count * hangul_tail_count);
  uint32_t vowel = index % (hangul_vowel_count * hangul_tail_count) / hangul_tail_count;
  uint32_t tail = index % hangul_tail_count;
  return hangul_prefix + hangul_leads[lead] + hangul_vowels[vowel] + hangul_tails[tail];
}

// The longest jamo spelling of `table` at the start of `text` (CPython's find_syllable).
int match_jamo(std::string_view& text, const char* const* table, int count) {
  int best = -1;
  size_t best_length = 0;
  for (int i = 0; i < count; ++i) {
    std::string_view jamo = table[i];
    if (jamo.size() >= best_length && text.substr(0, jamo.size()) == jamo) {
      best = i;
      best_length = jamo.size();
    }
  }
  if (best >= 0) text.remove_prefix(best_length);
  return best;
}

std::optional<uint32_t> hangul_code_point(std::string_view syllable) {
  int lead = match_jamo(syllable, hangul_leads, 19);
  int vowel = match_jamo(syllable, hangul_vowels, 21);
  int tail = match_jamo(syllable, hangul_tails, 28);
  if (lead < 0 || vowel < 0 || tail < 0 || !syllable.empty()) return std::nullopt;
  return hangul_first + (uint32_t(lead) * hangul_vowel_count + uint32_t(vowel)) * hangul_tail_count + uint32_t(tail);
}

// The table decoded once, on first use: names by code point and code points by name.
struct NameTable {
  std::unordered_map<uint32_t, std::string> by_code_point;
  std::unordered_map<std::string, uint32_t> by_name;
};

const NameTable& name_table() {
  static NameTable* table = [] {
    auto* decoded = new NameTable();
    std::vector<std::string_view> words;
    std::string_view all_words = lexicon;
    while (!all_words.empty()) {
      size_t space = all_words.find(' ');
      words.push_back(all_words.substr(0, space));
      all_words.remove_prefix(space == std::string_view::npos ? all_words.size() : space + 1);
    }
    uint8_t symbol_value[128] = {};
    for (uint32_t i = 0; alphabet[i]; ++i) symbol_value[uint8_t(alphabet[i])] = uint8_t(i);
    const char* cursor = name_stream;
    for (const auto& run : named_runs) {
      for (uint32_t cp = run.first; cp < run.first + run.count; ++cp) {
        std::string name;
        for (; *cursor != ' '; ++cursor) {
          uint32_t index = symbol_value[uint8_t(*cursor)];
          if (index >= one_symbol + two_symbol_leads) {
            uint32_t lead = index - one_symbol - two_symbol_leads;
            uint32_t high = symbol_value[uint8_t(*++cursor)];
            uint32_t low = symbol_value[uint8_t(*++cursor)];
            index = one_symbol + two_symbol_leads * base + (lead * base + high) * base + low;
          } else if (index >= one_symbol) {
            index = one_symbol + (index - one_symbol) * base + symbol_value[uint8_t(*++cursor)];
          }
          if (!name.empty()) name += ' ';
          name += words[index];
        }
        ++cursor;
        decoded->by_name.emplace(name, cp);
        decoded->by_code_point.emplace(cp, std::move(name));
      }
    }
    for (const auto& alias : aliases) decoded->by_name.emplace(alias.alias, alias.code_point);
    return decoded;
  }();
  return *table;
}

}  // namespace

const char* unicode_names_version() { return unicode_version; }

std::optional<std::string> unicode_character_name(uint32_t cp) {
  if (cp >= hangul_first && cp < hangul_first + hangul_count) return hangul_name(cp);
  for (const auto& range : ranged_names) {
    if (cp >= range.first && cp <= range.last) {
      char hex[16];
      snprintf(hex, sizeof hex, "-%04X", unsigned(cp));
      return std::string(range.prefix) + hex;
    }
  }
  const NameTable& table = name_table();
  auto it = table.by_code_point.find(cp);
  if (it == table.by_code_point.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> unicode_lookup_name(std::string_view name) {
  // As CPython: the algorithmic names (Hangul syllables, CJK unified ideographs) only in capitals
  // (4 or 5 hex digits); the names of the table and the aliases in either case.
  if (name.substr(0, hangul_prefix.size()) == hangul_prefix) return hangul_code_point(name.substr(hangul_prefix.size()));
  for (const auto& range : ranged_names) {
    std::string_view prefix = range.prefix;
    if (prefix != "CJK UNIFIED IDEOGRAPH" || name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix ||
        name[prefix.size()] != '-')
      continue;
    std::string_view hex = name.substr(prefix.size() + 1);
    if (hex.size() != 4 && hex.size() != 5) return std::nullopt;
    uint32_t cp = 0;
    for (char c : hex) {
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) return std::nullopt;
      cp = cp * 16 + uint32_t(digit);
    }
    for (const auto& candidate : ranged_names)
      if (std::string_view(candidate.prefix) == prefix && cp >= candidate.first && cp <= candidate.last) return cp;
    return std::nullopt;
  }
  std::string upper(name);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  for (const auto& range : ranged_names) {
    std::string_view prefix = range.prefix;
    if (prefix == "CJK UNIFIED IDEOGRAPH" || upper.size() != prefix.size() + 1 + (range.first > 0xFFFF ? 5 : 4) ||
        upper.compare(0, prefix.size(), prefix) != 0)
      continue;
    char spelled[16];
    for (uint32_t cp = range.first; cp <= range.last; ++cp) {
      snprintf(spelled, sizeof spelled, "-%04X", unsigned(cp));
      if (upper.compare(prefix.size(), std::string::npos, spelled) == 0) return cp;
    }
  }
  const NameTable& table = name_table();
  auto it = table.by_name.find(upper);
  if (it == table.by_name.end()) return std::nullopt;
  return it->second;
}
'''

if __name__ == "__main__":
    main()
