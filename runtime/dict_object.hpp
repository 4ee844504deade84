// The dict object's layout, shared by runtime/dict.cpp and the evaluation loop's inline caches.
#pragma once
#include "runtime/object.hpp"

namespace chaipy {

struct DictEntry {
  int64_t hash;
  Value key;  // null once deleted
  Value value;
};

// The index table ((1 << log2_size) slots of 1, 2, 4 or 8 bytes each, holding entry numbers,
// or -1 for empty and -2 for deleted) followed by the entries in insertion order.
struct DictKeys {
  uint8_t log2_size;
  uint8_t log2_index_bytes;
  bool in_dict;      // in its dict's own block (an instance dict's first table): not freed alone
  int64_t usable;    // entries that may still be appended before the table must grow
  int64_t nentries;  // entries appended so far, deleted ones included
  alignas(8) unsigned char indices[8];
};

inline int64_t keys_size(const DictKeys* k) { return int64_t(1) << k->log2_size; }
inline DictEntry* keys_entries(DictKeys* k) {
  // `indices` is declared with 8 bytes but really runs to the entries (CPython's flexible
  // array): step from a plain pointer, not the array, so the offset is not bounds-checked.
  unsigned char* index_table = k->indices;
  return reinterpret_cast<DictEntry*>(index_table + (keys_size(k) << k->log2_index_bytes));
}

struct DictObject : Object {
  int64_t used;
  // Unique across the process; changes whenever a key is added or removed or entries move,
  // never when only a value is replaced.
  uint64_t keys_version;
  DictKeys* keys;
};

// For inline caches: the entry index of `key` (>= 0), -1 when absent, -2 with an error raised.
int64_t dict_lookup_index(Value dict, Value key);
// The value at entry `index` (null when that entry was deleted). Valid while the dict's
// keys_version is what it was when dict_lookup_index gave the index.
inline Value dict_value_at(const DictObject* dict, int64_t index) { return keys_entries(dict->keys)[index].value; }
// The entry at `index` when it holds exactly `key` (the same object: an interned name), else
// null. Needs no version: it checks the entry itself, so any index is a safe guess.
[[gnu::always_inline]] inline DictEntry* dict_entry_holding(const DictObject* dict, uint32_t index, Value key) {
  DictKeys* k = dict->keys;
  if (index >= uint64_t(k->nentries)) return nullptr;
  DictEntry* entry = &keys_entries(k)[index];
  return entry->key == key ? entry : nullptr;
}

}  // namespace chaipy
