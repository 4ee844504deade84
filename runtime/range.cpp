// range and slice: lazy integer sequences with O(1) membership, their iterators, and slice resolution (PySlice_GetIndicesEx).
#include "runtime/range.hpp"

#include <new>
#include <string>

#include "runtime/builtin_types.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

TypeObject range_type, slice_type, range_iterator_type;
static TypeObject longrange_iterator_type;

// ---- slice indices ----

bool slice_index_value(Value v, int64_t& out) {
  if (v.is_small_int()) {
    out = v.as_small_int();
    return true;
  }
  Ref index;
  if (!is_int(v)) {
    TypeObject* type = type_of(v);
    if (!type->index) {
      raise(&TypeError_type, "slice indices must be integers or have an __index__ method");
      return false;
    }
    index = type->index(v);
    if (!index) return false;
    if (!is_int(*index)) {
      raise_format(&TypeError_type, "__index__ returned non-int (type %s)", type_name(*index));
      return false;
    }
    v = *index;
  }
  if (!int_to_i64(v, out)) out = int_to_bigint(v).is_negative() ? INT64_MIN : INT64_MAX;
  return true;
}

namespace {

bool slice_bound(Value bound, int64_t fallback, int64_t& out) {
  if (bound.is_none()) {
    out = fallback;
    return true;
  }
  if (!bound.is_small_int() && !is_int(bound) && !type_of(bound)->index) {
    raise(&TypeError_type, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return slice_index_value(bound, out);
}

// PySlice_Unpack.
bool unpack_slice(Value slice, int64_t& start, int64_t& stop, int64_t& step) {
  auto* s = slice.as<SliceObject>();
  if (s->step.is_none()) {
    step = 1;
  } else {
    if (!slice_bound(s->step, 1, step)) return false;
    if (step == 0) {
      raise(&ValueError_type, "slice step cannot be zero");
      return false;
    }
    if (step < -INT64_MAX) step = -INT64_MAX;
  }
  return slice_bound(s->start, step < 0 ? INT64_MAX : 0, start) &&
         slice_bound(s->stop, step < 0 ? INT64_MIN : INT64_MAX, stop);
}

// PySlice_AdjustIndices: clamps to the sequence and returns the slice length.
int64_t adjust_indices(int64_t length, int64_t& start, int64_t& stop, int64_t step) {
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  return start < stop ? (stop - start - 1) / step + 1 : 0;
}

}  // namespace

bool slice_indices(Value slice, int64_t length, int64_t& start, int64_t& stop, int64_t& step, int64_t& slice_length) {
  if (!unpack_slice(slice, start, stop, step)) return false;
  slice_length = adjust_indices(length, start, stop, step);
  return true;
}

Ref slice_new(Value start, Value stop, Value step) {
  Object* object = alloc_object(&slice_type);
  if (!object) return nullptr;
  auto* s = static_cast<SliceObject*>(object);
  s->start = start ? start : Value::none();
  s->stop = stop ? stop : Value::none();
  s->step = step ? step : Value::none();
  incref(s->start);
  incref(s->stop);
  incref(s->step);
  return Ref::steal(Value(object));
}

// ---- range ----

namespace {

// Every range has this layout. Ranges whose bounds or length do not fit int64 keep them as
// ints here (CPython's ranges are arbitrary-precision) and leave RangeObject's fields unused.
struct FullRangeObject : RangeObject {
  Value big_start, big_stop, big_step, big_length;  // owned ints, or all null
};

inline RangeObject* as_range(Value v) { return v.as<RangeObject>(); }
inline bool is_big(Value v) { return static_cast<bool>(v.as<FullRangeObject>()->big_start); }

// A range's fields at full precision (no allocation for the int64 ones).
struct BigRange {
  BigInt start, stop, step, length;
};

BigRange big_range(Value v) {
  auto* r = v.as<FullRangeObject>();
  if (!r->big_start) return {BigInt(r->start), BigInt(r->stop), BigInt(r->step), BigInt(r->length)};
  return {int_to_bigint(r->big_start), int_to_bigint(r->big_stop), int_to_bigint(r->big_step),
          int_to_bigint(r->big_length)};
}

BigInt length_of(const BigInt& start, const BigInt& stop, const BigInt& step) {
  bool down = step.is_negative();
  const BigInt& low = down ? stop : start;
  const BigInt& high = down ? start : stop;
  if (low >= high) return BigInt(0);
  return BigInt::floordiv(high - low - BigInt(1), step.abs()) + BigInt(1);
}

Ref make_range(const BigInt& start, const BigInt& stop, const BigInt& step) {
  BigInt length = length_of(start, stop, step);
  Object* object = alloc_object(&range_type);
  if (!object) return nullptr;
  Ref result = Ref::steal(Value(object));
  auto* r = static_cast<FullRangeObject*>(object);
  if (start.fits_int64() && stop.fits_int64() && step.fits_int64() && length.fits_int64()) {
    r->start = start.to_int64();
    r->stop = stop.to_int64();
    r->step = step.to_int64();
    r->length = length.to_int64();
    return result;
  }
  Ref fields[] = {int_from_bigint(start), int_from_bigint(stop), int_from_bigint(step), int_from_bigint(length)};
  for (const Ref& field : fields)
    if (!field) return nullptr;
  r->big_start = Ref(fields[0]).release();
  r->big_stop = Ref(fields[1]).release();
  r->big_step = Ref(fields[2]).release();
  r->big_length = Ref(fields[3]).release();
  return result;
}

void range_dealloc(Object* object) {
  auto* r = static_cast<FullRangeObject*>(object);
  decref(r->big_start);
  decref(r->big_stop);
  decref(r->big_step);
  decref(r->big_length);
  free_object(object);
}

// An int argument (ints and __index__ objects) at full precision; false with TypeError.
bool index_as_bigint(Value v, BigInt& out, const char* message = nullptr) {
  if (v.is_small_int() || is_int(v)) {
    out = int_to_bigint(v);
    return true;
  }
  TypeObject* type = type_of(v);
  if (!type->index) {
    if (message) raise(&TypeError_type, message);
    else raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type->name.c_str());
    return false;
  }
  Ref index = type->index(v);
  if (!index) return false;
  if (!is_int(*index)) {
    raise_format(&TypeError_type, "__index__ returned non-int (type %s)", type_name(*index));
    return false;
  }
  out = int_to_bigint(*index);
  return true;
}

Ref range_type_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "range() takes no keyword arguments");
  if (nargs == 0) return raise(&TypeError_type, "range expected at least 1 argument, got 0");
  if (nargs > 3) return raise_format(&TypeError_type, "range expected at most 3 arguments, got %zu", nargs);
  BigInt start(0), stop, step(1);
  if (nargs == 1) {
    if (!index_as_bigint(args[0], stop)) return nullptr;
  } else {
    if (!index_as_bigint(args[0], start) || !index_as_bigint(args[1], stop)) return nullptr;
    if (nargs == 3 && !index_as_bigint(args[2], step)) return nullptr;
  }
  if (step.is_zero()) return raise(&ValueError_type, "range() arg 3 must not be zero");
  return make_range(start, stop, step);
}

Ref range_repr(Value self) {
  BigRange r = big_range(self);
  std::string out = "range(" + r.start.to_string() + ", " + r.stop.to_string();
  if (r.step != BigInt(1)) out += ", " + r.step.to_string();
  out += ')';
  return str_new(out);
}

int64_t range_len(Value self) {
  if (!is_big(self)) return as_range(self)->length;
  int64_t length;
  if (int_to_i64(self.as<FullRangeObject>()->big_length, length)) return length;
  raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
  return -1;
}

int range_truth(Value self) {
  if (!is_big(self)) return as_range(self)->length != 0;
  return !int_to_bigint(self.as<FullRangeObject>()->big_length).is_zero();
}

inline int64_t range_at(RangeObject* r, int64_t i) {
  return static_cast<int64_t>(static_cast<uint64_t>(r->start) + static_cast<uint64_t>(i) * static_cast<uint64_t>(r->step));
}

// _PySlice_GetLongIndices: a slice resolved against a length of any size.
bool long_slice_indices(Value slice, const BigInt& length, BigInt& start, BigInt& stop, BigInt& step) {
  const char* message = "slice indices must be integers or None or have an __index__ method";
  auto* s = slice.as<SliceObject>();
  step = BigInt(1);
  if (!s->step.is_none()) {
    if (!index_as_bigint(s->step, step, message)) return false;
    if (step.is_zero()) {
      raise(&ValueError_type, "slice step cannot be zero");
      return false;
    }
  }
  bool down = step.is_negative();
  BigInt lower = down ? BigInt(-1) : BigInt(0);
  BigInt upper = down ? length - BigInt(1) : length;
  auto resolve = [&](Value bound, const BigInt& fallback, BigInt& out) {
    if (bound.is_none()) {
      out = fallback;
      return true;
    }
    if (!index_as_bigint(bound, out, message)) return false;
    if (out.is_negative()) {
      out += length;
      if (out < lower) out = lower;
    } else if (out > upper) {
      out = upper;
    }
    return true;
  };
  return resolve(s->start, down ? upper : lower, start) && resolve(s->stop, down ? lower : upper, stop);
}

Ref range_item(const BigRange& r, BigInt index) {
  if (index.is_negative()) index += r.length;
  if (index.is_negative() || index >= r.length) return raise(&IndexError_type, "range object index out of range");
  return int_from_bigint(r.start + index * r.step);
}

Ref range_subscript(Value self, Value key) {
  if (key.is_small_int() && !is_big(self)) {
    RangeObject* r = as_range(self);
    int64_t index = key.as_small_int();
    if (index < 0) index += r->length;
    if (index < 0 || index >= r->length) return raise(&IndexError_type, "range object index out of range");
    return int_from_i64(range_at(r, index));
  }
  BigRange r = big_range(self);
  if (type_of(key) == &slice_type) {
    BigInt start, stop, step;
    if (!long_slice_indices(key, r.length, start, stop, step)) return nullptr;
    return make_range(r.start + start * r.step, r.start + stop * r.step, r.step * step);
  }
  if (!key.is_small_int() && !is_int(key) && !type_of(key)->index)
    return raise_format(&TypeError_type, "range indices must be integers or slices, not %s", type_name(key));
  BigInt index;
  if (!index_as_bigint(key, index)) return nullptr;
  return range_item(r, std::move(index));
}

inline bool is_exact_int_or_bool(Value v) {
  return v.is_small_int() || v.is_bool() || (v.is_object() && v.as_object()->type == &int_type);
}

// Where an int sits in the range: its position, or -1 when absent.
BigInt int_position(const BigRange& r, const BigInt& n) {
  bool inside = r.step.is_negative() ? (n <= r.start && n > r.stop) : (n >= r.start && n < r.stop);
  if (!inside) return BigInt(-1);
  BigInt quotient, remainder;
  BigInt::divmod(n - r.start, r.step, quotient, remainder);
  return remainder.is_zero() ? quotient : BigInt(-1);
}

bool contains_int(Value self, Value item) {
  int64_t n;
  if (!is_big(self) && int_to_i64(item, n)) {
    RangeObject* r = as_range(self);
    if (r->length == 0) return false;
    bool inside = r->step > 0 ? (n >= r->start && n < r->stop) : (n <= r->start && n > r->stop);
    return inside && (static_cast<__int128>(n) - r->start) % r->step == 0;
  }
  return !int_position(big_range(self), int_to_bigint(item)).is_negative();
}

// Searches for a non-int by iterating; the position, -1 when absent, -2 on error.
int64_t search_by_iteration(Value self, Value item) {
  Ref iterator = get_iter(self);
  if (!iterator) return -2;
  for (int64_t i = 0;; ++i) {
    Ref value = iter_next(*iterator);
    if (!value) return error_pending() ? -2 : -1;
    int equal = object_equal(*value, item);
    if (equal < 0) return -2;
    if (equal) return i;
  }
}

int range_contains(Value self, Value item) {
  if (is_exact_int_or_bool(item)) return contains_int(self, item);
  int64_t at = search_by_iteration(self, item);
  return at == -2 ? -1 : at >= 0;
}

Ref range_richcompare(Value self, Value other, CompareOp op) {
  if (type_of(other) != &range_type || (op != CompareOp::Eq && op != CompareOp::Ne)) return new_not_implemented();
  BigRange a = big_range(self);
  BigRange b = big_range(other);
  bool equal = a.length == b.length &&
               (a.length.is_zero() || (a.start == b.start && (a.length == BigInt(1) || a.step == b.step)));
  return Ref::boolean(equal == (op == CompareOp::Eq));
}

// CPython's range_hash: hash((len, start, step)) with None for what the length makes moot.
int64_t range_hash(Value self) {
  BigRange r = big_range(self);
  Ref length = int_from_bigint(r.length);
  Ref start = r.length.is_zero() ? Ref::none() : int_from_bigint(r.start);
  Ref step = r.length <= BigInt(1) ? Ref::none() : int_from_bigint(r.step);
  if (!length || !start || !step) return -1;
  Ref key = tuple_pack({*length, *start, *step});
  if (!key) return -1;
  return object_hash(*key);
}

// ---- range iterators ----

// Iterates values beyond the small-int range (and ranges beyond int64) at full precision.
struct LongRangeIterObject : Object {
  BigInt next, step, remaining;
};

// Whether range_iterator can produce every value (all of them small ints).
bool fits_small_iteration(int64_t first, int64_t step, int64_t count) {
  __int128 last = static_cast<__int128>(first) + static_cast<__int128>(step) * (count > 0 ? count - 1 : 0);
  return Value::fits_small_int(first) && last >= Value::small_int_min && last <= Value::small_int_max;
}

Ref new_range_iterator(int64_t first, int64_t step, int64_t count) {
  Object* object = alloc_object(&range_iterator_type);
  if (!object) return nullptr;
  auto* it = static_cast<RangeIterObject*>(object);
  it->next = first;
  it->step = step;
  it->remaining = count;
  return Ref::steal(Value(object));
}

Ref iterator_over(const BigInt& first, const BigInt& step, const BigInt& count) {
  if (first.fits_int64() && step.fits_int64() && count.fits_int64() &&
      fits_small_iteration(first.to_int64(), step.to_int64(), count.to_int64()))
    return new_range_iterator(first.to_int64(), step.to_int64(), count.to_int64());
  Object* object = alloc_object(&longrange_iterator_type);
  if (!object) return nullptr;
  auto* it = static_cast<LongRangeIterObject*>(object);
  new (&it->next) BigInt(first);
  new (&it->step) BigInt(step);
  new (&it->remaining) BigInt(count);
  return Ref::steal(Value(object));
}

Ref range_iter(Value self) {
  RangeObject* r = as_range(self);
  if (!is_big(self) && fits_small_iteration(r->start, r->step, r->length))
    return new_range_iterator(r->start, r->step, r->length);
  BigRange full = big_range(self);
  return iterator_over(full.start, full.step, full.length);
}

Ref iterator_self(Value self) { return Ref::borrow(self); }

Ref range_iterator_next(Value self) {
  Value value;
  if (!range_iterator_step(self.as<RangeIterObject>(), value)) return nullptr;
  return Ref::steal(value);
}

Ref longrange_iterator_next(Value self) {
  auto* it = self.as<LongRangeIterObject>();
  if (it->remaining.sign() <= 0) return nullptr;
  Ref value = int_from_bigint(it->next);
  it->next += it->step;
  it->remaining -= BigInt(1);
  return value;
}

void longrange_iterator_dealloc(Object* object) {
  auto* it = static_cast<LongRangeIterObject*>(object);
  it->next.~BigInt();
  it->step.~BigInt();
  it->remaining.~BigInt();
  free_object(object);
}

Ref range_iterator_length_hint(Value self, const Value*, size_t, Value) {
  return int_from_i64(self.as<RangeIterObject>()->remaining);
}

Ref longrange_iterator_length_hint(Value self, const Value*, size_t, Value) {
  return int_from_bigint(self.as<LongRangeIterObject>()->remaining);
}

const MethodDef range_iterator_methods[] = {
    {"__length_hint__", range_iterator_length_hint},
    {nullptr, nullptr},
};
const MethodDef longrange_iterator_methods[] = {
    {"__length_hint__", longrange_iterator_length_hint},
    {nullptr, nullptr},
};

// ---- range methods ----

Ref range_method_reversed(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__reversed__", nargs, kwnames, 0, 0)) return nullptr;
  BigRange r = big_range(self);
  if (r.length.is_zero()) return iterator_over(r.start, BigInt(1), r.length);
  return iterator_over(r.start + (r.length - BigInt(1)) * r.step, -r.step, r.length);
}

Ref range_method_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("count", nargs, kwnames, 1, 1)) return nullptr;
  if (is_exact_int_or_bool(args[0])) return int_from_i64(contains_int(self, args[0]));
  Ref iterator = get_iter(self);
  if (!iterator) return nullptr;
  int64_t count = 0;
  while (Ref value = iter_next(*iterator)) {
    int equal = object_equal(*value, args[0]);
    if (equal < 0) return nullptr;
    count += equal;
  }
  if (error_pending()) return nullptr;
  return int_from_i64(count);
}

Ref range_method_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("index", nargs, kwnames, 1, 1)) return nullptr;
  if (is_exact_int_or_bool(args[0])) {
    BigInt at = int_position(big_range(self), int_to_bigint(args[0]));
    if (at.is_negative()) return raise_format(&ValueError_type, "%R is not in range", args[0]);
    return int_from_bigint(std::move(at));
  }
  int64_t at = search_by_iteration(self, args[0]);
  if (at == -2) return nullptr;
  if (at == -1) return raise(&ValueError_type, "sequence.index(x): x not in sequence");
  return int_from_i64(at);
}

Ref range_get_start(Value self) { return int_from_bigint(big_range(self).start); }
Ref range_get_stop(Value self) { return int_from_bigint(big_range(self).stop); }
Ref range_get_step(Value self) { return int_from_bigint(big_range(self).step); }

Ref range_method_reduce(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__reduce__", nargs, kwnames, 0, 0)) return nullptr;
  Ref start = range_get_start(self);
  Ref stop = range_get_stop(self);
  Ref step = range_get_step(self);
  if (!start || !stop || !step) return nullptr;
  Ref arguments = tuple_pack({*start, *stop, *step});
  if (!arguments) return nullptr;
  return tuple_pack({Value(&range_type), *arguments});
}

const MethodDef range_methods[] = {
    {"__reversed__", range_method_reversed},
    {"count", range_method_count},
    {"index", range_method_index},
    {"__reduce__", range_method_reduce},
    {nullptr, nullptr},
};

// ---- slice ----

Ref slice_type_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "slice() takes no keyword arguments");
  if (nargs == 0) return raise(&TypeError_type, "slice expected at least 1 argument, got 0");
  if (nargs > 3) return raise_format(&TypeError_type, "slice expected at most 3 arguments, got %zu", nargs);
  if (nargs == 1) return slice_new(Value(), args[0], Value());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : Value());
}

void slice_dealloc(Object* object) {
  auto* s = static_cast<SliceObject*>(object);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
  free_object(object);
}

Ref slice_fields(Value self) {
  auto* s = self.as<SliceObject>();
  return tuple_pack({s->start, s->stop, s->step});
}

Ref slice_repr(Value self) {
  auto* s = self.as<SliceObject>();
  std::string out = "slice(";
  for (Value field : {s->start, s->stop, s->step}) {
    Ref text = object_repr(field);
    if (!text) return nullptr;
    if (out.size() > 6) out += ", ";
    out += str_view(*text);
  }
  out += ')';
  return str_new(out);
}

Ref slice_richcompare(Value self, Value other, CompareOp op) {
  if (type_of(other) != &slice_type) return new_not_implemented();
  if (self == other) return Ref::boolean(op == CompareOp::Eq || op == CompareOp::Le || op == CompareOp::Ge);
  Ref a = slice_fields(self);
  Ref b = slice_fields(other);
  if (!a || !b) return nullptr;
  return object_compare(*a, *b, op);
}

Ref slice_method_indices(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("slice.indices", nargs, kwnames, 1, 1)) return nullptr;
  int64_t length;
  if (!index_to_i64(args[0], length)) return nullptr;
  if (length < 0) return raise(&ValueError_type, "length should not be negative");
  int64_t start, stop, step, slice_length;
  if (!slice_indices(self, length, start, stop, step, slice_length)) return nullptr;
  Ref a = int_from_i64(start);
  Ref b = int_from_i64(stop);
  Ref c = int_from_i64(step);
  if (!a || !b || !c) return nullptr;
  return tuple_pack({*a, *b, *c});
}

Ref slice_method_reduce(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__reduce__", nargs, kwnames, 0, 0)) return nullptr;
  Ref fields = slice_fields(self);
  if (!fields) return nullptr;
  return tuple_pack({Value(&slice_type), *fields});
}

Ref slice_get_start(Value self) { return Ref::borrow(self.as<SliceObject>()->start); }
Ref slice_get_stop(Value self) { return Ref::borrow(self.as<SliceObject>()->stop); }
Ref slice_get_step(Value self) { return Ref::borrow(self.as<SliceObject>()->step); }

const MethodDef slice_methods[] = {
    {"indices", slice_method_indices},
    {"__reduce__", slice_method_reduce},
    {nullptr, nullptr},
};

void init_range_iterator_type(TypeObject* type, const char* name, uint32_t size, UnarySlot next,
                              const MethodDef* methods) {
  init_static_type(type, name, &object_type, size, 0);
  type->iter = iterator_self;
  type->next = next;
  type->new_ = nullptr;
  add_methods(type, methods);
  finish_static_type(type);
}

}  // namespace

Ref range_new(int64_t start, int64_t stop, int64_t step) {
  if (step == 0) return raise(&ValueError_type, "range() arg 3 must not be zero");
  return make_range(BigInt(start), BigInt(stop), BigInt(step));
}

void init_range_slice_types() {
  init_static_type(&range_type, "range", &object_type, sizeof(FullRangeObject), 0);
  range_type.dealloc = range_dealloc;
  range_type.repr = range_repr;
  range_type.hash = range_hash;
  range_type.richcompare = range_richcompare;
  range_type.length = range_len;
  range_type.truth = range_truth;
  range_type.getitem = range_subscript;
  range_type.contains = range_contains;
  range_type.iter = range_iter;
  range_type.new_ = range_type_new;
  add_methods(&range_type, range_methods);
  add_property(&range_type, "start", range_get_start);
  add_property(&range_type, "stop", range_get_stop);
  add_property(&range_type, "step", range_get_step);
  finish_static_type(&range_type);

  init_range_iterator_type(&range_iterator_type, "range_iterator", sizeof(RangeIterObject), range_iterator_next,
                           range_iterator_methods);
  longrange_iterator_type.dealloc = longrange_iterator_dealloc;
  init_range_iterator_type(&longrange_iterator_type, "longrange_iterator", sizeof(LongRangeIterObject),
                           longrange_iterator_next, longrange_iterator_methods);

  init_static_type(&slice_type, "slice", &object_type, sizeof(SliceObject), 0);
  slice_type.dealloc = slice_dealloc;
  slice_type.repr = slice_repr;
  slice_type.hash = hash_not_implemented;
  slice_type.richcompare = slice_richcompare;
  slice_type.new_ = slice_type_new;
  add_methods(&slice_type, slice_methods);
  add_property(&slice_type, "start", slice_get_start);
  add_property(&slice_type, "stop", slice_get_stop);
  add_property(&slice_type, "step", slice_get_step);
  finish_static_type(&slice_type);
}

}  // namespace chaipy
