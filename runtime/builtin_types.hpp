// The core builtin data types' layouts and C++ API: int, bool, float, str, bytes, bytearray, tuple, list, dict, set, range, slice.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "runtime/buffer_memory.hpp"
#include "runtime/bigint.hpp"
#include "runtime/errors.hpp"
#include "runtime/type.hpp"

namespace chaipy {

extern TypeObject object_type, type_type;
extern TypeObject int_type, bool_type, float_type, str_type, bytes_type, bytearray_type;
extern TypeObject tuple_type, list_type, dict_type, set_type, frozenset_type;
extern TypeObject range_type, slice_type, none_type, not_implemented_type, ellipsis_type;
extern TypeObject dict_keys_type, dict_values_type, dict_items_type;
extern TypeObject enumerate_type, zip_type, map_type, filter_type, reversed_type;

// ---- int (immediates up to 62 bits; IntObject beyond) ----
struct IntObject : Object {
  BigInt value;
};
Ref int_from_i64(int64_t n);
Ref int_from_bigint(BigInt value);  // normalises to an immediate when it fits
inline bool is_int(Value v) { return v.is_small_int() || v.is_bool() || (v.is_object() && (v.as_object()->type->flags & type_flag_int_subclass)); }
// int64 value of an int (bools included); false when it does not fit (no error set).
bool int_to_i64(Value v, int64_t& out);
BigInt int_to_bigint(Value v);  // v must be an int
Ref int_from_string(std::string_view text, int base);  // int(str, base) with ValueError

// ---- float ----
struct FloatObject : Object {
  double value;
};
Ref float_new(double d);
inline bool is_float(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &float_type); }
inline double float_value(Value v) { return v.as<FloatObject>()->value; }
// float(x) conversions for ints and floats: false with an error (OverflowError) pending.
bool number_to_double(Value v, double& out);

// ---- str: UTF-8, immutable, length in code points cached ----
struct StrObject : Object {
  int64_t hash;        // -1 until computed
  size_t length;       // code points
  size_t byte_length;
  bool ascii;          // all bytes < 0x80: indexing is O(1)
  bool interned;
  char data[1];        // byte_length bytes + NUL
};
inline bool is_str(Value v) { return v.is_object() && (v.as_object()->type->flags & type_flag_str_subclass); }
inline std::string_view str_view(Value v) {
  auto* s = v.as<StrObject>();
  return {s->data, s->byte_length};
}
Ref str_new(std::string_view utf8);  // the input must be valid UTF-8
Ref str_new_ascii(std::string_view ascii);  // the input must be ASCII (no scan: callers checked)
// Returns the process-wide interned, immortal str for `text` (identifiers, attribute names).
Value str_intern(std::string_view text);
Ref str_concat(Value a, Value b);
// left + right, growing `left` in place when this is its only reference (the VM's `s += t`).
Ref str_append(Ref left, Value right);
bool str_equal(Value a, Value b);  // both str
int64_t str_hash(Value s);
Ref str_from_code_point(uint32_t cp);
Ref str_join(Value separator, Value iterable);

// ---- bytes / bytearray ----
struct BytesObject : Object {
  int64_t hash;
  size_t size;
  char data[1];  // size bytes + NUL
};
struct ByteArrayObject : Object {
  ByteBuffer* buffer;
};
Ref bytes_new(std::string_view data);
inline bool is_bytes(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &bytes_type); }
inline std::string_view bytes_view(Value v) {
  auto* b = v.as<BytesObject>();
  return {b->data, b->size};
}
Ref bytearray_new(std::string_view data);

// ---- tuple ----
struct TupleObject : Object {
  int64_t size;
  Value items[1];  // owned
};
Ref tuple_new(size_t size);  // items null; fill with tuple_set (steals)
inline void tuple_set(Value t, size_t i, Value item) { t.as<TupleObject>()->items[i] = item; }
Ref tuple_pack(std::initializer_list<Value> items);  // borrows, increfs
Ref tuple_from_array(const Value* items, size_t n);  // borrows, increfs
inline bool is_tuple(Value v) { return v.is_object() && (v.as_object()->type->flags & type_flag_tuple_subclass); }
inline int64_t tuple_size(Value t) { return t.as<TupleObject>()->size; }
inline Value tuple_item(Value t, int64_t i) { return t.as<TupleObject>()->items[i]; }
Ref empty_tuple();

// ---- list ----
struct ListObject : Object {
  Value* items;  // owned
  int64_t size;
  int64_t capacity;
};
Ref list_new(size_t size);  // items null up to size; fill with list_set (steals)
inline void list_set(Value l, size_t i, Value item) { l.as<ListObject>()->items[i] = item; }
bool list_append(Value list, Value item);  // borrows; false on MemoryError
Ref list_from_iterable(Value iterable);
bool list_sort(Value list, Value key, bool reverse);  // stable; false with error pending
inline bool is_list(Value v) { return v.is_object() && (v.as_object()->type->flags & type_flag_list_subclass); }
inline int64_t list_size(Value l) { return l.as<ListObject>()->size; }
inline Value list_item(Value l, int64_t i) { return l.as<ListObject>()->items[i]; }
// iter(list): the VM steps `for x in a_list` itself (list_iterator_step), without a call.
struct ListIterObject : Object {
  Value list;  // owned; null once exhausted
  int64_t index;
};
extern TypeObject list_iterator_type;
// The next item (borrowed), or false at the end (where next() then lets go of the list).
[[gnu::always_inline]] inline bool list_iterator_step(ListIterObject* it, Value& item) {
  if (!it->list) return false;
  auto* list = it->list.as<ListObject>();
  if (it->index >= list->size) return false;
  // The next item's header, for its incref: a loop body leaves time for the fetch to land.
  if (it->index + 1 < list->size) __builtin_prefetch(reinterpret_cast<void*>(list->items[it->index + 1].bits()), 1);
  item = list->items[it->index++];
  return true;
}

// ---- dict: insertion-ordered hash table ----
struct DictObject;
Ref dict_new();
// A new, empty __dict__ for an instance of `type`, presized from what its instances held before.
Ref instance_dict_new(TypeObject* type);
inline bool is_dict(Value v) { return v.is_object() && (v.as_object()->type->flags & type_flag_dict_subclass); }
// Borrowed value or null when missing; on a hashing/comparison error returns null with the
// error pending (check error_pending() when that matters).
Value dict_get(Value dict, Value key);
Value dict_get_str(Value dict, std::string_view key);
int dict_set(Value dict, Value key, Value value);  // borrows both; 0 or -1
int dict_set_str(Value dict, const char* key, Value value);
// Makes room for `count` entries in all, so that many inserts do not resize; 0, or -1 with
// MemoryError pending.
int dict_reserve(Value dict, size_t count);
int dict_del(Value dict, Value key);  // 0, or -1 with KeyError pending when missing
int64_t dict_size(Value dict);
// Iteration: start with pos = 0; yields borrowed key and value.
bool dict_next(Value dict, size_t& pos, Value& key, Value& value);
Ref dict_copy(Value dict);
void dict_clear(Value dict);
int dict_update(Value dict, Value other);  // other: a dict, a mapping with keys(), or pairs
// Bumped on every change of keys (not of values): lets inline caches stay valid.
uint64_t dict_keys_version(Value dict);

// ---- set / frozenset ----
Ref set_new();        // empty set
Ref frozenset_new();  // empty frozenset (fill with set_add before publishing)
int set_add(Value set, Value key);       // 0 or -1
int set_contains(Value set, Value key);  // 1, 0, -1
int set_discard(Value set, Value key);   // 1 removed, 0 absent, -1 error
int64_t set_size(Value set);
bool set_next(Value set, size_t& pos, Value& key);
inline bool is_anyset(Value v) { return v.is_object() && (is_subtype(v.as_object()->type, &set_type) || is_subtype(v.as_object()->type, &frozenset_type)); }

// ---- range, slice ----
struct RangeObject : Object {
  int64_t start, stop, step, length;  // ranges beyond int64 are not supported (OverflowError)
};
Ref range_new(int64_t start, int64_t stop, int64_t step);
struct SliceObject : Object {
  Value start, stop, step;  // owned; None when omitted
};
Ref slice_new(Value start, Value stop, Value step);  // borrows
// Resolves a slice against a sequence length, as PySlice_GetIndicesEx; false on error.
bool slice_indices(Value slice, int64_t length, int64_t& start, int64_t& stop, int64_t& step,
                   int64_t& slice_length);

// Called once per process before any interpreter runs: fills the static types' slots and dicts.
void init_builtin_types();

}  // namespace chaipy
