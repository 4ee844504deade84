// Module objects: attribute access through the module dict, reprs, and helpers for native modules.
#include "runtime/module.hpp"

#include "runtime/builtin_types.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

TypeObject module_type;

Ref module_new(std::string_view name) {
  Object* object = alloc_object(&module_type);
  if (!object) return nullptr;
  Ref module = Ref::steal(Value(object));
  Ref dict = dict_new();
  if (!dict) return nullptr;
  Ref module_name = str_new(name);
  if (dict_set_str(*dict, "__name__", *module_name) < 0 || dict_set_str(*dict, "__doc__", Value::none()) < 0 ||
      dict_set_str(*dict, "__package__", Value::none()) < 0 || dict_set_str(*dict, "__loader__", Value::none()) < 0 ||
      dict_set_str(*dict, "__spec__", Value::none()) < 0)
    return nullptr;
  module.as<ModuleObject>()->dict = dict.release();
  return module;
}

bool module_add_function(Value module, const char* name, NativeFunction fn) {
  Value module_name = dict_get_str(module_dict(module), "__name__");
  Ref function = builtin_function_new(name, fn, module, module_name);
  return function && dict_set_str(module_dict(module), name, *function) == 0;
}

bool module_add_object(Value module, const char* name, Value value) {
  return dict_set_str(module_dict(module), name, value) == 0;
}

bool module_add_int(Value module, const char* name, int64_t value) {
  Ref number = int_from_i64(value);
  return number && module_add_object(module, name, *number);
}

bool module_add_string(Value module, const char* name, std::string_view value) {
  Ref text = str_new(value);
  return text && module_add_object(module, name, *text);
}

static Ref module_getattr(Value self, Value name) {
  Value found = dict_get(module_dict(self), name);
  if (found) return Ref::borrow(found);
  Ref generic = generic_getattr(self, name);
  if (generic || !error_matches(&AttributeError_type)) return generic;
  clear_error();
  Value module_getattr_hook = dict_get_str(module_dict(self), "__getattr__");
  if (module_getattr_hook) return call1(module_getattr_hook, name);
  Value module_name = dict_get_str(module_dict(self), "__name__");
  if (module_name && is_str(module_name))
    return raise_format(&AttributeError_type, "module '%s' has no attribute '%s'",
                        std::string(str_view(module_name)).c_str(), std::string(str_view(name)).c_str());
  return raise_format(&AttributeError_type, "module has no attribute '%s'", std::string(str_view(name)).c_str());
}

static int module_setattr(Value self, Value name, Value value) {
  if (value) return dict_set(module_dict(self), name, value);
  if (dict_del(module_dict(self), name) < 0) {
    if (error_matches(&KeyError_type)) {
      clear_error();
      raise_format(&AttributeError_type, "module has no attribute '%s'", std::string(str_view(name)).c_str());
    }
    return -1;
  }
  return 0;
}

static Ref module_repr(Value self) {
  Value dict = module_dict(self);
  Value name = dict_get_str(dict, "__name__");
  Value file = dict_get_str(dict, "__file__");
  std::string text = "<module '" + (name && is_str(name) ? std::string(str_view(name)) : std::string("?")) + "'";
  if (file && is_str(file)) text += " from '" + std::string(str_view(file)) + "'";
  else text += " (built-in)";
  return str_new(text + ">");
}

static void module_dealloc(Object* object) {
  decref(static_cast<ModuleObject*>(object)->dict);
  free_object(object);
}
// No clear slot: code keeps using a module's dict; the dict itself is cleared when collected.
static void module_traverse(Object* object, GcVisit visit, void* arg) {
  visit(static_cast<ModuleObject*>(object)->dict, arg);
}

static Ref module_get_dict(Value self) { return Ref::borrow(module_dict(self)); }

static Ref module_new_slot(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("module", nargs, kwnames, 1, 2)) return nullptr;
  if (!is_str(args[0])) return raise_format(&TypeError_type, "module.__init__() argument 'name' must be str, not %s", type_name(args[0]));
  Ref module = module_new(str_view(args[0]));
  if (module && nargs == 2 && dict_set_str(module_dict(*module), "__doc__", args[1]) < 0) return nullptr;
  return module;
}

static Ref module_dir(Value self, const Value*, size_t, Value) {
  Ref names = list_from_iterable(module_dict(self));
  if (names && !list_sort(*names, Value(), false)) return nullptr;
  return names;
}

static const MethodDef module_methods[] = {{"__dir__", module_dir}, {nullptr, nullptr}};

void init_module_type() {
  init_static_type(&module_type, "module", &object_type, sizeof(ModuleObject), type_flag_base_type | type_flag_gc);
  module_type.traverse = module_traverse;
  module_type.getattr = module_getattr;
  module_type.setattr = module_setattr;
  module_type.repr = module_repr;
  module_type.dealloc = module_dealloc;
  module_type.new_ = module_new_slot;
  add_methods(&module_type, module_methods);
  add_property(&module_type, "__dict__", module_get_dict);
  finish_static_type(&module_type);
}

}  // namespace chaipy
