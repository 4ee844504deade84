// Sets and frozensets: CPython's open-addressing table (linear probes, then perturbation) with its growth and algorithms, so iteration order matches CPython.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <iterator>
#include <utility>

#include "runtime/buffer_memory.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

TypeObject set_type, frozenset_type;
static TypeObject set_iterator_type;

namespace {

constexpr int64_t min_size = 8;
constexpr size_t linear_probes = 9;
constexpr unsigned perturb_shift = 5;

// Marks a deleted entry (its hash is -1, which no key has).
Object dummy_object{immortal_refcount, nullptr};
const Value dummy(&dummy_object);

struct SetEntry {
  Value key;  // null: never used; dummy: deleted
  int64_t hash;
};

struct SetObject : Object {
  int64_t fill;    // active and dummy entries
  int64_t used;    // active entries
  int64_t mask;    // table size - 1
  int64_t finger;  // where pop() looks next
  int64_t hash;    // frozensets: cached, -1 until computed
  SetEntry* table;
  SetEntry small_table[min_size];
};

inline SetObject* as_set(Value v) { return v.as<SetObject>(); }
inline bool is_exact_str(Value v) { return v.is_object() && v.as_object()->type == &str_type; }
inline bool is_set_like(Value v) { return is_anyset(v); }
inline bool is_mutable_set(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &set_type); }

inline int64_t key_hash(Value key) {
  if (key.is_small_int()) return hash_i64(key.as_small_int());
  if (is_exact_str(key)) {
    int64_t h = key.as<StrObject>()->hash;
    return h != -1 ? h : str_hash(key);
  }
  return object_hash(key);
}

void reset_table(SetObject* so) {
  so->table = so->small_table;
  std::fill(std::begin(so->small_table), std::end(so->small_table), SetEntry{});
  so->mask = min_size - 1;
  so->fill = 0;
  so->used = 0;
}

// Places a key known to be absent into a table without dummies.
void insert_clean(SetEntry* table, size_t mask, Value key, int64_t hash) {
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key.is_null()) {
      entry->key = key;
      entry->hash = hash;
      return;
    }
    if (i + linear_probes <= mask) {
      for (size_t j = 0; j < linear_probes; ++j) {
        ++entry;
        if (entry->key.is_null()) {
          entry->key = key;
          entry->hash = hash;
          return;
        }
      }
    }
    perturb >>= perturb_shift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// CPython's set_table_resize: the smallest power of two above min_used.
bool table_resize(SetObject* so, int64_t min_used) {
  int64_t new_size = min_size;
  while (new_size <= min_used) new_size <<= 1;
  SetEntry* old_table = so->table;
  int64_t old_mask = so->mask;
  SetEntry small_copy[min_size];
  if (old_table == so->small_table) {
    memcpy(small_copy, so->small_table, sizeof small_copy);
    old_table = small_copy;
  }
  SetEntry* new_table;
  if (new_size == min_size) {
    new_table = so->small_table;
    std::fill(std::begin(so->small_table), std::end(so->small_table), SetEntry{});
  } else {
    new_table = static_cast<SetEntry*>(buffer_alloc_zeroed(new_size, sizeof(SetEntry)));
    if (!new_table) {
      raise_no_memory();
      return false;
    }
  }
  so->mask = new_size - 1;
  so->table = new_table;
  so->fill = so->used;
  for (int64_t i = 0; i <= old_mask; ++i) {
    Value key = old_table[i].key;
    if (!key.is_null() && key != dummy) insert_clean(new_table, new_size - 1, key, old_table[i].hash);
  }
  if (old_table != small_copy) buffer_free(old_table);
  return true;
}

// CPython's set_lookkey: the entry holding key, or the unused entry ending its probe sequence
// (key null); nullptr with an error pending. An __eq__ that mutates the set restarts.
SetEntry* lookup(SetObject* so, Value key, int64_t hash) {
restart:
  SetEntry* table = so->table;
  size_t mask = so->mask;
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    size_t probes = i + linear_probes <= mask ? linear_probes : 0;
    for (;;) {
      if (entry->key.is_null()) return entry;
      if (entry->hash == hash) {
        Value start_key = entry->key;
        if (start_key == key) return entry;
        if (is_exact_str(start_key) && is_exact_str(key)) {
          if (str_view(start_key) == str_view(key)) return entry;
        } else if (!(start_key.is_small_int() && key.is_small_int())) {
          Ref held = Ref::borrow(start_key);
          int equal = object_equal(start_key, key);
          if (equal < 0) return nullptr;
          if (so->table != table || entry->key != start_key) goto restart;
          if (equal) return entry;
        }
      }
      if (probes-- == 0) break;
      ++entry;
    }
    perturb >>= perturb_shift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// CPython's set_add_entry; borrows key. 0 or -1.
int add_entry(SetObject* so, Value key, int64_t hash) {
  Ref held = Ref::borrow(key);
restart:
  SetEntry* table = so->table;
  size_t mask = so->mask;
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  SetEntry* free_slot = nullptr;
  SetEntry* entry;
  for (;;) {
    entry = &table[i];
    size_t probes = i + linear_probes <= mask ? linear_probes : 0;
    for (;;) {
      if (entry->key.is_null()) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Value start_key = entry->key;
        if (start_key == key) return 0;
        if (is_exact_str(start_key) && is_exact_str(key)) {
          if (str_view(start_key) == str_view(key)) return 0;
        } else if (!(start_key.is_small_int() && key.is_small_int())) {
          Ref start_held = Ref::borrow(start_key);
          int equal = object_equal(start_key, key);
          if (equal > 0) return 0;
          if (equal < 0) return -1;
          if (so->table != table || entry->key != start_key) goto restart;
          mask = so->mask;
        }
      } else if (entry->hash == -1 && entry->key == dummy && !free_slot) {
        free_slot = entry;
      }
      if (probes-- == 0) break;
      ++entry;
    }
    perturb >>= perturb_shift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (free_slot) {
    ++so->used;
    free_slot->key = held.release();
    free_slot->hash = hash;
    return 0;
  }
  ++so->fill;
  ++so->used;
  entry->key = held.release();
  entry->hash = hash;
  if (static_cast<size_t>(so->fill) * 5 < mask * 3) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;
}

int add_key(SetObject* so, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  return add_entry(so, key, hash);
}

// 1 when present, 0 absent, -1 error.
int contains_entry(SetObject* so, Value key, int64_t hash) {
  SetEntry* entry = lookup(so, key, hash);
  if (!entry) return -1;
  return !entry->key.is_null();
}

// 1 removed, 0 absent, -1 error.
int discard_entry(SetObject* so, Value key, int64_t hash) {
  SetEntry* entry = lookup(so, key, hash);
  if (!entry) return -1;
  if (entry->key.is_null()) return 0;
  Value old = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  --so->used;
  decref(old);
  return 1;
}

// Active entries in table order.
bool next_entry(SetObject* so, int64_t& pos, SetEntry*& out) {
  for (; pos <= so->mask; ++pos) {
    SetEntry* entry = &so->table[pos];
    if (!entry->key.is_null() && entry->key != dummy) {
      out = entry;
      ++pos;
      return true;
    }
  }
  return false;
}

void clear_set(SetObject* so) {
  SetEntry* table = so->table;
  int64_t mask = so->mask;
  bool small = table == so->small_table;
  SetEntry small_copy[min_size];
  if (small) {
    memcpy(small_copy, table, sizeof small_copy);
    table = small_copy;
  }
  reset_table(so);
  for (int64_t i = 0; i <= mask; ++i)
    if (!table[i].key.is_null() && table[i].key != dummy) decref(table[i].key);
  if (!small) buffer_free(table);
}

Ref allocate_set(TypeObject* type) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* so = static_cast<SetObject*>(object);
  reset_table(so);
  so->hash = -1;
  return Ref::steal(Value(object));
}

// CPython's set_merge: adds every key of another set.
int merge_set(SetObject* so, SetObject* other) {
  if (so == other || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3 && !table_resize(so, (so->used + other->used) * 2)) return -1;
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; ++i) {
      Value key = other->table[i].key;
      if (!key.is_null()) {
        incref(key);
        so->table[i] = other->table[i];
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    for (int64_t i = 0; i <= other->mask; ++i) {
      Value key = other->table[i].key;
      if (!key.is_null() && key != dummy) {
        incref(key);
        insert_clean(so->table, so->mask, key, other->table[i].hash);
      }
    }
    return 0;
  }
  for (int64_t i = 0; i <= other->mask; ++i) {
    SetEntry entry = other->table[i];
    if (!entry.key.is_null() && entry.key != dummy && add_entry(so, entry.key, entry.hash) < 0) return -1;
  }
  return 0;
}

// CPython's set_update_internal.
int update_internal(SetObject* so, Value other) {
  if (is_set_like(other)) return merge_set(so, as_set(other));
  if (is_dict(other) && type_of(other) == &dict_type) {
    int64_t size = dict_size(other);
    if ((so->fill + size) * 5 >= so->mask * 3 && !table_resize(so, (so->used + size) * 2)) return -1;
    size_t pos = 0;
    Value key, value;
    while (dict_next(other, pos, key, value))
      if (add_key(so, key) < 0) return -1;
    return 0;
  }
  Ref iterator = get_iter(other);
  if (!iterator) return -1;
  while (Ref key = iter_next(*iterator))
    if (add_key(so, *key) < 0) return -1;
  return error_pending() ? -1 : 0;
}

Ref make_set(TypeObject* type, Value iterable) {
  Ref result = allocate_set(type);
  if (!result) return nullptr;
  if (iterable && update_internal(as_set(*result), iterable) < 0) return nullptr;
  return result;
}

// set or frozenset (whichever `type` derives from), for results of operations on subclasses.
TypeObject* base_type_of(TypeObject* type) {
  if (type == &set_type || type == &frozenset_type) return type;
  return is_subtype(type, &set_type) ? &set_type : &frozenset_type;
}

Ref copy_of(Value so) { return make_set(base_type_of(type_of(so)), so); }

// Retries an operation on a set key as a frozenset (`{1} in {frozenset({1})}`).
bool retry_as_frozenset(Value key, Ref& frozen) {
  if (!is_mutable_set(key) || !error_matches(&TypeError_type)) return false;
  clear_error();
  frozen = make_set(&frozenset_type, key);
  return true;
}

int contains_key(SetObject* so, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) {
    Ref frozen;
    if (!retry_as_frozenset(key, frozen)) return -1;
    if (!frozen) return -1;
    return contains_key(so, *frozen);
  }
  return contains_entry(so, key, hash);
}

int discard_key(SetObject* so, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) {
    Ref frozen;
    if (!retry_as_frozenset(key, frozen)) return -1;
    if (!frozen) return -1;
    return discard_key(so, *frozen);
  }
  return discard_entry(so, key, hash);
}

// Exchanges the contents of two sets (intersection_update builds the result aside first).
void swap_bodies(SetObject* a, SetObject* b) {
  SetEntry* a_table = a->table == a->small_table ? nullptr : a->table;
  SetEntry* b_table = b->table == b->small_table ? nullptr : b->table;
  std::swap(a->small_table, b->small_table);
  a->table = b_table ? b_table : a->small_table;
  b->table = a_table ? a_table : b->small_table;
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  std::swap(a->mask, b->mask);
  std::swap(a->hash, b->hash);
}

// ---- the set algebra (CPython's algorithms, which fix the result's table layout) ----

Ref intersection(Value so_value, Value other) {
  if (so_value == other) return copy_of(so_value);
  Ref result = allocate_set(base_type_of(type_of(so_value)));
  if (!result) return nullptr;
  SetObject* out = as_set(*result);
  if (is_set_like(other)) {
    SetObject* so = as_set(so_value);
    SetObject* iterated = as_set(other);
    if (iterated->used > so->used) std::swap(so, iterated);
    int64_t pos = 0;
    SetEntry* entry;
    while (next_entry(iterated, pos, entry)) {
      Ref key = Ref::borrow(entry->key);
      int64_t hash = entry->hash;
      int found = contains_entry(so, *key, hash);
      if (found < 0 || (found && add_entry(out, *key, hash) < 0)) return nullptr;
    }
    return result;
  }
  Ref iterator = get_iter(other);
  if (!iterator) return nullptr;
  while (Ref key = iter_next(*iterator)) {
    int64_t hash = key_hash(*key);
    if (hash == -1) return nullptr;
    int found = contains_entry(as_set(so_value), *key, hash);
    if (found < 0 || (found && add_entry(out, *key, hash) < 0)) return nullptr;
  }
  if (error_pending()) return nullptr;
  return result;
}

int difference_update_internal(SetObject* so, Value other) {
  if (Value(so) == other) {
    clear_set(so);
    return 0;
  }
  if (is_set_like(other)) {
    int64_t pos = 0;
    SetEntry* entry;
    while (next_entry(as_set(other), pos, entry)) {
      Ref key = Ref::borrow(entry->key);
      if (discard_entry(so, *key, entry->hash) < 0) return -1;
    }
  } else {
    Ref iterator = get_iter(other);
    if (!iterator) return -1;
    while (Ref key = iter_next(*iterator))
      if (discard_key(so, *key) < 0) return -1;
    if (error_pending()) return -1;
  }
  if (so->fill - so->used <= so->mask / 4) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;
}

Ref copy_and_difference(Value so, Value other) {
  Ref result = copy_of(so);
  if (!result || difference_update_internal(as_set(*result), other) < 0) return nullptr;
  return result;
}

Ref difference(Value so_value, Value other) {
  int64_t other_size;
  bool other_is_dict = is_dict(other) && type_of(other) == &dict_type;
  if (is_set_like(other)) other_size = as_set(other)->used;
  else if (other_is_dict) other_size = dict_size(other);
  else return copy_and_difference(so_value, other);
  SetObject* so = as_set(so_value);
  if ((so->used >> 2) > other_size) return copy_and_difference(so_value, other);
  Ref result = allocate_set(base_type_of(type_of(so_value)));
  if (!result) return nullptr;
  int64_t pos = 0;
  SetEntry* entry;
  while (next_entry(so, pos, entry)) {
    Ref key = Ref::borrow(entry->key);
    int64_t hash = entry->hash;
    int found;
    if (other_is_dict) {
      Value value = dict_get(other, *key);
      found = value ? 1 : error_pending() ? -1 : 0;
    } else {
      found = contains_entry(as_set(other), *key, hash);
    }
    if (found < 0 || (!found && add_entry(as_set(*result), *key, hash) < 0)) return nullptr;
  }
  return result;
}

int symmetric_difference_update(SetObject* so, Value other) {
  if (Value(so) == other) {
    clear_set(so);
    return 0;
  }
  if (is_dict(other) && type_of(other) == &dict_type) {
    size_t pos = 0;
    Value key, value;
    while (dict_next(other, pos, key, value)) {
      Ref held = Ref::borrow(key);
      int64_t hash = key_hash(key);
      if (hash == -1) return -1;
      int removed = discard_entry(so, key, hash);
      if (removed < 0 || (!removed && add_entry(so, key, hash) < 0)) return -1;
    }
    return 0;
  }
  Ref other_set = is_set_like(other) ? Ref::borrow(other) : make_set(base_type_of(type_of(Value(so))), other);
  if (!other_set) return -1;
  int64_t pos = 0;
  SetEntry* entry;
  while (next_entry(as_set(*other_set), pos, entry)) {
    Ref key = Ref::borrow(entry->key);
    int64_t hash = entry->hash;
    int removed = discard_entry(so, *key, hash);
    if (removed < 0 || (!removed && add_entry(so, *key, hash) < 0)) return -1;
  }
  return 0;
}

Ref symmetric_difference(Value so, Value other) {
  Ref result = make_set(base_type_of(type_of(so)), other);
  if (!result || symmetric_difference_update(as_set(*result), so) < 0) return nullptr;
  return result;
}

// 1, 0 or -1.
int is_subset(Value so_value, Value other) {
  if (!is_set_like(other)) {
    Ref other_set = make_set(&set_type, other);
    if (!other_set) return -1;
    return is_subset(so_value, *other_set);
  }
  SetObject* so = as_set(so_value);
  if (so->used > as_set(other)->used) return 0;
  int64_t pos = 0;
  SetEntry* entry;
  while (next_entry(so, pos, entry)) {
    Ref key = Ref::borrow(entry->key);
    int found = contains_entry(as_set(other), *key, entry->hash);
    if (found <= 0) return found;
  }
  return 1;
}

int is_superset(Value so, Value other) {
  if (is_set_like(other)) return is_subset(other, so);
  Ref other_set = make_set(&set_type, other);
  if (!other_set) return -1;
  return is_subset(*other_set, so);
}

// ---- slots ----

void set_dealloc(Object* object) {
  auto* so = static_cast<SetObject*>(object);
  for (int64_t i = 0; i <= so->mask; ++i) {
    Value key = so->table[i].key;
    if (!key.is_null() && key != dummy) decref(key);
  }
  if (so->table != so->small_table) buffer_free(so->table);
  free_object(object);
}

void set_traverse(Object* object, GcVisit visit, void* arg) {
  auto* so = static_cast<SetObject*>(object);
  if (!so->table) return;  // being allocated
  for (int64_t i = 0; i <= so->mask; ++i) {
    Value key = so->table[i].key;
    if (!key.is_null() && key != dummy) visit(key, arg);
  }
}

void set_gc_clear(Object* object) {
  auto* so = static_cast<SetObject*>(object);
  if (so->table && so->fill) clear_set(so);
}

Ref set_repr(Value self) {
  TypeObject* type = type_of(self);
  int entered = repr_enter(self);
  if (entered < 0) return nullptr;
  if (entered) return str_new(type->name + "(...)");
  if (as_set(self)->used == 0) {
    repr_leave(self);
    return str_new(type->name + "()");
  }
  Ref keys = list_from_iterable(self);
  Ref keys_repr = keys ? object_repr(*keys) : Ref();
  repr_leave(self);
  if (!keys_repr) return nullptr;
  std::string_view items = str_view(*keys_repr);
  items = items.substr(1, items.size() - 2);
  std::string out;
  if (type != &set_type) out = type->name + "(";
  out += '{';
  out += items;
  out += '}';
  if (type != &set_type) out += ')';
  return str_new(out);
}

int64_t frozenset_hash(Value self) {
  SetObject* so = as_set(self);
  if (so->hash != -1) return so->hash;
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
  uint64_t hash = 0;
  int64_t pos = 0;
  SetEntry* entry;
  while (next_entry(so, pos, entry)) hash ^= shuffle(static_cast<uint64_t>(entry->hash));
  hash ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
  so->hash = static_cast<int64_t>(hash);
  return so->hash;
}

Ref set_richcompare(Value self, Value other, CompareOp op) {
  if (!is_set_like(other)) return new_not_implemented();
  SetObject* a = as_set(self);
  SetObject* b = as_set(other);
  int result;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (a->used != b->used) result = 0;
      else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) result = 0;
      else result = is_subset(self, other);
      if (result >= 0 && op == CompareOp::Ne) result = !result;
      break;
    case CompareOp::Le: result = is_subset(self, other); break;
    case CompareOp::Ge: result = is_superset(self, other); break;
    case CompareOp::Lt: result = a->used >= b->used ? 0 : is_subset(self, other); break;
    default: result = a->used <= b->used ? 0 : is_superset(self, other); break;
  }
  if (result < 0) return nullptr;
  return Ref::boolean(result);
}

int64_t set_length(Value self) { return as_set(self)->used; }

int set_contains_slot(Value self, Value key) { return contains_key(as_set(self), key); }

Ref set_or(Value a, Value b) {
  if (!is_set_like(a) || !is_set_like(b)) return new_not_implemented();
  Ref result = copy_of(a);
  if (!result || a == b) return result;
  if (update_internal(as_set(*result), b) < 0) return nullptr;
  return result;
}

Ref set_and(Value a, Value b) {
  if (!is_set_like(a) || !is_set_like(b)) return new_not_implemented();
  return intersection(a, b);
}

Ref set_sub(Value a, Value b) {
  if (!is_set_like(a) || !is_set_like(b)) return new_not_implemented();
  return difference(a, b);
}

Ref set_xor(Value a, Value b) {
  if (!is_set_like(a) || !is_set_like(b)) return new_not_implemented();
  return symmetric_difference(a, b);
}

template <BinarySlot forward>
Ref reflected(Value self, Value other) {
  return forward(other, self);
}

Ref set_ior(Value self, Value other) {
  if (!is_set_like(other)) return new_not_implemented();
  if (update_internal(as_set(self), other) < 0) return nullptr;
  return Ref::borrow(self);
}

Ref set_iand(Value self, Value other) {
  if (!is_set_like(other)) return new_not_implemented();
  Ref result = intersection(self, other);
  if (!result) return nullptr;
  swap_bodies(as_set(self), as_set(*result));
  return Ref::borrow(self);
}

Ref set_isub(Value self, Value other) {
  if (!is_set_like(other)) return new_not_implemented();
  if (difference_update_internal(as_set(self), other) < 0) return nullptr;
  return Ref::borrow(self);
}

Ref set_ixor(Value self, Value other) {
  if (!is_set_like(other)) return new_not_implemented();
  if (symmetric_difference_update(as_set(self), other) < 0) return nullptr;
  return Ref::borrow(self);
}

bool no_keywords(const char* type_name_text, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    raise_format(&TypeError_type, "%s() takes no keyword arguments", type_name_text);
    return false;
  }
  return true;
}

Ref set_type_new(TypeObject* type, const Value*, size_t, Value kwnames) {
  if (type == &set_type && !no_keywords("set", kwnames)) return nullptr;
  return allocate_set(type);
}

int set_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("set", kwnames)) return -1;
  if (nargs > 1) {
    raise_format(&TypeError_type, "set expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  SetObject* so = as_set(self);
  if (so->fill) clear_set(so);
  if (nargs == 1 && update_internal(so, args[0]) < 0) return -1;
  return 0;
}

Ref frozenset_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &frozenset_type && !no_keywords("frozenset", kwnames)) return nullptr;
  if (nargs > 1) return raise_format(&TypeError_type, "frozenset expected at most 1 argument, got %zu", nargs);
  if (nargs == 1 && type == &frozenset_type && type_of(args[0]) == &frozenset_type) return Ref::borrow(args[0]);
  return make_set(type, nargs ? args[0] : Value());
}

// ---- iterator ----

struct SetIterObject : Object {
  Value set;      // owned; null once exhausted
  int64_t used;   // the set's size when iteration began (-1 once a change was seen)
  int64_t pos;
  int64_t remaining;
};

Ref set_iter(Value self) {
  Object* object = alloc_object(&set_iterator_type);
  if (!object) return nullptr;
  auto* it = static_cast<SetIterObject*>(object);
  incref(self);
  it->set = self;
  it->used = as_set(self)->used;
  it->remaining = it->used;
  return Ref::steal(Value(object));
}

void set_iter_dealloc(Object* object) {
  decref(static_cast<SetIterObject*>(object)->set);
  free_object(object);
}

Ref iterator_self(Value self) { return Ref::borrow(self); }

Ref set_iter_next(Value self) {
  auto* it = self.as<SetIterObject>();
  if (!it->set) return nullptr;
  SetObject* so = as_set(it->set);
  if (it->used != so->used) {
    it->used = -1;
    return raise(&RuntimeError_type, "Set changed size during iteration");
  }
  SetEntry* entry;
  if (!next_entry(so, it->pos, entry)) {
    decref(it->set);
    it->set = Value();
    return nullptr;
  }
  --it->remaining;
  return Ref::borrow(entry->key);
}

Ref set_iter_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = self.as<SetIterObject>();
  bool live = it->set && it->used == as_set(it->set)->used;
  return int_from_i64(live ? it->remaining : 0);
}

const MethodDef set_iterator_methods[] = {
    {"__length_hint__", set_iter_length_hint},
    {nullptr, nullptr},
};

// ---- methods ----

Ref set_method_add(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("set.add", nargs, kwnames, 1, 1)) return nullptr;
  if (add_key(as_set(self), args[0]) < 0) return nullptr;
  return Ref::none();
}

Ref set_method_remove(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("set.remove", nargs, kwnames, 1, 1)) return nullptr;
  int removed = discard_key(as_set(self), args[0]);
  if (removed < 0) return nullptr;
  if (!removed) return raise_key_error(args[0]);
  return Ref::none();
}

Ref set_method_discard(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("set.discard", nargs, kwnames, 1, 1)) return nullptr;
  if (discard_key(as_set(self), args[0]) < 0) return nullptr;
  return Ref::none();
}

Ref set_method_pop(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("set.pop", nargs, kwnames, 0, 0)) return nullptr;
  SetObject* so = as_set(self);
  if (so->used == 0) return raise(&KeyError_type, "pop from an empty set");
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (entry->key.is_null() || entry->key == dummy) {
    ++entry;
    if (entry > limit) entry = so->table;
  }
  Ref key = Ref::steal(entry->key);
  entry->key = dummy;
  entry->hash = -1;
  --so->used;
  so->finger = entry - so->table + 1;
  return key;
}

Ref set_method_clear(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("set.clear", nargs, kwnames, 0, 0)) return nullptr;
  clear_set(as_set(self));
  return Ref::none();
}

Ref set_method_copy(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("copy", nargs, kwnames, 0, 0)) return nullptr;
  if (type_of(self) == &frozenset_type) return Ref::borrow(self);
  return copy_of(self);
}

Ref set_method_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("set.update", kwnames)) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (update_internal(as_set(self), args[i]) < 0) return nullptr;
  return Ref::none();
}

Ref set_method_union(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("union", kwnames)) return nullptr;
  Ref result = copy_of(self);
  if (!result) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    if (args[i] == self) continue;
    if (update_internal(as_set(*result), args[i]) < 0) return nullptr;
  }
  return result;
}

Ref intersection_multi(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return copy_of(self);
  Ref result = Ref::borrow(self);
  for (size_t i = 0; i < nargs; ++i) {
    result = intersection(*result, args[i]);
    if (!result) return nullptr;
  }
  return result;
}

Ref set_method_intersection(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("intersection", kwnames)) return nullptr;
  return intersection_multi(self, args, nargs);
}

Ref set_method_intersection_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("intersection_update", kwnames)) return nullptr;
  Ref result = intersection_multi(self, args, nargs);
  if (!result) return nullptr;
  if (*result != self) swap_bodies(as_set(self), as_set(*result));
  return Ref::none();
}

Ref set_method_difference(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("difference", kwnames)) return nullptr;
  if (nargs == 0) return copy_of(self);
  Ref result = difference(self, args[0]);
  if (!result) return nullptr;
  for (size_t i = 1; i < nargs; ++i)
    if (difference_update_internal(as_set(*result), args[i]) < 0) return nullptr;
  return result;
}

Ref set_method_difference_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("difference_update", kwnames)) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (difference_update_internal(as_set(self), args[i]) < 0) return nullptr;
  return Ref::none();
}

Ref set_method_symmetric_difference(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("symmetric_difference", nargs, kwnames, 1, 1)) return nullptr;
  return symmetric_difference(self, args[0]);
}

Ref set_method_symmetric_difference_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("symmetric_difference_update", nargs, kwnames, 1, 1)) return nullptr;
  if (symmetric_difference_update(as_set(self), args[0]) < 0) return nullptr;
  return Ref::none();
}

Ref set_method_issubset(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("issubset", nargs, kwnames, 1, 1)) return nullptr;
  int result = is_subset(self, args[0]);
  if (result < 0) return nullptr;
  return Ref::boolean(result);
}

Ref set_method_issuperset(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("issuperset", nargs, kwnames, 1, 1)) return nullptr;
  int result = is_superset(self, args[0]);
  if (result < 0) return nullptr;
  return Ref::boolean(result);
}

Ref set_method_isdisjoint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("isdisjoint", nargs, kwnames, 1, 1)) return nullptr;
  Value other = args[0];
  SetObject* so = as_set(self);
  if (self == other) return Ref::boolean(so->used == 0);
  if (type_of(other) == &set_type || type_of(other) == &frozenset_type) {
    SetObject* container = so;
    SetObject* iterated = as_set(other);
    if (iterated->used > container->used) std::swap(container, iterated);
    int64_t pos = 0;
    SetEntry* entry;
    while (next_entry(iterated, pos, entry)) {
      Ref key = Ref::borrow(entry->key);
      int found = contains_entry(container, *key, entry->hash);
      if (found < 0) return nullptr;
      if (found) return Ref::boolean(false);
    }
    return Ref::boolean(true);
  }
  Ref iterator = get_iter(other);
  if (!iterator) return nullptr;
  while (Ref key = iter_next(*iterator)) {
    int64_t hash = key_hash(*key);
    if (hash == -1) return nullptr;
    int found = contains_entry(so, *key, hash);
    if (found < 0) return nullptr;
    if (found) return Ref::boolean(false);
  }
  if (error_pending()) return nullptr;
  return Ref::boolean(true);
}

Ref set_method_reduce(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__reduce__", nargs, kwnames, 0, 0)) return nullptr;
  Ref keys = list_from_iterable(self);
  if (!keys) return nullptr;
  Ref arguments = tuple_pack({*keys});
  if (!arguments) return nullptr;
  Value* dict = instance_dict_slot(self);
  Value state = dict && *dict ? *dict : Value::none();
  return tuple_pack({Value(type_of(self)), *arguments, state});
}

#define CHAIPY_SHARED_SET_METHODS                                    \
  {"copy", set_method_copy},                                         \
  {"union", set_method_union},                                       \
  {"intersection", set_method_intersection},                         \
  {"difference", set_method_difference},                             \
  {"symmetric_difference", set_method_symmetric_difference},         \
  {"issubset", set_method_issubset},                                 \
  {"issuperset", set_method_issuperset},                             \
  {"isdisjoint", set_method_isdisjoint},                             \
  {"__reduce__", set_method_reduce},

const MethodDef set_methods[] = {
    {"add", set_method_add},
    {"remove", set_method_remove},
    {"discard", set_method_discard},
    {"pop", set_method_pop},
    {"clear", set_method_clear},
    {"update", set_method_update},
    {"intersection_update", set_method_intersection_update},
    {"difference_update", set_method_difference_update},
    {"symmetric_difference_update", set_method_symmetric_difference_update},
    CHAIPY_SHARED_SET_METHODS
    {nullptr, nullptr},
};

const MethodDef frozenset_methods[] = {
    CHAIPY_SHARED_SET_METHODS
    {nullptr, nullptr},
};
#undef CHAIPY_SHARED_SET_METHODS

void fill_common_slots(TypeObject* type) {
  type->dealloc = set_dealloc;
  type->repr = set_repr;
  type->richcompare = set_richcompare;
  type->length = set_length;
  type->contains = set_contains_slot;
  type->iter = set_iter;
  auto set_binary = [type](BinaryOp op, BinarySlot forward) {
    type->binary[static_cast<int>(op)] = forward;
  };
  set_binary(BinaryOp::Or, set_or);
  set_binary(BinaryOp::And, set_and);
  set_binary(BinaryOp::Sub, set_sub);
  set_binary(BinaryOp::Xor, set_xor);
  type->reflected[static_cast<int>(BinaryOp::Or)] = reflected<set_or>;
  type->reflected[static_cast<int>(BinaryOp::And)] = reflected<set_and>;
  type->reflected[static_cast<int>(BinaryOp::Sub)] = reflected<set_sub>;
  type->reflected[static_cast<int>(BinaryOp::Xor)] = reflected<set_xor>;
}

}  // namespace

// ---- the C++ API ----

Ref set_new() { return allocate_set(&set_type); }
Ref frozenset_new() { return allocate_set(&frozenset_type); }
int set_add(Value set, Value key) { return add_key(as_set(set), key); }
int set_contains(Value set, Value key) { return contains_key(as_set(set), key); }
int set_discard(Value set, Value key) { return discard_key(as_set(set), key); }
int64_t set_size(Value set) { return as_set(set)->used; }

int set_update(Value set, Value iterable) { return update_internal(as_set(set), iterable); }

bool set_next(Value set, size_t& pos, Value& key) {
  auto position = static_cast<int64_t>(pos);
  SetEntry* entry;
  bool found = next_entry(as_set(set), position, entry);
  pos = static_cast<size_t>(position);
  if (found) key = entry->key;
  return found;
}

void init_set_types() {
  init_static_type(&set_type, "set", &object_type, sizeof(SetObject), type_flag_base_type | type_flag_gc);
  fill_common_slots(&set_type);
  set_type.traverse = set_traverse;
  set_type.clear = set_gc_clear;
  set_type.hash = hash_not_implemented;
  set_type.inplace[static_cast<int>(BinaryOp::Or)] = set_ior;
  set_type.inplace[static_cast<int>(BinaryOp::And)] = set_iand;
  set_type.inplace[static_cast<int>(BinaryOp::Sub)] = set_isub;
  set_type.inplace[static_cast<int>(BinaryOp::Xor)] = set_ixor;
  set_type.new_ = set_type_new;
  set_type.init = set_init;
  add_methods(&set_type, set_methods);
  finish_static_type(&set_type);

  init_static_type(&frozenset_type, "frozenset", &object_type, sizeof(SetObject), type_flag_base_type | type_flag_gc);
  fill_common_slots(&frozenset_type);
  frozenset_type.traverse = set_traverse;
  frozenset_type.clear = set_gc_clear;
  frozenset_type.hash = frozenset_hash;
  frozenset_type.new_ = frozenset_type_new;
  add_methods(&frozenset_type, frozenset_methods);
  finish_static_type(&frozenset_type);

  init_static_type(&set_iterator_type, "set_iterator", &object_type, sizeof(SetIterObject), 0);
  set_iterator_type.dealloc = set_iter_dealloc;
  set_iterator_type.iter = iterator_self;
  set_iterator_type.next = set_iter_next;
  set_iterator_type.new_ = nullptr;
  add_methods(&set_iterator_type, set_iterator_methods);
  finish_static_type(&set_iterator_type);
}

}  // namespace chaipy
