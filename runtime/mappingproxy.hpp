// The mappingproxy type: a read-only live view of a mapping (what C.__dict__ returns).
#pragma once
#include "runtime/object.hpp"

namespace chaipy {

// A read-only view of `mapping` (borrowed; the proxy keeps a reference).
Ref mappingproxy_new(Value mapping);

}  // namespace chaipy
