// Iterator objects other subsystems create directly: the sequence iterator (iter() over __getitem__) and the callable iterator (iter(f, sentinel)).
#pragma once

#include "runtime/object.hpp"

namespace chaipy {

// iter(seq) for an object with __getitem__ but no __iter__: seq[0], seq[1], ... until
// IndexError or StopIteration.
Ref seq_iter_new(Value sequence);

// iter(callable, sentinel): calls callable() until the result equals sentinel.
Ref callable_iter_new(Value callable, Value sentinel);

}  // namespace chaipy
