// Weak references: the ReferenceType objects, each interpreter's lists of them by referent, and their clearing (and callbacks) when a referent dies.
#pragma once
#include <vector>

#include "runtime/object.hpp"

namespace chaipy {

struct Interpreter;

extern TypeObject weakref_type;  // set up at start-up (runtime/type_init.hpp)

// weakref.ref(referent, callback): TypeError for objects that cannot be weakly referenced.
// Without a callback, an existing plain reference to `referent` is returned again, as CPython.
Ref weakref_new(Value referent, Value callback);
// The runtime's own weak references (teardown watches module dicts): any object with a
// GcHeader, whatever Python allows.
Ref weakref_to_collectable(Value referent, Value callback);
Value weakref_referent(Value ref);  // borrowed; null once the referent died
int64_t weakref_count(Value referent);
Ref weakrefs_to(Value referent);  // a list of the weak references to `referent`

// A collectable object flagged GcHeader::weakly_referenced is dying (its count reached zero):
// its weak references go dead, then their callbacks run (errors are reported, not raised).
void weakrefs_clear_on_death(Object* referent);
// The cycle collector's side: kills the weak references to `referent` (garbage about to be
// cleared) and adds those whose callbacks must run to `due`; references that are garbage
// themselves (GcHeader::collecting set) get no callback, as in CPython.
void weakrefs_detach(Object* referent, std::vector<Ref>& due);
void weakrefs_run_callbacks(std::vector<Ref>& due);

// At interpreter teardown: every weak reference still alive goes dead.
void weakref_table_free(Interpreter& interp);

}  // namespace chaipy
