// Tuples: the immutable sequence type, its shared empty instance, CPython's tuple hash, and the tuple iterator.
#include <cstddef>
#include <cstring>
#include <string>

#include "runtime/builtin_types.hpp"
#include "runtime/protocols.hpp"
#include "runtime/range.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

TypeObject tuple_type;
static TypeObject tuple_iterator_type;

namespace {

// Immortal and constant-initialised: type set-up builds empty tuples before init_tuple_type runs.
TupleObject empty_tuple_object{{immortal_refcount, &tuple_type}, 0, {Value()}};

// The fixed part: everything before items[0].
constexpr size_t tuple_header_bytes = sizeof(TupleObject) - sizeof(Value);

size_t tuple_bytes(size_t size) { return tuple_header_bytes + size * sizeof(Value); }

Ref allocate_tuple(TypeObject* type, size_t size) {
  if (size > (SIZE_MAX - tuple_header_bytes) / sizeof(Value)) return raise_no_memory();
  Object* object = alloc_var_object(type, tuple_bytes(size));
  if (!object) return nullptr;
  static_cast<TupleObject*>(object)->size = static_cast<int64_t>(size);
  return Ref::steal(Value(object));
}

inline TupleObject* as_tuple(Value v) { return v.as<TupleObject>(); }
inline bool is_exact_tuple(Value v) { return v.is_object() && v.as_object()->type == &tuple_type; }

}  // namespace

// ---- the C++ API ----

Ref empty_tuple() { return Ref::steal(Value(&empty_tuple_object)); }

Ref tuple_new(size_t size) {
  if (size == 0) return empty_tuple();
  return allocate_tuple(&tuple_type, size);
}

Ref tuple_from_array(const Value* items, size_t n) {
  Ref result = tuple_new(n);
  if (!result) return nullptr;
  for (size_t i = 0; i < n; ++i) {
    incref(items[i]);
    tuple_set(*result, i, items[i]);
  }
  return result;
}

Ref tuple_pack(std::initializer_list<Value> items) { return tuple_from_array(items.begin(), items.size()); }

namespace {

// ---- slots ----

void tuple_dealloc(Object* object) {
  auto* t = static_cast<TupleObject*>(object);
  for (int64_t i = 0; i < t->size; ++i) decref(t->items[i]);
  free_object(object);
}

// Tuples have no clear slot: they cannot form a cycle without a mutable container, which is cleared.
void tuple_traverse(Object* object, GcVisit visit, void* arg) {
  auto* t = static_cast<TupleObject*>(object);
  for (int64_t i = t->size - 1; i >= 0; --i) visit(t->items[i], arg);  // CPython's order
}

Ref tuple_repr(Value self) {
  TupleObject* t = as_tuple(self);
  if (t->size == 0) return str_new("()");
  int entered = repr_enter(self);
  if (entered < 0) return nullptr;
  if (entered) return str_new("(...)");
  std::string out = "(";
  for (int64_t i = 0; i < t->size; ++i) {
    if (i) out += ", ";
    Ref item_repr = object_repr(t->items[i]);
    if (!item_repr) {
      repr_leave(self);
      return nullptr;
    }
    out += str_view(*item_repr);
  }
  repr_leave(self);
  out += t->size == 1 ? ",)" : ")";
  return str_new(out);
}

// CPython 3.11's xxHash-based tuplehash, so hashes (and set orders) of tuples of ints match.
int64_t tuple_hash(Value self) {
  constexpr uint64_t prime1 = 11400714785074694791ULL;
  constexpr uint64_t prime2 = 14029467366897019727ULL;
  constexpr uint64_t prime5 = 2870177450012600261ULL;
  TupleObject* t = as_tuple(self);
  uint64_t acc = prime5;
  for (int64_t i = 0; i < t->size; ++i) {
    Value item = t->items[i];
    int64_t lane = item.is_small_int() ? hash_i64(item.as_small_int()) : object_hash(item);
    if (lane == -1) return -1;
    acc += static_cast<uint64_t>(lane) * prime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= prime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (prime5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}


Ref tuple_richcompare(Value self, Value other, CompareOp op) {
  if (!is_tuple(other)) return new_not_implemented();
  TupleObject* a = as_tuple(self);
  TupleObject* b = as_tuple(other);
  int64_t i = 0;
  for (; i < a->size && i < b->size; ++i) {
    int equal = object_equal(a->items[i], b->items[i]);
    if (equal < 0) return nullptr;
    if (!equal) break;
  }
  if (i >= a->size || i >= b->size) return Ref::boolean(compare_numbers(a->size, b->size, op));
  if (op == CompareOp::Eq) return Ref::boolean(false);
  if (op == CompareOp::Ne) return Ref::boolean(true);
  return object_compare(a->items[i], b->items[i], op);
}

int64_t tuple_length(Value self) { return as_tuple(self)->size; }

Ref tuple_slice(Value self, Value slice) {
  TupleObject* t = as_tuple(self);
  int64_t start, stop, step, length;
  if (!slice_indices(slice, t->size, start, stop, step, length)) return nullptr;
  if (length == t->size && step == 1 && is_exact_tuple(self)) return Ref::borrow(self);
  Ref result = tuple_new(length);
  if (!result) return nullptr;
  for (int64_t i = 0, at = start; i < length; ++i, at += step) {
    incref(t->items[at]);
    tuple_set(*result, i, t->items[at]);
  }
  return result;
}

Ref tuple_subscript(Value self, Value key) {
  TupleObject* t = as_tuple(self);
  int64_t index;
  if (key.is_small_int()) {
    index = key.as_small_int();
  } else if (type_of(key) == &slice_type) {
    return tuple_slice(self, key);
  } else if (type_of(key)->index) {
    if (!index_to_i64(key, index)) return nullptr;
  } else {
    return raise_format(&TypeError_type, "tuple indices must be integers or slices, not %s", type_name(key));
  }
  if (index < 0) index += t->size;
  if (index < 0 || index >= t->size) return raise(&IndexError_type, "tuple index out of range");
  return Ref::borrow(t->items[index]);
}

int tuple_contains(Value self, Value item) {
  TupleObject* t = as_tuple(self);
  for (int64_t i = 0; i < t->size; ++i) {
    int equal = object_equal(t->items[i], item);
    if (equal != 0) return equal;
  }
  return 0;
}

Ref tuple_concat(Value self, Value other) {
  if (!is_tuple(self) || !is_tuple(other)) return new_not_implemented();
  TupleObject* a = as_tuple(self);
  TupleObject* b = as_tuple(other);
  if (b->size == 0 && is_exact_tuple(self)) return Ref::borrow(self);
  if (a->size == 0 && is_exact_tuple(other)) return Ref::borrow(other);
  Ref result = tuple_new(a->size + b->size);
  if (!result) return nullptr;
  for (int64_t i = 0; i < a->size; ++i) {
    incref(a->items[i]);
    tuple_set(*result, i, a->items[i]);
  }
  for (int64_t i = 0; i < b->size; ++i) {
    incref(b->items[i]);
    tuple_set(*result, a->size + i, b->items[i]);
  }
  return result;
}

// tuple * n and n * tuple; NotImplemented unless n is an int or has __index__.
Ref tuple_repeat(Value self, Value count_value) {
  if (!is_tuple(self) || (!count_value.is_small_int() && !type_of(count_value)->index))
    return new_not_implemented();
  int64_t count;
  if (count_value.is_small_int()) {
    count = count_value.as_small_int();
  } else if (!index_to_i64(count_value, count)) {
    if (!error_matches(&IndexError_type)) return nullptr;
    clear_error();
    return raise_format(&OverflowError_type, "cannot fit '%s' into an index-sized integer", type_name(count_value));
  }
  TupleObject* t = as_tuple(self);
  if (count <= 0 || t->size == 0) return empty_tuple();
  if (count == 1 && is_exact_tuple(self)) return Ref::borrow(self);
  int64_t total;
  if (__builtin_mul_overflow(t->size, count, &total)) return raise_no_memory();
  Ref result = tuple_new(total);
  if (!result) return nullptr;
  for (int64_t at = 0; at < total; at += t->size) {
    for (int64_t i = 0; i < t->size; ++i) {
      incref(t->items[i]);
      tuple_set(*result, at + i, t->items[i]);
    }
  }
  return result;
}

Ref tuple_repeat_reflected(Value self, Value count) { return tuple_repeat(self, count); }

Ref tuple_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "tuple() takes no keyword arguments");
  if (nargs > 1) return raise_format(&TypeError_type, "tuple expected at most 1 argument, got %zu", nargs);
  Ref items;
  if (nargs == 0) {
    items = empty_tuple();
  } else if (is_exact_tuple(args[0])) {
    items = Ref::borrow(args[0]);
  } else {
    Ref list = list_from_iterable(args[0]);
    if (!list) return nullptr;
    items = tuple_from_array(list.as<ListObject>()->items, list_size(*list));
  }
  if (!items || type == &tuple_type) return items;
  int64_t size = tuple_size(*items);
  Ref result = allocate_tuple(type, size);
  if (!result) return nullptr;
  for (int64_t i = 0; i < size; ++i) {
    incref(tuple_item(*items, i));
    tuple_set(*result, i, tuple_item(*items, i));
  }
  return result;
}

// ---- iterator ----

struct TupleIterObject : Object {
  Value tuple;  // owned; null once exhausted
  int64_t index;
};

Ref tuple_iter(Value self) {
  Object* object = alloc_object(&tuple_iterator_type);
  if (!object) return nullptr;
  incref(self);
  static_cast<TupleIterObject*>(object)->tuple = self;
  return Ref::steal(Value(object));
}

void tuple_iter_dealloc(Object* object) {
  decref(static_cast<TupleIterObject*>(object)->tuple);
  free_object(object);
}

Ref tuple_iter_self(Value self) { return Ref::borrow(self); }

Ref tuple_iter_next(Value self) {
  auto* it = self.as<TupleIterObject>();
  if (!it->tuple) return nullptr;
  TupleObject* t = as_tuple(it->tuple);
  if (it->index < t->size) return Ref::borrow(t->items[it->index++]);
  decref(it->tuple);
  it->tuple = Value();
  return nullptr;
}

Ref tuple_iter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = self.as<TupleIterObject>();
  return int_from_i64(it->tuple ? as_tuple(it->tuple)->size - it->index : 0);
}

const MethodDef tuple_iterator_methods[] = {
    {"__length_hint__", tuple_iter_length_hint},
    {nullptr, nullptr},
};

// ---- methods ----

Ref tuple_method_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("index", nargs, kwnames, 1, 3)) return nullptr;
  TupleObject* t = as_tuple(self);
  int64_t start = 0, stop = t->size;
  if (nargs > 1 && !slice_index_value(args[1], start)) return nullptr;
  if (nargs > 2 && !slice_index_value(args[2], stop)) return nullptr;
  start = clamp_to_length(start, t->size);
  stop = clamp_to_length(stop, t->size);
  for (int64_t i = start; i < stop && i < t->size; ++i) {
    int equal = object_equal(t->items[i], args[0]);
    if (equal < 0) return nullptr;
    if (equal) return int_from_i64(i);
  }
  return raise(&ValueError_type, "tuple.index(x): x not in tuple");
}

Ref tuple_method_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("tuple.count", nargs, kwnames, 1, 1)) return nullptr;
  TupleObject* t = as_tuple(self);
  int64_t count = 0;
  for (int64_t i = 0; i < t->size; ++i) {
    int equal = object_equal(t->items[i], args[0]);
    if (equal < 0) return nullptr;
    count += equal;
  }
  return int_from_i64(count);
}

Ref tuple_method_getnewargs(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__getnewargs__", nargs, kwnames, 0, 0)) return nullptr;
  TupleObject* t = as_tuple(self);
  Ref items = tuple_from_array(t->items, t->size);
  if (!items) return nullptr;
  return tuple_pack({*items});
}

const MethodDef tuple_methods[] = {
    {"index", tuple_method_index},
    {"count", tuple_method_count},
    {"__getnewargs__", tuple_method_getnewargs},
    {nullptr, nullptr},
};

}  // namespace

void init_tuple_type() {
  init_static_type(&tuple_type, "tuple", &object_type, tuple_header_bytes,
                   type_flag_base_type | type_flag_tuple_subclass | type_flag_var_sized | type_flag_gc);
  tuple_type.dealloc = tuple_dealloc;
  tuple_type.traverse = tuple_traverse;
  tuple_type.repr = tuple_repr;
  tuple_type.hash = tuple_hash;
  tuple_type.richcompare = tuple_richcompare;
  tuple_type.length = tuple_length;
  tuple_type.getitem = tuple_subscript;
  tuple_type.contains = tuple_contains;
  tuple_type.iter = tuple_iter;
  tuple_type.binary[static_cast<int>(BinaryOp::Add)] = tuple_concat;
  tuple_type.binary[static_cast<int>(BinaryOp::Mul)] = tuple_repeat;
  tuple_type.reflected[static_cast<int>(BinaryOp::Mul)] = tuple_repeat_reflected;
  tuple_type.new_ = tuple_type_new;
  add_methods(&tuple_type, tuple_methods);
  finish_static_type(&tuple_type);

  init_static_type(&tuple_iterator_type, "tuple_iterator", &object_type, sizeof(TupleIterObject), 0);
  tuple_iterator_type.dealloc = tuple_iter_dealloc;
  tuple_iterator_type.iter = tuple_iter_self;
  tuple_iterator_type.next = tuple_iter_next;
  tuple_iterator_type.new_ = nullptr;
  add_methods(&tuple_iterator_type, tuple_iterator_methods);
  finish_static_type(&tuple_iterator_type);
}

}  // namespace chaipy
