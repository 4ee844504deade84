// range and slice internals shared with the VM and the sequence types: the range iterator layout and slice-index conversion.
#pragma once
#include <cstdint>

#include "runtime/object.hpp"
#include "runtime/type.hpp"

namespace chaipy {

// The iterator of range(): the VM may run `for i in range(...)` on it directly (next, step and
// remaining are all it needs; every produced value fits a small int).
struct RangeIterObject : Object {
  int64_t next, step, remaining;
};
extern TypeObject range_iterator_type;
// The next value, or false at the end.
[[gnu::always_inline]] inline bool range_iterator_step(RangeIterObject* it, Value& value) {
  if (it->remaining <= 0) return false;
  value = Value::small_int(it->next);
  it->next = static_cast<int64_t>(static_cast<uint64_t>(it->next) + static_cast<uint64_t>(it->step));
  --it->remaining;
  return true;
}

// A slice bound or an index()/count() start or stop, as CPython's _PyEval_SliceIndex: an int
// or an object with __index__; ints beyond int64 are clamped to INT64_MIN / INT64_MAX. False
// with TypeError "slice indices must be integers or have an __index__ method".
bool slice_index_value(Value v, int64_t& out);

// Clamps a start/stop argument of index()-style methods to [0, length], counting negatives
// from the end (CPython's list.index / tuple.index / range arguments).
inline int64_t clamp_to_length(int64_t index, int64_t length) {
  if (index < 0) {
    index += length;
    return index < 0 ? 0 : index;
  }
  return index > length ? length : index;
}

}  // namespace chaipy
