// Text primitives: UTF-8 coding, Unicode character classes and case mapping, and the algorithms and argument handling str, bytes and bytearray share.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/object.hpp"

namespace chaipy {

// ---- UTF-8 coding ----
// chaipy strs hold UTF-8, generalised to allow the lone surrogates (U+D800..U+DFFF) Python
// strings may contain; the strict codec (utf8_check) rejects them as CPython's does.

// Length of the sequence a lead byte starts (1..4); 0 for a continuation or invalid byte.
inline int utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xC2) return 0;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF5) return 4;
  return 0;
}
inline bool utf8_is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes the code point starting at s[pos] (well-formed input) and advances pos past it.
inline uint32_t utf8_decode_next(std::string_view s, size_t& pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  if (lead < 0xE0) {
    uint32_t cp = ((lead & 0x1Fu) << 6) | (byte(pos + 1) & 0x3Fu);
    pos += 2;
    return cp;
  }
  if (lead < 0xF0) {
    uint32_t cp = ((lead & 0x0Fu) << 12) | ((byte(pos + 1) & 0x3Fu) << 6) | (byte(pos + 2) & 0x3Fu);
    pos += 3;
    return cp;
  }
  uint32_t cp = ((lead & 0x07u) << 18) | ((byte(pos + 1) & 0x3Fu) << 12) |
                ((byte(pos + 2) & 0x3Fu) << 6) | (byte(pos + 3) & 0x3Fu);
  pos += 4;
  return cp;
}
// Decodes the code point ending just before s[pos] and moves pos back to its first byte.
inline uint32_t utf8_decode_prev(std::string_view s, size_t& pos) {
  do {
    --pos;
  } while (pos > 0 && utf8_is_continuation(static_cast<unsigned char>(s[pos])));
  size_t start = pos;
  return utf8_decode_next(s, start);
}

// Writes cp's encoding to out (up to 4 bytes) and returns the byte count.
inline size_t utf8_encode(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}
inline void utf8_append(std::string& out, uint32_t cp) {
  char buffer[4];
  out.append(buffer, utf8_encode(cp, buffer));
}
inline size_t utf8_encoded_size(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Where strict UTF-8 decoding (CPython's 'utf-8' codec) fails, and why.
struct Utf8Error {
  size_t start = 0;  // offset of the first bad byte
  size_t end = 0;    // one past the bytes the error covers
  const char* reason = nullptr;  // "invalid start byte", "invalid continuation byte", "unexpected end of data"
};
// True when `s` is valid UTF-8 without surrogates; otherwise fills `error` for the first fault.
bool utf8_check(std::string_view s, Utf8Error& error);
// Validity of the generalised form chaipy strs hold (surrogates allowed).
bool utf8_is_wellformed(std::string_view s);
// Appends `bytes` as text, each fault utf8_check finds replaced by U+FFFD (errors="replace").
void utf8_append_replacing(std::string& out, std::string_view bytes);

// Whether every byte is below 0x80: whole words, the last one overlapping the one before it, so
// a short text (a key, a field) costs no per-byte loop. Inline: it runs for every str made.
inline bool is_ascii(std::string_view s) {
  constexpr uint64_t high_bits = 0x8080808080808080ull;
  const char* p = s.data();
  size_t n = s.size();
  if (n >= 8) {
    uint64_t word;
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&word, p + i, 8);
      if (word & high_bits) return false;
    }
    std::memcpy(&word, p + n - 8, 8);
    return !(word & high_bits);
  }
  if (n >= 4) {
    uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    return !((first | last) & uint32_t(high_bits));
  }
  unsigned bits = 0;
  for (size_t i = 0; i < n; ++i) bits |= static_cast<unsigned char>(p[i]);
  return bits < 0x80;
}
size_t utf8_count_code_points(std::string_view s);
// Byte offset of the index-th code point (index <= code point count; index == count gives size).
size_t utf8_offset_of_index(std::string_view s, size_t index);

// ---- Character classes (Unicode 14.0, as CPython 3.11's str predicates) ----
enum CharFlag : uint32_t {
  char_alpha = 1u << 0,
  char_decimal = 1u << 1,
  char_digit = 1u << 2,
  char_numeric = 1u << 3,
  char_space = 1u << 4,
  char_upper = 1u << 5,
  char_lower = 1u << 6,
  char_title = 1u << 7,  // general category Lt only
  char_printable = 1u << 8,
  char_identifier_start = 1u << 9,     // XID_Start or '_'
  char_identifier_continue = 1u << 10, // XID_Continue
  char_cased = 1u << 11,
  char_case_ignorable = 1u << 12,
};
uint32_t char_flags(uint32_t cp);
inline bool char_is(uint32_t cp, CharFlag flag) { return (char_flags(cp) & flag) != 0; }
constexpr bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
// str.splitlines' boundaries: \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
inline bool is_line_break(uint32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1E) || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}
// An identifier as str.isidentifier() defines it (UTF-8 input).
bool is_identifier(std::string_view s);

// ---- Case mapping (full mappings: ß.upper() == "SS") ----
enum class CaseMapping { Upper, Lower, Title, Fold };
// Appends the mapping of cp to out as UTF-8.
void append_case_mapped(std::string& out, uint32_t cp, CaseMapping mapping);
// The one-code-point mapping when there is one (the full mapping otherwise ignored).
uint32_t simple_case_map(uint32_t cp, CaseMapping mapping);

// ---- Algorithms shared by str, bytes and bytearray ----
// They work on bytes. A str's UTF-8 needs no special care for searching (a match of valid
// UTF-8 in valid UTF-8 starts and ends on code point boundaries); where units matter
// (whitespace, strip sets, empty-pattern replace) the caller says what a unit is.
enum class TextUnits { Bytes, Utf8 };

// Occurrences of needle in haystack, not overlapping, at most max_count.
size_t count_occurrences(std::string_view haystack, std::string_view needle, size_t max_count);
// haystack.split(sep, maxsplit) (maxsplit < 0: no limit); sep is not empty.
void split_on_separator(std::string_view haystack, std::string_view sep, int64_t maxsplit,
                        std::vector<std::string_view>& pieces);
void rsplit_on_separator(std::string_view haystack, std::string_view sep, int64_t maxsplit,
                         std::vector<std::string_view>& pieces);
// haystack.split() / rsplit() on runs of whitespace.
void split_on_whitespace(std::string_view haystack, int64_t maxsplit, TextUnits units,
                         std::vector<std::string_view>& pieces);
void rsplit_on_whitespace(std::string_view haystack, int64_t maxsplit, TextUnits units,
                          std::vector<std::string_view>& pieces);
// splitlines(keepends): bytes know only \n, \r and \r\n.
void split_lines(std::string_view text, bool keepends, TextUnits units, std::vector<std::string_view>& lines);
enum StripSide { strip_left = 1, strip_right = 2, strip_both = 3 };
// Strips whitespace (chars null) or any unit found in `chars`.
std::string_view strip_units(std::string_view text, const std::string_view* chars, StripSide side, TextUnits units);
// replace(old, new, count) (count < 0: all); an empty `old` inserts between units.
std::string replace_occurrences(std::string_view text, std::string_view old_text, std::string_view new_text,
                                int64_t max_count, TextUnits units);
// expandtabs: columns count units; \n and \r reset the column.
std::string expand_tabs(std::string_view text, int64_t tabsize, TextUnits units);
enum class Justify { Left, Right, Center };
// How many of `margin` fill units go before the text (center puts the odd one as CPython does).
inline int64_t left_padding(Justify justify, int64_t margin, int64_t width) {
  if (justify == Justify::Left) return 0;
  if (justify == Justify::Right) return margin;
  return margin / 2 + (margin & width & 1);
}
// zfill: `count` zeros inserted after the text's leading sign, if any.
std::string zero_padded(std::string_view text, size_t count);
// Fills out[0, unit.size() * count) with copies of unit.
void fill_repeated(char* out, std::string_view unit, size_t count);
// The hash of str and bytes contents (never -1 once the caller maps -1 to -2).
uint64_t hash_bytes(std::string_view data);
// Appends "\\x41"-style escapes: kind 'x' (2 digits), 'u' (4) or 'U' (8).
void append_hex_escape(std::string& out, char kind, uint32_t value);
// Appends the shortest of \xNN, \uNNNN, \UNNNNNNNN for cp (repr's and codecs' escapes).
void append_code_point_escape(std::string& out, uint32_t cp);

// ---- Argument handling shared by the methods of str, bytes and bytearray ----
// The older methods' wording (find, count, index, startswith...): "find() takes at least 1
// argument (0 given)", "str.find() takes no keyword arguments".
bool check_method_arguments(const char* type_name, const char* method, size_t nargs, Value kwnames, size_t min,
                            size_t max);
// bind_args with Argument Clinic's wording for an unknown keyword, as the methods that take
// keywords (split, encode, splitlines...) use: "'x' is an invalid keyword argument for split()".
bool bind_method_args(const char* method, const Value* args, size_t nargs, Value kwnames,
                      std::initializer_list<const char*> names, size_t required, Value* out);
// Resolves the optional start/end arguments of find and friends against a length as CPython's
// ADJUST_INDICES does (None keeps the default; huge ints clamp). False with an error pending.
// first > last afterwards means nothing matches, not even an empty pattern.
bool resolve_search_bounds(Value start, Value end, int64_t length, int64_t& first, int64_t& last);
// Integer arguments converted as CPython's C-level Py_ssize_t and int parameters are: huge
// values raise OverflowError "Python int too large to convert to C ssize_t" (or "... C int").
enum class CInteger { SsizeT, Int };
bool c_integer_argument(Value v, int64_t& out, CInteger kind = CInteger::SsizeT);
// A size (repeat count, bytes(n)): huge values raise OverflowError "cannot fit 'int' into an
// index-sized integer".
bool size_argument(Value v, int64_t& out);
// The contents of a bytes or bytearray; false for anything else (no error set).
bool bytes_like_view(Value v, std::string_view& out);

}  // namespace chaipy
