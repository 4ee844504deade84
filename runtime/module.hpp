// Module objects and the registry of native (C++) modules.
#pragma once
#include <span>
#include <string_view>

#include "runtime/function.hpp"
#include "runtime/type.hpp"

namespace chaipy {

extern TypeObject module_type;

struct ModuleObject : Object {
  Value dict;  // owned: the module's globals
};
inline bool is_module(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &module_type); }
// A new module with __name__ set (and __doc__, __package__, __loader__, __spec__ as None).
Ref module_new(std::string_view name);
inline Value module_dict(Value module) { return module.as<ModuleObject>()->dict; }
// Adds a native function to a module (its `self` is the module).
bool module_add_function(Value module, const char* name, NativeFunction fn);
// Adds a value under `name` (borrowed, incref'd).
bool module_add_object(Value module, const char* name, Value value);
bool module_add_int(Value module, const char* name, int64_t value);
bool module_add_string(Value module, const char* name, std::string_view value);

// A native module: `init` fills the fresh module object; false with an error pending on failure.
struct NativeModuleDef {
  const char* name;
  bool (*init)(Value module);
};
// All native modules compiled in (stdlib/native_modules.cpp keeps the list).
std::span<const NativeModuleDef> native_modules();

}  // namespace chaipy
