// The bytes and bytearray types: immutable and mutable byte strings sharing one set of read-only methods, plus their iterator.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/protocols.hpp"
#include "runtime/str_format.hpp"
#include "runtime/type_init.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

TypeObject bytes_type, bytearray_type;
static TypeObject bytes_iterator_type;

// ---- allocation ----

static BytesObject* empty_bytes_object;
static BytesObject* single_byte_objects[256];

static BytesObject* allocate_bytes(TypeObject* type, size_t size) {
  // sizeof(BytesObject) already counts one data byte: the NUL terminator.
  Object* object = alloc_var_object(type, sizeof(BytesObject) + size);
  if (!object) return nullptr;
  auto* b = static_cast<BytesObject*>(object);
  b->hash = -1;
  b->size = size;
  return b;
}

Ref bytes_new(std::string_view data) {
  if (data.size() <= 1 && empty_bytes_object) {
    BytesObject* shared = data.empty() ? empty_bytes_object : single_byte_objects[static_cast<unsigned char>(data[0])];
    return Ref::steal(Value(shared));
  }
  BytesObject* b = allocate_bytes(&bytes_type, data.size());
  if (!b) return nullptr;
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());  // an empty view's data may be null
  return Ref::steal(Value(b));
}

static Ref bytes_of_type(TypeObject* type, std::string_view data) {
  if (type == &bytes_type) return bytes_new(data);
  BytesObject* b = allocate_bytes(type, data.size());
  if (!b) return nullptr;
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());  // an empty view's data may be null
  return Ref::steal(Value(b));
}

static Ref bytearray_of_type(TypeObject* type, std::string_view data) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  Ref array = Ref::steal(Value(object));  // freed (with a null buffer) if the buffer is over the cap
  array.as<ByteArrayObject>()->buffer = new ByteBuffer(data);
  return array;
}

Ref bytearray_new(std::string_view data) { return bytearray_of_type(&bytearray_type, data); }

static bool is_bytearray(Value v) { return v.is_object() && is_subtype(type_of(v), &bytearray_type); }
static ByteBuffer& buffer_of(Value bytearray) { return *bytearray.as<ByteArrayObject>()->buffer; }

// Self's bytes; self is a bytes or a bytearray.
static std::string_view contents(Value self) {
  if (is_bytearray(self)) return buffer_of(self);
  return bytes_view(self);
}
static const char* kind_name(Value self) { return is_bytearray(self) ? "bytearray" : "bytes"; }

// A result of self's kind: methods of bytearray give bytearrays, those of bytes give bytes.
static Ref same_kind(Value self, std::string_view data) {
  return is_bytearray(self) ? bytearray_new(data) : bytes_new(data);
}
// The same, returning self itself when self is an exact bytes and data is all of it.
static Ref same_kind_or_self(Value self, std::string_view data) {
  if (type_of(self) == &bytes_type && data.data() == bytes_view(self).data() && data.size() == bytes_view(self).size())
    return Ref::borrow(self);
  return same_kind(self, data);
}

static bool require_bytes_like(Value v, std::string_view& out) {
  if (bytes_like_view(v, out)) return true;
  raise_format(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

// An int-like value to check against range(256); ints beyond int64 become -1, out of range too.
static bool byte_candidate(Value v, int64_t& n) {
  if (!is_int(v)) return index_to_i64(v, n);
  if (!int_to_i64(v, n)) n = -1;
  return true;
}

// A byte value argument (append, insert, item assignment): an int in range(256).
static bool byte_value(Value v, uint8_t& out) {
  int64_t n;
  if (!byte_candidate(v, n)) return false;
  if (n < 0 || n > 255) {
    raise(&ValueError_type, "byte must be in range(0, 256)");
    return false;
  }
  out = static_cast<uint8_t>(n);
  return true;
}

// The bytes an iterable of ints stands for (bytes(iterable), extend, slice assignment). Bytes
// is std::string or ByteBuffer (a bytearray fills its capped buffer directly).
template <class Bytes> static bool bytes_from_iterable(Value iterable, Bytes& out, const char* range_message) {
  Ref iterator = get_iter(iterable);
  if (!iterator) return false;
  while (Ref item = iter_next(*iterator)) {
    int64_t n;
    if (!byte_candidate(*item, n)) return false;
    if (n < 0 || n > 255) {
      raise(&ValueError_type, range_message);
      return false;
    }
    out += static_cast<char>(n);
  }
  return !error_pending();
}

// ---- construction ----

// The contents bytes(...) and bytearray(...) build from their arguments: nothing, a count, a
// str with an encoding, a bytes-like object, __bytes__ (bytes only) or an iterable of ints.
template <class Bytes>
static bool contents_from_arguments(const char* name, const Value* args, size_t nargs, Value kwnames, Bytes& out) {
  bool bytearray_kind = std::string_view(name) == "bytearray";
  Value bound[3];
  if (!bind_method_args(name, args, nargs, kwnames, {"source", "encoding", "errors"}, 0, bound)) return false;
  Value source = bound[0], encoding = bound[1], errors = bound[2];
  for (int i = 1; i <= 2; ++i) {
    if (bound[i] && !is_str(bound[i])) {
      raise_format(&TypeError_type, "%s() argument '%s' must be str, not %s", name, i == 1 ? "encoding" : "errors",
                   type_name(bound[i]));
      return false;
    }
  }
  if (source && is_str(source)) {
    if (!encoding) {
      raise(&TypeError_type, "string argument without an encoding");
      return false;
    }
    Value encode_args[] = {encoding, errors ? errors : str_intern("strict")};
    Ref encoded = call_method(source, "encode", encode_args, 2);
    if (!encoded) return false;
    out = bytes_view(*encoded);
    return true;
  }
  if (encoding || errors) {
    raise(&TypeError_type, encoding ? "encoding without a string argument" : "errors without a string argument");
    return false;
  }
  if (!source) return true;
  std::string_view view;
  if (bytes_like_view(source, view)) {
    out = view;
    return true;
  }
  TypeObject* source_type = type_of(source);
  if (!bytearray_kind && type_lookup(source_type, str_intern("__bytes__"))) {
    Ref converted = call_method(source, "__bytes__", nullptr, 0);
    if (!converted) return false;
    if (!is_bytes(*converted)) {
      raise_format(&TypeError_type, "__bytes__ returned non-bytes (type %s)", type_name(*converted));
      return false;
    }
    out = bytes_view(*converted);
    return true;
  }
  if (is_int(source) || (source_type->index && !source_type->iter)) {
    int64_t count;
    if (!size_argument(source, count)) return false;
    if (count < 0) {
      raise(&ValueError_type, "negative count");
      return false;
    }
    out.assign(static_cast<size_t>(count), '\0');
    return true;
  }
  if (!source_type->iter && !source_type->getitem) {
    raise_format(&TypeError_type, "cannot convert '%s' object to %s", type_name(source), name);
    return false;
  }
  return bytes_from_iterable(source, out, bytearray_kind ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)");
}

static Ref bytes_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  std::string data;
  if (!contents_from_arguments("bytes", args, nargs, kwnames, data)) return nullptr;
  return bytes_of_type(type, data);
}

// bytearray, like CPython's, is made empty by __new__ and filled by __init__ (so subclasses
// that override __init__ decide what goes in).
static Ref bytearray_new_slot(TypeObject* type, const Value*, size_t, Value) { return bytearray_of_type(type, {}); }

static int bytearray_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  ByteBuffer data;
  if (!contents_from_arguments("bytearray", args, nargs, kwnames, data)) return -1;
  buffer_of(self).swap(data);
  return 0;
}

// ---- slots shared by bytes and bytearray ----

static Ref bytes_like_repr(Value self) {
  std::string_view data = contents(self);
  bool bytearray_kind = is_bytearray(self);
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  if (bytearray_kind) out += type_of(self)->name + "(";
  out += 'b';
  out += quote;
  for (char c : data) {
    auto byte = static_cast<unsigned char>(c);
    // bytearray escapes ' whatever the quote, as CPython's bytearray repr does.
    if (c == quote || c == '\\' || (bytearray_kind && c == '\'')) {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte >= 0x7F) {
      append_hex_escape(out, 'x', byte);
    } else {
      out += c;
    }
  }
  out += quote;
  if (bytearray_kind) out += ')';
  return str_new(out);
}

static int64_t bytes_hash(Value self) {
  auto* b = self.as<BytesObject>();
  if (b->hash == -1) {
    auto h = static_cast<int64_t>(hash_bytes(bytes_view(self)));
    b->hash = h == -1 ? -2 : h;
  }
  return b->hash;
}

static Ref bytes_like_richcompare(Value self, Value other, CompareOp op) {
  std::string_view other_data;
  if (!bytes_like_view(other, other_data)) return new_not_implemented();
  int order = contents(self).compare(other_data);
  switch (op) {
    case CompareOp::Lt: return Ref::boolean(order < 0);
    case CompareOp::Le: return Ref::boolean(order <= 0);
    case CompareOp::Eq: return Ref::boolean(order == 0);
    case CompareOp::Ne: return Ref::boolean(order != 0);
    case CompareOp::Gt: return Ref::boolean(order > 0);
    default: return Ref::boolean(order >= 0);
  }
}

static int64_t bytes_like_length(Value self) { return static_cast<int64_t>(contents(self).size()); }

// A subscript that is an index: false (with TypeError) for anything else.
static bool subscript_index(Value self, Value key, int64_t& index) {
  if (key.is_small_int()) {
    index = key.as_small_int();
    return true;
  }
  if (!type_of(key)->index) {
    raise_format(&TypeError_type, "%s indices must be integers or slices, not %s",
                 is_bytearray(self) ? "bytearray" : "byte", type_name(key));
    return false;
  }
  return index_to_i64(key, index);
}

// Normalises a possibly negative index; false with IndexError when out of range.
static bool position_in_range(Value self, int64_t& index) {
  auto size = static_cast<int64_t>(contents(self).size());
  if (index < 0) index += size;
  if (index >= 0 && index < size) return true;
  raise(&IndexError_type, is_bytearray(self) ? "bytearray index out of range" : "index out of range");
  return false;
}

static Ref bytes_like_getitem(Value self, Value key) {
  std::string_view data = contents(self);
  if (key.is_object() && type_of(key) == &slice_type) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, static_cast<int64_t>(data.size()), start, stop, step, count)) return nullptr;
    if (count <= 0) return same_kind(self, {});
    if (step == 1) return same_kind_or_self(self, data.substr(static_cast<size_t>(start), static_cast<size_t>(count)));
    std::string picked;
    picked.reserve(static_cast<size_t>(count));
    for (int64_t i = 0, index = start; i < count; ++i, index += step) picked += data[static_cast<size_t>(index)];
    return same_kind(self, picked);
  }
  int64_t index;
  if (!subscript_index(self, key, index) || !position_in_range(self, index)) return nullptr;
  return Ref::steal(Value::small_int(static_cast<unsigned char>(data[static_cast<size_t>(index)])));
}

static int bytes_like_contains(Value self, Value item) {
  std::string_view data = contents(self);
  std::string_view needle;
  if (bytes_like_view(item, needle)) return data.find(needle) != std::string_view::npos;
  if (!is_int(item) && !type_of(item)->index) {
    raise_format(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(item));
    return -1;
  }
  uint8_t byte;
  if (!byte_value(item, byte)) return -1;
  return data.find(static_cast<char>(byte)) != std::string_view::npos;
}

static Ref bytes_like_add(Value self, Value other) {
  std::string_view left, right;
  if (!bytes_like_view(self, left)) return new_not_implemented();
  if (!bytes_like_view(other, right)) {
    // CPython tries concatenation only after both operands' numeric slots declined: give
    // the other operand's __radd__ its turn, then fail with the concatenation message.
    if (BinarySlot reflected = type_of(other)->reflected[static_cast<int>(BinaryOp::Add)]) {
      Ref result = reflected(other, self);
      if (!result || *result != not_implemented()) return result;
    }
    return raise_format(&TypeError_type, "can't concat %s to %s", type_name(other), kind_name(self));
  }
  std::string joined(left);
  joined.append(right);
  return same_kind(self, joined);
}

static bool is_repeat_count(Value v) { return v.is_small_int() || v.is_bool() || (v.is_object() && type_of(v)->index); }

// data * count; false with MemoryError when the result cannot exist.
template <class Bytes> static bool repeated_contents(std::string_view data, Value count_value, Bytes& out) {
  int64_t count;
  if (!size_argument(count_value, count)) return false;
  if (count <= 0 || data.empty()) return true;
  if (static_cast<uint64_t>(count) > (SIZE_MAX / 2) / data.size()) {
    raise_no_memory();
    return false;
  }
  out.assign(data.size() * static_cast<size_t>(count), '\0');
  fill_repeated(out.data(), data, static_cast<size_t>(count));
  return true;
}

static Ref bytes_like_multiply(Value self, Value other) {
  std::string_view data;
  if (!bytes_like_view(self, data) || !is_repeat_count(other)) return new_not_implemented();
  std::string repeated;
  if (!repeated_contents(data, other, repeated)) return nullptr;
  return same_kind(self, repeated);
}

static Ref bytes_like_modulo(Value self, Value args) {
  std::string_view format;
  if (!bytes_like_view(self, format)) return new_not_implemented();
  std::string out;
  // A copy of the template: conversions may run code that changes a bytearray.
  if (!bytes_percent_format(std::string(format), args, out)) return nullptr;
  return same_kind(self, out);
}

static void bytes_dealloc(Object* object) { free_object(object); }

static void bytearray_dealloc(Object* object) {
  delete static_cast<ByteArrayObject*>(object)->buffer;
  free_object(object);
}

// ---- bytearray mutation ----

// The bytes a slice assignment inserts: a bytes-like value or an iterable of ints.
static bool assigned_bytes(Value value, std::string& out) {
  std::string_view view;
  if (bytes_like_view(value, view)) {
    out = view;  // a copy, so `ba[a:b] = ba` works
    return true;
  }
  if (is_str(value) || is_int(value) || (!type_of(value)->iter && !type_of(value)->getitem)) {
    raise(&TypeError_type, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  return bytes_from_iterable(value, out, "byte must be in range(0, 256)");
}

static int bytearray_assign_slice(Value self, Value slice, Value value) {
  // The new bytes first: iterating them may run code that resizes self.
  std::string replacement;
  if (value && !assigned_bytes(value, replacement)) return -1;
  ByteBuffer& buffer = buffer_of(self);
  int64_t start, stop, step, count;
  if (!slice_indices(slice, static_cast<int64_t>(buffer.size()), start, stop, step, count)) return -1;
  if (step == 1) {
    size_t begin = static_cast<size_t>(start);
    size_t end = std::max(begin, static_cast<size_t>(stop));
    buffer.replace(begin, end - begin, replacement);
    return 0;
  }
  if (!value) {
    // Deleting an extended slice: keep every byte the slice does not pick.
    if (step < 0) {
      start = start + step * (count - 1);
      step = -step;
    }
    ByteBuffer kept;
    kept.reserve(buffer.size() - static_cast<size_t>(std::max<int64_t>(count, 0)));
    for (int64_t i = 0, next_deleted = start, deleted = 0; i < static_cast<int64_t>(buffer.size()); ++i) {
      if (deleted < count && i == next_deleted) {
        ++deleted;
        next_deleted += step;
        continue;
      }
      kept += buffer[static_cast<size_t>(i)];
    }
    buffer.swap(kept);
    return 0;
  }
  if (static_cast<int64_t>(replacement.size()) != count) {
    raise_format(&ValueError_type, "attempt to assign bytes of size %zu to extended slice of size %lld",
                 replacement.size(), static_cast<long long>(count));
    return -1;
  }
  for (int64_t i = 0, index = start; i < count; ++i, index += step) buffer[static_cast<size_t>(index)] = replacement[static_cast<size_t>(i)];
  return 0;
}

static int bytearray_setitem(Value self, Value key, Value value) {
  if (key.is_object() && type_of(key) == &slice_type) return bytearray_assign_slice(self, key, value);
  int64_t index;
  if (!subscript_index(self, key, index) || !position_in_range(self, index)) return -1;
  ByteBuffer& buffer = buffer_of(self);
  if (!value) {
    buffer.erase(static_cast<size_t>(index), 1);
    return 0;
  }
  uint8_t byte;
  if (!byte_value(value, byte)) return -1;
  buffer[static_cast<size_t>(index)] = static_cast<char>(byte);
  return 0;
}

static bool extend_buffer(Value self, Value iterable) {
  std::string_view view;
  if (bytes_like_view(iterable, view)) {
    buffer_of(self).append(std::string(view));
    return true;
  }
  if (!type_of(iterable)->iter && !type_of(iterable)->getitem) {
    raise_format(&TypeError_type, "can't extend bytearray with %s", type_name(iterable));
    return false;
  }
  ByteBuffer added;
  if (!bytes_from_iterable(iterable, added, "byte must be in range(0, 256)")) return false;
  buffer_of(self).append(added);
  return true;
}

static Ref bytearray_inplace_add(Value self, Value other) {
  std::string_view view;
  if (!bytes_like_view(other, view))
    return raise_format(&TypeError_type, "can't concat %s to %s", type_name(other), type_name(self));
  buffer_of(self).append(std::string(view));
  return Ref::borrow(self);
}

static Ref bytearray_inplace_multiply(Value self, Value other) {
  if (!is_repeat_count(other)) return new_not_implemented();
  ByteBuffer repeated;
  if (!repeated_contents(buffer_of(self), other, repeated)) return nullptr;
  buffer_of(self).swap(repeated);
  return Ref::borrow(self);
}

static Ref bytearray_append(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("bytearray.append", nargs, kwnames, 1, 1)) return nullptr;
  uint8_t byte;
  if (!byte_value(args[0], byte)) return nullptr;
  buffer_of(self) += static_cast<char>(byte);
  return Ref::none();
}

static Ref bytearray_extend(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("bytearray.extend", nargs, kwnames, 1, 1)) return nullptr;
  if (!extend_buffer(self, args[0])) return nullptr;
  return Ref::none();
}

static Ref bytearray_pop(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("pop", nargs, kwnames, 0, 1)) return nullptr;
  ByteBuffer& buffer = buffer_of(self);
  int64_t index = -1;
  if (nargs == 1 && !c_integer_argument(args[0], index)) return nullptr;
  if (buffer.empty()) return raise(&IndexError_type, "pop from empty bytearray");
  auto size = static_cast<int64_t>(buffer.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return raise(&IndexError_type, "pop index out of range");
  auto byte = static_cast<unsigned char>(buffer[static_cast<size_t>(index)]);
  buffer.erase(static_cast<size_t>(index), 1);
  return Ref::steal(Value::small_int(byte));
}

static Ref bytearray_insert(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("insert", nargs, kwnames, 2, 2)) return nullptr;
  int64_t index;
  uint8_t byte;
  if (!c_integer_argument(args[0], index) || !byte_value(args[1], byte)) return nullptr;
  ByteBuffer& buffer = buffer_of(self);
  auto size = static_cast<int64_t>(buffer.size());
  if (index < 0) index = std::max<int64_t>(index + size, 0);
  index = std::min(index, size);
  buffer.insert(static_cast<size_t>(index), 1, static_cast<char>(byte));
  return Ref::none();
}

static Ref bytearray_remove(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("bytearray.remove", nargs, kwnames, 1, 1)) return nullptr;
  uint8_t byte;
  if (!byte_value(args[0], byte)) return nullptr;
  ByteBuffer& buffer = buffer_of(self);
  size_t found = buffer.find(static_cast<char>(byte));
  if (found == std::string::npos) return raise(&ValueError_type, "value not found in bytearray");
  buffer.erase(found, 1);
  return Ref::none();
}

static Ref bytearray_clear(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("bytearray.clear", nargs, kwnames, 0, 0)) return nullptr;
  buffer_of(self).clear();
  return Ref::none();
}

static Ref bytearray_copy(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("bytearray.copy", nargs, kwnames, 0, 0)) return nullptr;
  return bytearray_new(buffer_of(self));
}

static Ref bytearray_reverse(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("bytearray.reverse", nargs, kwnames, 0, 0)) return nullptr;
  ByteBuffer& buffer = buffer_of(self);
  std::reverse(buffer.begin(), buffer.end());
  return Ref::none();
}

// ---- the iterator (index-based: a bytearray may grow or shrink while iterated) ----

struct BytesIteratorObject : Object {
  Value sequence;  // owned
  size_t index;
};

static Ref bytes_like_iter(Value self) {
  Object* object = alloc_object(&bytes_iterator_type);
  if (!object) return nullptr;
  auto* it = static_cast<BytesIteratorObject*>(object);
  it->sequence = self;
  incref(self);
  it->index = 0;
  return Ref::steal(Value(it));
}

static Ref bytes_iterator_next(Value self) {
  auto* it = self.as<BytesIteratorObject>();
  std::string_view data = contents(it->sequence);
  if (it->index >= data.size()) return nullptr;
  return Ref::steal(Value::small_int(static_cast<unsigned char>(data[it->index++])));
}

static Ref iterator_self(Value self) { return Ref::borrow(self); }

static void bytes_iterator_dealloc(Object* object) {
  decref(static_cast<BytesIteratorObject*>(object)->sequence);
  free_object(object);
}

// ---- read-only methods shared by bytes and bytearray ----

static Ref bytes_like_decode(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bind_method_args("decode", args, nargs, kwnames, {"encoding", "errors"}, 0, bound)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (bound[i] && !is_str(bound[i]))
      return raise_format(&TypeError_type, "decode() argument '%s' must be str, not %s", i == 0 ? "encoding" : "errors",
                          type_name(bound[i]));
  }
  // str(data, encoding, errors) owns the codecs.
  Value str_args[] = {self, bound[0] ? bound[0] : str_intern("utf-8"), bound[1] ? bound[1] : str_intern("strict")};
  return str_type.new_(&str_type, str_args, 3, Value());
}

static Ref bytes_like_hex(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bind_method_args("hex", args, nargs, kwnames, {"sep", "bytes_per_sep"}, 0, bound)) return nullptr;
  std::string_view data = contents(self);
  std::string separator;
  int64_t group = 1;
  if (bound[0]) {
    std::string_view sep_view;
    if (is_str(bound[0])) sep_view = str_view(bound[0]);
    else if (!bytes_like_view(bound[0], sep_view))
      return raise_format(&TypeError_type, "object of type '%s' has no len()", type_name(bound[0]));
    if ((is_str(bound[0]) ? utf8_count_code_points(sep_view) : sep_view.size()) != 1)
      return raise(&ValueError_type, "sep must be length 1.");
    if (static_cast<unsigned char>(sep_view[0]) >= 0x80) return raise(&ValueError_type, "sep must be ASCII.");
    separator = sep_view;
    if (bound[1] && !c_integer_argument(bound[1], group, CInteger::Int)) return nullptr;
  }
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(data.size() * 3);
  size_t size = data.size();
  size_t every = static_cast<size_t>(group < 0 ? -group : group);
  for (size_t i = 0; i < size; ++i) {
    // Groups count from the right for a positive bytes_per_sep, from the left for a negative one.
    if (i > 0 && !separator.empty() && every > 0) {
      size_t position = group > 0 ? size - i : i;
      if (position % every == 0) out += separator;
    }
    auto byte = static_cast<unsigned char>(data[i]);
    out += hex[byte >> 4];
    out += hex[byte & 0xF];
  }
  return str_new(out);
}

static Ref bytes_like_fromhex(Value cls, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("fromhex", nargs, kwnames, 1, 1)) return nullptr;
  if (!is_str(args[0]))
    return raise_format(&TypeError_type, "fromhex() argument must be str, not %s", type_name(args[0]));
  std::string_view text = str_view(args[0]);
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    if (is_ascii_space(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      continue;
    }
    int high = digit(text[pos]);
    int low = pos + 1 < text.size() ? digit(text[pos + 1]) : -1;
    if (high < 0 || low < 0) {
      size_t bad = high < 0 ? pos : pos + 1;
      return raise_format(&ValueError_type, "non-hexadecimal number found in fromhex() arg at position %zu",
                          utf8_count_code_points(text.substr(0, bad)));
    }
    out += static_cast<char>(high * 16 + low);
    pos += 2;
  }
  auto* type = cls.as<TypeObject>();
  if (type == &bytes_type) return bytes_new(out);
  if (type == &bytearray_type) return bytearray_new(out);
  Ref plain = is_subtype(type, &bytearray_type) ? bytearray_new(out) : bytes_new(out);
  if (!plain) return nullptr;
  return call1(cls, *plain);
}

// The needle of find/count/index: bytes-like, or an int naming one byte.
static bool search_needle(Value v, std::string& storage, std::string_view& needle) {
  if (bytes_like_view(v, needle)) return true;
  if (!is_int(v) && !type_of(v)->index) {
    raise_format(&TypeError_type, "argument should be integer or bytes-like object, not '%s'", type_name(v));
    return false;
  }
  uint8_t byte;
  if (!byte_value(v, byte)) return false;
  storage.assign(1, static_cast<char>(byte));
  needle = storage;
  return true;
}

enum class SearchDirection { Forward, Backward };

// find/rfind/index/rindex: the index of the match, -1 when absent, -2 on error.
static int64_t search(const char* name, Value self, const Value* args, size_t nargs, Value kwnames,
                      SearchDirection direction) {
  if (!check_method_arguments(kind_name(self), name, nargs, kwnames, 1, 3)) return -2;
  std::string storage;
  std::string_view needle;
  if (!search_needle(args[0], storage, needle)) return -2;
  std::string_view data = contents(self);
  int64_t first, last;
  if (!resolve_search_bounds(nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(),
                             static_cast<int64_t>(data.size()), first, last))
    return -2;
  if (first > last) return -1;
  std::string_view window = data.substr(static_cast<size_t>(first), static_cast<size_t>(last - first));
  size_t found = direction == SearchDirection::Forward ? window.find(needle) : window.rfind(needle);
  return found == std::string_view::npos ? -1 : first + static_cast<int64_t>(found);
}

static Ref bytes_like_find(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t index = search("find", self, args, nargs, kwnames, SearchDirection::Forward);
  return index == -2 ? nullptr : int_from_i64(index);
}
static Ref bytes_like_rfind(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t index = search("rfind", self, args, nargs, kwnames, SearchDirection::Backward);
  return index == -2 ? nullptr : int_from_i64(index);
}
static Ref bytes_like_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t index = search("index", self, args, nargs, kwnames, SearchDirection::Forward);
  if (index == -1) return raise(&ValueError_type, "subsection not found");
  return index == -2 ? nullptr : int_from_i64(index);
}
static Ref bytes_like_rindex(Value self, const Value* args, size_t nargs, Value kwnames) {
  int64_t index = search("rindex", self, args, nargs, kwnames, SearchDirection::Backward);
  if (index == -1) return raise(&ValueError_type, "subsection not found");
  return index == -2 ? nullptr : int_from_i64(index);
}

static Ref bytes_like_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_method_arguments(kind_name(self), "count", nargs, kwnames, 1, 3)) return nullptr;
  std::string storage;
  std::string_view needle;
  if (!search_needle(args[0], storage, needle)) return nullptr;
  std::string_view data = contents(self);
  int64_t first, last;
  if (!resolve_search_bounds(nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(),
                             static_cast<int64_t>(data.size()), first, last))
    return nullptr;
  if (first > last) return Ref::steal(Value::small_int(0));
  std::string_view window = data.substr(static_cast<size_t>(first), static_cast<size_t>(last - first));
  return int_from_i64(static_cast<int64_t>(count_occurrences(window, needle, SIZE_MAX)));
}

enum class MatchEnd { Prefix, Suffix };

static Ref tailmatch(const char* name, Value self, const Value* args, size_t nargs, Value kwnames, MatchEnd end) {
  if (!check_method_arguments(kind_name(self), name, nargs, kwnames, 1, 3)) return nullptr;
  std::string_view data = contents(self);
  int64_t first, last;
  if (!resolve_search_bounds(nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(),
                             static_cast<int64_t>(data.size()), first, last))
    return nullptr;
  std::string_view window =
      first > last ? std::string_view() : data.substr(static_cast<size_t>(first), static_cast<size_t>(last - first));
  auto matches = [&](std::string_view affix) {
    if (first > last) return false;
    return end == MatchEnd::Prefix ? window.starts_with(affix) : window.ends_with(affix);
  };
  Value pattern = args[0];
  std::string_view affix;
  if (is_tuple(pattern)) {
    for (int64_t i = 0, n = tuple_size(pattern); i < n; ++i) {
      if (!require_bytes_like(tuple_item(pattern, i), affix)) return nullptr;
      if (matches(affix)) return Ref::boolean(true);
    }
    return Ref::boolean(false);
  }
  if (!bytes_like_view(pattern, affix))
    return raise_format(&TypeError_type, "%s first arg must be bytes or a tuple of bytes, not %s", name, type_name(pattern));
  return Ref::boolean(matches(affix));
}
static Ref bytes_like_startswith(Value self, const Value* args, size_t nargs, Value kwnames) {
  return tailmatch("startswith", self, args, nargs, kwnames, MatchEnd::Prefix);
}
static Ref bytes_like_endswith(Value self, const Value* args, size_t nargs, Value kwnames) {
  return tailmatch("endswith", self, args, nargs, kwnames, MatchEnd::Suffix);
}

static Ref list_of_pieces(Value self, const std::vector<std::string_view>& pieces) {
  Ref list = list_new(pieces.size());
  if (!list) return nullptr;
  for (size_t i = 0; i < pieces.size(); ++i) {
    Ref piece = same_kind(self, pieces[i]);
    if (!piece) return nullptr;
    list_set(*list, i, piece.release());
  }
  return list;
}

static Ref split_common(const char* name, Value self, const Value* args, size_t nargs, Value kwnames,
                        SearchDirection direction) {
  Value bound[2];
  if (!bind_method_args(name, args, nargs, kwnames, {"sep", "maxsplit"}, 0, bound)) return nullptr;
  int64_t maxsplit = -1;
  if (bound[1] && !c_integer_argument(bound[1], maxsplit)) return nullptr;
  std::string_view data = contents(self);
  std::vector<std::string_view> pieces;
  if (!bound[0] || bound[0].is_none()) {
    if (direction == SearchDirection::Forward) split_on_whitespace(data, maxsplit, TextUnits::Bytes, pieces);
    else rsplit_on_whitespace(data, maxsplit, TextUnits::Bytes, pieces);
  } else {
    std::string_view sep;
    if (!require_bytes_like(bound[0], sep)) return nullptr;
    if (sep.empty()) return raise(&ValueError_type, "empty separator");
    // The separator may be self (a bytearray): keep its bytes while splitting.
    std::string sep_copy(sep);
    if (direction == SearchDirection::Forward) split_on_separator(data, sep_copy, maxsplit, pieces);
    else rsplit_on_separator(data, sep_copy, maxsplit, pieces);
  }
  return list_of_pieces(self, pieces);
}
static Ref bytes_like_split(Value self, const Value* args, size_t nargs, Value kwnames) {
  return split_common("split", self, args, nargs, kwnames, SearchDirection::Forward);
}
static Ref bytes_like_rsplit(Value self, const Value* args, size_t nargs, Value kwnames) {
  return split_common("rsplit", self, args, nargs, kwnames, SearchDirection::Backward);
}

static Ref bytes_like_splitlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_method_args("splitlines", args, nargs, kwnames, {"keepends"}, 0, bound)) return nullptr;
  int64_t keepends = 0;
  if (bound[0] && !c_integer_argument(bound[0], keepends, CInteger::Int)) return nullptr;
  std::vector<std::string_view> lines;
  split_lines(contents(self), keepends != 0, TextUnits::Bytes, lines);
  return list_of_pieces(self, lines);
}

static Ref bytes_like_join(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional(is_bytearray(self) ? "bytearray.join" : "bytes.join", nargs, kwnames, 1, 1)) return nullptr;
  Ref items = list_from_iterable(args[0]);
  if (!items) return nullptr;
  std::string separator(contents(self));
  std::string out;
  for (int64_t i = 0, n = list_size(*items); i < n; ++i) {
    std::string_view piece;
    if (!bytes_like_view(list_item(*items, i), piece))
      return raise_format(&TypeError_type, "sequence item %lld: expected a bytes-like object, %s found",
                          static_cast<long long>(i), type_name(list_item(*items, i)));
    if (i > 0) out += separator;
    out.append(piece);
  }
  return same_kind(self, out);
}

static Ref strip_common(const char* name, Value self, const Value* args, size_t nargs, Value kwnames, StripSide side) {
  if (!check_positional(name, nargs, kwnames, 0, 1)) return nullptr;
  std::string_view chars;
  bool have_chars = nargs == 1 && !args[0].is_none();
  if (have_chars && !require_bytes_like(args[0], chars)) return nullptr;
  std::string chars_copy(chars);
  std::string_view chars_view(chars_copy);
  std::string_view data = contents(self);
  return same_kind_or_self(self, strip_units(data, have_chars ? &chars_view : nullptr, side, TextUnits::Bytes));
}
static Ref bytes_like_strip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return strip_common("strip", self, args, nargs, kwnames, strip_both);
}
static Ref bytes_like_lstrip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return strip_common("lstrip", self, args, nargs, kwnames, strip_left);
}
static Ref bytes_like_rstrip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return strip_common("rstrip", self, args, nargs, kwnames, strip_right);
}

static Ref bytes_like_replace(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("replace", nargs, kwnames, 2, 3)) return nullptr;
  std::string_view old_bytes, new_bytes;
  if (!require_bytes_like(args[0], old_bytes) || !require_bytes_like(args[1], new_bytes)) return nullptr;
  int64_t count = -1;
  if (nargs == 3 && !c_integer_argument(args[2], count)) return nullptr;
  std::string old_copy(old_bytes), new_copy(new_bytes);
  return same_kind_or_self(self, replace_occurrences(contents(self), old_copy, new_copy, count, TextUnits::Bytes));
}

static Ref partition_common(Value self, const Value* args, size_t nargs, Value kwnames, SearchDirection direction) {
  if (!check_positional(direction == SearchDirection::Forward ? "partition" : "rpartition", nargs, kwnames, 1, 1))
    return nullptr;
  std::string_view sep_view;
  if (!require_bytes_like(args[0], sep_view)) return nullptr;
  if (sep_view.empty()) return raise(&ValueError_type, "empty separator");
  std::string sep(sep_view);
  std::string_view data = contents(self);
  size_t found = direction == SearchDirection::Forward ? data.find(sep) : data.rfind(sep);
  Ref whole = same_kind_or_self(self, data);
  Ref empty = same_kind(self, {});
  Ref empty2 = same_kind(self, {});
  if (!whole || !empty || !empty2) return nullptr;
  if (found == std::string_view::npos) {
    if (direction == SearchDirection::Forward) return tuple_pack({*whole, *empty, *empty2});
    return tuple_pack({*empty, *empty2, *whole});
  }
  Ref head = same_kind(self, data.substr(0, found));
  Ref middle = same_kind(self, sep);
  Ref tail = same_kind(self, data.substr(found + sep.size()));
  if (!head || !middle || !tail) return nullptr;
  return tuple_pack({*head, *middle, *tail});
}
static Ref bytes_like_partition(Value self, const Value* args, size_t nargs, Value kwnames) {
  return partition_common(self, args, nargs, kwnames, SearchDirection::Forward);
}
static Ref bytes_like_rpartition(Value self, const Value* args, size_t nargs, Value kwnames) {
  return partition_common(self, args, nargs, kwnames, SearchDirection::Backward);
}

static Ref remove_affix(Value self, const Value* args, size_t nargs, Value kwnames, MatchEnd end) {
  if (!check_positional(end == MatchEnd::Prefix ? "removeprefix" : "removesuffix", nargs, kwnames, 1, 1)) return nullptr;
  std::string_view affix;
  if (!require_bytes_like(args[0], affix)) return nullptr;
  std::string_view data = contents(self);
  if (!affix.empty() && end == MatchEnd::Prefix && data.starts_with(affix)) return same_kind(self, data.substr(affix.size()));
  if (!affix.empty() && end == MatchEnd::Suffix && data.ends_with(affix))
    return same_kind(self, data.substr(0, data.size() - affix.size()));
  return same_kind_or_self(self, data);
}
static Ref bytes_like_removeprefix(Value self, const Value* args, size_t nargs, Value kwnames) {
  return remove_affix(self, args, nargs, kwnames, MatchEnd::Prefix);
}
static Ref bytes_like_removesuffix(Value self, const Value* args, size_t nargs, Value kwnames) {
  return remove_affix(self, args, nargs, kwnames, MatchEnd::Suffix);
}

static Ref justify_common(const char* name, Value self, const Value* args, size_t nargs, Value kwnames, Justify justify) {
  if (!check_positional(name, nargs, kwnames, 1, 2)) return nullptr;
  int64_t width;
  if (!c_integer_argument(args[0], width)) return nullptr;
  char fill = ' ';
  if (nargs == 2) {
    std::string_view fill_view;
    if (!bytes_like_view(args[1], fill_view) || fill_view.size() != 1)
      return raise_format(&TypeError_type, "%s() argument 2 must be a byte string of length 1, not %s", name,
                          type_name(args[1]));
    fill = fill_view[0];
  }
  std::string_view data = contents(self);
  auto length = static_cast<int64_t>(data.size());
  if (width <= length) return same_kind_or_self(self, data);
  int64_t left = left_padding(justify, width - length, width);
  std::string out(static_cast<size_t>(left), fill);
  out.append(data);
  out.append(static_cast<size_t>(width - length - left), fill);
  return same_kind(self, out);
}
static Ref bytes_like_ljust(Value self, const Value* args, size_t nargs, Value kwnames) {
  return justify_common("ljust", self, args, nargs, kwnames, Justify::Left);
}
static Ref bytes_like_rjust(Value self, const Value* args, size_t nargs, Value kwnames) {
  return justify_common("rjust", self, args, nargs, kwnames, Justify::Right);
}
static Ref bytes_like_center(Value self, const Value* args, size_t nargs, Value kwnames) {
  return justify_common("center", self, args, nargs, kwnames, Justify::Center);
}

static Ref bytes_like_zfill(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional(is_bytearray(self) ? "bytearray.zfill" : "bytes.zfill", nargs, kwnames, 1, 1)) return nullptr;
  int64_t width;
  if (!c_integer_argument(args[0], width)) return nullptr;
  std::string_view data = contents(self);
  if (width <= static_cast<int64_t>(data.size())) return same_kind_or_self(self, data);
  return same_kind(self, zero_padded(data, static_cast<size_t>(width) - data.size()));
}

static Ref bytes_like_expandtabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_method_args("expandtabs", args, nargs, kwnames, {"tabsize"}, 0, bound)) return nullptr;
  int64_t tabsize = 8;
  if (bound[0] && !c_integer_argument(bound[0], tabsize, CInteger::Int)) return nullptr;
  return same_kind(self, expand_tabs(contents(self), tabsize, TextUnits::Bytes));
}

// ASCII case conversions and predicates: bytes know no other letters.
enum class ByteCase { Upper, Lower, Swap, Title, Capitalize };

static bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

template <ByteCase operation>
static Ref bytes_like_case(Value self, const Value*, size_t nargs, Value kwnames) {
  static const char* const names[] = {"upper", "lower", "swapcase", "title", "capitalize"};
  if (!check_positional(names[static_cast<int>(operation)], nargs, kwnames, 0, 0)) return nullptr;
  std::string data(contents(self));
  bool previous_cased = false;
  for (size_t i = 0; i < data.size(); ++i) {
    char c = data[i];
    bool to_upper;
    switch (operation) {
      case ByteCase::Upper: to_upper = true; break;
      case ByteCase::Lower: to_upper = false; break;
      case ByteCase::Swap: to_upper = ascii_lower(c); break;
      case ByteCase::Title: to_upper = !previous_cased; break;
      default: to_upper = i == 0; break;
    }
    if (to_upper && ascii_lower(c)) data[i] = static_cast<char>(c - 32);
    else if (!to_upper && ascii_upper(c)) data[i] = static_cast<char>(c + 32);
    previous_cased = ascii_upper(c) || ascii_lower(c);
  }
  return same_kind(self, data);
}

enum class BytePredicate { Alpha, Alnum, Digit, Space, Upper, Lower, Ascii };

template <BytePredicate predicate>
static Ref bytes_like_predicate(Value self, const Value*, size_t nargs, Value kwnames) {
  static const char* const names[] = {"isalpha", "isalnum", "isdigit", "isspace", "isupper", "islower", "isascii"};
  if (!check_positional(names[static_cast<int>(predicate)], nargs, kwnames, 0, 0)) return nullptr;
  std::string_view data = contents(self);
  if (predicate == BytePredicate::Ascii) return Ref::boolean(is_ascii(data));
  if (predicate == BytePredicate::Upper || predicate == BytePredicate::Lower) {
    bool cased = false;
    for (char c : data) {
      if (predicate == BytePredicate::Upper ? ascii_lower(c) : ascii_upper(c)) return Ref::boolean(false);
      cased = cased || ascii_upper(c) || ascii_lower(c);
    }
    return Ref::boolean(cased);
  }
  if (data.empty()) return Ref::boolean(false);
  for (char c : data) {
    bool digit = c >= '0' && c <= '9';
    bool alpha = ascii_upper(c) || ascii_lower(c);
    bool ok = predicate == BytePredicate::Alpha   ? alpha
              : predicate == BytePredicate::Alnum ? alpha || digit
              : predicate == BytePredicate::Digit ? digit
                                                  : is_ascii_space(static_cast<unsigned char>(c));
    if (!ok) return Ref::boolean(false);
  }
  return Ref::boolean(true);
}

#define CHAIPY_BYTES_LIKE_METHODS                                   \
  {"decode", bytes_like_decode},                                    \
  {"hex", bytes_like_hex},                                          \
  {"fromhex", bytes_like_fromhex, MethodKind::Class},               \
  {"find", bytes_like_find},                                        \
  {"rfind", bytes_like_rfind},                                      \
  {"index", bytes_like_index},                                      \
  {"rindex", bytes_like_rindex},                                    \
  {"count", bytes_like_count},                                      \
  {"startswith", bytes_like_startswith},                            \
  {"endswith", bytes_like_endswith},                                \
  {"split", bytes_like_split},                                      \
  {"rsplit", bytes_like_rsplit},                                    \
  {"splitlines", bytes_like_splitlines},                            \
  {"join", bytes_like_join},                                        \
  {"strip", bytes_like_strip},                                      \
  {"lstrip", bytes_like_lstrip},                                    \
  {"rstrip", bytes_like_rstrip},                                    \
  {"replace", bytes_like_replace},                                  \
  {"partition", bytes_like_partition},                              \
  {"rpartition", bytes_like_rpartition},                            \
  {"removeprefix", bytes_like_removeprefix},                        \
  {"removesuffix", bytes_like_removesuffix},                        \
  {"ljust", bytes_like_ljust},                                      \
  {"rjust", bytes_like_rjust},                                      \
  {"center", bytes_like_center},                                    \
  {"zfill", bytes_like_zfill},                                      \
  {"expandtabs", bytes_like_expandtabs},                            \
  {"upper", bytes_like_case<ByteCase::Upper>},                      \
  {"lower", bytes_like_case<ByteCase::Lower>},                      \
  {"swapcase", bytes_like_case<ByteCase::Swap>},                    \
  {"title", bytes_like_case<ByteCase::Title>},                      \
  {"capitalize", bytes_like_case<ByteCase::Capitalize>},            \
  {"isalpha", bytes_like_predicate<BytePredicate::Alpha>},          \
  {"isalnum", bytes_like_predicate<BytePredicate::Alnum>},          \
  {"isdigit", bytes_like_predicate<BytePredicate::Digit>},          \
  {"isspace", bytes_like_predicate<BytePredicate::Space>},          \
  {"isupper", bytes_like_predicate<BytePredicate::Upper>},          \
  {"islower", bytes_like_predicate<BytePredicate::Lower>},          \
  {"isascii", bytes_like_predicate<BytePredicate::Ascii>},

static const MethodDef bytes_methods[] = {
    CHAIPY_BYTES_LIKE_METHODS
    {nullptr, nullptr},
};

static const MethodDef bytearray_methods[] = {
    CHAIPY_BYTES_LIKE_METHODS
    {"append", bytearray_append},
    {"extend", bytearray_extend},
    {"pop", bytearray_pop},
    {"insert", bytearray_insert},
    {"remove", bytearray_remove},
    {"clear", bytearray_clear},
    {"copy", bytearray_copy},
    {"reverse", bytearray_reverse},
    {nullptr, nullptr},
};
#undef CHAIPY_BYTES_LIKE_METHODS

static void fill_shared_slots(TypeObject* type) {
  type->repr = bytes_like_repr;
  type->richcompare = bytes_like_richcompare;
  type->length = bytes_like_length;
  type->getitem = bytes_like_getitem;
  type->contains = bytes_like_contains;
  type->iter = bytes_like_iter;
  type->binary[static_cast<int>(BinaryOp::Add)] = bytes_like_add;
  type->binary[static_cast<int>(BinaryOp::Mul)] = bytes_like_multiply;
  type->reflected[static_cast<int>(BinaryOp::Mul)] = bytes_like_multiply;
  type->binary[static_cast<int>(BinaryOp::Mod)] = bytes_like_modulo;
}

// b'' and the 256 one-byte bytes are made once, immortal; running out of memory this early is fatal.
static BytesObject* create_shared_bytes_object(std::string_view data) {
  BytesObject* b = allocate_bytes(&bytes_type, data.size());
  if (!b) std::abort();
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());  // an empty view's data may be null
  b->refcount = immortal_refcount;
  bytes_hash(Value(b));
  return b;
}

static void create_shared_bytes() {
  empty_bytes_object = create_shared_bytes_object({});
  for (int byte = 0; byte < 256; ++byte) {
    char data = static_cast<char>(byte);
    single_byte_objects[byte] = create_shared_bytes_object({&data, 1});
  }
}

void init_bytes_types() {
  init_static_type(&bytes_type, "bytes", &object_type, sizeof(BytesObject), type_flag_base_type | type_flag_var_sized);
  fill_shared_slots(&bytes_type);
  bytes_type.dealloc = bytes_dealloc;
  bytes_type.hash = bytes_hash;
  bytes_type.new_ = bytes_new_slot;
  add_methods(&bytes_type, bytes_methods);
  finish_static_type(&bytes_type);

  init_static_type(&bytearray_type, "bytearray", &object_type, sizeof(ByteArrayObject), type_flag_base_type);
  fill_shared_slots(&bytearray_type);
  bytearray_type.dealloc = bytearray_dealloc;
  bytearray_type.hash = hash_not_implemented;
  bytearray_type.new_ = bytearray_new_slot;
  bytearray_type.init = bytearray_init;
  bytearray_type.setitem = bytearray_setitem;
  bytearray_type.inplace[static_cast<int>(BinaryOp::Add)] = bytearray_inplace_add;
  bytearray_type.inplace[static_cast<int>(BinaryOp::Mul)] = bytearray_inplace_multiply;
  add_methods(&bytearray_type, bytearray_methods);
  finish_static_type(&bytearray_type);

  init_static_type(&bytes_iterator_type, "bytes_iterator", &object_type, sizeof(BytesIteratorObject), 0);
  bytes_iterator_type.dealloc = bytes_iterator_dealloc;
  bytes_iterator_type.iter = iterator_self;
  bytes_iterator_type.next = bytes_iterator_next;
  finish_static_type(&bytes_iterator_type);

  if (!empty_bytes_object) create_shared_bytes();
}

}  // namespace chaipy
