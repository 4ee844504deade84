// Lists: the mutable sequence type (amortised growth, slice assignment, a stable natural merge sort) and its iterators.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/buffer_memory.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/protocols.hpp"
#include "runtime/range.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

TypeObject list_type;
TypeObject list_iterator_type;
static TypeObject list_reverseiterator_type;

namespace {

inline ListObject* as_list(Value v) { return v.as<ListObject>(); }
inline bool is_exact_list(Value v) { return v.is_object() && v.as_object()->type == &list_type; }
inline bool is_exact_tuple(Value v) { return v.is_object() && v.as_object()->type == &tuple_type; }

// Sets the size, reallocating with CPython's over-allocation (about 1/8 extra) when the
// capacity is too small or more than twice too big. New slots are not initialised.
bool resize(ListObject* list, int64_t new_size) {
  if (list->capacity >= new_size && new_size >= (list->capacity >> 1)) {
    list->size = new_size;
    return true;
  }
  int64_t new_capacity = (new_size + (new_size >> 3) + 6) & ~int64_t(3);
  if (new_size - list->size > new_capacity - new_size) new_capacity = (new_size + 3) & ~int64_t(3);
  if (new_size == 0) new_capacity = 0;
  if (new_capacity > INT64_MAX / static_cast<int64_t>(sizeof(Value))) {
    raise_no_memory();
    return false;
  }
  void* items = buffer_realloc(list->items, new_capacity * sizeof(Value));
  if (!items && new_capacity) {
    raise_no_memory();
    return false;
  }
  list->items = static_cast<Value*>(items);
  list->size = new_size;
  list->capacity = new_capacity;
  return true;
}

Ref allocate_list(TypeObject* type, size_t size) {
  if (size > static_cast<size_t>(INT64_MAX) / sizeof(Value)) return raise_no_memory();
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  Ref result = Ref::steal(Value(object));
  auto* list = static_cast<ListObject*>(object);
  if (size) {
    list->items = static_cast<Value*>(buffer_alloc_zeroed(size, sizeof(Value)));
    if (!list->items) return raise_no_memory();
  }
  list->size = list->capacity = static_cast<int64_t>(size);
  return result;
}


// The items of a value to splice into a list: lists and tuples as they are, anything else
// collected into a new list. `holder` keeps them alive.
bool sequence_items(Value value, Ref& holder, const Value*& items, int64_t& size) {
  if (is_list(value) && type_of(value)->iter == list_type.iter) {
    holder = Ref::borrow(value);
  } else if (is_exact_tuple(value)) {
    holder = Ref::borrow(value);
    items = value.as<TupleObject>()->items;
    size = tuple_size(value);
    return true;
  } else {
    holder = list_from_iterable(value);
    if (!holder) return false;
  }
  items = as_list(*holder)->items;
  size = list_size(*holder);
  return true;
}

bool extend_from_array(ListObject* list, const Value* items, int64_t n) {
  int64_t old_size = list->size;
  if (!resize(list, old_size + n)) return false;
  for (int64_t i = 0; i < n; ++i) {
    incref(items[i]);
    list->items[old_size + i] = items[i];
  }
  return true;
}

// Appends `count` copies of source's first `size` items to target (which may be source).
bool repeat_into(ListObject* target, ListObject* source, int64_t size, int64_t count) {
  int64_t total;
  if (__builtin_mul_overflow(size, count, &total)) {
    raise_no_memory();
    return false;
  }
  int64_t old_size = target->size;
  if (!resize(target, old_size + total)) return false;
  for (int64_t at = old_size; at < old_size + total; at += size) {
    for (int64_t i = 0; i < size; ++i) {
      incref(source->items[i]);
      target->items[at + i] = source->items[i];
    }
  }
  return true;
}

bool list_extend(Value self, Value iterable) {
  ListObject* list = as_list(self);
  if (iterable == self) return repeat_into(list, list, list->size, 1);
  if (is_exact_list(iterable)) return extend_from_array(list, as_list(iterable)->items, list_size(iterable));
  if (is_exact_tuple(iterable)) return extend_from_array(list, iterable.as<TupleObject>()->items, tuple_size(iterable));
  // A built-in sized iterable (range, dict, str...) reserves its length first, as CPython's
  // length hint does: list(range(10**12)) is then a MemoryError, not a slow march to the OOM killer.
  TypeObject* type = type_of(iterable);
  if (type->length && !(type->flags & type_flag_heap)) {
    int64_t hint = type->length(iterable);
    if (hint < 0) return false;
    int64_t size = list->size;
    if (hint > list->capacity - size) {
      if (hint > INT64_MAX - size || !resize(list, size + hint)) {
        if (!error_pending()) raise_no_memory();
        return false;
      }
      list->size = size;
    }
  }
  Ref iterator = get_iter(iterable);
  if (!iterator) return false;
  while (Ref item = iter_next(*iterator)) {
    if (list->size < list->capacity) {
      list->items[list->size++] = item.release();
    } else if (!list_append(self, *item)) {
      return false;
    }
  }
  return !error_pending();
}

// Replaces self[low:high] by the items of `value` (null deletes), as CPython's list_ass_slice.
bool assign_slice(Value self, int64_t low, int64_t high, Value value) {
  ListObject* list = as_list(self);
  Ref holder;
  const Value* items = nullptr;
  int64_t n = 0;
  if (value) {
    if (value == self) {
      Ref copy = allocate_list(&list_type, 0);
      if (!copy || !extend_from_array(as_list(*copy), list->items, list->size)) return false;
      holder = copy;
      items = as_list(*holder)->items;
      n = list_size(*holder);
    } else if (!sequence_items(value, holder, items, n)) {
      if (error_matches(&TypeError_type)) {
        clear_error();
        raise(&TypeError_type, "can only assign an iterable");
      }
      return false;
    }
  }
  low = std::clamp<int64_t>(low, 0, list->size);
  high = std::clamp<int64_t>(high, low, list->size);
  int64_t removed = high - low;
  std::vector<Value> recycled(list->items + low, list->items + high);
  int64_t delta = n - removed;
  int64_t old_size = list->size;
  if (delta < 0) {
    memmove(list->items + high + delta, list->items + high, (old_size - high) * sizeof(Value));
    if (!resize(list, old_size + delta)) return false;
  } else if (delta > 0) {
    if (!resize(list, old_size + delta)) return false;
    memmove(list->items + high + delta, list->items + high, (old_size - high) * sizeof(Value));
  }
  for (int64_t i = 0; i < n; ++i) {
    incref(items[i]);
    list->items[low + i] = items[i];
  }
  for (Value old : recycled) decref(old);
  return true;
}

bool delete_extended_slice(ListObject* list, int64_t start, int64_t step, int64_t length) {
  if (length <= 0) return true;
  if (step < 0) {
    start = start + step * (length - 1);
    step = -step;
  }
  std::vector<Value> garbage;
  garbage.reserve(length);
  int64_t write = start;
  for (int64_t read = start, removed = 0; read < list->size; ++read) {
    if (removed < length && read == start + removed * step) {
      garbage.push_back(list->items[read]);
      ++removed;
    } else {
      list->items[write++] = list->items[read];
    }
  }
  if (!resize(list, list->size - length)) return false;
  for (Value old : garbage) decref(old);
  return true;
}

bool assign_extended_slice(Value self, int64_t start, int64_t step, int64_t length, Value value) {
  ListObject* list = as_list(self);
  Ref holder;
  const Value* items = nullptr;
  int64_t n = 0;
  if (value == self) {
    Ref copy = allocate_list(&list_type, 0);
    if (!copy || !extend_from_array(as_list(*copy), list->items, list->size)) return false;
    holder = copy;
    items = as_list(*holder)->items;
    n = list_size(*holder);
  } else if (!sequence_items(value, holder, items, n)) {
    if (error_matches(&TypeError_type)) {
      clear_error();
      raise(&TypeError_type, "must assign iterable to extended slice");
    }
    return false;
  }
  if (n != length) {
    raise_format(&ValueError_type, "attempt to assign sequence of size %lld to extended slice of size %lld",
                 static_cast<long long>(n), static_cast<long long>(length));
    return false;
  }
  std::vector<Value> recycled;
  recycled.reserve(length);
  for (int64_t i = 0, at = start; i < length; ++i, at += step) {
    recycled.push_back(list->items[at]);
    incref(items[i]);
    list->items[at] = items[i];
  }
  for (Value old : recycled) decref(old);
  return true;
}

// ---- sorting: a stable natural merge sort (timsort's run handling, without galloping) ----

// Comparators decide `a < b` as 1, 0 or -1 (error pending).
struct GenericLess {
  int operator()(Value a, Value b) const { return object_less(a, b); }
};
struct SmallIntLess {
  int operator()(Value a, Value b) const { return a.as_small_int() < b.as_small_int(); }
};
struct StrLess {
  int operator()(Value a, Value b) const { return str_view(a) < str_view(b); }
};
struct FloatLess {
  int operator()(Value a, Value b) const { return float_value(a) < float_value(b); }
};

// Sorts keys[] and moves values[] (when not null) in step with them.
template <class Less>
class MergeSorter {
 public:
  MergeSorter(Value* keys, Value* values, int64_t n, Less less) : keys_(keys), values_(values), n_(n), less_(less) {}

  bool sort() {
    if (n_ < 2) return true;
    int64_t min_run = compute_min_run(n_);
    int64_t low = 0;
    while (low < n_) {
      int64_t run = count_run(low);
      if (run < 0) return false;
      if (run < min_run) {
        int64_t forced = std::min(min_run, n_ - low);
        if (!binary_insertion_sort(low, low + forced, low + run)) return false;
        run = forced;
      }
      runs_.push_back({low, run});
      if (!merge_collapse()) return false;
      low += run;
    }
    while (runs_.size() > 1) {
      size_t at = runs_.size() - 2;
      if (at > 0 && runs_[at - 1].length < runs_[at + 1].length) --at;
      if (!merge_at(at)) return false;
    }
    return true;
  }

 private:
  struct Run {
    int64_t start, length;
  };

  static int64_t compute_min_run(int64_t n) {
    int64_t extra = 0;
    while (n >= 64) {
      extra |= n & 1;
      n >>= 1;
    }
    return n + extra;
  }

  void swap_items(int64_t i, int64_t j) {
    std::swap(keys_[i], keys_[j]);
    if (values_) std::swap(values_[i], values_[j]);
  }

  // Length of the run starting at `low`; a strictly descending run is reversed in place.
  int64_t count_run(int64_t low) {
    if (low + 1 >= n_) return 1;
    int64_t high = low + 1;
    int descending = less_(keys_[high], keys_[low]);
    if (descending < 0) return -1;
    ++high;
    for (; high < n_; ++high) {
      int c = less_(keys_[high], keys_[high - 1]);
      if (c < 0) return -1;
      if (descending ? !c : c) break;
    }
    if (descending)
      for (int64_t i = low, j = high - 1; i < j; ++i, --j) swap_items(i, j);
    return high - low;
  }

  // Sorts [low, high) where [low, sorted_end) is already sorted.
  bool binary_insertion_sort(int64_t low, int64_t high, int64_t sorted_end) {
    for (int64_t i = sorted_end; i < high; ++i) {
      Value pivot_key = keys_[i];
      Value pivot_value = values_ ? values_[i] : Value();
      int64_t left = low, right = i;
      while (left < right) {
        int64_t middle = left + (right - left) / 2;
        int c = less_(pivot_key, keys_[middle]);
        if (c < 0) return false;
        if (c) right = middle;
        else left = middle + 1;
      }
      memmove(keys_ + left + 1, keys_ + left, (i - left) * sizeof(Value));
      keys_[left] = pivot_key;
      if (values_) {
        memmove(values_ + left + 1, values_ + left, (i - left) * sizeof(Value));
        values_[left] = pivot_value;
      }
    }
    return true;
  }

  // Keeps the run lengths decreasing like Fibonacci numbers so merges stay balanced.
  bool merge_collapse() {
    while (runs_.size() > 1) {
      size_t n = runs_.size() - 2;
      if ((n > 0 && runs_[n - 1].length <= runs_[n].length + runs_[n + 1].length) ||
          (n > 1 && runs_[n - 2].length <= runs_[n - 1].length + runs_[n].length)) {
        if (runs_[n - 1].length < runs_[n + 1].length) --n;
        if (!merge_at(n)) return false;
      } else if (runs_[n].length <= runs_[n + 1].length) {
        if (!merge_at(n)) return false;
      } else {
        break;
      }
    }
    return true;
  }

  // Merges runs[at] and runs[at + 1]. The left run is copied out; on a comparison error the
  // rest of it is copied back so the array stays a permutation of its items.
  bool merge_at(size_t at) {
    Run& a = runs_[at];
    Run b = runs_[at + 1];
    a.length += b.length;
    runs_.erase(runs_.begin() + at + 1);
    int64_t left_length = b.start - a.start;
    temp_keys_.assign(keys_ + a.start, keys_ + b.start);
    if (values_) temp_values_.assign(values_ + a.start, values_ + b.start);
    int64_t i = 0, j = b.start, out = a.start, end = b.start + b.length;
    bool ok = true;
    while (i < left_length && j < end) {
      int c = less_(keys_[j], temp_keys_[i]);
      if (c < 0) {
        ok = false;
        break;
      }
      if (c) {
        keys_[out] = keys_[j];
        if (values_) values_[out] = values_[j];
        ++j;
      } else {
        keys_[out] = temp_keys_[i];
        if (values_) values_[out] = temp_values_[i];
        ++i;
      }
      ++out;
    }
    memcpy(keys_ + out, temp_keys_.data() + i, (left_length - i) * sizeof(Value));
    if (values_) memcpy(values_ + out, temp_values_.data() + i, (left_length - i) * sizeof(Value));
    return ok;
  }

  Value* keys_;
  Value* values_;
  int64_t n_;
  Less less_;
  std::vector<Run> runs_;
  std::vector<Value> temp_keys_, temp_values_;
};

template <class Less>
bool merge_sort(Value* keys, Value* values, int64_t n, Less less) {
  return MergeSorter<Less>(keys, values, n, less).sort();
}

// Picks a comparator that skips rich comparison when every key has the same simple type.
bool sort_keys(Value* keys, Value* values, int64_t n) {
  bool all_small_ints = true, all_strs = true, all_floats = true;
  for (int64_t i = 0; i < n; ++i) {
    Value k = keys[i];
    all_small_ints &= k.is_small_int();
    bool object = k.is_object();
    all_strs &= object && k.as_object()->type == &str_type;
    all_floats &= object && k.as_object()->type == &float_type;
  }
  if (all_small_ints) return merge_sort(keys, values, n, SmallIntLess());
  if (all_strs) return merge_sort(keys, values, n, StrLess());
  if (all_floats) return merge_sort(keys, values, n, FloatLess());
  return merge_sort(keys, values, n, GenericLess());
}

}  // namespace

// ---- the C++ API ----

Ref list_new(size_t size) { return allocate_list(&list_type, size); }

bool list_append(Value self, Value item) {
  ListObject* list = as_list(self);
  int64_t n = list->size;
  if (n < list->capacity) {
    incref(item);
    list->items[n] = item;
    list->size = n + 1;
    return true;
  }
  if (!resize(list, n + 1)) return false;
  incref(item);
  list->items[n] = item;
  return true;
}

Ref list_from_iterable(Value iterable) {
  Ref result = list_new(0);
  if (!result) return nullptr;
  if (!list_extend(*result, iterable)) return nullptr;
  return result;
}

bool list_sort(Value self, Value key, bool reverse) {
  ListObject* list = as_list(self);
  // While sorting, the list looks empty; capacity -1 marks it untouched (CPython's trick to
  // detect a key function or comparison that mutates it).
  Value* items = list->items;
  int64_t size = list->size;
  int64_t capacity = list->capacity;
  list->items = nullptr;
  list->size = 0;
  list->capacity = -1;
  std::vector<Value> keys;
  bool ok = true;
  if (key && !key.is_none()) {
    keys.reserve(size);
    for (int64_t i = 0; i < size; ++i) {
      Ref k = call1(key, items[i]);
      if (!k) {
        ok = false;
        break;
      }
      keys.push_back(k.release());
    }
  }
  if (ok) {
    Value* sort_keys_array = keys.empty() ? items : keys.data();
    Value* sort_values = keys.empty() ? nullptr : items;
    if (reverse) {
      std::reverse(items, items + size);
      if (sort_values) std::reverse(keys.begin(), keys.end());
    }
    ok = sort_keys(sort_keys_array, sort_values, size);
    if (reverse) {
      std::reverse(items, items + size);
      if (sort_values) std::reverse(keys.begin(), keys.end());
    }
  }
  for (Value k : keys) decref(k);
  Value* modified_items = list->items;
  int64_t modified_size = list->size;
  bool modified = list->capacity != -1 || modified_items;
  list->items = items;
  list->size = size;
  list->capacity = capacity;
  if (modified) {
    for (int64_t i = 0; i < modified_size; ++i) decref(modified_items[i]);
    buffer_free(modified_items);
    if (ok) {
      raise(&ValueError_type, "list modified during sort");
      ok = false;
    }
  }
  return ok;
}

namespace {

// ---- slots ----

void list_dealloc(Object* object) {
  auto* list = static_cast<ListObject*>(object);
  // Items of a long list are rarely still in cache: fetching a few ahead overlaps the misses.
  constexpr int64_t prefetch_distance = 4;
  for (int64_t i = list->size - 1; i >= 0; --i) {
    if (i >= prefetch_distance) __builtin_prefetch(reinterpret_cast<void*>(list->items[i - prefetch_distance].bits()), 1);
    decref(list->items[i]);
  }
  buffer_free(list->items);
  free_object(object);
}

void list_traverse(Object* object, GcVisit visit, void* arg) {
  auto* list = static_cast<ListObject*>(object);
  for (int64_t i = list->size - 1; i >= 0; --i) visit(list->items[i], arg);  // CPython's order
}

// The cycle collector's clear: the list becomes empty (its items are released last, so
// code they run on release sees a consistent list).
void list_gc_clear(Object* object) {
  auto* list = static_cast<ListObject*>(object);
  if (!list->items) return;  // empty, or being sorted (sort holds the items)
  Value* items = list->items;
  int64_t size = list->size;
  list->items = nullptr;
  list->size = 0;
  list->capacity = 0;
  for (int64_t i = size - 1; i >= 0; --i) decref(items[i]);
  buffer_free(items);
}

Ref list_repr(Value self) {
  ListObject* list = as_list(self);
  if (list->size == 0) return str_new("[]");
  int entered = repr_enter(self);
  if (entered < 0) return nullptr;
  if (entered) return str_new("[...]");
  std::string out = "[";
  for (int64_t i = 0; i < list->size; ++i) {
    if (i) out += ", ";
    Ref item = Ref::borrow(list->items[i]);
    Ref item_repr = object_repr(*item);
    if (!item_repr) {
      repr_leave(self);
      return nullptr;
    }
    out += str_view(*item_repr);
  }
  repr_leave(self);
  out += ']';
  return str_new(out);
}

Ref list_richcompare(Value self, Value other, CompareOp op) {
  if (!is_list(other)) return new_not_implemented();
  ListObject* a = as_list(self);
  ListObject* b = as_list(other);
  if (a->size != b->size && (op == CompareOp::Eq || op == CompareOp::Ne)) return Ref::boolean(op == CompareOp::Ne);
  int64_t i = 0;
  for (; i < a->size && i < b->size; ++i) {
    if (a->items[i] == b->items[i]) continue;
    Ref x = Ref::borrow(a->items[i]);
    Ref y = Ref::borrow(b->items[i]);
    int equal = object_equal(*x, *y);
    if (equal < 0) return nullptr;
    if (!equal) break;
  }
  if (i >= a->size || i >= b->size) return Ref::boolean(compare_numbers(a->size, b->size, op));
  if (op == CompareOp::Eq) return Ref::boolean(false);
  if (op == CompareOp::Ne) return Ref::boolean(true);
  Ref x = Ref::borrow(a->items[i]);
  Ref y = Ref::borrow(b->items[i]);
  return object_compare(*x, *y, op);
}

int64_t list_length(Value self) { return as_list(self)->size; }

// An int subscript (ints and __index__ objects); false with TypeError otherwise.
bool subscript_index(Value key, int64_t& index) {
  if (key.is_small_int()) {
    index = key.as_small_int();
    return true;
  }
  if (type_of(key)->index) return index_to_i64(key, index);
  raise_format(&TypeError_type, "list indices must be integers or slices, not %s", type_name(key));
  return false;
}

Ref list_slice(ListObject* list, int64_t start, int64_t step, int64_t length) {
  Ref result = list_new(length);
  if (!result) return nullptr;
  Value* target = as_list(*result)->items;
  for (int64_t i = 0, at = start; i < length; ++i, at += step) {
    incref(list->items[at]);
    target[i] = list->items[at];
  }
  return result;
}

Ref list_subscript(Value self, Value key) {
  ListObject* list = as_list(self);
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step, length;
    if (!slice_indices(key, list->size, start, stop, step, length)) return nullptr;
    return list_slice(list, start, step, length);
  }
  int64_t index;
  if (!subscript_index(key, index)) return nullptr;
  if (index < 0) index += list->size;
  if (index < 0 || index >= list->size) return raise(&IndexError_type, "list index out of range");
  return Ref::borrow(list->items[index]);
}

int list_ass_subscript(Value self, Value key, Value value) {
  ListObject* list = as_list(self);
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step, length;
    if (!slice_indices(key, list->size, start, stop, step, length)) return -1;
    if (step == 1) return assign_slice(self, start, stop, value) ? 0 : -1;
    if (!value) return delete_extended_slice(list, start, step, length) ? 0 : -1;
    return assign_extended_slice(self, start, step, length, value) ? 0 : -1;
  }
  int64_t index;
  if (!subscript_index(key, index)) return -1;
  if (index < 0) index += list->size;
  if (index < 0 || index >= list->size) {
    raise(&IndexError_type, "list assignment index out of range");
    return -1;
  }
  if (!value) return assign_slice(self, index, index + 1, Value()) ? 0 : -1;
  Value old = list->items[index];
  incref(value);
  list->items[index] = value;
  decref(old);
  return 0;
}

int list_contains(Value self, Value item) {
  ListObject* list = as_list(self);
  for (int64_t i = 0; i < list->size; ++i) {
    Ref candidate = Ref::borrow(list->items[i]);
    int equal = object_equal(*candidate, item);
    if (equal != 0) return equal;
  }
  return 0;
}

Ref list_concat(Value self, Value other) {
  if (!is_list(self) || !is_list(other)) return new_not_implemented();
  ListObject* a = as_list(self);
  ListObject* b = as_list(other);
  Ref result = list_new(0);
  if (!result) return nullptr;
  ListObject* target = as_list(*result);
  if (!resize(target, a->size + b->size)) return nullptr;
  target->size = 0;
  if (!extend_from_array(target, a->items, a->size) || !extend_from_array(target, b->items, b->size))
    return nullptr;
  return result;
}

// The count of list * n; false (with nothing pending) when n is not an int or __index__ object.
bool repeat_count(Value count_value, int64_t& count, bool& ok) {
  ok = true;
  if (count_value.is_small_int()) {
    count = count_value.as_small_int();
    return true;
  }
  if (!type_of(count_value)->index) return false;
  if (!index_to_i64(count_value, count)) {
    ok = false;
    if (error_matches(&IndexError_type)) {
      clear_error();
      raise_format(&OverflowError_type, "cannot fit '%s' into an index-sized integer", type_name(count_value));
    }
  }
  return true;
}

Ref list_repeat(Value self, Value count_value) {
  int64_t count;
  bool ok;
  if (!is_list(self) || !repeat_count(count_value, count, ok)) return new_not_implemented();
  if (!ok) return nullptr;
  ListObject* list = as_list(self);
  Ref result = list_new(0);
  if (!result) return nullptr;
  if (count > 0 && list->size > 0 && !repeat_into(as_list(*result), list, list->size, count)) return nullptr;
  return result;
}

Ref list_inplace_concat(Value self, Value other) {
  if (!list_extend(self, other)) return nullptr;
  return Ref::borrow(self);
}

Ref list_inplace_repeat(Value self, Value count_value) {
  int64_t count;
  bool ok;
  if (!repeat_count(count_value, count, ok)) return new_not_implemented();
  if (!ok) return nullptr;
  ListObject* list = as_list(self);
  if (count <= 0) {
    if (!assign_slice(self, 0, list->size, Value())) return nullptr;
  } else if (count > 1 && list->size > 0 && !repeat_into(list, list, list->size, count - 1)) {
    return nullptr;
  }
  return Ref::borrow(self);
}

Ref list_type_new(TypeObject* type, const Value*, size_t, Value) { return allocate_list(type, 0); }

int list_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    raise(&TypeError_type, "list() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    raise_format(&TypeError_type, "list expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  if (as_list(self)->size && !assign_slice(self, 0, as_list(self)->size, Value())) return -1;
  if (nargs == 1 && !list_extend(self, args[0])) return -1;
  return 0;
}

// ---- iterators ----

Ref new_list_iterator(Value self, TypeObject* type, int64_t index) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* it = static_cast<ListIterObject*>(object);
  incref(self);
  it->list = self;
  it->index = index;
  return Ref::steal(Value(object));
}

Ref list_iter(Value self) { return new_list_iterator(self, &list_iterator_type, 0); }

Ref list_reversed(Value self) { return new_list_iterator(self, &list_reverseiterator_type, list_size(self) - 1); }

void list_iter_dealloc(Object* object) {
  decref(static_cast<ListIterObject*>(object)->list);
  free_object(object);
}

Ref iterator_self(Value self) { return Ref::borrow(self); }

Ref list_iter_next(Value self) {
  auto* it = self.as<ListIterObject>();
  Value item;
  if (list_iterator_step(it, item)) return Ref::borrow(item);
  decref(it->list);
  it->list = Value();
  return nullptr;
}

Ref list_reverse_iter_next(Value self) {
  auto* it = self.as<ListIterObject>();
  if (!it->list) return nullptr;
  ListObject* list = as_list(it->list);
  if (it->index >= 0 && it->index < list->size) return Ref::borrow(list->items[it->index--]);
  decref(it->list);
  it->list = Value();
  return nullptr;
}

Ref list_iter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = self.as<ListIterObject>();
  int64_t remaining = it->list ? list_size(it->list) - it->index : 0;
  return int_from_i64(remaining > 0 ? remaining : 0);
}

Ref list_reverse_iter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = self.as<ListIterObject>();
  bool live = it->list && it->index < list_size(it->list);
  return int_from_i64(live ? it->index + 1 : 0);
}

const MethodDef list_iterator_methods[] = {
    {"__length_hint__", list_iter_length_hint},
    {nullptr, nullptr},
};
const MethodDef list_reverseiterator_methods[] = {
    {"__length_hint__", list_reverse_iter_length_hint},
    {nullptr, nullptr},
};

// ---- methods ----

Ref list_method_append(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("list.append", nargs, kwnames, 1, 1)) return nullptr;
  if (!list_append(self, args[0])) return nullptr;
  return Ref::none();
}

Ref list_method_extend(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("list.extend", nargs, kwnames, 1, 1)) return nullptr;
  if (!list_extend(self, args[0])) return nullptr;
  return Ref::none();
}

Ref list_method_insert(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("insert", nargs, kwnames, 2, 2)) return nullptr;
  int64_t index;
  if (!index_to_i64(args[0], index)) {
    if (!error_matches(&IndexError_type)) return nullptr;
    clear_error();
    return raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
  }
  ListObject* list = as_list(self);
  int64_t n = list->size;
  if (index < 0) index = std::max<int64_t>(index + n, 0);
  if (index > n) index = n;
  if (!resize(list, n + 1)) return nullptr;
  memmove(list->items + index + 1, list->items + index, (n - index) * sizeof(Value));
  incref(args[1]);
  list->items[index] = args[1];
  return Ref::none();
}

Ref list_method_pop(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("pop", nargs, kwnames, 0, 1)) return nullptr;
  ListObject* list = as_list(self);
  int64_t index = -1;
  if (nargs == 1 && !index_to_i64(args[0], index)) {
    if (!error_matches(&IndexError_type)) return nullptr;
    clear_error();
    return raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
  }
  if (list->size == 0) return raise(&IndexError_type, "pop from empty list");
  if (index < 0) index += list->size;
  if (index < 0 || index >= list->size) return raise(&IndexError_type, "pop index out of range");
  Ref item = Ref::steal(list->items[index]);
  memmove(list->items + index, list->items + index + 1, (list->size - index - 1) * sizeof(Value));
  if (!resize(list, list->size - 1)) return nullptr;
  return item;
}

// Position of the first item equal to `value` in [start, stop); -1 absent, -2 error.
int64_t find_item(Value self, Value value, int64_t start, int64_t stop) {
  ListObject* list = as_list(self);
  for (int64_t i = start; i < stop && i < list->size; ++i) {
    Ref candidate = Ref::borrow(list->items[i]);
    int equal = object_equal(*candidate, value);
    if (equal < 0) return -2;
    if (equal) return i;
  }
  return -1;
}

Ref list_method_remove(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("list.remove", nargs, kwnames, 1, 1)) return nullptr;
  int64_t at = find_item(self, args[0], 0, list_size(self));
  if (at == -2) return nullptr;
  if (at == -1) return raise(&ValueError_type, "list.remove(x): x not in list");
  if (!assign_slice(self, at, at + 1, Value())) return nullptr;
  return Ref::none();
}

Ref list_method_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("index", nargs, kwnames, 1, 3)) return nullptr;
  int64_t size = list_size(self);
  int64_t start = 0, stop = size;
  if (nargs > 1 && !slice_index_value(args[1], start)) return nullptr;
  if (nargs > 2 && !slice_index_value(args[2], stop)) return nullptr;
  int64_t at = find_item(self, args[0], clamp_to_length(start, size), clamp_to_length(stop, size));
  if (at == -2) return nullptr;
  if (at == -1) return raise_format(&ValueError_type, "%R is not in list", args[0]);
  return int_from_i64(at);
}

Ref list_method_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("list.count", nargs, kwnames, 1, 1)) return nullptr;
  ListObject* list = as_list(self);
  int64_t count = 0;
  for (int64_t i = 0; i < list->size; ++i) {
    Ref candidate = Ref::borrow(list->items[i]);
    int equal = object_equal(*candidate, args[0]);
    if (equal < 0) return nullptr;
    count += equal;
  }
  return int_from_i64(count);
}

Ref list_method_sort(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs) return raise(&TypeError_type, "sort() takes no positional arguments");
  Value bound[2];
  if (!bind_args("sort", args, 0, kwnames, {"key", "reverse"}, 0, bound)) return nullptr;
  bool reverse = false;
  if (bound[1]) {
    int64_t flag;
    if (!is_int(bound[1]))
      return raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(bound[1]));
    reverse = !int_to_i64(bound[1], flag) || flag != 0;
  }
  if (!list_sort(self, bound[0], reverse)) return nullptr;
  return Ref::none();
}

Ref list_method_reverse(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("list.reverse", nargs, kwnames, 0, 0)) return nullptr;
  ListObject* list = as_list(self);
  std::reverse(list->items, list->items + list->size);
  return Ref::none();
}

Ref list_method_copy(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("list.copy", nargs, kwnames, 0, 0)) return nullptr;
  ListObject* list = as_list(self);
  return list_slice(list, 0, 1, list->size);
}

Ref list_method_clear(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("list.clear", nargs, kwnames, 0, 0)) return nullptr;
  if (!assign_slice(self, 0, list_size(self), Value())) return nullptr;
  return Ref::none();
}

Ref list_method_reversed(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__reversed__", nargs, kwnames, 0, 0)) return nullptr;
  return list_reversed(self);
}

const MethodDef list_methods[] = {
    {"append", list_method_append},
    {"extend", list_method_extend},
    {"insert", list_method_insert},
    {"remove", list_method_remove},
    {"pop", list_method_pop},
    {"index", list_method_index},
    {"count", list_method_count},
    {"sort", list_method_sort},
    {"reverse", list_method_reverse},
    {"copy", list_method_copy},
    {"clear", list_method_clear},
    {"__reversed__", list_method_reversed},
    {nullptr, nullptr},
};

void init_iterator_type(TypeObject* type, const char* name, UnarySlot next, const MethodDef* methods) {
  init_static_type(type, name, &object_type, sizeof(ListIterObject), 0);
  type->dealloc = list_iter_dealloc;
  type->iter = iterator_self;
  type->next = next;
  type->new_ = nullptr;
  add_methods(type, methods);
  finish_static_type(type);
}

}  // namespace

void init_list_type() {
  init_static_type(&list_type, "list", &object_type, sizeof(ListObject),
                   type_flag_base_type | type_flag_list_subclass | type_flag_gc);
  list_type.dealloc = list_dealloc;
  list_type.traverse = list_traverse;
  list_type.clear = list_gc_clear;
  list_type.repr = list_repr;
  list_type.hash = hash_not_implemented;
  list_type.richcompare = list_richcompare;
  list_type.length = list_length;
  list_type.getitem = list_subscript;
  list_type.setitem = list_ass_subscript;
  list_type.contains = list_contains;
  list_type.iter = list_iter;
  list_type.binary[static_cast<int>(BinaryOp::Add)] = list_concat;
  list_type.binary[static_cast<int>(BinaryOp::Mul)] = list_repeat;
  list_type.reflected[static_cast<int>(BinaryOp::Mul)] = list_repeat;
  list_type.inplace[static_cast<int>(BinaryOp::Add)] = list_inplace_concat;
  list_type.inplace[static_cast<int>(BinaryOp::Mul)] = list_inplace_repeat;
  list_type.new_ = list_type_new;
  list_type.init = list_init;
  add_methods(&list_type, list_methods);
  finish_static_type(&list_type);

  init_iterator_type(&list_iterator_type, "list_iterator", list_iter_next, list_iterator_methods);
  init_iterator_type(&list_reverseiterator_type, "list_reverseiterator", list_reverse_iter_next,
                     list_reverseiterator_methods);
}

}  // namespace chaipy
