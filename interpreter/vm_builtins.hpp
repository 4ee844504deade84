// Builtins bound to the evaluation loop (the running frame, the compiler).
#pragma once
#include "runtime/object.hpp"

namespace chaipy {

// Adds __build_class__, exec, eval, compile, globals, locals, __import__ to the builtins module.
bool add_vm_builtins(Value builtins_module);
// locals() of the running frame: its namespace dict, or a snapshot of a function's variables.
Ref vm_locals();
// Runs a class body function with `namespace_dict` as its locals; returns the __class__ cell or None.
Ref run_class_body(Value body_function, Value namespace_dict);

}  // namespace chaipy
