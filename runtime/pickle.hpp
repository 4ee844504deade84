// The pickle engine's C++ API: CPython-compatible pickling (protocols 0-5) for natives such as multiprocessing.
#pragma once
#include "runtime/object.hpp"

namespace chaipy {

inline constexpr int pickle_highest_protocol = 5;
inline constexpr int pickle_default_protocol = 4;

// pickle.dumps(obj, protocol): the pickle as a new bytes object, byte for byte what CPython's
// _pickle writes; a negative protocol means the highest. Null with the error pending
// (_pickle.PicklingError, or whatever a __reduce__ raised).
Ref pickle_dumps(Value obj, int protocol = pickle_default_protocol);
// pickle.loads(data) for bytes or bytearray; null with _pickle.UnpicklingError / EOFError (or the
// error of a constructor the pickle names) pending. Pickles name code to run: only load data
// written by our own processes.
Ref pickle_loads(Value bytes_like);

// Fills the `_pickle` module (Pickler, Unpickler, dump(s), load(s) and the exception types).
bool init_pickle_module(Value module);

}  // namespace chaipy
