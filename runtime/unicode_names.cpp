// The Unicode character names (\N{...}, unicodedata.name/lookup): Hangul syllables by Unicode's algorithm, the other names decoded from the generated tables.
#include "runtime/unicode_names.hpp"

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace chaipy {
namespace {

// unicode_version, lexicon, name_stream, named_runs, ranged_names, aliases and the code alphabet;
// their format is described in tools/gen_unicode_names.py, which writes them.
#include "runtime/unicode_name_tables.inc"

// Hangul syllables are named by Unicode's algorithm (chapter 3.12).
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

}  // namespace chaipy
