// The dict object's head, shared by runtime/dict.cpp and the evaluation loop's inline caches.
#pragma once
#include "runtime/object.hpp"

namespace chaipy {

struct DictKeys;  // the hash table and entries (runtime/dict.cpp)

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
Value dict_value_at(const DictObject* dict, int64_t index);

}  // namespace chaipy
