// The embedding API's binding layer: host functions (argument binding with CPython's messages, C++ exceptions to script exceptions) and bound C++ classes.
#include <mutex>

#include "runtime/builtin_types.hpp"
#include "runtime/embed_state.hpp"
#include "runtime/function.hpp"
#include "runtime/protocols.hpp"

namespace chaipy::embed::detail {

using chaipy::Ref;
using chaipy::Value;

namespace {

// A C++ callable as a script function (repr and type name as CPython's builtins).
struct HostFunctionObject : chaipy::Object {
  State* state;
  FunctionInfo* info;
  HostCall* call;
};

// The layout every bound class's instances share: the C++ object they own.
struct HostInstanceObject : chaipy::Object {
  void* pointer;
  void (*destroy)(void*);
};

chaipy::TypeObject host_function_type, host_instance_type;

std::string qualified_name(const FunctionInfo& info) {
  return info.method && !info.owner.empty() ? info.owner + "." + info.name : info.name;
}

std::string plural(size_t count, const char* word) { return std::to_string(count) + " " + word + (count == 1 ? "" : "s"); }

// "'a', 'b' and 'c'" as CPython lists missing arguments.
std::string name_list(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    text += "'" + names[i] + "'";
  }
  return text;
}

Ref type_error(const std::string& message) { return chaipy::raise(&chaipy::TypeError_type, message); }

// Puts the call's arguments in parameter order (self first for methods), with defaults.
bool bind_arguments(State& state, const FunctionInfo& info, const Value* args, size_t nargs, Value kwnames,
                    std::vector<Object>& out) {
  std::string name = qualified_name(info);
  size_t self_count = info.method ? 1 : 0;
  if (info.method && nargs == 0) {
    type_error("descriptor '" + info.name + "' of '" + info.owner + "' object needs an argument");
    return false;
  }
  size_t keyword_count = kwnames ? size_t(chaipy::tuple_size(kwnames)) : 0;
  size_t parameters = info.arity;
  if (info.names.empty()) {
    if (keyword_count) return bool(type_error(name + "() takes no keyword arguments"));
    if (nargs != parameters) {
      size_t expected = parameters - self_count, given = nargs - self_count;
      type_error(name + "() takes exactly " + (expected == 1 ? std::string("one argument") : plural(expected, "argument")) +
                 " (" + std::to_string(given) + " given)");
      return false;
    }
    for (size_t i = 0; i < nargs; ++i) out.push_back(Object::borrow(&state, args[i].bits()));
    return true;
  }
  // Named parameters: names[i] is parameter self_count + i.
  std::vector<Value> slots(parameters);
  if (nargs > parameters) {
    size_t required = self_count;
    for (const auto& value : info.defaults)
      if (!value) ++required;
    if (required == parameters)
      type_error(name + "() takes " + plural(parameters, "positional argument") + " but " + std::to_string(nargs) +
                 (nargs == 1 ? " was" : " were") + " given");
    else
      type_error(name + "() takes from " + std::to_string(required) + " to " + std::to_string(parameters) +
                 " positional arguments but " + std::to_string(nargs) + (nargs == 1 ? " was" : " were") + " given");
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) slots[i] = args[i];
  for (size_t k = 0; k < keyword_count; ++k) {
    std::string_view keyword = chaipy::str_view(chaipy::tuple_item(kwnames, int64_t(k)));
    size_t index = 0;
    while (index < info.names.size() && info.names[index] != keyword) ++index;
    if (index == info.names.size()) {
      type_error(name + "() got an unexpected keyword argument '" + std::string(keyword) + "'");
      return false;
    }
    if (slots[self_count + index]) {
      type_error(name + "() got multiple values for argument '" + std::string(keyword) + "'");
      return false;
    }
    slots[self_count + index] = args[nargs + k];
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < info.names.size(); ++i)
    if (!slots[self_count + i] && !info.defaults[i]) missing.push_back(info.names[i]);
  if (!missing.empty()) {
    type_error(name + "() missing " + std::to_string(missing.size()) + " required positional argument" +
               (missing.size() == 1 ? "" : "s") + ": " + name_list(missing));
    return false;
  }
  for (size_t i = 0; i < parameters; ++i) {
    if (slots[i]) out.push_back(Object::borrow(&state, slots[i].bits()));
    else out.push_back(*info.defaults[i - self_count]);
  }
  return true;
}

Ref host_function_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* function = callable.as<HostFunctionObject>();
  State& state = *function->state;
  std::vector<Object> bound;
  try {
    if (!bind_arguments(state, *function->info, args, nargs, kwnames, bound)) return nullptr;
    Object result = (*function->call)(state, bound.data());
    Value value = value_of(result);
    chaipy::incref(value);
    return Ref::steal(value);
  } catch (...) {
    raise_current_exception(state);
    return nullptr;
  }
}

Ref host_function_get(Value descriptor, Value object, Value) {
  auto* function = descriptor.as<HostFunctionObject>();
  if (!object || !function->info->method) return Ref::borrow(descriptor);
  return chaipy::bound_method_new(descriptor, object);
}

Ref host_function_repr(Value self) {
  const FunctionInfo& info = *self.as<HostFunctionObject>()->info;
  if (info.method) return chaipy::str_new("<method '" + info.name + "' of '" + info.owner + "' objects>");
  return chaipy::str_new("<built-in function " + info.name + ">");
}

Ref host_function_name(Value self) { return chaipy::str_new(self.as<HostFunctionObject>()->info->name); }
Ref host_function_qualname(Value self) {
  return chaipy::str_new(qualified_name(*self.as<HostFunctionObject>()->info));
}

void host_function_dealloc(chaipy::Object* object) {
  auto* function = static_cast<HostFunctionObject*>(object);
  delete function->call;
  delete function->info;
  chaipy::free_object(object);
}

void host_instance_dealloc(chaipy::Object* object) {
  auto* instance = static_cast<HostInstanceObject*>(object);
  if (instance->pointer) instance->destroy(instance->pointer);
  chaipy::free_object(object);
}

}  // namespace

void init_embed_types() {
  static std::once_flag ready;
  std::call_once(ready, [] {
    chaipy::init_static_type(&host_function_type, "builtin_function_or_method", &chaipy::object_type,
                             sizeof(HostFunctionObject), 0);
    host_function_type.call = host_function_call;
    host_function_type.descr_get = host_function_get;
    host_function_type.repr = host_function_repr;
    host_function_type.dealloc = host_function_dealloc;
    chaipy::finish_static_type(&host_function_type);  // after start-up: the dict exists from here on
    chaipy::add_property(&host_function_type, "__name__", host_function_name);
    chaipy::add_property(&host_function_type, "__qualname__", host_function_qualname);

    chaipy::init_static_type(&host_instance_type, "host_object", &chaipy::object_type, sizeof(HostInstanceObject),
                             chaipy::type_flag_base_type);
    host_instance_type.dealloc = host_instance_dealloc;
    chaipy::finish_static_type(&host_instance_type);
  });
}

Object make_function(State& state, FunctionInfo info, HostCall call) {
  Enter inside(state);
  chaipy::Object* memory = chaipy::alloc_object(&host_function_type);
  if (!memory) throw_pending(state);
  auto* function = static_cast<HostFunctionObject*>(memory);
  function->state = &state;
  function->info = new FunctionInfo(std::move(info));
  function->call = new HostCall(std::move(call));
  return Object::steal(&state, Value(memory).bits());
}

void throw_argument_error(const FunctionInfo& info, size_t index, const CastError& error) {
  if (info.method && index == 0)
    throw Error("TypeError", "descriptor '" + info.name + "' for '" + info.owner + "' objects doesn't apply to a '" +
                                 error.actual + "' object");
  std::string which = info.names.empty() ? std::to_string(index + 1 - (info.method ? 1 : 0))
                                         : "'" + info.names[index - (info.method ? 1 : 0)] + "'";
  throw Error("TypeError", qualified_name(info) + "() argument " + which + " must be " + error.expected + ", not " +
                               error.actual);
}

Object make_class(State& state, const std::string& name, const std::string& module, std::type_index cpp_type) {
  Enter inside(state);
  Object type_name = make_str(state, name);
  Object bases = take(state, chaipy::tuple_pack({Value(&host_instance_type)}));
  Object namespace_dict = take(state, chaipy::dict_new());
  Object module_name = make_str(state, module);
  if (chaipy::dict_set_str(value_of(namespace_dict), "__module__", value_of(module_name)) < 0 ||
      chaipy::dict_set_str(value_of(namespace_dict), "__qualname__", value_of(type_name)) < 0)
    throw_pending(state);
  Value type_args[] = {value_of(type_name), value_of(bases), value_of(namespace_dict)};
  Object type = take(state, chaipy::call(Value(&chaipy::type_type), type_args, 3));
  Value& slot = state.classes[cpp_type];
  chaipy::decref(slot);
  slot = value_of(type);
  chaipy::incref(slot);
  return type;
}

void class_add(const Object& type, const std::string& name, const Object& value) { type.set_attr(name, value); }

void class_add_property(const Object& type, const std::string& name, const Object& getter, const Object& setter) {
  State& state = *type.state();
  Enter inside(state);
  Object property = Object::borrow(&state, Value(&chaipy::property_type).bits());
  type.set_attr(name, setter.is_none() ? property(getter) : property(getter, setter));
}

Object bound_class(State& state, std::type_index cpp_type) {
  auto found = state.classes.find(cpp_type);
  if (found == state.classes.end()) return make_none(state);
  return Object::borrow(&state, found->second.bits());
}

void* instance_pointer(const Object& value, std::type_index cpp_type, const char* cpp_name) {
  State& state = value.state() ? *value.state() : current_state();
  auto found = state.classes.find(cpp_type);
  if (found == state.classes.end())
    throw Error("TypeError", std::string("the C++ type ") + cpp_name + " has no class_ binding");
  auto* type = found->second.as<chaipy::TypeObject>();
  Value v = value_of(value);
  if (!chaipy::is_subtype(chaipy::type_of(v), type)) throw CastError{type->name, value.type_name()};
  void* pointer = v.as<HostInstanceObject>()->pointer;
  if (!pointer) throw Error("ValueError", type->name + " object is not initialized (its __init__ did not run)");
  return pointer;
}

void set_instance_pointer(const Object& self, void* pointer, void (*destroy)(void*)) {
  Value v = value_of(self);
  if (!chaipy::is_subtype(chaipy::type_of(v), &host_instance_type)) {
    destroy(pointer);
    throw Error("TypeError", "__init__ of a bound class called on a '" + self.type_name() + "' object");
  }
  auto* instance = v.as<HostInstanceObject>();
  if (instance->pointer) instance->destroy(instance->pointer);
  instance->pointer = pointer;
  instance->destroy = destroy;
}

Object wrap_instance(State& state, std::type_index cpp_type, void* pointer, void (*destroy)(void*), const char* cpp_name) {
  auto found = state.classes.find(cpp_type);
  if (found == state.classes.end()) {
    destroy(pointer);
    throw Error("TypeError", std::string("the C++ type ") + cpp_name + " has no class_ binding");
  }
  Enter inside(state);
  chaipy::Object* memory = chaipy::alloc_object(found->second.as<chaipy::TypeObject>());
  if (!memory) {
    destroy(pointer);
    throw_pending(state);
  }
  auto* instance = static_cast<HostInstanceObject*>(memory);
  instance->pointer = pointer;
  instance->destroy = destroy;
  return Object::steal(&state, Value(memory).bits());
}

}  // namespace chaipy::embed::detail
