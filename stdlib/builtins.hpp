// The builtins module: the builtin functions, types, exceptions and constants scripts see without importing.
#pragma once
#include "runtime/object.hpp"

namespace chaipy {

// Fills a fresh builtins module (the VM-bound functions — exec, eval, compile, globals, locals,
// __import__, __build_class__ — are added separately by add_vm_builtins). False with an error pending.
bool init_builtins_module(Value module);

}  // namespace chaipy
