// Dictionaries: CPython's compact insertion-ordered hash table, the dict type, its views and iterators.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/buffer_memory.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/dict_object.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

TypeObject dict_type, dict_keys_type, dict_values_type, dict_items_type;
static TypeObject dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type,
    dict_reversekeyiterator_type, dict_reversevalueiterator_type, dict_reverseitemiterator_type;

namespace {

constexpr int64_t slot_empty = -1;
constexpr int64_t slot_dummy = -2;
constexpr int64_t lookup_error = -3;
constexpr uint8_t min_log2_size = 3;
constexpr unsigned perturb_shift = 5;

// Shared by every empty dict, so `{}` allocates no table; never written to (usable is 0).
DictKeys empty_keys = {min_log2_size, 0, false, 0, 0, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}};

inline int64_t usable_fraction(int64_t size) { return (size << 1) / 3; }

inline int64_t get_index(const DictKeys* k, size_t i) {
  switch (k->log2_index_bytes) {
    case 0: return reinterpret_cast<const int8_t*>(k->indices)[i];
    case 1: return reinterpret_cast<const int16_t*>(k->indices)[i];
    case 2: return reinterpret_cast<const int32_t*>(k->indices)[i];
    default: return reinterpret_cast<const int64_t*>(k->indices)[i];
  }
}
inline void set_index(DictKeys* k, size_t i, int64_t ix) {
  switch (k->log2_index_bytes) {
    case 0: reinterpret_cast<int8_t*>(k->indices)[i] = static_cast<int8_t>(ix); break;
    case 1: reinterpret_cast<int16_t*>(k->indices)[i] = static_cast<int16_t>(ix); break;
    case 2: reinterpret_cast<int32_t*>(k->indices)[i] = static_cast<int32_t>(ix); break;
    default: reinterpret_cast<int64_t*>(k->indices)[i] = ix; break;
  }
}

uint8_t log2_size_for(int64_t minimum_size) {
  uint8_t log2 = min_log2_size;
  while ((int64_t(1) << log2) < minimum_size) ++log2;
  return log2;
}
// The table size that holds n items without growing (CPython's ESTIMATE_SIZE).
uint8_t log2_size_holding(int64_t n) { return log2_size_for((n * 3 + 1) >> 1); }

// The bytes of a table of 1 << log2_size slots: header, index table, room for its usable entries.
size_t keys_bytes(uint8_t log2_size, uint8_t log2_index_bytes) {
  return offsetof(DictKeys, indices) + (size_t(1) << (log2_size + log2_index_bytes)) +
         usable_fraction(int64_t(1) << log2_size) * sizeof(DictEntry);
}
uint8_t log2_index_bytes_for(uint8_t log2_size) { return log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3; }

// Sets up an empty table of 1 << log2_size slots in `memory` (keys_bytes long).
DictKeys* init_keys(void* memory, uint8_t log2_size, bool in_dict) {
  auto* k = static_cast<DictKeys*>(memory);
  k->log2_size = log2_size;
  k->log2_index_bytes = log2_index_bytes_for(log2_size);
  k->in_dict = in_dict;
  k->usable = usable_fraction(int64_t(1) << log2_size);
  k->nentries = 0;
  memset(k->indices, 0xff, size_t(1) << (log2_size + k->log2_index_bytes));
  return k;
}

DictKeys* new_keys(uint8_t log2_size) {
  void* memory = buffer_alloc(keys_bytes(log2_size, log2_index_bytes_for(log2_size)));
  return memory ? init_keys(memory, log2_size, false) : nullptr;
}

void free_keys(DictKeys* k) {
  if (k != &empty_keys && !k->in_dict) buffer_free(k);
}

// A free slot for a key known to be absent (dummies are reused).
size_t find_empty_slot(const DictKeys* k, int64_t hash) {
  size_t mask = keys_size(k) - 1;
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  while (get_index(k, i) >= 0) {
    perturb >>= perturb_shift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// The slot that holds entry number `ix`.
size_t find_slot_of_entry(const DictKeys* k, int64_t hash, int64_t ix) {
  size_t mask = keys_size(k) - 1;
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  while (get_index(k, i) != ix) {
    perturb >>= perturb_shift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

inline bool is_exact_str(Value v) { return v.is_object() && v.as_object()->type == &str_type; }

// Hashes with the str and small-int cases inline; -1 with an error pending on failure.
inline int64_t key_hash(Value key) {
  if (key.is_small_int()) return hash_i64(key.as_small_int());
  if (is_exact_str(key)) {
    int64_t h = key.as<StrObject>()->hash;
    return h != -1 ? h : str_hash(key);
  }
  return object_hash(key);
}

// Equality of two keys with equal hashes that are not identical, when it can be decided
// without running Python code: 1 equal, 0 different, -1 undecided.
inline int quick_keys_equal(Value a, Value b) {
  if (is_exact_str(a) && is_exact_str(b)) {
    auto* sa = a.as<StrObject>();
    auto* sb = b.as<StrObject>();
    return sa->byte_length == sb->byte_length && memcmp(sa->data, sb->data, sa->byte_length) == 0;
  }
  if (a.is_small_int() && b.is_small_int()) return 0;
  return -1;
}

}  // namespace


namespace {

// Keys versions are unique across every dict of the process (as CPython's ma_version_tag), so
// an inline cache validated by a version can never mistake one dict for another. Each thread
// hands them out from its own block of the number space, without atomics on the hot path.
constexpr uint64_t version_block_size = uint64_t(1) << 40;
std::atomic<uint64_t> next_version_block{1};
thread_local uint64_t thread_next_version = 0;
thread_local uint64_t thread_version_limit = 0;

uint64_t new_keys_version() {
  if (thread_next_version == thread_version_limit) {
    thread_next_version = next_version_block.fetch_add(1, std::memory_order_relaxed) * version_block_size;
    thread_version_limit = thread_next_version + version_block_size;
  }
  return thread_next_version++;
}

}  // namespace

namespace {

inline DictObject* as_dict(Value v) { return v.as<DictObject>(); }

// The probe with rich comparisons, for keys whose equality runs Python code. An __eq__ that
// mutates the dict restarts the probe, as in CPython.
[[gnu::noinline]] int64_t lookup_with_comparisons(DictObject* d, Value key, int64_t hash) {
restart:
  DictKeys* k = d->keys;
  size_t mask = keys_size(k) - 1;
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  for (;;) {
    int64_t ix = get_index(k, i);
    if (ix == slot_empty) return slot_empty;
    if (ix >= 0) {
      DictEntry* entry = &keys_entries(k)[ix];
      if (entry->key == key) return ix;
      if (entry->hash == hash) {
        int equal = quick_keys_equal(entry->key, key);
        if (equal < 0) {
          Ref start_key = Ref::borrow(entry->key);
          equal = object_equal(*start_key, key);
          if (equal < 0) return lookup_error;
          if (d->keys != k || entry->key != *start_key) goto restart;
        }
        if (equal) return ix;
      }
    }
    perturb >>= perturb_shift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// The common probe, specialised on the index width, handing over to lookup_with_comparisons
// only when two keys' equality cannot be decided without running code.
template <class Index>
int64_t lookup_in(DictObject* d, DictKeys* k, Value key, int64_t hash) {
  const Index* indices = reinterpret_cast<const Index*>(k->indices);
  DictEntry* entries = keys_entries(k);
  size_t mask = keys_size(k) - 1;
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  for (;;) {
    int64_t ix = indices[i];
    if (ix == slot_empty) return slot_empty;
    if (ix >= 0) {
      DictEntry* entry = &entries[ix];
      if (entry->key == key) return ix;
      if (entry->hash == hash) {
        int equal = quick_keys_equal(entry->key, key);
        if (equal > 0) return ix;
        if (equal < 0) return lookup_with_comparisons(d, key, hash);
      }
    }
    perturb >>= perturb_shift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Entry number of `key`, slot_empty when absent, lookup_error with the exception pending.
inline int64_t lookup(DictObject* d, Value key, int64_t hash) {
  DictKeys* k = d->keys;
  switch (k->log2_index_bytes) {
    case 0: return lookup_in<int8_t>(d, k, key, hash);
    case 1: return lookup_in<int16_t>(d, k, key, hash);
    case 2: return lookup_in<int32_t>(d, k, key, hash);
    default: return lookup_in<int64_t>(d, k, key, hash);
  }
}

// Moves the live entries into a table of 1 << log2_size slots.
bool resize(DictObject* d, uint8_t log2_size) {
  DictKeys* old_keys = d->keys;
  DictKeys* keys = new_keys(log2_size);
  if (!keys) {
    raise_no_memory();
    return false;
  }
  DictEntry* source = keys_entries(old_keys);
  DictEntry* target = keys_entries(keys);
  if (old_keys->nentries == d->used) {
    memcpy(target, source, d->used * sizeof(DictEntry));
  } else {
    DictEntry* out = target;
    for (int64_t i = 0; i < old_keys->nentries; ++i)
      if (source[i].key) *out++ = source[i];
  }
  for (int64_t i = 0; i < d->used; ++i) set_index(keys, find_empty_slot(keys, target[i].hash), i);
  keys->usable -= d->used;
  keys->nentries = d->used;
  d->keys = keys;
  // Entries moved: caches holding entry positions must see a new version.
  d->keys_version = new_keys_version();
  free_keys(old_keys);
  return true;
}

bool grow(DictObject* d) { return resize(d, log2_size_for(d->used * 3)); }

// Appends a key known to be absent; steals both references.
bool append_new_entry(DictObject* d, Value key, int64_t hash, Value value) {
  if (d->keys->usable <= 0 && !grow(d)) {
    decref(key);
    decref(value);
    return false;
  }
  DictKeys* k = d->keys;
  set_index(k, find_empty_slot(k, hash), k->nentries);
  keys_entries(k)[k->nentries] = DictEntry{hash, key, value};
  ++k->nentries;
  --k->usable;
  ++d->used;
  d->keys_version = new_keys_version();
  return true;
}

// The usual insert, into a table with room left: one probe finds the key, or the slot a new
// key takes when the probe meets no dummy and no key whose equality needs code run (the
// general path probes twice for a new key). False, having done nothing, when undecided.
template <class Index>
[[gnu::always_inline]] inline bool insert_by_one_probe(DictObject* d, DictKeys* k, Value key, int64_t hash,
                                                       Value value) {
  auto* indices = reinterpret_cast<Index*>(k->indices);
  DictEntry* entries = keys_entries(k);
  size_t mask = keys_size(k) - 1;
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  for (int64_t ix; (ix = indices[i]) != slot_empty;) {
    if (ix < 0) return false;
    DictEntry* entry = &entries[ix];
    int equal = entry->key == key ? 1 : entry->hash == hash ? quick_keys_equal(entry->key, key) : 0;
    if (equal < 0) return false;
    if (equal) {
      incref(value);
      Value old = entry->value;
      entry->value = value;
      decref(old);
      return true;
    }
    perturb >>= perturb_shift;
    i = (i * 5 + perturb + 1) & mask;
  }
  incref(key);
  incref(value);
  indices[i] = static_cast<Index>(k->nentries);
  entries[k->nentries] = DictEntry{hash, key, value};
  ++k->nentries;
  --k->usable;
  ++d->used;
  d->keys_version = new_keys_version();
  return true;
}

// d[key] = value; borrows both.
int insert(DictObject* d, Value key, int64_t hash, Value value) {
  DictKeys* k = d->keys;
  if (k->usable > 0) {
    bool done;
    switch (k->log2_index_bytes) {
      case 0: done = insert_by_one_probe<int8_t>(d, k, key, hash, value); break;
      case 1: done = insert_by_one_probe<int16_t>(d, k, key, hash, value); break;
      case 2: done = insert_by_one_probe<int32_t>(d, k, key, hash, value); break;
      default: done = insert_by_one_probe<int64_t>(d, k, key, hash, value); break;
    }
    if (done) return 0;
  }
  int64_t ix = lookup(d, key, hash);
  if (ix == lookup_error) return -1;
  incref(value);
  if (ix >= 0) {
    DictEntry* entry = &keys_entries(d->keys)[ix];
    Value old = entry->value;
    entry->value = value;
    decref(old);
    return 0;
  }
  incref(key);
  return append_new_entry(d, key, hash, value) ? 0 : -1;
}

void delete_entry(DictObject* d, int64_t hash, int64_t ix) {
  DictKeys* k = d->keys;
  set_index(k, find_slot_of_entry(k, hash, ix), slot_dummy);
  DictEntry* entry = &keys_entries(k)[ix];
  Value key = entry->key;
  Value value = entry->value;
  entry->key = Value();
  entry->value = Value();
  --d->used;
  d->keys_version = new_keys_version();
  decref(key);
  decref(value);
}

void release_entries(DictKeys* k) {
  DictEntry* entries = keys_entries(k);
  for (int64_t i = 0; i < k->nentries; ++i) {
    if (entries[i].key) {
      decref(entries[i].key);
      decref(entries[i].value);
    }
  }
}

Object* allocate_dict(TypeObject* type, size_t size) {
  // The instance size comes from the caller: dicts are created before dict_type is set up.
  Object* object = alloc_var_object(type, size);
  if (!object) return nullptr;
  auto* d = static_cast<DictObject*>(object);
  d->keys = &empty_keys;
  d->keys_version = new_keys_version();
  return object;
}

// Builds a dict with the same entries as `source` (an exact copy of its table when it has
// few deletions, as CPython's clone_combined_dict_keys).
Ref copy_entries(DictObject* source) {
  Ref result = dict_new();
  if (!result || source->used == 0) return result;
  DictObject* d = as_dict(*result);
  DictKeys* k = source->keys;
  if (source->used >= (k->nentries * 2) / 3) {
    size_t index_bytes = size_t(keys_size(k)) << k->log2_index_bytes;
    auto* clone = static_cast<DictKeys*>(buffer_alloc(keys_bytes(k->log2_size, k->log2_index_bytes)));
    if (!clone) return raise_no_memory();
    memcpy(clone, k, offsetof(DictKeys, indices) + index_bytes + k->nentries * sizeof(DictEntry));
    clone->in_dict = false;
    DictEntry* entries = keys_entries(clone);
    for (int64_t i = 0; i < clone->nentries; ++i) {
      if (entries[i].key) {
        incref(entries[i].key);
        incref(entries[i].value);
      }
    }
    d->keys = clone;
    d->used = source->used;
    return result;
  }
  if (!resize(d, log2_size_holding(source->used))) return nullptr;
  DictEntry* entries = keys_entries(k);
  for (int64_t i = 0; i < k->nentries; ++i) {
    if (!entries[i].key) continue;
    incref(entries[i].key);
    incref(entries[i].value);
    append_new_entry(d, entries[i].key, entries[i].hash, entries[i].value);
  }
  return result;
}

Ref dict_iter(Value self);

// A dict (or subclass) whose iteration is dict's own, so its table can be read directly.
bool has_plain_iteration(Value v) { return is_dict(v) && type_of(v)->iter == dict_iter; }

// Merges the entries of `other` (a dict with plain iteration) into d, overriding.
int merge_dict(DictObject* d, DictObject* other) {
  if (d == other || other->used == 0) return 0;
  if (d->keys->usable < other->used && !resize(d, log2_size_holding(d->used + other->used))) return -1;
  DictKeys* k = other->keys;
  for (int64_t i = 0, n = k->nentries; i < n; ++i) {
    DictEntry* entry = &keys_entries(k)[i];
    if (!entry->key) continue;
    Ref key = Ref::borrow(entry->key);
    Ref value = Ref::borrow(entry->value);
    if (insert(d, *key, entry->hash, *value) < 0) return -1;
    if (other->keys != k || k->nentries != n) {
      raise(&RuntimeError_type, "dict mutated during update");
      return -1;
    }
  }
  return 0;
}

// Merges a mapping that has keys() and __getitem__.
int merge_mapping(Value dict, Value mapping) {
  Ref keys = call_method(mapping, "keys", nullptr, 0);
  if (!keys) return -1;
  Ref iterator = get_iter(*keys);
  if (!iterator) return -1;
  while (Ref key = iter_next(*iterator)) {
    Ref value = get_item(mapping, *key);
    if (!value || dict_set(dict, *key, *value) < 0) return -1;
  }
  return error_pending() ? -1 : 0;
}

// Merges an iterable of key/value pairs.
int merge_pairs(Value dict, Value pairs) {
  Ref iterator = get_iter(pairs);
  if (!iterator) return -1;
  for (size_t index = 0;; ++index) {
    Ref item = iter_next(*iterator);
    if (!item) return error_pending() ? -1 : 0;
    Ref sequence = item;
    if (!is_tuple(*item) && !is_list(*item)) {
      sequence = type_of(*item)->iter || type_of(*item)->getitem ? list_from_iterable(*item) : Ref();
      if (!sequence) {
        if (error_pending() && !error_matches(&TypeError_type)) return -1;
        clear_error();
        raise_format(&TypeError_type, "cannot convert dictionary update sequence element #%zu to a sequence",
                     index);
        return -1;
      }
    }
    bool tuple = is_tuple(*sequence);
    int64_t length = tuple ? tuple_size(*sequence) : list_size(*sequence);
    if (length != 2) {
      raise_format(&ValueError_type, "dictionary update sequence element #%zu has length %lld; 2 is required",
                   index, static_cast<long long>(length));
      return -1;
    }
    Ref key = Ref::borrow(tuple ? tuple_item(*sequence, 0) : list_item(*sequence, 0));
    Ref value = Ref::borrow(tuple ? tuple_item(*sequence, 1) : list_item(*sequence, 1));
    if (dict_set(dict, *key, *value) < 0) return -1;
  }
}

// dict(arg) / d.update(arg): a dict, a mapping with keys(), or pairs.
int update_from(Value dict, Value other) {
  if (has_plain_iteration(other)) return merge_dict(as_dict(dict), as_dict(other));
  int has_keys = has_attr(other, str_intern("keys"));
  if (has_keys < 0) return -1;
  return has_keys ? merge_mapping(dict, other) : merge_pairs(dict, other);
}

// The shared argument handling of dict(...), dict.__init__ and dict.update.
int update_common(Value self, const char* name, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 1) {
    raise_format(&TypeError_type, "%s expected at most 1 argument, got %zu", name, nargs);
    return -1;
  }
  if (nargs == 1 && update_from(self, args[0]) < 0) return -1;
  if (kwnames) {
    for (int64_t i = 0, n = tuple_size(kwnames); i < n; ++i)
      if (dict_set(self, tuple_item(kwnames, i), args[nargs + i]) < 0) return -1;
  }
  return 0;
}

}  // namespace

// ---- the C++ API ----

Ref dict_new() {
  Object* object = allocate_dict(&dict_type, sizeof(DictObject));
  if (!object) return nullptr;
  return Ref::steal(Value(object));
}

// An instance's attributes are set one by one right after it is made, and most instances of a
// class end up with the same ones: the first table is made big enough for as many attributes
// as the last freed instance had (up to CPython's 30 for shared keys), in the dict's own block.
// One allocation per instance dict instead of a dict, a table and a resize.
Ref instance_dict_new(TypeObject* type) {
  constexpr int64_t max_presized_attributes = 30;
  uint8_t log2_size = log2_size_holding(std::min(type->instance_dict_hint, max_presized_attributes));
  size_t table_bytes = keys_bytes(log2_size, log2_index_bytes_for(log2_size));
  Object* object = allocate_dict(&dict_type, sizeof(DictObject) + table_bytes);
  if (!object) return nullptr;
  auto* d = static_cast<DictObject*>(object);
  d->keys = init_keys(d + 1, log2_size, true);
  return Ref::steal(Value(object));
}

Value dict_get(Value dict, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return Value();
  DictObject* d = as_dict(dict);
  int64_t ix = lookup(d, key, hash);
  if (ix < 0) return Value();
  return keys_entries(d->keys)[ix].value;
}

int64_t dict_lookup_index(Value dict, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -2;
  int64_t ix = lookup(as_dict(dict), key, hash);
  if (ix == lookup_error) return -2;
  return ix < 0 ? -1 : ix;
}

// Looks a str up by its text without making a str object; keys of other types never equal a
// str (short of a custom __eq__, which name lookups from C++ do not need to honour).
Value dict_get_str(Value dict, std::string_view key) {
  int64_t hash = static_cast<int64_t>(hash_bytes(key));
  if (hash == -1) hash = -2;
  DictKeys* k = as_dict(dict)->keys;
  size_t mask = keys_size(k) - 1;
  size_t perturb = static_cast<uint64_t>(hash);
  size_t i = perturb & mask;
  for (;;) {
    int64_t ix = get_index(k, i);
    if (ix == slot_empty) return Value();
    if (ix >= 0) {
      DictEntry* entry = &keys_entries(k)[ix];
      if (entry->hash == hash && is_str(entry->key) && str_view(entry->key) == key) return entry->value;
    }
    perturb >>= perturb_shift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

int dict_set(Value dict, Value key, Value value) {
  if (!key || !value) return -1;  // a part failed to be made: its MemoryError is pending
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  return insert(as_dict(dict), key, hash, value);
}

int dict_set_str(Value dict, const char* key, Value value) {
  Value interned = str_intern(key);
  return interned ? dict_set(dict, interned, value) : -1;  // null: out of memory, MemoryError pending
}

int dict_reserve(Value dict, size_t count) {
  DictObject* d = as_dict(dict);
  if (int64_t(count) <= d->used + d->keys->usable) return 0;
  return resize(d, log2_size_holding(int64_t(count))) ? 0 : -1;
}

int dict_del(Value dict, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  DictObject* d = as_dict(dict);
  int64_t ix = lookup(d, key, hash);
  if (ix == lookup_error) return -1;
  if (ix == slot_empty) {
    raise_key_error(key);
    return -1;
  }
  delete_entry(d, hash, ix);
  return 0;
}

int64_t dict_size(Value dict) { return as_dict(dict)->used; }

bool dict_next(Value dict, size_t& pos, Value& key, Value& value) {
  DictKeys* k = as_dict(dict)->keys;
  DictEntry* entries = keys_entries(k);
  while (pos < static_cast<size_t>(k->nentries)) {
    DictEntry* entry = &entries[pos++];
    if (entry->key) {
      key = entry->key;
      value = entry->value;
      return true;
    }
  }
  return false;
}

Ref dict_copy(Value dict) { return copy_entries(as_dict(dict)); }

void dict_clear(Value dict) {
  DictObject* d = as_dict(dict);
  DictKeys* old_keys = d->keys;
  if (old_keys == &empty_keys) return;
  d->keys = &empty_keys;
  d->used = 0;
  d->keys_version = new_keys_version();
  release_entries(old_keys);
  free_keys(old_keys);
}

int dict_update(Value dict, Value other) { return update_from(dict, other); }

uint64_t dict_keys_version(Value dict) { return as_dict(dict)->keys_version; }

// ---- dict slots ----

namespace {

void dict_dealloc(Object* object) {
  auto* d = static_cast<DictObject*>(object);
  release_entries(d->keys);
  free_keys(d->keys);
  free_object(object);
}

void dict_traverse(Object* object, GcVisit visit, void* arg) {
  DictKeys* k = static_cast<DictObject*>(object)->keys;
  if (!k) return;  // being allocated
  DictEntry* entries = keys_entries(k);
  for (int64_t i = 0; i < k->nentries; ++i) {
    if (entries[i].key) {
      visit(entries[i].key, arg);
      visit(entries[i].value, arg);
    }
  }
}

void dict_gc_clear(Object* object) {
  if (static_cast<DictObject*>(object)->keys) dict_clear(Value(object));
}

Ref dict_repr(Value self) {
  DictObject* d = as_dict(self);
  if (d->used == 0) return str_new("{}");
  int entered = repr_enter(self);
  if (entered < 0) return nullptr;
  if (entered) return str_new("{...}");
  std::string out = "{";
  bool ok = true;
  for (int64_t i = 0; i < d->keys->nentries && ok; ++i) {
    DictEntry* entry = &keys_entries(d->keys)[i];
    if (!entry->key) continue;
    Ref key = Ref::borrow(entry->key);
    Ref value = Ref::borrow(entry->value);
    if (out.size() > 1) out += ", ";
    Ref key_repr = object_repr(*key);
    Ref value_repr = key_repr ? object_repr(*value) : Ref();
    if (!value_repr) {
      ok = false;
      break;
    }
    out += str_view(*key_repr);
    out += ": ";
    out += str_view(*value_repr);
  }
  repr_leave(self);
  if (!ok) return nullptr;
  out += '}';
  return str_new(out);
}

int dict_equal(DictObject* a, DictObject* b) {
  if (a->used != b->used) return 0;
  for (int64_t i = 0; i < a->keys->nentries; ++i) {
    DictEntry* entry = &keys_entries(a->keys)[i];
    if (!entry->key) continue;
    Ref key = Ref::borrow(entry->key);
    Ref a_value = Ref::borrow(entry->value);
    int64_t ix = lookup(b, *key, entry->hash);
    if (ix == lookup_error) return -1;
    if (ix == slot_empty) return 0;
    Ref b_value = Ref::borrow(keys_entries(b->keys)[ix].value);
    int equal = object_equal(*a_value, *b_value);
    if (equal <= 0) return equal;
  }
  return 1;
}

Ref dict_richcompare(Value self, Value other, CompareOp op) {
  if (!is_dict(other) || (op != CompareOp::Eq && op != CompareOp::Ne)) return new_not_implemented();
  int equal = dict_equal(as_dict(self), as_dict(other));
  if (equal < 0) return nullptr;
  return Ref::boolean((op == CompareOp::Eq) == (equal == 1));
}

int64_t dict_length(Value self) { return as_dict(self)->used; }

Ref dict_subscript(Value self, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  DictObject* d = as_dict(self);
  int64_t ix = lookup(d, key, hash);
  if (ix >= 0) return Ref::borrow(keys_entries(d->keys)[ix].value);
  if (ix == lookup_error) return nullptr;
  TypeObject* type = type_of(self);
  if (type != &dict_type && type_lookup(type, str_intern("__missing__")))
    return call_method(self, "__missing__", &key, 1);
  return raise_key_error(key);
}

int dict_ass_subscript(Value self, Value key, Value value) {
  return value ? dict_set(self, key, value) : dict_del(self, key);
}

int dict_contains(Value self, Value key) {
  int64_t hash = key_hash(key);
  if (hash == -1) return -1;
  int64_t ix = lookup(as_dict(self), key, hash);
  return ix == lookup_error ? -1 : ix >= 0;
}

Ref dict_type_new(TypeObject* type, const Value*, size_t, Value) {
  Object* object = allocate_dict(type, type->instance_size);
  if (!object) return nullptr;
  return Ref::steal(Value(object));
}

int dict_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return update_common(self, "dict", args, nargs, kwnames);
}

Ref dict_or(Value self, Value other) {
  if (!is_dict(self) || !is_dict(other)) return new_not_implemented();
  Ref result = dict_copy(self);
  if (!result || update_from(*result, other) < 0) return nullptr;
  return result;
}

Ref dict_ror(Value self, Value other) { return dict_or(other, self); }

Ref dict_ior(Value self, Value other) {
  if (update_from(self, other) < 0) return nullptr;
  return Ref::borrow(self);
}

// ---- iterators ----

enum class IterKind { Keys, Values, Items };

struct DictIterObject : Object {
  Value dict;         // owned; null once exhausted
  int64_t used;       // the dict's size when iteration began (-1 once a change was seen)
  int64_t pos;        // next entry to look at
  int64_t remaining;  // entries still to produce
  Value result;       // items iterators: a (key, value) tuple reused while nobody else holds it
};

TypeObject* iterator_type_for(IterKind kind, bool reverse) {
  switch (kind) {
    case IterKind::Keys: return reverse ? &dict_reversekeyiterator_type : &dict_keyiterator_type;
    case IterKind::Values: return reverse ? &dict_reversevalueiterator_type : &dict_valueiterator_type;
    default: return reverse ? &dict_reverseitemiterator_type : &dict_itemiterator_type;
  }
}

Ref dict_iter_new(Value dict, IterKind kind, bool reverse) {
  Object* object = alloc_object(iterator_type_for(kind, reverse));
  if (!object) return nullptr;
  auto* it = static_cast<DictIterObject*>(object);
  DictObject* d = as_dict(dict);
  incref(dict);
  it->dict = dict;
  it->used = d->used;
  it->pos = reverse ? d->keys->nentries - 1 : 0;
  it->remaining = d->used;
  return Ref::steal(Value(object));
}

void dict_iter_dealloc(Object* object) {
  auto* it = static_cast<DictIterObject*>(object);
  decref(it->dict);
  decref(it->result);
  free_object(object);
}

Ref iterator_self(Value self) { return Ref::borrow(self); }

Ref make_item(DictIterObject* it, Value key, Value value) {
  if (it->result && it->result.as_object()->refcount == 1) {
    Value old_key = tuple_item(it->result, 0);
    Value old_value = tuple_item(it->result, 1);
    incref(key);
    incref(value);
    tuple_set(it->result, 0, key);
    tuple_set(it->result, 1, value);
    decref(old_key);
    decref(old_value);
    return Ref::borrow(it->result);
  }
  Ref item = tuple_pack({key, value});
  if (!item) return nullptr;
  if (!it->result) it->result = Ref(item).release();
  return item;
}

template <IterKind kind, bool reverse>
Ref dict_iter_next(Value self) {
  auto* it = self.as<DictIterObject>();
  if (!it->dict) return nullptr;
  DictObject* d = as_dict(it->dict);
  if (it->used != d->used) {
    it->used = -1;
    return raise(&RuntimeError_type, "dictionary changed size during iteration");
  }
  DictKeys* k = d->keys;
  DictEntry* entries = keys_entries(k);
  int64_t i = it->pos;
  if constexpr (reverse) {
    while (i >= 0 && i < k->nentries && !entries[i].key) --i;
    if (i < 0 || i >= k->nentries) {
      decref(it->dict);
      it->dict = Value();
      return nullptr;
    }
  } else {
    while (i < k->nentries && !entries[i].key) ++i;
    if (i >= k->nentries) {
      decref(it->dict);
      it->dict = Value();
      return nullptr;
    }
  }
  if (it->remaining == 0) {
    decref(it->dict);
    it->dict = Value();
    return raise(&RuntimeError_type, "dictionary keys changed during iteration");
  }
  it->pos = reverse ? i - 1 : i + 1;
  --it->remaining;
  DictEntry* entry = &entries[i];
  if constexpr (kind == IterKind::Keys) return Ref::borrow(entry->key);
  else if constexpr (kind == IterKind::Values) return Ref::borrow(entry->value);
  else return make_item(it, entry->key, entry->value);
}

Ref iterator_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = self.as<DictIterObject>();
  bool live = it->dict && it->used == as_dict(it->dict)->used;
  return int_from_i64(live ? it->remaining : 0);
}

const MethodDef dict_iterator_methods[] = {
    {"__length_hint__", iterator_length_hint},
    {nullptr, nullptr},
};

Ref dict_iter(Value self) { return dict_iter_new(self, IterKind::Keys, false); }

// ---- views ----

struct DictViewObject : Object {
  Value dict;  // owned
};

Ref view_new(Value dict, TypeObject* type) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  incref(dict);
  static_cast<DictViewObject*>(object)->dict = dict;
  return Ref::steal(Value(object));
}

inline Value view_dict(Value view) { return view.as<DictViewObject>()->dict; }
inline bool is_keys_or_items_view(Value v) {
  return v.is_object() && (v.as_object()->type == &dict_keys_type || v.as_object()->type == &dict_items_type);
}

void view_dealloc(Object* object) {
  decref(static_cast<DictViewObject*>(object)->dict);
  free_object(object);
}

int64_t view_length(Value self) { return as_dict(view_dict(self))->used; }

Ref keys_view_iter(Value self) { return dict_iter_new(view_dict(self), IterKind::Keys, false); }
Ref values_view_iter(Value self) { return dict_iter_new(view_dict(self), IterKind::Values, false); }
Ref items_view_iter(Value self) { return dict_iter_new(view_dict(self), IterKind::Items, false); }

int keys_view_contains(Value self, Value key) { return dict_contains(view_dict(self), key); }

int items_view_contains(Value self, Value item) {
  if (!is_tuple(item) || tuple_size(item) != 2) return 0;
  Ref key = Ref::borrow(tuple_item(item, 0));
  Value found = dict_get(view_dict(self), *key);
  if (!found) return error_pending() ? -1 : 0;
  Ref value = Ref::borrow(found);
  return object_equal(*value, tuple_item(item, 1));
}

Ref view_repr(Value self) {
  int entered = repr_enter(self);
  if (entered < 0) return nullptr;
  if (entered) return str_new("...");
  Ref items = list_from_iterable(self);
  Ref items_repr = items ? object_repr(*items) : Ref();
  repr_leave(self);
  if (!items_repr) return nullptr;
  std::string out = type_of(self)->name;
  out += '(';
  out += str_view(*items_repr);
  out += ')';
  return str_new(out);
}

// Every item of `a` is in `b`.
int all_contained_in(Value a, Value b) {
  Ref iterator = get_iter(a);
  if (!iterator) return -1;
  while (Ref item = iter_next(*iterator)) {
    int found = contains(b, *item);
    if (found <= 0) return found;
  }
  return error_pending() ? -1 : 1;
}

Ref view_richcompare(Value self, Value other, CompareOp op) {
  if (!is_anyset(other) && !is_keys_or_items_view(other)) return new_not_implemented();
  int64_t self_length = object_length(self);
  int64_t other_length = self_length < 0 ? -1 : object_length(other);
  if (other_length < 0) return nullptr;
  int ok = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (self_length == other_length) ok = all_contained_in(self, other);
      if (op == CompareOp::Ne && ok >= 0) ok = !ok;
      break;
    case CompareOp::Lt:
      if (self_length < other_length) ok = all_contained_in(self, other);
      break;
    case CompareOp::Le:
      if (self_length <= other_length) ok = all_contained_in(self, other);
      break;
    case CompareOp::Gt:
      if (self_length > other_length) ok = all_contained_in(other, self);
      break;
    case CompareOp::Ge:
      if (self_length >= other_length) ok = all_contained_in(other, self);
      break;
  }
  if (ok < 0) return nullptr;
  return Ref::boolean(ok);
}

// set(view), reading a keys view's dict directly as CPython does.
Ref view_to_set(Value view) {
  Value source = view.is_object() && view.as_object()->type == &dict_keys_type ? view_dict(view) : view;
  Ref result = set_new();
  if (!result) return nullptr;
  Ref ignored = call_method(*result, "update", &source, 1);
  if (!ignored) return nullptr;
  return result;
}

// set(left) <method>(right): the result of - | ^ on views, in either operand order.
Ref view_set_operation(Value left, Value right, const char* method) {
  Ref result = view_to_set(left);
  if (!result) return nullptr;
  Ref ignored = call_method(*result, method, &right, 1);
  if (!ignored) return nullptr;
  return result;
}

Ref view_sub(Value self, Value other) { return view_set_operation(self, other, "difference_update"); }
Ref view_rsub(Value self, Value other) { return view_set_operation(other, self, "difference_update"); }
Ref view_or(Value self, Value other) { return view_set_operation(self, other, "update"); }
Ref view_ror(Value self, Value other) { return view_set_operation(other, self, "update"); }
Ref view_xor(Value self, Value other) { return view_set_operation(self, other, "symmetric_difference_update"); }
Ref view_rxor(Value self, Value other) { return view_set_operation(other, self, "symmetric_difference_update"); }

// view & other, as CPython's _PyDictView_Intersect: iterate the smaller side.
Ref view_and(Value self, Value other) {
  int64_t self_length = view_length(self);
  if (type_of(other) == &set_type) {
    int64_t other_length = set_size(other);
    if (self_length <= other_length) return call_method(other, "intersection", &self, 1);
  }
  if (is_keys_or_items_view(other) && view_length(other) > self_length) std::swap(self, other);
  Ref result = set_new();
  if (!result) return nullptr;
  Ref iterator = get_iter(other);
  if (!iterator) return nullptr;
  int (*view_contains)(Value, Value) = type_of(self) == &dict_keys_type ? keys_view_contains : items_view_contains;
  while (Ref item = iter_next(*iterator)) {
    int found = view_contains(self, *item);
    if (found < 0 || (found && set_add(*result, *item) < 0)) return nullptr;
  }
  if (error_pending()) return nullptr;
  return result;
}

Ref view_rand(Value self, Value other) { return view_and(self, other); }

Ref view_isdisjoint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("isdisjoint", nargs, kwnames, 1, 1)) return nullptr;
  Value other = args[0];
  if (self == other) return Ref::boolean(view_length(self) == 0);
  Value container = self;
  Value iterable = other;
  if (is_anyset(other) || is_keys_or_items_view(other)) {
    int64_t other_length = object_length(other);
    if (other_length < 0) return nullptr;
    if (other_length > view_length(self)) std::swap(container, iterable);
  }
  Ref iterator = get_iter(iterable);
  if (!iterator) return nullptr;
  while (Ref item = iter_next(*iterator)) {
    int found = contains(container, *item);
    if (found < 0) return nullptr;
    if (found) return Ref::boolean(false);
  }
  if (error_pending()) return nullptr;
  return Ref::boolean(true);
}

template <IterKind kind>
Ref view_reversed(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__reversed__", nargs, kwnames, 0, 0)) return nullptr;
  return dict_iter_new(view_dict(self), kind, true);
}

const MethodDef keys_view_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {"__reversed__", view_reversed<IterKind::Keys>},
    {nullptr, nullptr},
};
const MethodDef values_view_methods[] = {
    {"__reversed__", view_reversed<IterKind::Values>},
    {nullptr, nullptr},
};
const MethodDef items_view_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {"__reversed__", view_reversed<IterKind::Items>},
    {nullptr, nullptr},
};

// ---- dict methods ----

Ref dict_method_get(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("get", nargs, kwnames, 1, 2)) return nullptr;
  Value found = dict_get(self, args[0]);
  if (found) return Ref::borrow(found);
  if (error_pending()) return nullptr;
  return Ref::borrow(nargs == 2 ? args[1] : Value::none());
}

Ref dict_method_setdefault(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("setdefault", nargs, kwnames, 1, 2)) return nullptr;
  Value key = args[0];
  Value fallback = nargs == 2 ? args[1] : Value::none();
  int64_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  DictObject* d = as_dict(self);
  int64_t ix = lookup(d, key, hash);
  if (ix == lookup_error) return nullptr;
  if (ix >= 0) return Ref::borrow(keys_entries(d->keys)[ix].value);
  incref(key);
  incref(fallback);
  if (!append_new_entry(d, key, hash, fallback)) return nullptr;
  return Ref::borrow(fallback);
}

Ref dict_method_pop(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("pop", nargs, kwnames, 1, 2)) return nullptr;
  Value key = args[0];
  int64_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  DictObject* d = as_dict(self);
  int64_t ix = lookup(d, key, hash);
  if (ix == lookup_error) return nullptr;
  if (ix == slot_empty) {
    if (nargs == 2) return Ref::borrow(args[1]);
    return raise_key_error(key);
  }
  Ref value = Ref::borrow(keys_entries(d->keys)[ix].value);
  delete_entry(d, hash, ix);
  return value;
}

Ref dict_method_popitem(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("popitem", nargs, kwnames, 0, 0)) return nullptr;
  DictObject* d = as_dict(self);
  if (d->used == 0) return raise(&KeyError_type, "popitem(): dictionary is empty");
  DictKeys* k = d->keys;
  int64_t i = k->nentries - 1;
  while (!keys_entries(k)[i].key) --i;
  DictEntry* entry = &keys_entries(k)[i];
  // The pair takes over the entry's references.
  Ref pair = tuple_new(2);
  if (!pair) return nullptr;
  tuple_set(*pair, 0, entry->key);
  tuple_set(*pair, 1, entry->value);
  set_index(k, find_slot_of_entry(k, entry->hash, i), slot_dummy);
  entry->key = Value();
  entry->value = Value();
  // The slot stays a dummy, so the table does not get its usable entry back.
  k->nentries = i;
  --d->used;
  d->keys_version = new_keys_version();
  return pair;
}

Ref dict_method_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (update_common(self, "update", args, nargs, kwnames) < 0) return nullptr;
  return Ref::none();
}

Ref dict_method_keys(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("keys", nargs, kwnames, 0, 0)) return nullptr;
  return view_new(self, &dict_keys_type);
}
Ref dict_method_values(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("values", nargs, kwnames, 0, 0)) return nullptr;
  return view_new(self, &dict_values_type);
}
Ref dict_method_items(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("items", nargs, kwnames, 0, 0)) return nullptr;
  return view_new(self, &dict_items_type);
}

Ref dict_method_fromkeys(Value cls, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("fromkeys", nargs, kwnames, 1, 2)) return nullptr;
  Value value = nargs == 2 ? args[1] : Value::none();
  Ref result = cls == Value(&dict_type) ? dict_new() : call0(cls);
  if (!result) return nullptr;
  bool exact = type_of(*result) == &dict_type;
  Ref iterator = get_iter(args[0]);
  if (!iterator) return nullptr;
  while (Ref key = iter_next(*iterator)) {
    int status = exact ? dict_set(*result, *key, value) : set_item(*result, *key, value);
    if (status < 0) return nullptr;
  }
  if (error_pending()) return nullptr;
  return result;
}

Ref dict_method_copy(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("copy", nargs, kwnames, 0, 0)) return nullptr;
  return dict_copy(self);
}

Ref dict_method_clear(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("clear", nargs, kwnames, 0, 0)) return nullptr;
  dict_clear(self);
  return Ref::none();
}

Ref dict_method_reversed(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__reversed__", nargs, kwnames, 0, 0)) return nullptr;
  return dict_iter_new(self, IterKind::Keys, true);
}

const MethodDef dict_methods[] = {
    {"get", dict_method_get},
    {"setdefault", dict_method_setdefault},
    {"pop", dict_method_pop},
    {"popitem", dict_method_popitem},
    {"update", dict_method_update},
    {"keys", dict_method_keys},
    {"values", dict_method_values},
    {"items", dict_method_items},
    {"fromkeys", dict_method_fromkeys, MethodKind::Class},
    {"copy", dict_method_copy},
    {"clear", dict_method_clear},
    {"__reversed__", dict_method_reversed},
    {nullptr, nullptr},
};

void init_view_type(TypeObject* type, const char* name, UnarySlot iter, int (*contains_slot)(Value, Value),
                    const MethodDef* methods, bool set_like) {
  init_static_type(type, name, &object_type, sizeof(DictViewObject), 0);
  type->dealloc = view_dealloc;
  type->repr = view_repr;
  type->length = view_length;
  type->iter = iter;
  type->contains = contains_slot;
  type->new_ = nullptr;
  if (set_like) {
    type->richcompare = view_richcompare;
    type->binary[static_cast<int>(BinaryOp::Sub)] = view_sub;
    type->reflected[static_cast<int>(BinaryOp::Sub)] = view_rsub;
    type->binary[static_cast<int>(BinaryOp::And)] = view_and;
    type->reflected[static_cast<int>(BinaryOp::And)] = view_rand;
    type->binary[static_cast<int>(BinaryOp::Or)] = view_or;
    type->reflected[static_cast<int>(BinaryOp::Or)] = view_ror;
    type->binary[static_cast<int>(BinaryOp::Xor)] = view_xor;
    type->reflected[static_cast<int>(BinaryOp::Xor)] = view_rxor;
    type->hash = hash_not_implemented;
  }
  add_methods(type, methods);
  finish_static_type(type);
}

void init_iterator_type(TypeObject* type, const char* name, UnarySlot next) {
  init_static_type(type, name, &object_type, sizeof(DictIterObject), 0);
  type->dealloc = dict_iter_dealloc;
  type->iter = iterator_self;
  type->next = next;
  type->new_ = nullptr;
  add_methods(type, dict_iterator_methods);
  finish_static_type(type);
}

}  // namespace

void init_dict_types() {
  init_static_type(&dict_type, "dict", &object_type, sizeof(DictObject),
                   type_flag_base_type | type_flag_dict_subclass | type_flag_gc);
  dict_type.dealloc = dict_dealloc;
  dict_type.traverse = dict_traverse;
  dict_type.clear = dict_gc_clear;
  dict_type.repr = dict_repr;
  dict_type.hash = hash_not_implemented;
  dict_type.richcompare = dict_richcompare;
  dict_type.length = dict_length;
  dict_type.iter = dict_iter;
  dict_type.getitem = dict_subscript;
  dict_type.setitem = dict_ass_subscript;
  dict_type.contains = dict_contains;
  dict_type.binary[static_cast<int>(BinaryOp::Or)] = dict_or;
  dict_type.reflected[static_cast<int>(BinaryOp::Or)] = dict_ror;
  dict_type.inplace[static_cast<int>(BinaryOp::Or)] = dict_ior;
  dict_type.new_ = dict_type_new;
  dict_type.init = dict_init;
  add_methods(&dict_type, dict_methods);
  finish_static_type(&dict_type);

  init_view_type(&dict_keys_type, "dict_keys", keys_view_iter, keys_view_contains, keys_view_methods, true);
  init_view_type(&dict_values_type, "dict_values", values_view_iter, nullptr, values_view_methods, false);
  init_view_type(&dict_items_type, "dict_items", items_view_iter, items_view_contains, items_view_methods, true);

  init_iterator_type(&dict_keyiterator_type, "dict_keyiterator", dict_iter_next<IterKind::Keys, false>);
  init_iterator_type(&dict_valueiterator_type, "dict_valueiterator", dict_iter_next<IterKind::Values, false>);
  init_iterator_type(&dict_itemiterator_type, "dict_itemiterator", dict_iter_next<IterKind::Items, false>);
  init_iterator_type(&dict_reversekeyiterator_type, "dict_reversekeyiterator", dict_iter_next<IterKind::Keys, true>);
  init_iterator_type(&dict_reversevalueiterator_type, "dict_reversevalueiterator",
                     dict_iter_next<IterKind::Values, true>);
  init_iterator_type(&dict_reverseitemiterator_type, "dict_reverseitemiterator",
                     dict_iter_next<IterKind::Items, true>);
}

}  // namespace chaipy
