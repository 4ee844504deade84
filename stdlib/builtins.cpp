// The builtins module: print/input, the functional builtins (len, min, max, sum, sorted, ...), conversions (chr, hex, repr, format, round, divmod, pow), introspection (isinstance, getattr, vars, dir) and the registration of builtin types, exceptions and constants.
#include "stdlib/builtins.hpp"

#include <cmath>
#include <cstring>
#include <mutex>
#include <string>

#include "interpreter/vm_builtins.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/function.hpp"
#include "runtime/int_ops.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/generator.hpp"
#include "runtime/iterators.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/str_format.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/io.hpp"

namespace chaipy {

// ---- argument helpers ----

// Finds keyword `name` among a call's keywords; null when absent.
static Value keyword_argument(const Value* args, size_t nargs, Value kwnames, std::string_view name) {
  if (!kwnames) return Value();
  for (int64_t k = 0, n = tuple_size(kwnames); k < n; ++k)
    if (str_view(tuple_item(kwnames, k)) == name) return args[nargs + k];
  return Value();
}

// Rejects keywords outside `allowed` with CPython's "'x' is an invalid keyword argument for f()".
static bool check_keywords(const char* function_name, Value kwnames, std::initializer_list<const char*> allowed) {
  if (!kwnames) return true;
  for (int64_t k = 0, n = tuple_size(kwnames); k < n; ++k) {
    std::string_view key = str_view(tuple_item(kwnames, k));
    bool known = false;
    for (const char* name : allowed) known |= key == name;
    if (!known) {
      raise_format(&TypeError_type, "'%s' is an invalid keyword argument for %s()", std::string(key).c_str(),
                   function_name);
      return false;
    }
  }
  return true;
}

static bool is_exact_int(Value v) { return v.is_small_int() || type_of(v) == &int_type; }
static bool is_exact_float(Value v) { return v.is_object() && v.as_object()->type == &float_type; }

// ---- print / input ----

static bool optional_text_argument(const char* what, Value v, std::string_view fallback, std::string_view& out) {
  if (!v || v.is_none()) {
    out = fallback;
    return true;
  }
  if (!is_str(v)) {
    raise_format(&TypeError_type, "%s must be None or a string, not %s", what, type_name(v));
    return false;
  }
  out = str_view(v);
  return true;
}

static bool call_flush(Value file) {
  Ref flush = get_attr(file, "flush");
  return flush && call0(*flush);
}

static Ref builtin_print(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_keywords("print", kwnames, {"sep", "end", "file", "flush"})) return nullptr;
  std::string_view sep, end;
  if (!optional_text_argument("sep", keyword_argument(args, nargs, kwnames, "sep"), " ", sep) ||
      !optional_text_argument("end", keyword_argument(args, nargs, kwnames, "end"), "\n", end))
    return nullptr;
  Value file = keyword_argument(args, nargs, kwnames, "file");
  if (!file || file.is_none()) file = sys_stdout();
  if (!file || file.is_none()) return Ref::none();

  if (type_of(file) == &text_file_type) {
    // Our own streams get the whole line in one write, so lines from threads never tear.
    std::string text;
    for (size_t i = 0; i < nargs; ++i) {
      if (i) text += sep;
      if (type_of(args[i]) == &str_type) {
        text += str_view(args[i]);
        continue;
      }
      Ref piece = object_str(args[i]);
      if (!piece) return nullptr;
      text += str_view(*piece);
    }
    text += end;
    if (!text_file_write(file, text)) return nullptr;
  } else {
    // Other file objects see CPython's calls: one write per argument, separator and end.
    Ref write = get_attr(file, "write");
    if (!write) return nullptr;
    Ref separator = str_new(sep), terminator = str_new(end);
    if (!separator || !terminator) return nullptr;
    for (size_t i = 0; i < nargs; ++i) {
      if (i && !call1(*write, *separator)) return nullptr;
      Ref piece = object_str(args[i]);
      if (!piece || !call1(*write, *piece)) return nullptr;
    }
    if (!call1(*write, *terminator)) return nullptr;
  }
  Value flush = keyword_argument(args, nargs, kwnames, "flush");
  if (flush) {
    int truth = object_truth(flush);
    if (truth < 0 || (truth && !call_flush(file))) return nullptr;
  }
  return Ref::none();
}

static Ref builtin_input(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("input", nargs, kwnames, 0, 1)) return nullptr;
  Value stdin_stream = sys_attribute("stdin");
  Value stdout_stream = sys_stdout();
  Value stderr_stream = sys_stderr();
  if (!stdin_stream || stdin_stream.is_none()) return raise(&RuntimeError_type, "input(): lost sys.stdin");
  if (!stdout_stream || stdout_stream.is_none()) return raise(&RuntimeError_type, "input(): lost sys.stdout");
  if (stderr_stream && !stderr_stream.is_none() && !call_flush(stderr_stream)) clear_error();
  if (nargs == 1) {
    Ref prompt = object_str(args[0]);
    if (!prompt) return nullptr;
    Ref write = get_attr(stdout_stream, "write");
    if (!write || !call1(*write, *prompt)) return nullptr;
  }
  if (!call_flush(stdout_stream)) clear_error();
  Ref readline = get_attr(stdin_stream, "readline");
  if (!readline) return nullptr;
  Ref line = call0(*readline);
  if (!line) return nullptr;
  if (!is_str(*line)) return raise(&TypeError_type, "object.readline() returned non-string");
  std::string_view text = str_view(*line);
  if (text.empty()) return raise(&EOFError_type, "EOF when reading a line");
  if (text.back() == '\n') text.remove_suffix(1);
  return str_new(text);
}

// ---- simple one-argument builtins ----

static Ref builtin_len(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("len", nargs, kwnames, 1, 1)) return nullptr;
  int64_t length = object_length(args[0]);
  if (length < 0) return nullptr;
  return int_from_i64(length);
}

static Ref builtin_abs(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("abs", nargs, kwnames, 1, 1)) return nullptr;
  return object_abs(args[0]);
}

static Ref builtin_repr(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("repr", nargs, kwnames, 1, 1)) return nullptr;
  return object_repr(args[0]);
}

static Ref builtin_ascii(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("ascii", nargs, kwnames, 1, 1)) return nullptr;
  return object_ascii(args[0]);
}

static Ref builtin_hash(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("hash", nargs, kwnames, 1, 1)) return nullptr;
  int64_t hash = object_hash(args[0]);
  if (hash == -1) return nullptr;
  return int_from_i64(hash);
}

static Ref builtin_id(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("id", nargs, kwnames, 1, 1)) return nullptr;
  return int_from_i64(static_cast<int64_t>(args[0].bits()));
}

static Ref builtin_callable(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("callable", nargs, kwnames, 1, 1)) return nullptr;
  return Ref::boolean(type_of(args[0])->call != nullptr);
}

static Ref builtin_format(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("format", nargs, kwnames, 1, 2)) return nullptr;
  if (nargs == 2 && !is_str(args[1]))
    return raise_format(&TypeError_type, "format() argument 2 must be str, not %s", type_name(args[1]));
  Value spec = nargs == 2 ? args[1] : str_intern("");
  return format_value(args[0], spec);
}

// ---- any / all ----

static Ref any_all(const char* name, const Value* args, size_t nargs, Value kwnames, bool want) {
  if (!check_positional(name, nargs, kwnames, 1, 1)) return nullptr;
  Ref iterator = get_iter(args[0]);
  if (!iterator) return nullptr;
  for (;;) {
    Ref item = iter_next(*iterator);
    if (!item) return error_pending() ? nullptr : Ref::boolean(!want);
    int truth = object_truth(*item);
    if (truth < 0) return nullptr;
    if (static_cast<bool>(truth) == want) return Ref::boolean(want);
  }
}
static Ref builtin_any(Value, const Value* args, size_t nargs, Value kwnames) {
  return any_all("any", args, nargs, kwnames, true);
}
static Ref builtin_all(Value, const Value* args, size_t nargs, Value kwnames) {
  return any_all("all", args, nargs, kwnames, false);
}

// ---- min / max ----

// 1 when `candidate` beats `best` (candidate < best for min, > for max), 0, -1 on error.
static int beats(Value candidate, Value best, CompareOp op) {
  if (candidate.is_small_int() && best.is_small_int())
    return op == CompareOp::Lt ? candidate.as_small_int() < best.as_small_int()
                               : candidate.as_small_int() > best.as_small_int();
  Ref result = object_compare(candidate, best, op);
  if (!result) return -1;
  return object_truth(*result);
}

static Ref min_max(const char* name, const Value* args, size_t nargs, Value kwnames, CompareOp op) {
  if (!check_keywords(name, kwnames, {"key", "default"})) return nullptr;
  if (nargs == 0) return raise_format(&TypeError_type, "%s expected at least 1 argument, got 0", name);
  Value key = keyword_argument(args, nargs, kwnames, "key");
  if (key && key.is_none()) key = Value();
  Value default_value = keyword_argument(args, nargs, kwnames, "default");
  if (nargs > 1 && default_value)
    return raise_format(&TypeError_type, "Cannot specify a default for %s() with multiple positional arguments", name);

  Ref iterator;
  if (nargs == 1) {
    iterator = get_iter(args[0]);
    if (!iterator) return nullptr;
  }
  size_t position = 0;
  auto next_item = [&]() -> Ref {
    if (nargs == 1) return iter_next(*iterator);
    return position < nargs ? Ref::borrow(args[position++]) : Ref();
  };
  Ref best, best_key;
  for (;;) {
    Ref item = next_item();
    if (!item) {
      if (error_pending()) return nullptr;
      break;
    }
    Ref item_key = key ? call1(key, *item) : item;
    if (!item_key) return nullptr;
    if (!best) {
      best = std::move(item);
      best_key = std::move(item_key);
      continue;
    }
    int better = beats(*item_key, *best_key, op);
    if (better < 0) return nullptr;
    if (better) {
      best = std::move(item);
      best_key = std::move(item_key);
    }
  }
  if (best) return best;
  if (default_value) return Ref::borrow(default_value);
  return raise_format(&ValueError_type, "%s() arg is an empty sequence", name);
}

static Ref builtin_min(Value, const Value* args, size_t nargs, Value kwnames) {
  return min_max("min", args, nargs, kwnames, CompareOp::Lt);
}
static Ref builtin_max(Value, const Value* args, size_t nargs, Value kwnames) {
  return min_max("max", args, nargs, kwnames, CompareOp::Gt);
}

// ---- sum ----

static Ref builtin_sum(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_keywords("sum", kwnames, {"start"})) return nullptr;
  if (nargs == 0) return raise(&TypeError_type, "sum() takes at least 1 positional argument (0 given)");
  Value start = keyword_argument(args, nargs, kwnames, "start");
  if (nargs + (start ? 1 : 0) > 2)
    return raise_format(&TypeError_type, "sum() takes at most 2 arguments (%zu given)", nargs + (start ? 1 : 0));
  if (nargs == 2) start = args[1];
  if (start) {
    if (is_str(start)) return raise(&TypeError_type, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_bytes(start)) return raise(&TypeError_type, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (is_subtype(type_of(start), &bytearray_type))
      return raise(&TypeError_type, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Ref iterator = get_iter(args[0]);
  if (!iterator) return nullptr;
  Ref result = start ? Ref::borrow(start) : Ref::steal(Value::small_int(0));
  Ref item;

  // CPython's fast paths: an int64 accumulator while everything is an int, then a double
  // accumulator while everything is a float (or a small int), then the generic `+`.
  if (is_exact_int(*result)) {
    int64_t total;
    if (int_to_i64(*result, total)) {
      for (;;) {
        item = iter_next(*iterator);
        if (!item) {
          if (error_pending()) return nullptr;
          return int_from_i64(total);
        }
        int64_t value, sum;
        if ((is_exact_int(*item) || item.get().is_bool()) && int_to_i64(*item, value) &&
            !__builtin_add_overflow(total, value, &sum)) {
          total = sum;
          continue;
        }
        Ref boxed = int_from_i64(total);
        if (!boxed) return nullptr;
        result = binary_op(*boxed, *item, BinaryOp::Add);
        if (!result) return nullptr;
        item = Ref();
        break;
      }
    }
  }
  if (is_exact_float(*result)) {
    double total = float_value(*result);
    for (;;) {
      item = iter_next(*iterator);
      if (!item) {
        if (error_pending()) return nullptr;
        return float_new(total);
      }
      if (is_exact_float(*item)) {
        total += float_value(*item);
        continue;
      }
      int64_t value;
      if ((is_exact_int(*item) || item.get().is_bool()) && int_to_i64(*item, value)) {
        total += static_cast<double>(value);
        continue;
      }
      Ref boxed = float_new(total);
      if (!boxed) return nullptr;
      result = binary_op(*boxed, *item, BinaryOp::Add);
      if (!result) return nullptr;
      item = Ref();
      break;
    }
  }
  for (;;) {
    item = iter_next(*iterator);
    if (!item) {
      if (error_pending()) return nullptr;
      return result;
    }
    result = binary_op(*result, *item, BinaryOp::Add);
    if (!result) return nullptr;
  }
}

// ---- sorted ----

static Ref builtin_sorted(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1) return raise_format(&TypeError_type, "sorted expected 1 argument, got %zu", nargs);
  if (!check_keywords("sort", kwnames, {"key", "reverse"})) return nullptr;
  Value key = keyword_argument(args, nargs, kwnames, "key");
  Value reverse_arg = keyword_argument(args, nargs, kwnames, "reverse");
  int64_t reverse = 0;
  if (reverse_arg && !index_to_i64(reverse_arg, reverse)) return nullptr;
  Ref list = list_from_iterable(args[0]);
  if (!list) return nullptr;
  if (!list_sort(*list, key && !key.is_none() ? key : Value(), reverse != 0)) return nullptr;
  return list;
}

// ---- isinstance / issubclass ----

static bool is_type_object(Value v) { return v.is_object() && (type_of(v)->flags & type_flag_type_subclass); }

static Ref builtin_isinstance(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("isinstance", nargs, kwnames, 2, 2)) return nullptr;
  int result;
  if (!is_instance(args[0], args[1], result)) return nullptr;
  return Ref::boolean(result);
}

// 1, 0, or -1 with the error pending.
static int subclass_check(TypeObject* type, Value class_or_tuple) {
  if (is_tuple(class_or_tuple)) {
    for (int64_t i = 0, n = tuple_size(class_or_tuple); i < n; ++i) {
      int result = subclass_check(type, tuple_item(class_or_tuple, i));
      if (result != 0) return result;
    }
    return 0;
  }
  if (!is_type_object(class_or_tuple)) {
    raise(&TypeError_type, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return is_subtype(type, class_or_tuple.as<TypeObject>());
}

static Ref builtin_issubclass(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("issubclass", nargs, kwnames, 2, 2)) return nullptr;
  if (!is_type_object(args[0])) return raise(&TypeError_type, "issubclass() arg 1 must be a class");
  int result = subclass_check(args[0].as<TypeObject>(), args[1]);
  if (result < 0) return nullptr;
  return Ref::boolean(result);
}

// ---- attributes ----

static bool check_attribute_name(Value name) {
  if (is_str(name)) return true;
  raise_format(&TypeError_type, "attribute name must be string, not '%s'", type_name(name));
  return false;
}

static Ref builtin_getattr(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("getattr", nargs, kwnames, 2, 3) || !check_attribute_name(args[1])) return nullptr;
  Ref result = get_attr(args[0], args[1]);
  if (!result && nargs == 3 && error_matches(&AttributeError_type)) {
    clear_error();
    return Ref::borrow(args[2]);
  }
  return result;
}

static Ref builtin_setattr(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("setattr", nargs, kwnames, 3, 3) || !check_attribute_name(args[1])) return nullptr;
  if (set_attr(args[0], args[1], args[2]) < 0) return nullptr;
  return Ref::none();
}

static Ref builtin_delattr(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("delattr", nargs, kwnames, 2, 2) || !check_attribute_name(args[1])) return nullptr;
  if (set_attr(args[0], args[1], Value()) < 0) return nullptr;
  return Ref::none();
}

static Ref builtin_hasattr(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("hasattr", nargs, kwnames, 2, 2) || !check_attribute_name(args[1])) return nullptr;
  int result = has_attr(args[0], args[1]);
  if (result < 0) return nullptr;
  return Ref::boolean(result);
}

static Ref builtin_vars(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("vars", nargs, kwnames, 0, 1)) return nullptr;
  if (nargs == 0) return vm_locals();
  Ref dict = get_attr(args[0], "__dict__");
  if (!dict && error_matches(&AttributeError_type)) {
    clear_error();
    return raise(&TypeError_type, "vars() argument must have __dict__ attribute");
  }
  return dict;
}

static bool add_keys(Value names, Value dict) {
  size_t pos = 0;
  Value key, value;
  while (dict_next(dict, pos, key, value))
    if (set_add(names, key) < 0) return false;
  return true;
}

// The attribute names dir() lists: a module's globals, a class's attributes along its mro, or
// what the object's __dir__ returns.
static Ref dir_names(Value obj) {
  if (is_module(obj)) {
    Ref names = set_new();
    if (!names || !add_keys(*names, module_dict(obj))) return nullptr;
    return names;
  }
  if (is_type_object(obj)) {
    Ref names = set_new();
    if (!names) return nullptr;
    Value mro = obj.as<TypeObject>()->mro;
    for (int64_t i = 0, n = tuple_size(mro); i < n; ++i)
      if (!add_keys(*names, tuple_item(mro, i).as<TypeObject>()->dict)) return nullptr;
    return names;
  }
  return call_method(obj, "__dir__", nullptr, 0);
}

static Ref builtin_dir(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("dir", nargs, kwnames, 0, 1)) return nullptr;
  Ref names;
  if (nargs == 0) {
    Ref locals = vm_locals();
    if (!locals) return nullptr;
    names = call_method(*locals, "keys", nullptr, 0);
  } else {
    names = dir_names(args[0]);
  }
  if (!names) return nullptr;
  Ref list = list_from_iterable(*names);
  if (!list || !list_sort(*list, Value(), false)) return nullptr;
  return list;
}

// ---- iteration ----

static Ref builtin_iter(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("iter", nargs, kwnames, 1, 2)) return nullptr;
  if (nargs == 1) return get_iter(args[0]);
  if (!type_of(args[0])->call) return raise(&TypeError_type, "iter(v, w): v must be callable");
  return callable_iter_new(args[0], args[1]);
}

static Ref builtin_next(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("next", nargs, kwnames, 1, 2)) return nullptr;
  TypeObject* type = type_of(args[0]);
  if (!type->next) return raise_format(&TypeError_type, "'%s' object is not an iterator", type->name.c_str());
  // A generator's return value travels in the StopIteration that next() raises.
  Ref item = is_generator(args[0]) ? generator_send_value(args[0], Value::none()) : type->next(args[0]);
  if (item) return item;
  if (nargs == 2) {
    if (!error_pending()) return Ref::borrow(args[1]);
    if (error_matches(&StopIteration_type)) {
      clear_error();
      return Ref::borrow(args[1]);
    }
    return nullptr;
  }
  if (!error_pending()) raise_value(Value(&StopIteration_type));
  return nullptr;
}

// ---- characters and integer text ----

static Ref builtin_chr(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("chr", nargs, kwnames, 1, 1)) return nullptr;
  int64_t code;
  if (is_int(args[0]) && !int_to_i64(args[0], code))
    return raise(&OverflowError_type, "Python int too large to convert to C int");
  if (!index_to_i64(args[0], code)) return nullptr;
  if (code < INT32_MIN || code > INT32_MAX) return raise(&OverflowError_type, "Python int too large to convert to C int");
  if (code < 0 || code > 0x10FFFF) return raise(&ValueError_type, "chr() arg not in range(0x110000)");
  return str_from_code_point(static_cast<uint32_t>(code));
}

static Ref builtin_ord(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("ord", nargs, kwnames, 1, 1)) return nullptr;
  Value c = args[0];
  if (is_str(c)) {
    auto* s = c.as<StrObject>();
    if (s->length != 1)
      return raise_format(&TypeError_type, "ord() expected a character, but string of length %zu found", s->length);
    size_t pos = 0;
    return int_from_i64(utf8_decode_next(str_view(c), pos));
  }
  std::string_view data;
  if (bytes_like_view(c, data)) {
    if (data.size() != 1)
      return raise_format(&TypeError_type, "ord() expected a character, but string of length %zu found", data.size());
    return int_from_i64(static_cast<unsigned char>(data[0]));
  }
  return raise_format(&TypeError_type, "ord() expected string of length 1, but %s found", type_name(c));
}

// hex()/oct()/bin(): "-0x1f" style, via __index__ for non-ints.
static Ref integer_text(const char* name, const Value* args, size_t nargs, Value kwnames, int base, const char* prefix) {
  if (!check_positional(name, nargs, kwnames, 1, 1)) return nullptr;
  Ref number = Ref::borrow(args[0]);
  if (!is_int(*number)) {
    TypeObject* type = type_of(*number);
    if (!type->index)
      return raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type->name.c_str());
    number = type->index(*number);
    if (!number) return nullptr;
    if (!is_int(*number))
      return raise_format(&TypeError_type, "__index__ returned non-int (type %s)", type_name(*number));
  }
  std::string text;
  int64_t small;
  if (int_to_i64(*number, small)) {
    uint64_t magnitude = small < 0 ? 0 - static_cast<uint64_t>(small) : static_cast<uint64_t>(small);
    char digits[72];
    size_t count = 0;
    do {
      digits[count++] = "0123456789abcdef"[magnitude % base];
      magnitude /= base;
    } while (magnitude);
    if (small < 0) text += '-';
    text += prefix;
    while (count) text += digits[--count];
  } else {
    BigInt value = int_to_bigint(*number);
    if (value.is_negative()) text += '-';
    text += prefix;
    value.abs().append_string(text, base);
  }
  return str_new(text);
}

static Ref builtin_hex(Value, const Value* args, size_t nargs, Value kwnames) {
  return integer_text("hex", args, nargs, kwnames, 16, "0x");
}
static Ref builtin_oct(Value, const Value* args, size_t nargs, Value kwnames) {
  return integer_text("oct", args, nargs, kwnames, 8, "0o");
}
static Ref builtin_bin(Value, const Value* args, size_t nargs, Value kwnames) {
  return integer_text("bin", args, nargs, kwnames, 2, "0b");
}

// ---- divmod / pow / round ----

// CPython's float_divmod.
static Ref float_divmod(double vx, double wx) {
  if (wx == 0.0) return raise(&ZeroDivisionError_type, "float divmod()");
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double floordiv;
  if (div) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  Ref quotient = float_new(floordiv);
  Ref remainder = float_new(mod);
  if (!quotient || !remainder) return nullptr;
  return tuple_pack({*quotient, *remainder});
}

static bool is_builtin_number(Value v) { return is_exact_int(v) || v.is_bool() || is_exact_float(v); }

// type(a).__divmod__(a, b), then type(b).__rdivmod__(b, a) (first when b's type is a subclass).
static Ref divmod_by_methods(Value a, Value b) {
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  struct Attempt {
    Value self, other;
    const char* name;
    bool reflected;
  } attempts[] = {{a, b, "__divmod__", false}, {b, a, "__rdivmod__", true}};
  if (ta != tb && is_subtype(tb, ta) && type_lookup(tb, str_intern("__rdivmod__"))) std::swap(attempts[0], attempts[1]);
  for (const Attempt& attempt : attempts) {
    if (attempt.reflected && ta == tb) continue;
    if (!type_lookup(type_of(attempt.self), str_intern(attempt.name))) continue;
    Ref result = call_method(attempt.self, attempt.name, &attempt.other, 1);
    if (!result || *result != not_implemented()) return result;
  }
  return raise_format(&TypeError_type, "unsupported operand type(s) for divmod(): '%s' and '%s'", ta->name.c_str(),
                      tb->name.c_str());
}

static Ref builtin_divmod(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("divmod", nargs, kwnames, 2, 2)) return nullptr;
  Value a = args[0], b = args[1];
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    if (y == 0) return raise(&ZeroDivisionError_type, "integer division or modulo by zero");
    int64_t quotient;
    floordiv_i64(x, y, quotient);
    return tuple_pack({Value::small_int(quotient), Value::small_int(mod_i64(x, y))});
  }
  if (is_builtin_number(a) && is_builtin_number(b)) {
    if (!is_exact_float(a) && !is_exact_float(b)) {
      BigInt x = int_to_bigint(a), y = int_to_bigint(b);
      if (y.is_zero()) return raise(&ZeroDivisionError_type, "integer division or modulo by zero");
      BigInt quotient, remainder;
      BigInt::divmod(x, y, quotient, remainder);
      Ref q = int_from_bigint(std::move(quotient));
      Ref r = int_from_bigint(std::move(remainder));
      if (!q || !r) return nullptr;
      return tuple_pack({*q, *r});
    }
    double x, y;
    if (!number_to_double(a, x) || !number_to_double(b, y)) return nullptr;
    return float_divmod(x, y);
  }
  return divmod_by_methods(a, b);
}

static Ref builtin_pow(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  if (!bind_args("pow", args, nargs, kwnames, {"base", "exp", "mod"}, 2, bound)) return nullptr;
  Value base = bound[0], exponent = bound[1], modulus = bound[2];
  if (!modulus || modulus.is_none()) return binary_op(base, exponent, BinaryOp::Pow);
  if (is_int(base) && is_int(exponent) && is_int(modulus)) return int_pow(base, exponent, modulus);
  auto is_number = [](Value v) { return is_int(v) || is_float(v); };
  if (is_number(base) && is_number(exponent) && is_number(modulus))
    return raise(&TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
  if (type_lookup(type_of(base), str_intern("__pow__"))) {
    Value rest[] = {exponent, modulus};
    Ref result = call_method(base, "__pow__", rest, 2);
    if (!result || *result != not_implemented()) return result;
  }
  return raise_format(&TypeError_type, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                      type_name(base), type_name(exponent), type_name(modulus));
}

static Ref builtin_round(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bind_args("round", args, nargs, kwnames, {"number", "ndigits"}, 1, bound)) return nullptr;
  if (!type_lookup(type_of(bound[0]), str_intern("__round__")))
    return raise_format(&TypeError_type, "type %s doesn't define __round__ method", type_name(bound[0]));
  bool with_digits = bound[1] && !bound[1].is_none();
  return call_method(bound[0], "__round__", &bound[1], with_digits ? 1 : 0);
}

// ---- exit / quit (the Quitter objects CPython's site module adds) ----

namespace {

struct QuitterObject : Object {
  const char* name;
};

TypeObject quitter_type;
QuitterObject exit_object, quit_object;

Ref quitter_repr(Value self) {
  return str_new_ascii("Use " + std::string(self.as<QuitterObject>()->name) + "() or Ctrl-D (i.e. EOF) to exit");
}

// Closes sys.stdin first, as CPython does (shells that catch SystemExit notice the closed stdin).
Ref quitter_call(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_args("__call__", args, nargs, kwnames, {"code"}, 0, bound)) return nullptr;
  Value stdin_stream = sys_attribute("stdin");
  if (stdin_stream && !stdin_stream.is_none()) {
    if (!call_method(stdin_stream, "close", nullptr, 0)) clear_error();
  }
  Value code = bound[0] ? bound[0] : Value::none();
  Ref arguments = tuple_from_array(&code, 1);
  if (!arguments) return nullptr;
  Ref exception = exception_new(&SystemExit_type, *arguments);
  if (!exception) return nullptr;
  return raise_value(*exception);
}

void init_quitter_type() {
  init_static_type(&quitter_type, "Quitter", &object_type, sizeof(QuitterObject), 0);
  quitter_type.module = "_sitebuiltins";
  quitter_type.repr = quitter_repr;
  quitter_type.call = quitter_call;
  finish_static_type(&quitter_type);
  for (auto [object, name] : {std::pair{&exit_object, "exit"}, std::pair{&quit_object, "quit"}}) {
    object->refcount = immortal_refcount;
    object->type = &quitter_type;
    object->name = name;
  }
}

}  // namespace

// ---- the module ----

static const struct {
  const char* name;
  NativeFunction fn;
} builtin_functions[] = {
    {"print", builtin_print},       {"input", builtin_input},       {"len", builtin_len},
    {"abs", builtin_abs},           {"min", builtin_min},           {"max", builtin_max},
    {"sum", builtin_sum},           {"sorted", builtin_sorted},     {"any", builtin_any},
    {"all", builtin_all},           {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass},
    {"getattr", builtin_getattr},   {"setattr", builtin_setattr},   {"hasattr", builtin_hasattr},
    {"delattr", builtin_delattr},   {"callable", builtin_callable}, {"chr", builtin_chr},
    {"ord", builtin_ord},           {"hex", builtin_hex},           {"oct", builtin_oct},
    {"bin", builtin_bin},           {"repr", builtin_repr},         {"ascii", builtin_ascii},
    {"format", builtin_format},     {"hash", builtin_hash},         {"id", builtin_id},
    {"iter", builtin_iter},         {"next", builtin_next},         {"divmod", builtin_divmod},
    {"pow", builtin_pow},           {"round", builtin_round},       {"vars", builtin_vars},
    {"dir", builtin_dir},           {"open", builtin_open},
};

bool init_builtins_module(Value module) {
  static std::once_flag quitter_ready;
  std::call_once(quitter_ready, init_quitter_type);
  if (!module_add_object(module, "exit", Value(&exit_object)) || !module_add_object(module, "quit", Value(&quit_object)))
    return false;
  for (const auto& function : builtin_functions)
    if (!module_add_function(module, function.name, function.fn)) return false;

  const struct {
    const char* name;
    TypeObject* type;
  } types[] = {
      {"object", &object_type},       {"type", &type_type},           {"int", &int_type},
      {"bool", &bool_type},           {"float", &float_type},         {"str", &str_type},
      {"bytes", &bytes_type},         {"bytearray", &bytearray_type}, {"tuple", &tuple_type},
      {"list", &list_type},           {"dict", &dict_type},           {"set", &set_type},
      {"frozenset", &frozenset_type}, {"range", &range_type},         {"slice", &slice_type},
      {"enumerate", &enumerate_type}, {"zip", &zip_type},             {"map", &map_type},
      {"filter", &filter_type},       {"reversed", &reversed_type},   {"property", &property_type},
      {"staticmethod", &staticmethod_type}, {"classmethod", &classmethod_type}, {"super", &super_type},
#define CHAIPY_EXCEPTION_ENTRY(name, base) {#name, &name##_type},
      CHAIPY_EXCEPTION_TYPES(CHAIPY_EXCEPTION_ENTRY)
#undef CHAIPY_EXCEPTION_ENTRY
      {"EnvironmentError", &OSError_type},  {"IOError", &OSError_type},
  };
  for (const auto& entry : types)
    if (!module_add_object(module, entry.name, Value(entry.type))) return false;

  return module_add_object(module, "None", Value::none()) && module_add_object(module, "True", Value::true_()) &&
         module_add_object(module, "False", Value::false_()) &&
         module_add_object(module, "NotImplemented", not_implemented()) &&
         module_add_object(module, "Ellipsis", Value(&Ellipsis_object)) &&
         module_add_object(module, "__debug__", Value::true_());
}

}  // namespace chaipy
