// String formatting: format() and FORMAT_VALUE, the __format__ methods of str/int/float, str.format/format_map, and printf-style '%' formatting of str and bytes.
#include "runtime/str_format.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "runtime/bigint.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/no_memory.hpp"
#include "runtime/numfmt.hpp"
#include "runtime/protocols.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

static std::string hex_digits(uint32_t value) {
  char buffer[16];
  snprintf(buffer, sizeof buffer, "%x", value);
  return buffer;
}

// ---- the format-spec mini-language on str, int and float ----

static bool raise_formatting_error(const FormatError& error) {
  raise(error.kind == FormatError::Kind::overflow_error ? &OverflowError_type : &ValueError_type, error.message);
  return false;
}

static bool parse_spec(std::string_view spec, const char* type_name, FormatSpec& parsed) {
  std::string message;
  if (parse_format_spec(spec, type_name, parsed, message)) return true;
  raise(&ValueError_type, message);
  return false;
}

static bool append_formatted_str(std::string& out, std::string_view text, std::string_view spec, const char* type_name) {
  FormatSpec parsed;
  if (!parse_spec(spec, type_name, parsed)) return false;
  FormatError error;
  return format_str(text, parsed, type_name, out, error) || raise_formatting_error(error);
}

static bool append_formatted_int(std::string& out, Value v, std::string_view spec, const char* type_name) {
  FormatSpec parsed;
  if (!parse_spec(spec, type_name, parsed)) return false;
  FormatError error;
  int64_t small;
  bool ok = int_to_i64(v, small) ? format_int(small, parsed, type_name, out, error)
                                 : format_int(int_to_bigint(v), parsed, type_name, out, error);
  return ok || raise_formatting_error(error);
}

static bool append_formatted_float(std::string& out, double value, std::string_view spec, const char* type_name) {
  FormatSpec parsed;
  if (!parse_spec(spec, type_name, parsed)) return false;
  FormatError error;
  return format_float(value, parsed, type_name, out, error) || raise_formatting_error(error);
}

// Appends format(v, spec) to out. spec_object is the spec as a str when the caller has one.
static bool append_formatted(std::string& out, Value v, std::string_view spec, Value spec_object) {
  TypeObject* type = type_of(v);
  if (type == &str_type) {
    if (spec.empty()) {
      out.append(str_view(v));
      return true;
    }
    return append_formatted_str(out, str_view(v), spec, "str");
  }
  if (v.is_small_int() || type == &int_type) return append_formatted_int(out, v, spec, "int");
  if (type == &float_type) return append_formatted_float(out, float_value(v), spec, "float");
  Ref spec_str = spec_object ? Ref::borrow(spec_object) : str_new(spec);
  if (!spec_str) return false;
  Value argument = *spec_str;
  Ref result = call_method(v, "__format__", &argument, 1);
  if (!result) return false;
  if (!is_str(*result)) {
    raise_format(&TypeError_type, "__format__ must return a str, not %s", type_name(*result));
    return false;
  }
  out.append(str_view(*result));
  return true;
}

Ref format_value(Value v, Value spec) {
  std::string_view spec_text = spec ? str_view(spec) : std::string_view();
  if (spec_text.empty()) {
    // format(x, '') of the core types is str(x).
    TypeObject* type = type_of(v);
    if (type == &str_type) return Ref::borrow(v);
    if (v.is_small_int() || type == &int_type || type == &float_type) return object_str(v);
  }
  return memory_error_on_bad_alloc([&]() -> Ref {
    std::string out;
    if (!append_formatted(out, v, spec_text, spec)) return nullptr;
    return str_new(out);
  });
}

static bool spec_argument(const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__format__", nargs, kwnames, 1, 1)) return false;
  if (is_str(args[0])) return true;
  raise_format(&TypeError_type, "__format__() argument must be str, not %s", type_name(args[0]));
  return false;
}

// The __format__ methods: an empty spec means str(self), as in CPython (bool gives 'True').
using FormatAppender = bool (*)(std::string& out, Value self, std::string_view spec, const char* type_name);

template <FormatAppender append>
static Ref dunder_format(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!spec_argument(args, nargs, kwnames)) return nullptr;
  std::string_view spec = str_view(args[0]);
  if (spec.empty()) return object_str(self);
  std::string out;
  if (!append(out, self, spec, type_name(self))) return nullptr;
  return str_new(out);
}

static bool append_str_self(std::string& out, Value self, std::string_view spec, const char* type_name) {
  return append_formatted_str(out, str_view(self), spec, type_name);
}
static bool append_float_self(std::string& out, Value self, std::string_view spec, const char* type_name) {
  return append_formatted_float(out, float_value(self), spec, type_name);
}

Ref int_format_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  return dunder_format<append_formatted_int>(self, args, nargs, kwnames);
}
Ref float_format_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  return dunder_format<append_float_self>(self, args, nargs, kwnames);
}
Ref str_dunder_format_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  return dunder_format<append_str_self>(self, args, nargs, kwnames);
}

// ---- str.format and str.format_map (CPython's Objects/stringlib/unicode_format.h) ----

namespace {

// Where replacement fields find their values.
struct FieldSource {
  const Value* args = nullptr;  // positional arguments; null for format_map
  size_t nargs = 0;
  const Value* keyword_values = nullptr;  // str.format's keywords, named by keyword_names
  Value keyword_names;
  Value mapping;  // format_map's mapping
};

struct AutoNumbering {
  enum class State { Unset, Automatic, Manual } state = State::Unset;
  int64_t next_index = 0;
};

struct ReplacementField {
  std::string_view name;
  std::string_view spec;
  char conversion = 0;
  bool spec_needs_expanding = false;
};

// The field's name as an argument index: -1 when it is not all decimal digits.
bool field_index(std::string_view text, int64_t& index) {
  index = -1;
  if (text.empty()) return true;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return true;
    if (value > (INT64_MAX - (c - '0')) / 10) {
      raise(&ValueError_type, "Too many decimal digits in format string");
      return false;
    }
    value = value * 10 + (c - '0');
  }
  index = value;
  return true;
}

Ref lookup_keyword(const FieldSource& source, std::string_view key) {
  if (source.keyword_names) {
    for (int64_t i = 0, n = tuple_size(source.keyword_names); i < n; ++i)
      if (str_view(tuple_item(source.keyword_names, i)) == key) return Ref::borrow(source.keyword_values[i]);
  }
  if (!source.mapping) {
    Ref key_str = str_new(key);
    return key_str ? raise_key_error(*key_str) : nullptr;
  }
  Ref key_str = str_new(key);
  if (!key_str) return nullptr;
  return get_item(source.mapping, *key_str);
}

// Resolves "name", "0", "", "a.b[0]" to its object.
Ref field_object(const FieldSource& source, std::string_view name, AutoNumbering& numbering) {
  size_t first_end = name.find_first_of(".[");
  if (first_end == std::string_view::npos) first_end = name.size();
  std::string_view first = name.substr(0, first_end);
  int64_t index;
  if (!field_index(first, index)) return nullptr;
  bool auto_numbered = first.empty();
  if (auto_numbered || index != -1) {
    if (numbering.state == AutoNumbering::State::Unset)
      numbering.state = auto_numbered ? AutoNumbering::State::Automatic : AutoNumbering::State::Manual;
    if (numbering.state == AutoNumbering::State::Manual && auto_numbered)
      return raise(&ValueError_type, "cannot switch from manual field specification to automatic field numbering");
    if (numbering.state == AutoNumbering::State::Automatic && !auto_numbered)
      return raise(&ValueError_type, "cannot switch from automatic field numbering to manual field specification");
    if (auto_numbered) index = numbering.next_index++;
  }
  Ref object;
  if (index == -1) {
    object = lookup_keyword(source, first);
  } else {
    if (!source.args) return raise(&ValueError_type, "Format string contains positional fields");
    if (static_cast<size_t>(index) >= source.nargs)
      return raise_format(&IndexError_type, "Replacement index %lld out of range for positional args tuple",
                          static_cast<long long>(index));
    object = Ref::borrow(source.args[index]);
  }
  if (!object) return nullptr;
  size_t pos = first_end;
  while (pos < name.size()) {
    char kind = name[pos++];
    std::string_view part;
    if (kind == '.') {
      size_t end = name.find_first_of(".[", pos);
      if (end == std::string_view::npos) end = name.size();
      part = name.substr(pos, end - pos);
      pos = end;
    } else if (kind == '[') {
      size_t end = name.find(']', pos);
      if (end == std::string_view::npos) return raise(&ValueError_type, "Missing ']' in format string");
      part = name.substr(pos, end - pos);
      pos = end + 1;
    } else {
      return raise(&ValueError_type, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (part.empty()) return raise(&ValueError_type, "Empty attribute in format string");
    Ref part_str = str_new(part);
    if (!part_str) return nullptr;
    if (kind == '.') {
      object = get_attr(*object, *part_str);
    } else {
      int64_t item_index;
      if (!field_index(part, item_index)) return nullptr;
      object = item_index == -1 ? get_item(*object, *part_str) : get_item(*object, Value::small_int(item_index));
    }
    if (!object) return nullptr;
  }
  return object;
}

// Parses what follows a '{' up to its matching '}' (pos ends after it).
bool parse_field(std::string_view input, size_t& pos, ReplacementField& field) {
  size_t n = input.size();
  size_t name_start = pos;
  char c = 0;
  while (pos < n) {
    c = input[pos++];
    if (c == '{') {
      raise(&ValueError_type, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (pos < n && input[pos] != ']') ++pos;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  field.name = input.substr(name_start, pos - 1 - name_start);
  if (c != '!' && c != ':') {
    if (c == '}') return true;
    raise(&ValueError_type, "expected '}' before end of string");
    return false;
  }
  if (c == '!') {
    if (pos >= n) {
      raise(&ValueError_type, "end of string while looking for conversion specifier");
      return false;
    }
    field.conversion = input[pos++];
    if (pos < n) {
      char after = input[pos++];
      if (after == '}') return true;
      if (after != ':') {
        raise(&ValueError_type, "expected ':' after conversion specifier");
        return false;
      }
    }
  }
  size_t spec_start = pos;
  int depth = 1;
  while (pos < n) {
    c = input[pos++];
    if (c == '{') {
      field.spec_needs_expanding = true;
      ++depth;
    } else if (c == '}' && --depth == 0) {
      field.spec = input.substr(spec_start, pos - 1 - spec_start);
      return true;
    }
  }
  raise(&ValueError_type, "unmatched '{' in format spec");
  return false;
}

Ref convert_field(Value object, char conversion) {
  switch (conversion) {
    case 'r': return object_repr(object);
    case 's': return object_str(object);
    case 'a': return object_ascii(object);
    default:
      if (conversion > 32 && conversion < 127)
        return raise_format(&ValueError_type, "Unknown conversion specifier %c", conversion);
      return raise(&ValueError_type, "Unknown conversion specifier \\x" + hex_digits(static_cast<unsigned char>(conversion)));
  }
}

bool build_formatted(const FieldSource& source, std::string_view input, int depth, AutoNumbering& numbering,
                     std::string& out);

bool output_field(const FieldSource& source, const ReplacementField& field, int depth, AutoNumbering& numbering,
                  std::string& out) {
  Ref object = field_object(source, field.name, numbering);
  if (!object) return false;
  if (field.conversion) {
    object = convert_field(*object, field.conversion);
    if (!object) return false;
  }
  if (!field.spec_needs_expanding) return append_formatted(out, *object, field.spec, Value());
  std::string expanded;
  if (!build_formatted(source, field.spec, depth - 1, numbering, expanded)) return false;
  return append_formatted(out, *object, expanded, Value());
}

bool build_formatted(const FieldSource& source, std::string_view input, int depth, AutoNumbering& numbering,
                     std::string& out) {
  if (depth <= 0) {
    raise(&ValueError_type, "Max string recursion exceeded");
    return false;
  }
  size_t n = input.size();
  size_t pos = 0;
  while (pos < n) {
    size_t start = pos;
    while (pos < n && input[pos] != '{' && input[pos] != '}') ++pos;
    if (pos == n) {
      out.append(input.substr(start));
      break;
    }
    char brace = input[pos++];
    bool at_end = pos == n;
    if (brace == '}' && (at_end || input[pos] != '}')) {
      raise(&ValueError_type, "Single '}' encountered in format string");
      return false;
    }
    if (at_end) {
      raise(&ValueError_type, "Single '{' encountered in format string");
      return false;
    }
    if (input[pos] == brace) {  // "{{" or "}}": a literal brace
      out.append(input.substr(start, pos - start));
      ++pos;
      continue;
    }
    out.append(input.substr(start, pos - 1 - start));
    ReplacementField field;
    if (!parse_field(input, pos, field) || !output_field(source, field, depth, numbering, out)) return false;
  }
  return true;
}

// PEP 3101 allows one level of nesting inside a spec: "{0:{1}}" works, "{0:{1:{2}}}" does not.
constexpr int format_recursion_depth = 2;

Ref run_format(Value self, const FieldSource& source) {
  std::string out;
  AutoNumbering numbering;
  if (!build_formatted(source, str_view(self), format_recursion_depth, numbering, out)) return nullptr;
  return str_new(out);
}

}  // namespace

Ref str_format_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  FieldSource source;
  source.args = args;
  source.nargs = nargs;
  if (kwnames && tuple_size(kwnames) > 0) {
    source.keyword_names = kwnames;
    source.keyword_values = args + nargs;
  }
  return run_format(self, source);
}

Ref str_format_map_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("str.format_map", nargs, kwnames, 1, 1)) return nullptr;
  FieldSource source;
  source.mapping = args[0];
  return run_format(self, source);
}

// ---- printf-style formatting (CPython's PyUnicode_Format) ----

namespace {

struct PercentArguments {
  Value all;            // the right operand
  Value mapping;        // set when the operand is a mapping (not a tuple or str)
  Ref keyed;            // the value a %(key) selected, consumed by the conversion
  int64_t count = -1;   // tuple size, or -1 for a single (or keyed) argument
  int64_t next = -2;    // CPython's argidx: -2 means the single argument is still unused

  Value take() {
    if (next < count) {
      int64_t index = next++;
      if (count < 0) return keyed ? *keyed : all;
      return tuple_item(all, index);
    }
    raise(&TypeError_type, "not enough arguments for format string");
    return Value();
  }
};

bool percent_int_value(Value v, char conversion, Ref& out) {
  if (is_int(v)) {
    out = Ref::borrow(v);
    return true;
  }
  bool integer_only = conversion == 'x' || conversion == 'X' || conversion == 'o';
  if (!integer_only && is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      raise(&ValueError_type, "cannot convert float NaN to integer");
      return false;
    }
    if (std::isinf(d)) {
      raise(&OverflowError_type, "cannot convert float infinity to integer");
      return false;
    }
    out = int_from_bigint(*BigInt::from_double(d));
    return static_cast<bool>(out);
  }
  TypeObject* type = type_of(v);
  UnarySlot convert = integer_only || !type->to_int ? type->index : type->to_int;
  if (convert) {
    out = convert(v);
    if (out && is_int(*out)) return true;
    // A conversion that is not supported reads as the wrong type, as in CPython.
    if (!out && !error_matches(&TypeError_type)) return false;
    clear_error();
  }
  raise_format(&TypeError_type, "%%%c format: %s is required, not %s", conversion,
               integer_only ? "an integer" : "a real number", type_name(v));
  return false;
}

bool percent_float_value(Value v, double& out) {
  if (is_float(v)) {
    out = float_value(v);
    return true;
  }
  if (is_int(v)) return number_to_double(v, out);
  TypeObject* type = type_of(v);
  UnarySlot convert = type->to_float ? type->to_float : type->index;
  if (!convert) {
    raise_format(&TypeError_type, "must be real number, not %s", type_name(v));
    return false;
  }
  Ref converted = convert(v);
  if (!converted) return false;
  if (is_float(*converted)) {
    out = float_value(*converted);
    return true;
  }
  if (is_int(*converted)) return number_to_double(*converted, out);
  raise_format(&TypeError_type, "must be real number, not %s", type_name(v));
  return false;
}

bool percent_char(Value v, std::string& text) {
  if (is_str(v)) {
    std::string_view s = str_view(v);
    if (!s.empty() && static_cast<size_t>(std::max(1, utf8_sequence_length(static_cast<unsigned char>(s[0])))) == s.size()) {
      text = s;
      return true;
    }
  } else if (is_int(v)) {
    int64_t cp;
    if (!int_to_i64(v, cp) || cp < 0 || cp >= 0x110000) {
      raise(&OverflowError_type, "%c arg not in range(0x110000)");
      return false;
    }
    utf8_append(text, static_cast<uint32_t>(cp));
    return true;
  }
  raise(&TypeError_type, "%c requires int or char");
  return false;
}

// Reads a width or precision: '*' takes the next argument, else decimal digits.
bool percent_number(std::string_view format, size_t& pos, PercentArguments& arguments, bool is_width,
                    int64_t& out, bool& negative_star) {
  negative_star = false;
  // As CPython: a width may be anything a Py_ssize_t holds (a huge one is a MemoryError when
  // the result is built); a precision must fit a C int.
  const int64_t limit = is_width ? INT64_MAX : INT32_MAX;
  if (pos < format.size() && format[pos] == '*') {
    ++pos;
    Value v = arguments.take();
    if (!v) return false;
    if (!is_int(v)) {
      raise(&TypeError_type, "* wants int");
      return false;
    }
    if (!int_to_i64(v, out) || out > limit || out < -limit) {
      raise(&OverflowError_type, is_width ? "Python int too large to convert to C ssize_t"
                                           : "Python int too large to convert to C int");
      return false;
    }
    if (out < 0) {
      negative_star = true;
      out = -out;
    }
    return true;
  }
  bool any = false;
  int64_t value = 0;
  while (pos < format.size() && format[pos] >= '0' && format[pos] <= '9') {
    int digit = format[pos++] - '0';
    if (value > (limit - digit) / 10) {
      raise(&ValueError_type, is_width ? "width too big" : "precision too big");
      return false;
    }
    value = value * 10 + digit;
    any = true;
  }
  if (any) out = value;
  return true;
}


enum class PercentMode { Text, Bytes };

// bytes % args's %s/%b: the bytes of a bytes-like object or of __bytes__.
bool percent_bytes_of(Value v, std::string& out) {
  std::string_view view;
  if (bytes_like_view(v, view)) {
    out = view;
    return true;
  }
  if (type_lookup(type_of(v), str_intern("__bytes__"))) {
    Ref converted = call_method(v, "__bytes__", nullptr, 0);
    if (!converted) return false;
    if (!is_bytes(*converted)) {
      raise_format(&TypeError_type, "__bytes__ returned non-bytes (type %s)", type_name(*converted));
      return false;
    }
    out = bytes_view(*converted);
    return true;
  }
  raise_format(&TypeError_type, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
               type_name(v));
  return false;
}

// bytes % args's %c: an int in range(256) or a single byte.
bool percent_byte_char(Value v, std::string& out) {
  std::string_view view;
  if (bytes_like_view(v, view) && view.size() == 1) {
    out = view;
    return true;
  }
  if (is_int(v)) {
    int64_t byte;
    if (!int_to_i64(v, byte) || byte < 0 || byte > 255) {
      raise(&OverflowError_type, "%c arg not in range(256)");
      return false;
    }
    out.assign(1, static_cast<char>(byte));
    return true;
  }
  raise(&TypeError_type, "%c requires an integer in range(256) or a single byte");
  return false;
}

// Pads (and for precision, truncates) bytes by byte count: numfmt's text padding counts code points.
void pad_bytes(std::string_view data, const PercentSpec& spec, std::string& out) {
  if (spec.precision >= 0 && data.size() > static_cast<size_t>(spec.precision)) data = data.substr(0, spec.precision);
  size_t padding = spec.width > static_cast<int64_t>(data.size()) ? static_cast<size_t>(spec.width) - data.size() : 0;
  if (!spec.left_adjust) out.append(padding, ' ');
  out.append(data);
  if (spec.left_adjust) out.append(padding, ' ');
}

// The conversions str % args and bytes % args share; the text ones differ by mode.
bool percent_format_into(std::string_view text, Value args, PercentMode mode, std::string& out) {
  bool bytes_mode = mode == PercentMode::Bytes;
  PercentArguments arguments;
  arguments.all = args;
  std::string_view unused;
  if (is_tuple(args)) {
    arguments.count = tuple_size(args);
    arguments.next = 0;
  } else if (type_of(args)->getitem && !is_str(args) && !(bytes_mode && bytes_like_view(args, unused))) {
    arguments.mapping = args;
  }
  out.reserve(text.size() + 16);
  size_t pos = 0;
  size_t n = text.size();
  while (pos < n) {
    size_t percent = text.find('%', pos);
    if (percent == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, percent - pos));
    pos = percent + 1;
    if (pos < n && text[pos] == '%') {
      out += '%';
      ++pos;
      continue;
    }
    if (pos < n && text[pos] == '(') {
      if (!arguments.mapping) {
        raise(&TypeError_type, "format requires a mapping");
        return false;
      }
      size_t key_start = ++pos;
      int depth = 1;
      while (pos < n && depth > 0) {
        if (text[pos] == '(') ++depth;
        else if (text[pos] == ')') --depth;
        ++pos;
      }
      if (depth > 0) {
        raise(&ValueError_type, "incomplete format key");
        return false;
      }
      std::string_view key_text = text.substr(key_start, pos - 1 - key_start);
      Ref key = bytes_mode ? bytes_new(key_text) : str_new(key_text);
      if (!key) return false;
      arguments.keyed = get_item(arguments.mapping, *key);
      if (!arguments.keyed) return false;
      arguments.count = -1;
      arguments.next = -2;
    }
    PercentSpec spec;
    for (; pos < n; ++pos) {
      char flag = text[pos];
      if (flag == '-') spec.left_adjust = true;
      else if (flag == '+') spec.plus = true;
      else if (flag == ' ') spec.blank = true;
      else if (flag == '#') spec.alternate = true;
      else if (flag == '0') spec.zero_pad = true;
      else break;
    }
    bool negative_star;
    int64_t width = -1;
    if (!percent_number(text, pos, arguments, true, width, negative_star)) return false;
    if (negative_star) spec.left_adjust = true;
    spec.width = width;
    if (pos < n && text[pos] == '.') {
      ++pos;
      int64_t precision = 0;
      if (!percent_number(text, pos, arguments, false, precision, negative_star)) return false;
      spec.precision = negative_star ? 0 : static_cast<int>(precision);
    }
    while (pos < n && (text[pos] == 'h' || text[pos] == 'l' || text[pos] == 'L')) ++pos;
    if (pos >= n) {
      raise(&ValueError_type, "incomplete format");
      return false;
    }
    size_t conversion_start = pos;
    uint32_t conversion = bytes_mode ? static_cast<unsigned char>(text[pos++]) : utf8_decode_next(text, pos);
    Value argument = arguments.take();
    if (!argument) return false;
    spec.conversion = static_cast<char>(conversion);
    std::string piece;
    switch (conversion) {
      case 's':
      case 'b':
        if (conversion == 'b' && !bytes_mode) goto unsupported;
        if (bytes_mode) {
          if (!percent_bytes_of(argument, piece)) return false;
          pad_bytes(piece, spec, out);
          break;
        }
        [[fallthrough]];
      case 'r':
      case 'a': {
        Ref converted = conversion == 's' ? object_str(argument)
                        : conversion == 'r' && !bytes_mode ? object_repr(argument)
                                                           : object_ascii(argument);
        if (!converted) return false;
        if (bytes_mode) pad_bytes(str_view(*converted), spec, out);
        else percent_format_str(str_view(*converted), spec, out);
        break;
      }
      case 'c':
        spec.precision = -1;
        if (bytes_mode) {
          if (!percent_byte_char(argument, piece)) return false;
          pad_bytes(piece, spec, out);
        } else {
          if (!percent_char(argument, piece)) return false;
          percent_format_str(piece, spec, out);
        }
        break;
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        Ref integer;
        if (!percent_int_value(argument, static_cast<char>(conversion), integer)) return false;
        if (conversion == 'i' || conversion == 'u') spec.conversion = 'd';
        int64_t small;
        if (int_to_i64(*integer, small)) percent_format_int(small, spec, out);
        else percent_format_int(int_to_bigint(*integer), spec, out);
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double value;
        if (!percent_float_value(argument, value)) return false;
        percent_format_float(value, spec, out);
        break;
      }
      default:
      unsupported: {
        auto index = static_cast<long long>(bytes_mode ? conversion_start
                                                       : utf8_count_code_points(text.substr(0, conversion_start)));
        char shown = conversion >= 31 && conversion <= 126 ? static_cast<char>(conversion) : '?';
        raise_format(&ValueError_type, "unsupported format character '%c' (0x%s) at index %lld", shown,
                     hex_digits(conversion).c_str(), index);
        return false;
      }
    }
    arguments.keyed = Ref();
  }
  if (arguments.next < arguments.count && !arguments.mapping) {
    raise(&TypeError_type, bytes_mode ? "not all arguments converted during bytes formatting"
                                      : "not all arguments converted during string formatting");
    return false;
  }
  return true;
}

}  // namespace

Ref percent_format(Value format, Value args) {
  std::string out;
  if (!percent_format_into(str_view(format), args, PercentMode::Text, out)) return nullptr;
  return str_new(out);
}

bool bytes_percent_format(std::string_view format, Value args, std::string& out) {
  return percent_format_into(format, args, PercentMode::Bytes, out);
}

}  // namespace chaipy
