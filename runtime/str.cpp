// The str type: immutable UTF-8 strings with cached length and hash, interning, the str iterator, codecs (utf-8, ascii, latin-1) and every str method except formatting.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "runtime/buffer_memory.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/protocols.hpp"
#include "runtime/str_format.hpp"
#include "runtime/type_init.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

TypeObject str_type;
static TypeObject str_iterator_type;

// ---- allocation and the shared immortal strs ----

// The bytes a str of `byte_length` takes: its header and text and the NUL, without the padding
// sizeof(StrObject) adds (a 9-byte word then fits a 64-byte malloc chunk instead of 80).
static size_t str_block_bytes(size_t byte_length) { return offsetof(StrObject, data) + byte_length + 1; }

// A str with every field but the text set (length 0, not ASCII, until the caller says).
static StrObject* allocate_str(TypeObject* type, size_t byte_length) {
  // Exact strs are the most made objects: they skip the zeroing alloc_var_object does.
  Object* object = type == &str_type ? alloc_var_object_unzeroed(type, str_block_bytes(byte_length))
                                     : alloc_var_object(type, str_block_bytes(byte_length));
  if (!object) return nullptr;
  auto* s = static_cast<StrObject*>(object);
  s->hash = -1;
  s->length = 0;
  s->byte_length = byte_length;
  s->ascii = false;
  s->interned = false;
  s->data[byte_length] = '\0';
  return s;
}

static StrObject* empty_str_object;
static StrObject* latin1_char_objects[256];  // one-code-point strs U+0000..U+00FF

static void make_immortal_str(StrObject* s) { s->refcount = immortal_refcount; }

static Ref make_str(std::string_view utf8, size_t length, bool ascii) {
  if (utf8.empty() && empty_str_object) return Ref::steal(Value(empty_str_object));
  if (length == 1) {
    size_t pos = 0;
    uint32_t cp = utf8_decode_next(utf8, pos);
    if (cp < 256 && latin1_char_objects[cp]) return Ref::steal(Value(latin1_char_objects[cp]));
  }
  StrObject* s = allocate_str(&str_type, utf8.size());
  if (!s) return nullptr;
  if (!utf8.empty()) std::memcpy(s->data, utf8.data(), utf8.size());  // an empty view's data may be null
  s->length = length;
  s->ascii = ascii;
  return Ref::steal(Value(s));
}

// A piece of a str: when the whole was ASCII, so is the piece and its length is its size.
static Ref make_substr(std::string_view piece, bool whole_is_ascii) {
  if (whole_is_ascii) return make_str(piece, piece.size(), true);
  return str_new(piece);
}

Ref str_new(std::string_view utf8) {
  bool ascii = is_ascii(utf8);
  return make_str(utf8, ascii ? utf8.size() : utf8_count_code_points(utf8), ascii);
}

Ref str_new_ascii(std::string_view ascii) { return make_str(ascii, ascii.size(), true); }

static StrObject* as_str(Value v) { return v.as<StrObject>(); }

// A str of the exact type with the same text (str(subclass_instance) must not keep the subclass).
static Ref exact_str(Value s) {
  if (type_of(s) == &str_type) return Ref::borrow(s);
  StrObject* source = as_str(s);
  return make_str(str_view(s), source->length, source->ascii);
}

Ref str_from_code_point(uint32_t cp) {
  if (cp < 256 && latin1_char_objects[cp]) return Ref::steal(Value(latin1_char_objects[cp]));
  char buffer[4];
  size_t n = utf8_encode(cp, buffer);
  return make_str({buffer, n}, 1, cp < 0x80);
}

// ---- hashing ----

int64_t str_hash(Value s) {
  StrObject* str = as_str(s);
  if (str->hash != -1) return str->hash;
  auto h = static_cast<int64_t>(hash_bytes({str->data, str->byte_length}));
  if (h == -1) h = -2;
  str->hash = h;
  return h;
}

bool str_equal(Value a, Value b) {
  if (a == b) return true;
  StrObject* x = as_str(a);
  StrObject* y = as_str(b);
  if (x->byte_length != y->byte_length) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return std::memcmp(x->data, y->data, x->byte_length) == 0;
}

// ---- interning ----

namespace {
struct InternTable {
  std::mutex mutex;
  std::unordered_map<std::string_view, StrObject*> strings;  // keys view the strs' own bytes
};
// Never destroyed: interned strs are immortal and may be used during static destruction.
InternTable& intern_table() {
  static auto* table = new InternTable();
  return *table;
}
}  // namespace

// Interned strs are never freed, so each thread may remember the latest ones by the address of
// the text it was asked for (mostly literals: call_method(obj, "__init__")); the bytes are
// compared too, since other text may later live at the same address.
struct RecentIntern {
  const char* data;
  size_t length;
  StrObject* str;
};
constexpr size_t recent_intern_count = 256;
thread_local RecentIntern recent_interns[recent_intern_count];

static Value str_intern_locked(std::string_view text);

Value str_intern(std::string_view text) {
  RecentIntern& recent = recent_interns[(reinterpret_cast<uintptr_t>(text.data()) >> 3) % recent_intern_count];
  if (recent.str && recent.data == text.data() && recent.length == text.size() &&
      std::memcmp(recent.str->data, text.data(), text.size()) == 0)
    return Value(recent.str);
  Value interned = str_intern_locked(text);
  if (interned) recent = {text.data(), text.size(), interned.as<StrObject>()};
  return interned;
}

static Value str_intern_locked(std::string_view text) {
  InternTable& table = intern_table();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto found = table.strings.find(text);
  if (found != table.strings.end()) return Value(found->second);
  Ref created = str_new(text);
  if (!created) return Value();
  StrObject* s = created.as<StrObject>();
  if (s->refcount != immortal_refcount) {
    make_immortal_str(s);
    created.release();
  }
  s->interned = true;
  str_hash(Value(s));  // computed now: immortal strs are shared by threads and never written again
  table.strings.emplace(std::string_view(s->data, s->byte_length), s);
  return Value(s);
}

// ---- concatenation, repetition, join ----

Ref str_concat(Value a, Value b) {
  StrObject* x = as_str(a);
  StrObject* y = as_str(b);
  if (y->byte_length == 0) return exact_str(a);
  if (x->byte_length == 0) return exact_str(b);
  StrObject* s = allocate_str(&str_type, x->byte_length + y->byte_length);
  if (!s) return nullptr;
  std::memcpy(s->data, x->data, x->byte_length);
  std::memcpy(s->data + x->byte_length, y->data, y->byte_length);
  s->length = x->length + y->length;
  s->ascii = x->ascii && y->ascii;
  return Ref::steal(Value(s));
}

Ref str_append(Ref left, Value right) {
  StrObject* x = left.as<StrObject>();
  StrObject* y = as_str(right);
  // Shared, immortal (interned, cached) and subclass strs are concatenated as usual.
  if (x->refcount != 1 || x->type != &str_type) return str_concat(*left, right);
  if (y->byte_length == 0) return left;
  // The sole owner may grow the str in place: no reader can see the change. alloc_var_object's
  // memory comes from calloc, so realloc applies; buffer_realloc counts the growth against the
  // memory cap (a plain realloc let a loop of `s += chunk` grow past it).
  size_t total = x->byte_length + y->byte_length;
  void* grown = buffer_realloc(x, str_block_bytes(total));
  if (!grown) return raise_no_memory();
  left.release();
  auto* s = static_cast<StrObject*>(grown);
  std::memcpy(s->data + s->byte_length, y->data, y->byte_length);
  s->data[total] = '\0';
  s->byte_length = total;
  s->length += y->length;
  s->ascii = s->ascii && y->ascii;
  s->hash = -1;
  return Ref::steal(Value(s));
}

static Ref str_repeat(Value self, int64_t count) {
  StrObject* source = as_str(self);
  if (count <= 0 || source->byte_length == 0) return make_str({}, 0, true);
  if (count == 1) return exact_str(self);
  size_t unit = source->byte_length;
  if (static_cast<uint64_t>(count) > (SIZE_MAX / 2) / unit) return raise(&OverflowError_type, "repeated string is too long");
  size_t total = unit * static_cast<size_t>(count);
  StrObject* s = allocate_str(&str_type, total);
  if (!s) return nullptr;
  fill_repeated(s->data, str_view(self), static_cast<size_t>(count));
  s->length = source->length * static_cast<size_t>(count);
  s->ascii = source->ascii;
  return Ref::steal(Value(s));
}

Ref str_join(Value separator, Value iterable) {
  Ref items;
  if (is_list(iterable) || is_tuple(iterable)) {
    items = Ref::borrow(iterable);
  } else {
    if (!type_of(iterable)->iter && !type_of(iterable)->getitem) return raise(&TypeError_type, "can only join an iterable");
    items = list_from_iterable(iterable);
    if (!items) return nullptr;
  }
  bool is_list_items = is_list(*items);
  int64_t count = is_list_items ? list_size(*items) : tuple_size(*items);
  auto item_at = [&](int64_t i) { return is_list_items ? list_item(*items, i) : tuple_item(*items, i); };
  if (count == 0) return make_str({}, 0, true);
  if (count == 1 && type_of(item_at(0)) == &str_type) return Ref::borrow(item_at(0));
  StrObject* sep = as_str(separator);
  size_t total = sep->byte_length * static_cast<size_t>(count - 1);
  size_t length = sep->length * static_cast<size_t>(count - 1);
  bool ascii = sep->ascii;
  for (int64_t i = 0; i < count; ++i) {
    Value item = item_at(i);
    if (!is_str(item))
      return raise_format(&TypeError_type, "sequence item %lld: expected str instance, %s found",
                          static_cast<long long>(i), type_name(item));
    StrObject* s = as_str(item);
    total += s->byte_length;
    length += s->length;
    ascii = ascii && s->ascii;
  }
  StrObject* result = allocate_str(&str_type, total);
  if (!result) return nullptr;
  char* out = result->data;
  for (int64_t i = 0; i < count; ++i) {
    if (i > 0) {
      std::memcpy(out, sep->data, sep->byte_length);
      out += sep->byte_length;
    }
    StrObject* s = as_str(item_at(i));
    std::memcpy(out, s->data, s->byte_length);
    out += s->byte_length;
  }
  result->length = length;
  result->ascii = ascii;
  return Ref::steal(Value(result));
}

// ---- repr ----

static Ref str_repr(Value self) {
  std::string_view text = str_view(self);
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(text.size() + 2);
  out += quote;
  for (size_t pos = 0; pos < text.size();) {
    auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      if (byte == static_cast<unsigned char>(quote) || byte == '\\') {
        out += '\\';
        out += static_cast<char>(byte);
      } else if (byte == '\t') {
        out += "\\t";
      } else if (byte == '\n') {
        out += "\\n";
      } else if (byte == '\r') {
        out += "\\r";
      } else if (byte < 0x20 || byte == 0x7F) {
        append_hex_escape(out, 'x', byte);
      } else {
        out += static_cast<char>(byte);
      }
      continue;
    }
    size_t start = pos;
    uint32_t cp = utf8_decode_next(text, pos);
    if (char_is(cp, char_printable)) out.append(text.substr(start, pos - start));
    else append_code_point_escape(out, cp);
  }
  out += quote;
  return str_new(out);
}

// ---- codecs: utf-8, ascii, latin-1, utf-16 and utf-32 (both byte orders, or native with a BOM) ----

namespace {

enum class Encoding { Utf8, Utf8Sig, Ascii, Latin1, Utf16, Utf16LE, Utf16BE, Utf32, Utf32LE, Utf32BE };

const char* encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8:
    case Encoding::Utf8Sig: return "utf-8";  // CPython's utf-8-sig reports its errors as utf-8's
    case Encoding::Ascii: return "ascii";
    case Encoding::Latin1: return "latin-1";
    case Encoding::Utf16: return "utf-16";
    case Encoding::Utf16LE: return "utf-16-le";
    case Encoding::Utf16BE: return "utf-16-be";
    case Encoding::Utf32: return "utf-32";
    case Encoding::Utf32LE: return "utf-32-le";
    default: return "utf-32-be";
  }
}

bool is_utf16(Encoding e) { return e == Encoding::Utf16 || e == Encoding::Utf16LE || e == Encoding::Utf16BE; }

// Resolves an encoding name with CPython's normalisation (case, '-' and ' ' as '_') and the
// usual aliases. A null name means utf-8.
bool lookup_encoding(Value name, Encoding& out) {
  if (!name) {
    out = Encoding::Utf8;
    return true;
  }
  std::string normalised;
  for (char c : str_view(name))
    normalised += (c == '-' || c == ' ') ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<const char*, Encoding> aliases[] = {
      {"utf_8", Encoding::Utf8},          {"utf8", Encoding::Utf8},           {"u8", Encoding::Utf8},
      {"utf", Encoding::Utf8},            {"cp65001", Encoding::Utf8},        {"ascii", Encoding::Ascii},
      {"us_ascii", Encoding::Ascii},      {"646", Encoding::Ascii},           {"latin_1", Encoding::Latin1},
      {"latin1", Encoding::Latin1},       {"latin", Encoding::Latin1},        {"l1", Encoding::Latin1},
      {"iso_8859_1", Encoding::Latin1},   {"iso8859_1", Encoding::Latin1},    {"8859", Encoding::Latin1},
      {"cp819", Encoding::Latin1},        {"iso_ir_100", Encoding::Latin1},   {"utf_16", Encoding::Utf16},
      {"utf16", Encoding::Utf16},         {"u16", Encoding::Utf16},           {"utf_16_le", Encoding::Utf16LE},
      {"utf_16le", Encoding::Utf16LE},    {"utf_16_be", Encoding::Utf16BE},   {"utf_16be", Encoding::Utf16BE},
      {"utf_32", Encoding::Utf32},        {"utf32", Encoding::Utf32},         {"u32", Encoding::Utf32},
      {"utf_32_le", Encoding::Utf32LE},   {"utf_32le", Encoding::Utf32LE},    {"utf_32_be", Encoding::Utf32BE},
      {"utf_32be", Encoding::Utf32BE},    {"utf_8_sig", Encoding::Utf8Sig},   {"utf8_sig", Encoding::Utf8Sig},
  };
  for (const auto& [alias, encoding] : aliases) {
    if (normalised == alias) {
      out = encoding;
      return true;
    }
  }
  raise_format(&LookupError_type, "unknown encoding: %s", std::string(str_view(name)).c_str());
  return false;
}

enum class ErrorHandler {
  Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, SurrogateEscape, SurrogatePass, Unknown,
};

ErrorHandler lookup_error_handler(Value errors) {
  if (!errors) return ErrorHandler::Strict;
  std::string_view name = str_view(errors);
  if (name == "strict") return ErrorHandler::Strict;
  if (name == "ignore") return ErrorHandler::Ignore;
  if (name == "replace") return ErrorHandler::Replace;
  if (name == "backslashreplace") return ErrorHandler::BackslashReplace;
  if (name == "xmlcharrefreplace") return ErrorHandler::XmlCharRefReplace;
  if (name == "surrogateescape") return ErrorHandler::SurrogateEscape;
  if (name == "surrogatepass") return ErrorHandler::SurrogatePass;
  return ErrorHandler::Unknown;
}

// CPython looks the handler up only when an error happens; so do we.
bool check_known_handler(ErrorHandler handler, Value errors) {
  if (handler != ErrorHandler::Unknown) return true;
  raise_format(&LookupError_type, "unknown error handler name '%s'", std::string(str_view(errors)).c_str());
  return false;
}

Ref raise_decode_error(Encoding encoding, std::string_view data, size_t start, size_t end, const char* reason) {
  return raise_unicode_decode_error(encoding_name(encoding), data, start, end, reason);
}

bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

uint32_t read_unit(std::string_view data, size_t pos, size_t size, bool big_endian) {
  uint32_t unit = 0;
  for (size_t i = 0; i < size; ++i) {
    auto byte = static_cast<unsigned char>(data[pos + (big_endian ? i : size - 1 - i)]);
    unit = (unit << 8) | byte;
  }
  return unit;
}

// surrogatepass: the encoded surrogate at data[start...], if there is one; sets its byte size.
bool encoded_surrogate_at(std::string_view data, size_t start, Encoding encoding, bool big_endian, uint32_t& cp,
                          size_t& size) {
  size = encoding == Encoding::Utf8 ? 3 : (encoding == Encoding::Utf16LE || encoding == Encoding::Utf16BE) ? 2 : 4;
  if (data.size() - start < size) return false;
  if (encoding == Encoding::Utf8) {
    if (utf8_sequence_length(static_cast<unsigned char>(data[start])) != 3) return false;
    for (size_t k = 1; k < 3; ++k)
      if (!utf8_is_continuation(static_cast<unsigned char>(data[start + k]))) return false;
    size_t pos = start;
    cp = utf8_decode_next(data, pos);
  } else {
    cp = read_unit(data, start, size, big_endian);
  }
  return is_surrogate(cp);
}

// Applies a decoding error handler to data[start:end] and sets where decoding resumes; false
// when it raises.
bool handle_decode_error(std::string& out, ErrorHandler handler, Value errors, Encoding encoding, bool big_endian,
                         std::string_view data, size_t start, size_t end, const char* reason, size_t& resume) {
  if (!check_known_handler(handler, errors)) return false;
  resume = end;
  switch (handler) {
    case ErrorHandler::Ignore: return true;
    case ErrorHandler::Replace: utf8_append(out, 0xFFFD); return true;
    case ErrorHandler::BackslashReplace:
      for (size_t i = start; i < end; ++i) append_hex_escape(out, 'x', static_cast<unsigned char>(data[i]));
      return true;
    case ErrorHandler::SurrogateEscape:
      for (size_t i = start; i < end; ++i) {
        auto byte = static_cast<unsigned char>(data[i]);
        if (byte < 0x80) {
          raise_decode_error(encoding, data, start, end, reason);
          return false;
        }
        utf8_append(out, 0xDC00 + byte);
      }
      return true;
    case ErrorHandler::SurrogatePass: {
      uint32_t cp;
      size_t size;
      if (encoding != Encoding::Ascii && encoding != Encoding::Latin1 &&
          encoded_surrogate_at(data, start, encoding, big_endian, cp, size)) {
        utf8_append(out, cp);
        resume = start + size;
        return true;
      }
      raise_decode_error(encoding, data, start, end, reason);
      return false;
    }
    default:
      raise_decode_error(encoding, data, start, end, reason);
      return false;
  }
}

// One step of decoding: a code point, or an error over data[pos, error_end).
struct DecodeStep {
  uint32_t code_point = 0;
  size_t next = 0;
  const char* reason = nullptr;
  size_t error_end = 0;
};

DecodeStep decode_utf16_step(std::string_view data, size_t pos, bool big_endian) {
  size_t n = data.size();
  if (n - pos < 2) return {0, 0, "truncated data", n};
  uint32_t unit = read_unit(data, pos, 2, big_endian);
  if (unit < 0xD800 || unit > 0xDFFF) return {unit, pos + 2};
  if (unit >= 0xDC00) return {0, 0, "illegal encoding", pos + 2};
  if (n - pos < 4) return {0, 0, "unexpected end of data", n};
  uint32_t low = read_unit(data, pos + 2, 2, big_endian);
  if (low < 0xDC00 || low > 0xDFFF) return {0, 0, "illegal UTF-16 surrogate", pos + 2};
  return {0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), pos + 4};
}

DecodeStep decode_utf32_step(std::string_view data, size_t pos, bool big_endian) {
  size_t n = data.size();
  if (n - pos < 4) return {0, 0, "truncated data", n};
  uint32_t cp = read_unit(data, pos, 4, big_endian);
  if (cp > 0x10FFFF) return {0, 0, "code point not in range(0x110000)", pos + 4};
  if (cp >= 0xD800 && cp <= 0xDFFF) return {0, 0, "code point in surrogate code point range(0xd800, 0xe000)", pos + 4};
  return {cp, pos + 4};
}

// Strips a byte order mark for utf-16/utf-32 and tells the byte order (native: little endian).
bool consume_byte_order_mark(std::string_view& data, Encoding encoding) {
  if (encoding == Encoding::Utf16BE || encoding == Encoding::Utf32BE) return true;
  if (encoding == Encoding::Utf16) {
    if (data.starts_with("\xFE\xFF")) {
      data.remove_prefix(2);
      return true;
    }
    if (data.starts_with("\xFF\xFE")) data.remove_prefix(2);
  } else if (encoding == Encoding::Utf32) {
    if (data.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
      data.remove_prefix(4);
      return true;
    }
    if (data.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) data.remove_prefix(4);
  }
  return false;
}

}  // namespace

static Ref decode_bytes(std::string_view data, Value encoding_name_value, Value errors) {
  Encoding encoding;
  if (!lookup_encoding(encoding_name_value, encoding)) return nullptr;
  ErrorHandler handler = lookup_error_handler(errors);
  std::string out;
  out.reserve(data.size());
  if (encoding == Encoding::Latin1) {
    for (char c : data) utf8_append(out, static_cast<unsigned char>(c));
    return make_str(out, data.size(), out.size() == data.size());
  }
  if (encoding == Encoding::Utf8Sig) {
    // The signature is dropped; positions in errors count from after it, as in CPython.
    if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
    encoding = Encoding::Utf8;
  }
  if (encoding == Encoding::Utf8 || encoding == Encoding::Ascii) {
    if (is_ascii(data)) return make_str(data, data.size(), true);
    size_t pos = 0;
    while (pos < data.size()) {
      size_t start, end;
      const char* reason;
      if (encoding == Encoding::Ascii) {
        size_t bad = pos;
        while (bad < data.size() && static_cast<unsigned char>(data[bad]) < 0x80) ++bad;
        out.append(data.substr(pos, bad - pos));
        if (bad == data.size()) break;
        start = bad;
        end = bad + 1;
        reason = "ordinal not in range(128)";
      } else {
        Utf8Error fault;
        if (utf8_check(data.substr(pos), fault)) {
          out.append(data.substr(pos));
          break;
        }
        out.append(data.substr(pos, fault.start));
        start = pos + fault.start;
        end = pos + fault.end;
        reason = fault.reason;
      }
      if (!handle_decode_error(out, handler, errors, encoding, false, data, start, end, reason, pos)) return nullptr;
    }
    return str_new(out);
  }
  // utf-16 and utf-32: positions in errors count from the start, byte order mark included.
  std::string_view payload = data;
  bool big_endian = consume_byte_order_mark(payload, encoding);
  size_t offset = data.size() - payload.size();
  // Errors name the byte order in use, as CPython's do ("'utf-16-le' codec can't decode...").
  if (encoding == Encoding::Utf16) encoding = big_endian ? Encoding::Utf16BE : Encoding::Utf16LE;
  if (encoding == Encoding::Utf32) encoding = big_endian ? Encoding::Utf32BE : Encoding::Utf32LE;
  for (size_t pos = 0; pos < payload.size();) {
    DecodeStep step = is_utf16(encoding) ? decode_utf16_step(payload, pos, big_endian)
                                         : decode_utf32_step(payload, pos, big_endian);
    if (!step.reason) {
      utf8_append(out, step.code_point);
      pos = step.next;
      continue;
    }
    size_t resume;
    if (!handle_decode_error(out, handler, errors, encoding, big_endian, data, offset + pos, offset + step.error_end,
                             step.reason, resume))
      return nullptr;
    pos = resume - offset;
  }
  return str_new(out);
}

// Appends one encodable code point in the given encoding.
static void append_encoded(std::string& out, uint32_t cp, Encoding encoding) {
  auto append_unit = [&](uint32_t unit, size_t size, bool big_endian) {
    for (size_t i = 0; i < size; ++i) {
      size_t shift = 8 * (big_endian ? size - 1 - i : i);
      out += static_cast<char>((unit >> shift) & 0xFF);
    }
  };
  switch (encoding) {
    case Encoding::Utf8: utf8_append(out, cp); break;
    case Encoding::Ascii:
    case Encoding::Latin1: out += static_cast<char>(cp); break;
    case Encoding::Utf32:
    case Encoding::Utf32LE:
    case Encoding::Utf32BE: append_unit(cp, 4, encoding == Encoding::Utf32BE); break;
    default: {
      bool big_endian = encoding == Encoding::Utf16BE;
      if (cp < 0x10000) {
        append_unit(cp, 2, big_endian);
      } else {
        append_unit(0xD800 + ((cp - 0x10000) >> 10), 2, big_endian);
        append_unit(0xDC00 + ((cp - 0x10000) & 0x3FF), 2, big_endian);
      }
    }
  }
}

static Ref encode_str(Value self, Value encoding_name_value, Value errors) {
  Encoding encoding;
  if (!lookup_encoding(encoding_name_value, encoding)) return nullptr;
  std::string_view text = str_view(self);
  std::string out;
  if (encoding == Encoding::Utf8Sig) {
    out = "\xEF\xBB\xBF";
    encoding = Encoding::Utf8;
  }
  bool ascii_compatible = encoding == Encoding::Utf8 || encoding == Encoding::Ascii || encoding == Encoding::Latin1;
  if (as_str(self)->ascii && ascii_compatible && out.empty()) return bytes_new(text);
  uint32_t limit = encoding == Encoding::Ascii ? 0x80 : encoding == Encoding::Latin1 ? 0x100 : 0x110000;
  const char* reason = encoding == Encoding::Ascii    ? "ordinal not in range(128)"
                       : encoding == Encoding::Latin1 ? "ordinal not in range(256)"
                                                      : "surrogates not allowed";
  auto encodable = [&](uint32_t cp) { return cp < limit && (limit < 0x110000 || cp < 0xD800 || cp > 0xDFFF); };
  ErrorHandler handler = lookup_error_handler(errors);
  out.reserve(out.size() + text.size());
  if (encoding == Encoding::Utf16) append_encoded(out, 0xFEFF, encoding);
  if (encoding == Encoding::Utf32) append_encoded(out, 0xFEFF, encoding);
  size_t pos = 0;
  size_t index = 0;
  while (pos < text.size()) {
    size_t unit_start = pos;
    uint32_t cp = utf8_decode_next(text, pos);
    if (encodable(cp)) {
      if (encoding == Encoding::Utf8) out.append(text.substr(unit_start, pos - unit_start));
      else append_encoded(out, cp, encoding);
      ++index;
      continue;
    }
    // A run of unencodable code points is one error, as in CPython.
    size_t error_start = index;
    std::vector<uint32_t> run{cp};
    ++index;
    while (pos < text.size()) {
      size_t next = pos;
      uint32_t following = utf8_decode_next(text, next);
      if (encodable(following)) break;
      run.push_back(following);
      pos = next;
      ++index;
    }
    if (!check_known_handler(handler, errors)) return nullptr;
    // Replacement text is ASCII, encoded like the rest of the output.
    std::string replacement;
    switch (handler) {
      case ErrorHandler::Ignore: break;
      case ErrorHandler::Replace: replacement.assign(run.size(), '?'); break;
      case ErrorHandler::BackslashReplace:
        for (uint32_t c : run) append_code_point_escape(replacement, c);
        break;
      case ErrorHandler::XmlCharRefReplace:
        for (uint32_t c : run) replacement += "&#" + std::to_string(c) + ";";
        break;
      case ErrorHandler::SurrogateEscape:
        for (size_t k = 0; k < run.size(); ++k) {
          if (run[k] < 0xDC80 || run[k] > 0xDCFF || !ascii_compatible)
            return raise_unicode_encode_error(encoding_name(encoding), self, error_start + k, error_start + k + 1, reason);
          out += static_cast<char>(run[k] - 0xDC00);
        }
        break;
      case ErrorHandler::SurrogatePass:
        for (size_t k = 0; k < run.size(); ++k) {
          if (!is_surrogate(run[k]) || limit < 0x110000)
            return raise_unicode_encode_error(encoding_name(encoding), self, error_start + k, error_start + k + 1, reason);
          append_encoded(out, run[k], encoding);
        }
        break;
      default: return raise_unicode_encode_error(encoding_name(encoding), self, error_start, index, reason);
    }
    for (char c : replacement) append_encoded(out, static_cast<unsigned char>(c), encoding);
  }
  return bytes_new(out);
}

// ---- slots ----

static Ref str_str(Value self) { return exact_str(self); }

static int64_t str_hash_slot(Value self) { return str_hash(self); }

static Ref str_richcompare(Value self, Value other, CompareOp op) {
  if (!is_str(other)) return new_not_implemented();
  if (op == CompareOp::Eq) return Ref::boolean(str_equal(self, other));
  if (op == CompareOp::Ne) return Ref::boolean(!str_equal(self, other));
  int order = str_view(self).compare(str_view(other));
  switch (op) {
    case CompareOp::Lt: return Ref::boolean(order < 0);
    case CompareOp::Le: return Ref::boolean(order <= 0);
    case CompareOp::Gt: return Ref::boolean(order > 0);
    default: return Ref::boolean(order >= 0);
  }
}

static int64_t str_length(Value self) { return static_cast<int64_t>(as_str(self)->length); }

// Byte offset of code point `index` (0 <= index <= length).
static size_t byte_offset(Value self, size_t index) {
  StrObject* s = as_str(self);
  if (s->ascii) return index;
  if (index >= s->length) return s->byte_length;
  return utf8_offset_of_index(str_view(self), index);
}

static Ref str_item_at(Value self, int64_t index) {
  StrObject* s = as_str(self);
  auto length = static_cast<int64_t>(s->length);
  if (index < 0) index += length;
  if (index < 0 || index >= length) return raise(&IndexError_type, "string index out of range");
  if (s->ascii) return Ref::steal(Value(latin1_char_objects[static_cast<unsigned char>(s->data[index])]));
  size_t pos = byte_offset(self, static_cast<size_t>(index));
  return str_from_code_point(utf8_decode_next(str_view(self), pos));
}

static Ref str_slice(Value self, Value slice) {
  StrObject* s = as_str(self);
  int64_t start, stop, step, count;
  if (!slice_indices(slice, static_cast<int64_t>(s->length), start, stop, step, count)) return nullptr;
  if (count <= 0) return make_str({}, 0, true);
  std::string_view text = str_view(self);
  if (step == 1) {
    if (count == static_cast<int64_t>(s->length)) return exact_str(self);
    size_t begin = byte_offset(self, static_cast<size_t>(start));
    size_t end = s->ascii ? static_cast<size_t>(stop) : begin + utf8_offset_of_index(text.substr(begin), static_cast<size_t>(count));
    return make_str(text.substr(begin, end - begin), static_cast<size_t>(count), s->ascii);
  }
  std::string out;
  if (s->ascii) {
    out.reserve(static_cast<size_t>(count));
    for (int64_t i = 0, index = start; i < count; ++i, index += step) out += text[static_cast<size_t>(index)];
    return make_str(out, out.size(), true);
  }
  std::vector<size_t> offsets;
  offsets.reserve(s->length + 1);
  for (size_t pos = 0; pos < text.size();) {
    offsets.push_back(pos);
    pos += static_cast<size_t>(utf8_sequence_length(static_cast<unsigned char>(text[pos])));
  }
  offsets.push_back(text.size());
  for (int64_t i = 0, index = start; i < count; ++i, index += step) {
    size_t begin = offsets[static_cast<size_t>(index)];
    out.append(text.substr(begin, offsets[static_cast<size_t>(index) + 1] - begin));
  }
  return str_new(out);
}

static Ref str_getitem(Value self, Value key) {
  if (key.is_small_int()) return str_item_at(self, key.as_small_int());
  if (key.is_object() && type_of(key) == &slice_type) return str_slice(self, key);
  if (!type_of(key)->index)
    return raise_format(&TypeError_type, "string indices must be integers, not '%s'", type_name(key));
  int64_t index;
  if (!index_to_i64(key, index)) return nullptr;
  return str_item_at(self, index);
}

static int str_contains(Value self, Value item) {
  if (!is_str(item)) {
    raise_format(&TypeError_type, "'in <string>' requires string as left operand, not %s", type_name(item));
    return -1;
  }
  return str_view(self).find(str_view(item)) != std::string_view::npos;
}

static Ref str_add(Value self, Value other) {
  if (!is_str(self) || !is_str(other)) return new_not_implemented();
  return str_concat(self, other);
}

static Ref repeat_by(Value sequence, Value count) {
  if (!count.is_small_int() && !(count.is_object() && type_of(count)->index) && !count.is_bool())
    return new_not_implemented();
  int64_t n;
  if (!size_argument(count, n)) return nullptr;
  return str_repeat(sequence, n);
}
static Ref str_multiply(Value self, Value other) {
  if (!is_str(self)) return new_not_implemented();
  return repeat_by(self, other);
}

static Ref str_modulo(Value self, Value other) {
  if (!is_str(self)) return new_not_implemented();
  return percent_format(self, other);
}

static Ref str_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  if (!bind_method_args("str", args, nargs, kwnames, {"object", "encoding", "errors"}, 0, bound)) return nullptr;
  Value object = bound[0], encoding = bound[1], errors = bound[2];
  for (int i = 1; i <= 2; ++i) {
    if (bound[i] && !is_str(bound[i]))
      return raise_format(&TypeError_type, "str() argument '%s' must be str, not %s", i == 1 ? "encoding" : "errors",
                          type_name(bound[i]));
  }
  Ref text;
  if (!object) {
    text = make_str({}, 0, true);
  } else if (encoding || errors) {
    std::string_view data;
    if (!bytes_like_view(object, data)) {
      if (is_str(object)) return raise(&TypeError_type, "decoding str is not supported");
      return raise_format(&TypeError_type, "decoding to str: need a bytes-like object, %s found", type_name(object));
    }
    text = decode_bytes(data, encoding, errors);
  } else {
    text = object_str(object);
  }
  if (!text || type == &str_type) return text;
  StrObject* source = as_str(*text);
  StrObject* instance = allocate_str(type, source->byte_length);
  if (!instance) return nullptr;
  std::memcpy(instance->data, source->data, source->byte_length);
  instance->length = source->length;
  instance->ascii = source->ascii;
  return Ref::steal(Value(instance));
}

static void str_dealloc(Object* object) { free_object(object); }

// ---- the iterator ----

struct StrIteratorObject : Object {
  Value string;  // owned
  size_t byte_position;
};

static Ref str_iter(Value self) {
  Object* object = alloc_object(&str_iterator_type);
  if (!object) return nullptr;
  auto* it = static_cast<StrIteratorObject*>(object);
  it->string = self;
  incref(self);
  it->byte_position = 0;
  return Ref::steal(Value(it));
}

static Ref str_iterator_next(Value self) {
  auto* it = self.as<StrIteratorObject>();
  StrObject* s = as_str(it->string);
  if (it->byte_position >= s->byte_length) return nullptr;
  auto byte = static_cast<unsigned char>(s->data[it->byte_position]);
  if (byte < 0x80) {
    ++it->byte_position;
    return Ref::steal(Value(latin1_char_objects[byte]));
  }
  return str_from_code_point(utf8_decode_next(str_view(it->string), it->byte_position));
}

static Ref iterator_self(Value self) { return Ref::borrow(self); }

static void str_iterator_dealloc(Object* object) {
  decref(static_cast<StrIteratorObject*>(object)->string);
  free_object(object);
}

// ---- argument helpers ----

static bool require_str(Value v, const char* prefix = "") {
  if (is_str(v)) return true;
  raise_format(&TypeError_type, "%smust be str, not %s", prefix, type_name(v));
  return false;
}

// The part of self that start/end (code point indexes, slice-adjusted) select.
struct SearchWindow {
  std::string_view text;  // the selected bytes
  int64_t first_index = 0;
  bool empty_range = false;  // start > end: nothing, not even the empty string, matches
};

static bool search_window(Value self, Value start_value, Value end_value, SearchWindow& window) {
  int64_t start, end;
  if (!resolve_search_bounds(start_value, end_value, static_cast<int64_t>(as_str(self)->length), start, end)) return false;
  if (start > end) {
    window.empty_range = true;
    return true;
  }
  size_t begin = byte_offset(self, static_cast<size_t>(start));
  size_t finish = byte_offset(self, static_cast<size_t>(end));
  window.text = str_view(self).substr(begin, finish - begin);
  window.first_index = start;
  return true;
}

static bool parse_fill_char(Value v, uint32_t& out) {
  if (!v) {
    out = ' ';
    return true;
  }
  if (!is_str(v)) {
    raise_format(&TypeError_type, "The fill character must be a unicode character, not %s", type_name(v));
    return false;
  }
  if (as_str(v)->length != 1) {
    raise(&TypeError_type, "The fill character must be exactly one character long");
    return false;
  }
  size_t pos = 0;
  out = utf8_decode_next(str_view(v), pos);
  return true;
}

static Ref list_of_pieces(const std::vector<std::string_view>& pieces, bool whole_is_ascii) {
  Ref list = list_new(pieces.size());
  if (!list) return nullptr;
  for (size_t i = 0; i < pieces.size(); ++i) {
    Ref piece = make_substr(pieces[i], whole_is_ascii);
    if (!piece) return nullptr;
    list_set(*list, i, piece.release());
  }
  return list;
}

// ---- search methods ----

enum class SearchDirection { Forward, Backward };

// find/rfind/index/rindex: the code point index of the match, -1 when absent, -2 on error.
static int64_t search(const char* name, Value self, const Value* args, size_t nargs, Value kwnames,
                      SearchDirection direction) {
  if (!check_method_arguments("str", name, nargs, kwnames, 1, 3) || !require_str(args[0])) return -2;
  SearchWindow window;
  if (!search_window(self, nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), window)) return -2;
  if (window.empty_range) return -1;
  std::string_view needle = str_view(args[0]);
  size_t found = direction == SearchDirection::Forward ? window.text.find(needle) : window.text.rfind(needle);
  if (found == std::string_view::npos) return -1;
  if (as_str(self)->ascii) return window.first_index + static_cast<int64_t>(found);
  return window.first_index + static_cast<int64_t>(utf8_count_code_points(window.text.substr(0, found)));
}

static Ref str_find(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t index = search("find", self, args, nargs, kwnames, SearchDirection::Forward);
  return index == -2 ? nullptr : int_from_i64(index);
}
static Ref str_rfind(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t index = search("rfind", self, args, nargs, kwnames, SearchDirection::Backward);
  return index == -2 ? nullptr : int_from_i64(index);
}
static Ref str_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t index = search("index", self, args, nargs, kwnames, SearchDirection::Forward);
  if (index == -1) return raise(&ValueError_type, "substring not found");
  return index == -2 ? nullptr : int_from_i64(index);
}
static Ref str_rindex(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t index = search("rindex", self, args, nargs, kwnames, SearchDirection::Backward);
  if (index == -1) return raise(&ValueError_type, "substring not found");
  return index == -2 ? nullptr : int_from_i64(index);
}

static Ref str_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_method_arguments("str", "count", nargs, kwnames, 1, 3) || !require_str(args[0])) return nullptr;
  SearchWindow window;
  if (!search_window(self, nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), window)) return nullptr;
  if (window.empty_range) return Ref::steal(Value::small_int(0));
  std::string_view needle = str_view(args[0]);
  if (needle.empty()) {
    size_t units = as_str(self)->ascii ? window.text.size() : utf8_count_code_points(window.text);
    return int_from_i64(static_cast<int64_t>(units + 1));
  }
  return int_from_i64(static_cast<int64_t>(count_occurrences(window.text, needle, SIZE_MAX)));
}

enum class MatchEnd { Prefix, Suffix };

static Ref str_tailmatch(const char* name, Value self, const Value* args, size_t nargs, Value kwnames, MatchEnd end) {
  if (!check_method_arguments("str", name, nargs, kwnames, 1, 3)) return nullptr;
  SearchWindow window;
  if (!search_window(self, nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), window)) return nullptr;
  auto matches = [&](Value candidate) {
    std::string_view affix = str_view(candidate);
    if (window.empty_range) return false;
    return end == MatchEnd::Prefix ? window.text.starts_with(affix) : window.text.ends_with(affix);
  };
  Value pattern = args[0];
  if (is_tuple(pattern)) {
    for (int64_t i = 0, n = tuple_size(pattern); i < n; ++i) {
      Value item = tuple_item(pattern, i);
      if (!is_str(item))
        return raise_format(&TypeError_type, "tuple for %s must only contain str, not %s", name, type_name(item));
      if (matches(item)) return Ref::boolean(true);
    }
    return Ref::boolean(false);
  }
  if (!is_str(pattern))
    return raise_format(&TypeError_type, "%s first arg must be str or a tuple of str, not %s", name, type_name(pattern));
  return Ref::boolean(matches(pattern));
}
static Ref str_startswith(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_tailmatch("startswith", self, args, nargs, kwnames, MatchEnd::Prefix);
}
static Ref str_endswith(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_tailmatch("endswith", self, args, nargs, kwnames, MatchEnd::Suffix);
}

// ---- splitting and joining ----

static Ref str_split_common(const char* name, Value self, const Value* args, size_t nargs, Value kwnames,
                            SearchDirection direction) {
  Value bound[2];
  if (!bind_method_args(name, args, nargs, kwnames, {"sep", "maxsplit"}, 0, bound)) return nullptr;
  Value sep = bound[0];
  int64_t maxsplit = -1;
  if (bound[1] && !c_integer_argument(bound[1], maxsplit)) return nullptr;
  std::string_view text = str_view(self);
  std::vector<std::string_view> pieces;
  if ((!sep || sep.is_none()) && direction == SearchDirection::Forward && maxsplit < 0 && as_str(self)->ascii) {
    // The common text.split() of ASCII text: whitespace is a byte test (str.isspace's ASCII set:
    // \t-\r, \x1c-\x1f and space, all below 33).
    constexpr uint64_t ascii_spaces = (uint64_t(0x1f) << 9) | (uint64_t(0xf) << 0x1c) | (uint64_t(1) << ' ');
    auto is_space = [](unsigned char c) { return c <= ' ' && ((ascii_spaces >> c) & 1); };
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* p = begin;;) {
      while (p != end && is_space(*p)) ++p;
      if (p == end) break;
      const char* start = p;
      while (p != end && !is_space(*p)) ++p;
      pieces.emplace_back(start, size_t(p - start));
    }
  } else if (!sep || sep.is_none()) {
    if (direction == SearchDirection::Forward) split_on_whitespace(text, maxsplit, TextUnits::Utf8, pieces);
    else rsplit_on_whitespace(text, maxsplit, TextUnits::Utf8, pieces);
  } else {
    if (!is_str(sep)) return raise_format(&TypeError_type, "must be str or None, not %s", type_name(sep));
    if (str_view(sep).empty()) return raise(&ValueError_type, "empty separator");
    if (direction == SearchDirection::Forward) split_on_separator(text, str_view(sep), maxsplit, pieces);
    else rsplit_on_separator(text, str_view(sep), maxsplit, pieces);
  }
  return list_of_pieces(pieces, as_str(self)->ascii);
}
static Ref str_split(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_split_common("split", self, args, nargs, kwnames, SearchDirection::Forward);
}
static Ref str_rsplit(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_split_common("rsplit", self, args, nargs, kwnames, SearchDirection::Backward);
}

static Ref str_splitlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_method_args("splitlines", args, nargs, kwnames, {"keepends"}, 0, bound)) return nullptr;
  int64_t keepends = 0;
  if (bound[0] && !c_integer_argument(bound[0], keepends, CInteger::Int)) return nullptr;
  std::vector<std::string_view> lines;
  split_lines(str_view(self), keepends != 0, TextUnits::Utf8, lines);
  return list_of_pieces(lines, as_str(self)->ascii);
}

static Ref str_join_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("str.join", nargs, kwnames, 1, 1)) return nullptr;
  return str_join(self, args[0]);
}

static Ref str_partition_common(Value self, const Value* args, size_t nargs, Value kwnames, SearchDirection direction) {
  const char* name = direction == SearchDirection::Forward ? "str.partition" : "str.rpartition";
  if (!check_positional(name, nargs, kwnames, 1, 1) || !require_str(args[0])) return nullptr;
  std::string_view text = str_view(self);
  std::string_view sep = str_view(args[0]);
  if (sep.empty()) return raise(&ValueError_type, "empty separator");
  size_t found = direction == SearchDirection::Forward ? text.find(sep) : text.rfind(sep);
  Ref empty = make_str({}, 0, true);
  Ref whole = exact_str(self);
  if (found == std::string_view::npos) {
    if (direction == SearchDirection::Forward) return tuple_pack({*whole, *empty, *empty});
    return tuple_pack({*empty, *empty, *whole});
  }
  bool ascii = as_str(self)->ascii;
  Ref head = make_substr(text.substr(0, found), ascii);
  Ref tail = make_substr(text.substr(found + sep.size()), ascii);
  if (!head || !tail) return nullptr;
  return tuple_pack({*head, args[0], *tail});
}
static Ref str_partition(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_partition_common(self, args, nargs, kwnames, SearchDirection::Forward);
}
static Ref str_rpartition(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_partition_common(self, args, nargs, kwnames, SearchDirection::Backward);
}

// ---- stripping, replacing, affixes ----

static Ref str_strip_common(const char* name, Value self, const Value* args, size_t nargs, Value kwnames, StripSide side) {
  if (!check_positional(name, nargs, kwnames, 0, 1)) return nullptr;
  std::string_view chars;
  bool have_chars = nargs == 1 && !args[0].is_none();
  if (have_chars) {
    if (!is_str(args[0])) return raise_format(&TypeError_type, "%s arg must be None or str", name);
    chars = str_view(args[0]);
  }
  std::string_view text = str_view(self);
  std::string_view kept = strip_units(text, have_chars ? &chars : nullptr, side, TextUnits::Utf8);
  if (kept.size() == text.size()) return exact_str(self);
  return make_substr(kept, as_str(self)->ascii);
}
static Ref str_strip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_strip_common("strip", self, args, nargs, kwnames, strip_both);
}
static Ref str_lstrip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_strip_common("lstrip", self, args, nargs, kwnames, strip_left);
}
static Ref str_rstrip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_strip_common("rstrip", self, args, nargs, kwnames, strip_right);
}

static Ref str_replace(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("replace", nargs, kwnames, 2, 3)) return nullptr;
  for (int i = 0; i < 2; ++i)
    if (!is_str(args[i]))
      return raise_format(&TypeError_type, "replace() argument %d must be str, not %s", i + 1, type_name(args[i]));
  int64_t count = -1;
  if (nargs == 3 && !c_integer_argument(args[2], count)) return nullptr;
  std::string_view text = str_view(self);
  std::string_view old_text = str_view(args[0]);
  if (count == 0 || (!old_text.empty() && text.find(old_text) == std::string_view::npos)) return exact_str(self);
  return str_new(replace_occurrences(text, old_text, str_view(args[1]), count, TextUnits::Utf8));
}

static Ref str_remove_affix(Value self, const Value* args, size_t nargs, Value kwnames, MatchEnd end) {
  const char* name = end == MatchEnd::Prefix ? "removeprefix" : "removesuffix";
  if (!check_positional(end == MatchEnd::Prefix ? "str.removeprefix" : "str.removesuffix", nargs, kwnames, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise_format(&TypeError_type, "%s() argument must be str, not %s", name, type_name(args[0]));
  std::string_view text = str_view(self);
  std::string_view affix = str_view(args[0]);
  if (affix.empty()) return exact_str(self);
  if (end == MatchEnd::Prefix && text.starts_with(affix)) return make_substr(text.substr(affix.size()), as_str(self)->ascii);
  if (end == MatchEnd::Suffix && text.ends_with(affix))
    return make_substr(text.substr(0, text.size() - affix.size()), as_str(self)->ascii);
  return exact_str(self);
}
static Ref str_removeprefix(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_remove_affix(self, args, nargs, kwnames, MatchEnd::Prefix);
}
static Ref str_removesuffix(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_remove_affix(self, args, nargs, kwnames, MatchEnd::Suffix);
}

// ---- padding ----

// Pads self to `width` code points with `left` fill characters before it and the rest after.
static Ref padded(Value self, int64_t width, uint32_t fill, int64_t left) {
  StrObject* s = as_str(self);
  int64_t right = width - static_cast<int64_t>(s->length) - left;
  char fill_bytes[4];
  size_t fill_size = utf8_encode(fill, fill_bytes);
  std::string out;
  out.reserve(s->byte_length + static_cast<size_t>(left + right) * fill_size);
  for (int64_t i = 0; i < left; ++i) out.append(fill_bytes, fill_size);
  out.append(str_view(self));
  for (int64_t i = 0; i < right; ++i) out.append(fill_bytes, fill_size);
  return make_str(out, static_cast<size_t>(width), s->ascii && fill < 0x80);
}

static Ref str_justify(const char* name, Value self, const Value* args, size_t nargs, Value kwnames, Justify justify) {
  if (!check_positional(name, nargs, kwnames, 1, 2)) return nullptr;
  int64_t width;
  uint32_t fill;
  if (!c_integer_argument(args[0], width) || !parse_fill_char(nargs > 1 ? args[1] : Value(), fill)) return nullptr;
  auto length = static_cast<int64_t>(as_str(self)->length);
  if (width <= length) return exact_str(self);
  int64_t margin = width - length;
  return padded(self, width, fill, left_padding(justify, margin, width));
}
static Ref str_ljust(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_justify("ljust", self, args, nargs, kwnames, Justify::Left);
}
static Ref str_rjust(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_justify("rjust", self, args, nargs, kwnames, Justify::Right);
}
static Ref str_center(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_justify("center", self, args, nargs, kwnames, Justify::Center);
}

static Ref str_zfill(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("str.zfill", nargs, kwnames, 1, 1)) return nullptr;
  int64_t width;
  if (!c_integer_argument(args[0], width)) return nullptr;
  auto length = static_cast<int64_t>(as_str(self)->length);
  if (width <= length) return exact_str(self);
  std::string out = zero_padded(str_view(self), static_cast<size_t>(width - length));
  return make_str(out, static_cast<size_t>(width), as_str(self)->ascii);
}

static Ref str_expandtabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_method_args("expandtabs", args, nargs, kwnames, {"tabsize"}, 0, bound)) return nullptr;
  int64_t tabsize = 8;
  if (bound[0] && !c_integer_argument(bound[0], tabsize, CInteger::Int)) return nullptr;
  std::string_view text = str_view(self);
  if (text.find('\t') == std::string_view::npos) return exact_str(self);
  return str_new(expand_tabs(text, tabsize, TextUnits::Utf8));
}

// ---- case conversion ----

// Sigma (U+03A3) lowercases to final sigma at the end of a word (CPython's handle_capital_sigma).
static bool is_final_sigma(std::string_view text, size_t sigma_start, size_t sigma_end) {
  size_t pos = sigma_start;
  uint32_t cp = 0;
  bool found_before = false;
  while (pos > 0) {
    cp = utf8_decode_prev(text, pos);
    if (!char_is(cp, char_case_ignorable)) {
      found_before = true;
      break;
    }
  }
  if (!found_before || !char_is(cp, char_cased)) return false;
  pos = sigma_end;
  while (pos < text.size()) {
    cp = utf8_decode_next(text, pos);
    if (!char_is(cp, char_case_ignorable)) return !char_is(cp, char_cased);
  }
  return true;
}

static void append_lowered(std::string& out, std::string_view text, size_t start, size_t end, uint32_t cp) {
  if (cp == 0x3A3) utf8_append(out, is_final_sigma(text, start, end) ? 0x3C2 : 0x3C3);
  else append_case_mapped(out, cp, CaseMapping::Lower);
}

enum class CaseOperation { Upper, Lower, Swap, Title, Capitalize, Fold };

static char ascii_case(char c, CaseOperation operation, bool word_start) {
  bool upper = c >= 'A' && c <= 'Z';
  bool lower = c >= 'a' && c <= 'z';
  switch (operation) {
    case CaseOperation::Upper: return lower ? static_cast<char>(c - 32) : c;
    case CaseOperation::Swap: return lower ? static_cast<char>(c - 32) : upper ? static_cast<char>(c + 32) : c;
    case CaseOperation::Title:
    case CaseOperation::Capitalize:
      if (word_start) return lower ? static_cast<char>(c - 32) : c;
      return upper ? static_cast<char>(c + 32) : c;
    default: return upper ? static_cast<char>(c + 32) : c;
  }
}

// Flips the case of the ASCII letters first..first+25 of an ASCII text, eight bytes at a time:
// for bytes below 0x80, adding 0x80 - first sets a byte's top bit exactly when it is >= first.
static void flip_ascii_letters(const char* in, char* out, size_t size, char first) {
  constexpr uint64_t ones = 0x0101010101010101;
  const uint64_t from_first = ones * uint64_t(0x80 - first);
  const uint64_t from_past_last = ones * uint64_t(0x80 - first - 26);
  auto flip_word = [&](size_t at) {
    uint64_t word;
    std::memcpy(&word, in + at, 8);
    uint64_t letters = (word + from_first) & ~(word + from_past_last) & (ones * 0x80);
    word ^= letters >> 2;  // 0x80 >> 2 is the case bit 0x20
    std::memcpy(out + at, &word, 8);
  };
  if (size < 8) {
    for (size_t i = 0; i < size; ++i) out[i] = static_cast<unsigned char>(in[i] - first) < 26 ? char(in[i] ^ 0x20) : in[i];
    return;
  }
  for (size_t at = 0; at + 8 <= size; at += 8) flip_word(at);
  if (size % 8) flip_word(size - 8);  // overlaps the last word: it reads only the input
}

static Ref change_case(Value self, CaseOperation operation) {
  StrObject* s = as_str(self);
  std::string_view text = str_view(self);
  if (s->ascii) {
    StrObject* result = allocate_str(&str_type, s->byte_length);
    if (!result) return nullptr;
    result->length = s->length;
    result->ascii = true;
    if (operation == CaseOperation::Lower || operation == CaseOperation::Upper) {
      flip_ascii_letters(text.data(), result->data, s->byte_length, operation == CaseOperation::Lower ? 'A' : 'a');
      return Ref::steal(Value(result));
    }
    bool previous_cased = false;
    for (size_t i = 0; i < s->byte_length; ++i) {
      char c = text[i];
      bool word_start = operation == CaseOperation::Capitalize ? i == 0 : !previous_cased;
      result->data[i] = ascii_case(c, operation, word_start);
      previous_cased = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    return Ref::steal(Value(result));
  }
  std::string out;
  out.reserve(text.size() + 8);
  bool previous_cased = false;
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    uint32_t cp = utf8_decode_next(text, pos);
    uint32_t flags = char_flags(cp);
    switch (operation) {
      case CaseOperation::Upper: append_case_mapped(out, cp, CaseMapping::Upper); break;
      case CaseOperation::Lower: append_lowered(out, text, start, pos, cp); break;
      case CaseOperation::Fold: append_case_mapped(out, cp, CaseMapping::Fold); break;
      case CaseOperation::Swap:
        if (flags & char_upper) append_lowered(out, text, start, pos, cp);
        else if (flags & char_lower) append_case_mapped(out, cp, CaseMapping::Upper);
        else out.append(text.substr(start, pos - start));
        break;
      case CaseOperation::Title:
        if (previous_cased) append_lowered(out, text, start, pos, cp);
        else append_case_mapped(out, cp, CaseMapping::Title);
        previous_cased = flags & char_cased;
        break;
      case CaseOperation::Capitalize:
        if (start == 0) append_case_mapped(out, cp, CaseMapping::Title);
        else append_lowered(out, text, start, pos, cp);
        break;
    }
  }
  return str_new(out);
}

template <CaseOperation operation>
static Ref str_case_method(Value self, const Value*, size_t nargs, Value kwnames) {
  static const char* const names[] = {"str.upper", "str.lower", "str.swapcase", "str.title", "str.capitalize", "str.casefold"};
  if (!check_positional(names[static_cast<int>(operation)], nargs, kwnames, 0, 0)) return nullptr;
  return change_case(self, operation);
}

// ---- predicates ----

enum class Predicate { Alpha, Alnum, Decimal, Digit, Numeric, Space, Upper, Lower, Title, Printable, Identifier, Ascii };

static bool every_code_point(std::string_view text, uint32_t required_flags) {
  for (size_t pos = 0; pos < text.size();)
    if (!(char_flags(utf8_decode_next(text, pos)) & required_flags)) return false;
  return true;
}

static bool test_predicate(Value self, Predicate predicate) {
  std::string_view text = str_view(self);
  switch (predicate) {
    case Predicate::Ascii: return as_str(self)->ascii;
    case Predicate::Printable: return every_code_point(text, char_printable);
    case Predicate::Identifier: return is_identifier(text);
    default: break;
  }
  if (text.empty()) return false;
  switch (predicate) {
    case Predicate::Alpha: return every_code_point(text, char_alpha);
    case Predicate::Alnum: return every_code_point(text, char_alpha | char_decimal | char_digit | char_numeric);
    case Predicate::Decimal: return every_code_point(text, char_decimal);
    case Predicate::Digit: return every_code_point(text, char_digit);
    case Predicate::Numeric: return every_code_point(text, char_numeric);
    case Predicate::Space: return every_code_point(text, char_space);
    case Predicate::Upper:
    case Predicate::Lower: {
      uint32_t wanted = predicate == Predicate::Upper ? char_upper : char_lower;
      uint32_t forbidden = (predicate == Predicate::Upper ? char_lower : char_upper) | char_title;
      bool cased = false;
      for (size_t pos = 0; pos < text.size();) {
        uint32_t flags = char_flags(utf8_decode_next(text, pos));
        if (flags & forbidden) return false;
        cased = cased || (flags & wanted);
      }
      return cased;
    }
    default: {  // Title: upper/titlecase only after uncased, lowercase only after cased
      bool cased = false;
      bool previous_cased = false;
      for (size_t pos = 0; pos < text.size();) {
        uint32_t flags = char_flags(utf8_decode_next(text, pos));
        if (flags & (char_upper | char_title)) {
          if (previous_cased) return false;
          previous_cased = cased = true;
        } else if (flags & char_lower) {
          if (!previous_cased) return false;
          previous_cased = cased = true;
        } else {
          previous_cased = false;
        }
      }
      return cased;
    }
  }
}

template <Predicate predicate>
static Ref str_predicate_method(Value self, const Value*, size_t nargs, Value kwnames) {
  static const char* const names[] = {"str.isalpha", "str.isalnum", "str.isdecimal", "str.isdigit",
                                      "str.isnumeric", "str.isspace", "str.isupper", "str.islower",
                                      "str.istitle", "str.isprintable", "str.isidentifier", "str.isascii"};
  if (!check_positional(names[static_cast<int>(predicate)], nargs, kwnames, 0, 0)) return nullptr;
  return Ref::boolean(test_predicate(self, predicate));
}

// ---- encode, translate, maketrans ----

static Ref str_encode(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bind_method_args("encode", args, nargs, kwnames, {"encoding", "errors"}, 0, bound)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (bound[i] && !is_str(bound[i]))
      return raise_format(&TypeError_type, "encode() argument '%s' must be str, not %s", i == 0 ? "encoding" : "errors",
                          type_name(bound[i]));
  }
  return encode_str(self, bound[0], bound[1]);
}

static Ref str_translate(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("str.translate", nargs, kwnames, 1, 1)) return nullptr;
  Value table = args[0];
  std::string_view text = str_view(self);
  std::string out;
  out.reserve(text.size());
  // Lookups for ASCII code points are remembered: the table is consulted once per distinct byte.
  Ref ascii_cache[128];
  bool ascii_cached[128] = {};
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    uint32_t cp = utf8_decode_next(text, pos);
    Ref mapped;
    if (cp < 128 && ascii_cached[cp]) {
      mapped = ascii_cache[cp];
    } else {
      mapped = get_item(table, Value::small_int(cp));
      if (!mapped) {
        if (!error_matches(&LookupError_type)) return nullptr;
        clear_error();
      }
      if (cp < 128) {
        ascii_cache[cp] = mapped;
        ascii_cached[cp] = true;
      }
    }
    if (!mapped) {
      out.append(text.substr(start, pos - start));
    } else if (mapped.get().is_none()) {
      continue;
    } else if (is_str(*mapped)) {
      out.append(str_view(*mapped));
    } else if (is_int(*mapped)) {
      int64_t target;
      if (!int_to_i64(*mapped, target) || target < 0 || target >= 0x110000)
        return raise(&ValueError_type, "character mapping must be in range(0x110000)");
      utf8_append(out, static_cast<uint32_t>(target));
    } else {
      return raise(&TypeError_type, "character mapping must return integer, None or str");
    }
  }
  return str_new(out);
}

static Ref str_maketrans(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("maketrans", nargs, kwnames, 1, 3)) return nullptr;
  Ref table = dict_new();
  if (!table) return nullptr;
  if (nargs == 1) {
    if (!is_dict(args[0])) return raise(&TypeError_type, "if you give only one argument to maketrans it must be a dict");
    size_t pos = 0;
    Value key, value;
    while (dict_next(args[0], pos, key, value)) {
      Ref code;
      if (is_str(key)) {
        if (as_str(key)->length != 1) return raise(&ValueError_type, "string keys in translate table must be of length 1");
        size_t at = 0;
        code = int_from_i64(utf8_decode_next(str_view(key), at));
      } else if (is_int(key)) {
        code = Ref::borrow(key);
      } else {
        return raise(&TypeError_type, "keys in translate table must be strings or integers");
      }
      if (dict_set(*table, *code, value) < 0) return nullptr;
    }
    return table;
  }
  for (size_t i = 0; i < nargs; ++i)
    if (!is_str(args[i]))
      return raise_format(&TypeError_type, "maketrans() argument %zu must be str, not %s", i + 1, type_name(args[i]));
  if (as_str(args[0])->length != as_str(args[1])->length)
    return raise(&ValueError_type, "the first two maketrans arguments must have equal length");
  std::string_view from = str_view(args[0]);
  std::string_view to = str_view(args[1]);
  for (size_t i = 0, j = 0; i < from.size();) {
    Value key = Value::small_int(utf8_decode_next(from, i));
    Value target = Value::small_int(utf8_decode_next(to, j));
    if (dict_set(*table, key, target) < 0) return nullptr;
  }
  if (nargs == 3) {
    std::string_view deleted = str_view(args[2]);
    for (size_t i = 0; i < deleted.size();)
      if (dict_set(*table, Value::small_int(utf8_decode_next(deleted, i)), Value::none()) < 0) return nullptr;
  }
  return table;
}

static const MethodDef str_methods[] = {
    {"find", str_find},
    {"rfind", str_rfind},
    {"index", str_index},
    {"rindex", str_rindex},
    {"count", str_count},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"split", str_split},
    {"rsplit", str_rsplit},
    {"splitlines", str_splitlines},
    {"join", str_join_method},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"strip", str_strip},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"replace", str_replace},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"center", str_center},
    {"zfill", str_zfill},
    {"expandtabs", str_expandtabs},
    {"upper", str_case_method<CaseOperation::Upper>},
    {"lower", str_case_method<CaseOperation::Lower>},
    {"swapcase", str_case_method<CaseOperation::Swap>},
    {"title", str_case_method<CaseOperation::Title>},
    {"capitalize", str_case_method<CaseOperation::Capitalize>},
    {"casefold", str_case_method<CaseOperation::Fold>},
    {"isalpha", str_predicate_method<Predicate::Alpha>},
    {"isalnum", str_predicate_method<Predicate::Alnum>},
    {"isdecimal", str_predicate_method<Predicate::Decimal>},
    {"isdigit", str_predicate_method<Predicate::Digit>},
    {"isnumeric", str_predicate_method<Predicate::Numeric>},
    {"isspace", str_predicate_method<Predicate::Space>},
    {"isupper", str_predicate_method<Predicate::Upper>},
    {"islower", str_predicate_method<Predicate::Lower>},
    {"istitle", str_predicate_method<Predicate::Title>},
    {"isprintable", str_predicate_method<Predicate::Printable>},
    {"isidentifier", str_predicate_method<Predicate::Identifier>},
    {"isascii", str_predicate_method<Predicate::Ascii>},
    {"encode", str_encode},
    {"translate", str_translate},
    {"maketrans", str_maketrans, MethodKind::Static},
    {"format", str_format_method},
    {"format_map", str_format_map_method},
    {"__format__", str_dunder_format_method},
    {nullptr, nullptr},
};

// The strs every program uses are made once, immortal, before any interpreter runs; running
// out of memory this early is fatal.
static StrObject* create_shared_str(std::string_view text, size_t length) {
  StrObject* s = allocate_str(&str_type, text.size());
  if (!s) std::abort();
  if (!text.empty()) std::memcpy(s->data, text.data(), text.size());
  s->length = length;
  s->ascii = is_ascii(text);
  make_immortal_str(s);
  str_hash(Value(s));
  return s;
}

static void create_shared_strs() {
  empty_str_object = create_shared_str({}, 0);
  for (uint32_t cp = 0; cp < 256; ++cp) {
    char buffer[4];
    latin1_char_objects[cp] = create_shared_str({buffer, utf8_encode(cp, buffer)}, 1);
  }
}

void init_str_type() {
  init_static_type(&str_type, "str", &object_type, sizeof(StrObject),
                   type_flag_base_type | type_flag_str_subclass | type_flag_var_sized);
  str_type.dealloc = str_dealloc;
  str_type.repr = str_repr;
  str_type.str = str_str;
  str_type.hash = str_hash_slot;
  str_type.richcompare = str_richcompare;
  str_type.length = str_length;
  str_type.getitem = str_getitem;
  str_type.contains = str_contains;
  str_type.iter = str_iter;
  str_type.binary[static_cast<int>(BinaryOp::Add)] = str_add;
  str_type.binary[static_cast<int>(BinaryOp::Mul)] = str_multiply;
  str_type.reflected[static_cast<int>(BinaryOp::Mul)] = str_multiply;
  str_type.binary[static_cast<int>(BinaryOp::Mod)] = str_modulo;
  str_type.new_ = str_new_slot;
  add_methods(&str_type, str_methods);
  finish_static_type(&str_type);

  init_static_type(&str_iterator_type, "str_ascii_iterator", &object_type, sizeof(StrIteratorObject), 0);
  str_iterator_type.dealloc = str_iterator_dealloc;
  str_iterator_type.iter = iterator_self;
  str_iterator_type.next = str_iterator_next;
  finish_static_type(&str_iterator_type);

  if (!empty_str_object) create_shared_strs();
}

}  // namespace chaipy
