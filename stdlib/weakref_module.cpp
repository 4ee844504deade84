// The _weakref module: ReferenceType (weakref.ref), getweakrefcount and getweakrefs, under the weakref module written in Python.
#include "runtime/builtin_types.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/weakref.hpp"

namespace chaipy {

bool init_weakref_module(Value module);

static Ref weakref_getweakrefcount(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("getweakrefcount", nargs, kwnames, 1, 1)) return nullptr;
  return int_from_i64(weakref_count(args[0]));
}

static Ref weakref_getweakrefs(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("getweakrefs", nargs, kwnames, 1, 1)) return nullptr;
  return weakrefs_to(args[0]);
}

bool init_weakref_module(Value module) {
  return module_add_object(module, "ref", Value(&weakref_type)) &&
         module_add_object(module, "ReferenceType", Value(&weakref_type)) &&
         module_add_function(module, "getweakrefcount", weakref_getweakrefcount) &&
         module_add_function(module, "getweakrefs", weakref_getweakrefs);
}

}  // namespace chaipy
