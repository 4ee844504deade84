// Struct sequences: tuple subclasses with named fields (time.struct_time, os.stat_result), as CPython's PyStructSequence.
#pragma once
#include <cstddef>

#include "runtime/builtin_types.hpp"

namespace chaipy {

// Sets up `type` as a static tuple subclass named module.name. `field_names` has one entry per
// field (null for an unnamed one); the first `visible_size` fields are the tuple's items, the
// rest are reachable only as attributes. As in CPython, the repr shows each visible item under
// the name of the named field at the same position among the named fields.
void init_struct_sequence_type(TypeObject* type, const char* module, const char* name,
                               const char* const* field_names, size_t field_count, size_t visible_size);

// A new instance with every field null; fill each one with struct_sequence_set (steals).
Ref struct_sequence_new(TypeObject* type);
void struct_sequence_set(Value sequence, size_t index, Value item);

}  // namespace chaipy
