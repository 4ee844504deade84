// Callable and descriptor objects: functions, native functions, method descriptors, bound methods, cells, property, staticmethod, classmethod, super.
#include "runtime/function.hpp"

#include <cstdio>
#include <utility>
#include <vector>

#include "interpreter/vm.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/gc.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

TypeObject code_type, function_type, builtin_function_type, method_descriptor_type,
    classmethod_descriptor_type, getset_descriptor_type, bound_method_type, cell_type, property_type,
    staticmethod_type, classmethod_type, super_type;

// ---- registering attributes of static types ----

static Object* new_immortal(TypeObject* type, size_t size) {
  Object* object = alloc_var_object(type, size);
  object->refcount = immortal_refcount;
  // Shared by every interpreter (a type made on a module's first import is made while one
  // runs): in no interpreter's collector.
  if (has_gc_header(object)) gc_untrack(object);
  return object;
}

void add_methods(TypeObject* type, const MethodDef* methods) {
  for (const MethodDef* def = methods; def->name; ++def) {
    Value value;
    if (def->kind == MethodKind::Static) {
      // A static native method is a plain function stored behind staticmethod.
      auto* function = static_cast<BuiltinFunctionObject*>(new_immortal(&builtin_function_type, sizeof(BuiltinFunctionObject)));
      function->name = def->name;
      function->fn = def->fn;
      auto* wrapper = static_cast<StaticMethodObject*>(new_immortal(&staticmethod_type, sizeof(StaticMethodObject)));
      wrapper->callable = Value(function);
      value = Value(wrapper);
    } else {
      TypeObject* descriptor_type =
          def->kind == MethodKind::Instance ? &method_descriptor_type : &classmethod_descriptor_type;
      auto* descriptor = static_cast<MethodDescriptorObject*>(new_immortal(descriptor_type, sizeof(MethodDescriptorObject)));
      descriptor->def = def;
      descriptor->owner = type;
      value = Value(descriptor);
    }
    set_static_type_attribute(type, def->name, value);
  }
}

void add_property(TypeObject* type, const char* name, Getter getter, Setter setter) {
  auto* descriptor = static_cast<GetSetDescriptorObject*>(new_immortal(&getset_descriptor_type, sizeof(GetSetDescriptorObject)));
  descriptor->name = name;
  descriptor->owner = type;
  descriptor->getter = getter;
  descriptor->setter = setter;
  set_static_type_attribute(type, name, Value(descriptor));
}

void add_class_attribute(TypeObject* type, const char* name, Value value) {
  incref(value);
  set_static_type_attribute(type, name, value);
}

// ---- method descriptors (native methods of builtin types) ----

static Ref method_descriptor_get(Value descr, Value obj, Value) {
  if (!obj) return Ref::borrow(descr);
  return bound_method_new(descr, obj);
}

static Ref method_descriptor_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* descriptor = callable.as<MethodDescriptorObject>();
  if (nargs < 1)
    return raise_format(&TypeError_type, "unbound method %s.%s() needs an argument", descriptor->owner->name.c_str(),
                        descriptor->def->name);
  if (!is_subtype(type_of(args[0]), descriptor->owner))
    return raise_format(&TypeError_type, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        descriptor->def->name, descriptor->owner->name.c_str(), type_name(args[0]));
  return descriptor->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

static Ref method_descriptor_get_name(Value self) { return str_new(self.as<MethodDescriptorObject>()->def->name); }
static Ref method_descriptor_get_qualname(Value self) {
  auto* descriptor = self.as<MethodDescriptorObject>();
  return str_new(descriptor->owner->name + "." + descriptor->def->name);
}
static Ref method_descriptor_get_objclass(Value self) {
  return Ref::borrow(Value(self.as<MethodDescriptorObject>()->owner));
}
static Ref method_descriptor_repr(Value self) {
  auto* descriptor = self.as<MethodDescriptorObject>();
  return str_new(std::string("<method '") + descriptor->def->name + "' of '" + descriptor->owner->name + "' objects>");
}

// Native classmethods: bound to the class they are looked up through.
static Ref classmethod_descriptor_get(Value descr, Value obj, Value type) {
  Value klass = type ? type : Value(type_of(obj));
  return bound_method_new(descr, klass);
}
static Ref classmethod_descriptor_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* descriptor = callable.as<MethodDescriptorObject>();
  if (nargs < 1) return raise_format(&TypeError_type, "%s() needs a type argument", descriptor->def->name);
  return descriptor->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

// ---- get/set descriptors (computed attributes of builtin types) ----

static Ref getset_get(Value descr, Value obj, Value) {
  if (!obj) return Ref::borrow(descr);
  auto* descriptor = descr.as<GetSetDescriptorObject>();
  if (!is_subtype(type_of(obj), descriptor->owner))
    return raise_format(&TypeError_type, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        descriptor->name, descriptor->owner->name.c_str(), type_name(obj));
  return descriptor->getter(obj);
}
static int getset_set(Value descr, Value obj, Value value) {
  auto* descriptor = descr.as<GetSetDescriptorObject>();
  if (!descriptor->setter) {
    if (type_of(obj)->flags & type_flag_type_subclass)
      raise_format(&AttributeError_type, "attribute '%s' of 'type' objects is not writable", descriptor->name);
    else
      raise_format(&AttributeError_type, "attribute '%s' of '%s' objects is not writable", descriptor->name,
                   descriptor->owner->name.c_str());
    return -1;
  }
  return descriptor->setter(obj, value);
}

// ---- builtin functions ----

Ref builtin_function_new(const char* name, NativeFunction fn, Value self, Value module) {
  Object* object = alloc_object(&builtin_function_type);
  if (!object) return nullptr;
  auto* function = static_cast<BuiltinFunctionObject*>(object);
  function->name = name;
  function->fn = fn;
  incref(self);
  function->self = self;
  incref(module);
  function->module = module;
  return Ref::steal(Value(object));
}

static Ref builtin_function_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* function = callable.as<BuiltinFunctionObject>();
  return function->fn(function->self, args, nargs, kwnames);
}
static Ref builtin_function_repr(Value self) {
  auto* function = self.as<BuiltinFunctionObject>();
  if (function->self && type_of(function->self)->name != "module")
    return str_new(std::string("<built-in method ") + function->name + " of " + type_name(function->self) +
                   " object at " + object_address(function->self) + ">");
  return str_new(std::string("<built-in function ") + function->name + ">");
}
static void builtin_function_dealloc(Object* object) {
  auto* function = static_cast<BuiltinFunctionObject*>(object);
  decref(function->self);
  decref(function->module);
  free_object(object);
}
static Ref builtin_function_get_name(Value self) { return str_new(self.as<BuiltinFunctionObject>()->name); }
static Ref builtin_function_get_module(Value self) {
  Value module = self.as<BuiltinFunctionObject>()->module;
  return module ? Ref::borrow(module) : Ref::none();
}
static Ref builtin_function_get_self(Value self) {
  Value bound = self.as<BuiltinFunctionObject>()->self;
  return bound ? Ref::borrow(bound) : Ref::none();
}

// ---- bound methods ----

Ref bound_method_new(Value function, Value self) {
  Object* object = alloc_object(&bound_method_type);
  if (!object) return nullptr;
  auto* method = static_cast<BoundMethodObject*>(object);
  incref(function);
  incref(self);
  method->function = function;
  method->self = self;
  return Ref::steal(Value(object));
}

static Ref bound_method_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* method = callable.as<BoundMethodObject>();
  size_t total = nargs + (kwnames ? tuple_size(kwnames) : 0);
  Value small[8];
  std::vector<Value> large;
  Value* full = small;
  if (total + 1 > 8) {
    large.resize(total + 1);
    full = large.data();
  }
  full[0] = method->self;
  std::copy(args, args + total, full + 1);
  return call(method->function, full, nargs + 1, kwnames);
}
static void bound_method_dealloc(Object* object) {
  auto* method = static_cast<BoundMethodObject*>(object);
  decref(method->function);
  decref(method->self);
  free_object(object);
}
// No clear slot (as CPython's): the function or self is cleared instead.
static void bound_method_traverse(Object* object, GcVisit visit, void* arg) {
  auto* method = static_cast<BoundMethodObject*>(object);
  visit(method->function, arg);
  visit(method->self, arg);
}
static Ref qualified_name_of(Value function) {
  Ref name = get_attr(function, "__qualname__");
  if (!name) {
    clear_error();
    name = get_attr(function, "__name__");
  }
  return name;
}
static Ref bound_method_repr(Value self) {
  auto* method = self.as<BoundMethodObject>();
  Ref name = qualified_name_of(method->function);
  if (!name) return nullptr;
  Ref target = object_repr(method->self);
  if (!target) return nullptr;
  std::string kind = type_of(method->function) == &function_type ? "bound method" : "built-in method";
  if (kind == "built-in method") {
    Ref short_name = get_attr(method->function, "__name__");
    if (!short_name) return nullptr;
    return str_new("<built-in method " + std::string(str_view(*short_name)) + " of " + type_name(method->self) +
                   " object at " + object_address(method->self) + ">");
  }
  return str_new("<" + kind + " " + std::string(str_view(*name)) + " of " + std::string(str_view(*target)) + ">");
}
static Ref bound_method_getattr(Value self, Value name) {
  Ref found = generic_getattr(self, name);
  if (found || !error_matches(&AttributeError_type)) return found;
  clear_error();
  return get_attr(self.as<BoundMethodObject>()->function, name);
}
static Ref bound_method_get_self(Value self) { return Ref::borrow(self.as<BoundMethodObject>()->self); }
static Ref bound_method_get_func(Value self) { return Ref::borrow(self.as<BoundMethodObject>()->function); }
static Ref bound_method_richcompare(Value self, Value other, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(other) != &bound_method_type)
    return new_not_implemented();
  auto* a = self.as<BoundMethodObject>();
  auto* b = other.as<BoundMethodObject>();
  bool equal = a->function == b->function && a->self == b->self;
  return Ref::boolean(op == CompareOp::Eq ? equal : !equal);
}
static int64_t bound_method_hash(Value self) {
  auto* method = self.as<BoundMethodObject>();
  int64_t h = object_hash(method->function) ^ static_cast<int64_t>(method->self.bits() >> 4);
  return h == -1 ? -2 : h;
}

// ---- script functions ----

static Ref function_get(Value descr, Value obj, Value) {
  if (!obj) return Ref::borrow(descr);
  return bound_method_new(descr, obj);
}
static Ref function_repr(Value self) {
  auto* function = self.as<FunctionObject>();
  return str_new("<function " + std::string(str_view(function->qualname)) + " at " + object_address(self) + ">");
}
static void function_dealloc(Object* object) {
  auto* function = static_cast<FunctionObject*>(object);
  for (Value v : {function->code, function->globals, function->builtins, function->name, function->qualname,
                  function->module, function->doc, function->defaults, function->kwdefaults, function->closure,
                  function->dict, function->annotations})
    decref(v);
  free_object(object);
}
static void function_traverse(Object* object, GcVisit visit, void* arg) {
  auto* function = static_cast<FunctionObject*>(object);
  for (Value v : {function->code, function->globals, function->builtins, function->name, function->qualname,
                  function->module, function->doc, function->defaults, function->kwdefaults, function->closure,
                  function->dict, function->annotations})
    visit(v, arg);
}
// Drops what may be null: a cleared function can still be called (frames and generators running
// it borrow its globals, and its closure cells are cleared on their own).
static void function_clear(Object* object) {
  auto* function = static_cast<FunctionObject*>(object);
  for (Value* slot : {&function->defaults, &function->kwdefaults, &function->dict, &function->annotations}) {
    Value v = *slot;
    *slot = Value();
    decref(v);
  }
}
#define CHAIPY_FUNCTION_FIELD(field, attr)                                           \
  static Ref function_get_##field(Value self) {                                     \
    Value v = self.as<FunctionObject>()->field;                                     \
    return v ? Ref::borrow(v) : Ref::none();                                        \
  }                                                                                 \
  static int function_set_##field(Value self, Value value) {                        \
    Value& slot = self.as<FunctionObject>()->field;                                 \
    Value old = slot;                                                               \
    slot = (value && !value.is_none()) ? value : Value();                           \
    incref(slot);                                                                   \
    decref(old);                                                                    \
    return 0;                                                                       \
  }
CHAIPY_FUNCTION_FIELD(doc, "__doc__")
CHAIPY_FUNCTION_FIELD(module, "__module__")
CHAIPY_FUNCTION_FIELD(defaults, "__defaults__")
CHAIPY_FUNCTION_FIELD(kwdefaults, "__kwdefaults__")
#undef CHAIPY_FUNCTION_FIELD
static int set_function_string(Value& slot, Value value, const char* what) {
  if (!value || !is_str(value)) {
    raise_format(&TypeError_type, "%s must be set to a string object", what);
    return -1;
  }
  incref(value);
  decref(slot);
  slot = value;
  return 0;
}
static Ref function_get_name(Value self) { return Ref::borrow(self.as<FunctionObject>()->name); }
static int function_set_name(Value self, Value value) {
  return set_function_string(self.as<FunctionObject>()->name, value, "__name__");
}
static Ref function_get_qualname(Value self) { return Ref::borrow(self.as<FunctionObject>()->qualname); }
static int function_set_qualname(Value self, Value value) {
  return set_function_string(self.as<FunctionObject>()->qualname, value, "__qualname__");
}
// __annotations__: made an empty dict on first read; only a dict (or None / del, which reset it).
static Ref function_get_annotations(Value self) {
  Value& slot = self.as<FunctionObject>()->annotations;
  if (!slot) {
    Ref annotations = dict_new();
    if (!annotations) return nullptr;
    slot = annotations.release();
  }
  return Ref::borrow(slot);
}
static int function_set_annotations(Value self, Value value) {
  if (value && value.is_none()) value = Value();
  if (value && !is_dict(value)) {
    raise(&TypeError_type, "__annotations__ must be set to a dict object");
    return -1;
  }
  Value& slot = self.as<FunctionObject>()->annotations;
  Value old = slot;
  slot = value;
  incref(slot);
  decref(old);
  return 0;
}
static Ref function_get_code(Value self) { return Ref::borrow(self.as<FunctionObject>()->code); }
static Ref function_get_globals(Value self) { return Ref::borrow(self.as<FunctionObject>()->globals); }
static Ref function_get_closure(Value self) {
  Value closure = self.as<FunctionObject>()->closure;
  return closure ? Ref::borrow(closure) : Ref::none();
}
static Ref function_get_dict(Value self) {
  Value& dict = self.as<FunctionObject>()->dict;
  if (!dict) dict = dict_new().release();
  return Ref::borrow(dict);
}

// ---- cells ----

Ref cell_new(Value contents) {
  Object* object = alloc_object(&cell_type);
  if (!object) return nullptr;
  incref(contents);
  static_cast<CellObject*>(object)->contents = contents;
  return Ref::steal(Value(object));
}
static void cell_dealloc(Object* object) {
  decref(static_cast<CellObject*>(object)->contents);
  free_object(object);
}
static void cell_traverse(Object* object, GcVisit visit, void* arg) {
  visit(static_cast<CellObject*>(object)->contents, arg);
}
static void cell_clear(Object* object) {
  auto* cell = static_cast<CellObject*>(object);
  Value contents = cell->contents;
  cell->contents = Value();
  decref(contents);
}
static Ref cell_get_contents(Value self) {
  Value contents = self.as<CellObject>()->contents;
  if (!contents) return raise(&ValueError_type, "Cell is empty");
  return Ref::borrow(contents);
}

// ---- property ----

static Ref property_new(TypeObject* type, const Value*, size_t, Value) {
  Object* object = alloc_object(type);
  return object ? Ref::steal(Value(object)) : nullptr;
}
static int property_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[4];
  if (!bind_args("property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, bound)) return -1;
  auto* property = self.as<PropertyObject>();
  Value* fields[] = {&property->getter, &property->setter, &property->deleter, &property->doc};
  for (int i = 0; i < 4; ++i) {
    Value v = bound[i] && !bound[i].is_none() ? bound[i] : Value();
    incref(v);
    decref(*fields[i]);
    *fields[i] = v;
  }
  if (!property->doc && property->getter) {
    Ref doc = get_attr(property->getter, "__doc__");
    if (doc && !doc.get().is_none()) property->doc = doc.release();
    else clear_error();
  }
  return 0;
}
static void property_dealloc(Object* object) {
  auto* property = static_cast<PropertyObject*>(object);
  decref(property->getter);
  decref(property->setter);
  decref(property->deleter);
  decref(property->doc);
  free_object(object);
}
static void property_traverse(Object* object, GcVisit visit, void* arg) {
  auto* property = static_cast<PropertyObject*>(object);
  for (Value v : {property->getter, property->setter, property->deleter, property->doc}) visit(v, arg);
}
// Cleared (in a cycle), a property has no accessors left: reading it raises "unreadable attribute".
static void property_clear(Object* object) {
  auto* property = static_cast<PropertyObject*>(object);
  for (Value* slot : {&property->getter, &property->setter, &property->deleter, &property->doc}) {
    Value v = *slot;
    *slot = Value();
    decref(v);
  }
}
static Ref property_get(Value descr, Value obj, Value) {
  if (!obj) return Ref::borrow(descr);
  auto* property = descr.as<PropertyObject>();
  if (!property->getter) return raise(&AttributeError_type, "unreadable attribute");
  return call1(property->getter, obj);
}
static int property_set(Value descr, Value obj, Value value) {
  auto* property = descr.as<PropertyObject>();
  Value function = value ? property->setter : property->deleter;
  if (!function) {
    Ref name = property->getter ? get_attr(property->getter, "__name__") : Ref();
    if (!name) clear_error();
    if (name)
      raise_format(&AttributeError_type, value ? "property '%s' of '%s' object has no setter"
                                               : "property '%s' of '%s' object has no deleter",
                   std::string(str_view(*name)).c_str(), type_name(obj));
    else
      raise(&AttributeError_type, value ? "can't set attribute" : "can't delete attribute");
    return -1;
  }
  Ref result = value ? call2(function, obj, value) : call1(function, obj);
  return result ? 0 : -1;
}
// property.setter/getter/deleter return a copy with one accessor replaced.
static Ref property_copy_with(Value self, int which, Value function) {
  auto* property = self.as<PropertyObject>();
  Value parts[4] = {property->getter, property->setter, property->deleter, property->doc};
  parts[which] = function;
  for (Value& part : parts)
    if (!part) part = Value::none();
  return call(Value(type_of(self)), parts, 4);
}
static Ref property_getter(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("getter", nargs, kwnames, 1, 1)) return nullptr;
  return property_copy_with(self, 0, args[0]);
}
static Ref property_setter(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("setter", nargs, kwnames, 1, 1)) return nullptr;
  return property_copy_with(self, 1, args[0]);
}
static Ref property_deleter(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("deleter", nargs, kwnames, 1, 1)) return nullptr;
  return property_copy_with(self, 2, args[0]);
}
static Ref property_get_fget(Value self) {
  Value v = self.as<PropertyObject>()->getter;
  return v ? Ref::borrow(v) : Ref::none();
}
static Ref property_get_fset(Value self) {
  Value v = self.as<PropertyObject>()->setter;
  return v ? Ref::borrow(v) : Ref::none();
}
static Ref property_get_fdel(Value self) {
  Value v = self.as<PropertyObject>()->deleter;
  return v ? Ref::borrow(v) : Ref::none();
}
static Ref property_get_doc(Value self) {
  Value v = self.as<PropertyObject>()->doc;
  return v ? Ref::borrow(v) : Ref::none();
}
static const MethodDef property_methods[] = {
    {"getter", property_getter}, {"setter", property_setter}, {"deleter", property_deleter}, {nullptr, nullptr}};

// ---- staticmethod / classmethod ----

template <class Wrapper>
static Ref wrapper_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional(type == &staticmethod_type ? "staticmethod" : "classmethod", nargs, kwnames, 1, 1))
    return nullptr;
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  incref(args[0]);
  static_cast<Wrapper*>(object)->callable = args[0];
  return Ref::steal(Value(object));
}
static int wrapper_init(Value, const Value*, size_t, Value) { return 0; }
template <class Wrapper>
static void wrapper_dealloc(Object* object) {
  decref(static_cast<Wrapper*>(object)->callable);
  free_object(object);
}
template <class Wrapper>
static void wrapper_traverse(Object* object, GcVisit visit, void* arg) {
  visit(static_cast<Wrapper*>(object)->callable, arg);
}
// The collector clears a wrapper in a cycle (a class's staticmethod whose function refers back
// to the class through its __class__ cell). Script code the collection runs (a generator's
// finally block) may still reach it, so the accessors below accept a null callable and raise
// as CPython's "uninitialized" wrappers do.
template <class Wrapper>
static void wrapper_clear(Object* object) {
  auto* wrapper = static_cast<Wrapper*>(object);
  Value callable = wrapper->callable;
  wrapper->callable = Value();
  decref(callable);
}
static Ref staticmethod_get(Value descr, Value, Value) {
  Value callable = descr.as<StaticMethodObject>()->callable;
  if (!callable) return raise(&RuntimeError_type, "uninitialized staticmethod object");
  return Ref::borrow(callable);
}
static Ref staticmethod_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value callable = self.as<StaticMethodObject>()->callable;
  if (!callable) return raise(&RuntimeError_type, "uninitialized staticmethod object");
  return call(callable, args, nargs, kwnames);
}
static Ref classmethod_get(Value descr, Value obj, Value type) {
  Value callable = descr.as<ClassMethodObject>()->callable;
  if (!callable) return raise(&RuntimeError_type, "uninitialized classmethod object");
  Value klass = type && !type.is_none() ? type : Value(type_of(obj));
  return bound_method_new(callable, klass);
}
template <class Wrapper>
static Ref wrapper_get_func(Value self) {
  Value callable = self.as<Wrapper>()->callable;
  return callable ? Ref::borrow(callable) : Ref::none();
}
template <class Wrapper>
static Ref wrapper_getattr(Value self, Value name) {
  Ref found = generic_getattr(self, name);
  if (found || !error_matches(&AttributeError_type)) return found;
  std::string_view n = str_view(name);
  Value callable = self.as<Wrapper>()->callable;
  if (!callable || (n != "__doc__" && n != "__name__" && n != "__qualname__" && n != "__module__")) return found;
  clear_error();
  return get_attr(callable, name);
}

// ---- super ----

static Ref super_new(TypeObject* type, const Value*, size_t, Value) {
  Object* object = alloc_object(type);
  return object ? Ref::steal(Value(object)) : nullptr;
}
static int super_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("super", nargs, kwnames, 0, 2)) return -1;
  TypeObject* klass = nullptr;
  Value object;
  if (nargs == 0) {
    if (!current_frame_super_arguments(klass, object)) return -1;
  } else {
    if (!(type_of(args[0])->flags & type_flag_type_subclass)) {
      raise_format(&TypeError_type, "super() argument 1 must be a type, not %s", type_name(args[0]));
      return -1;
    }
    klass = args[0].as<TypeObject>();
    object = nargs == 2 ? args[1] : Value();
  }
  TypeObject* object_type_ = nullptr;
  if (object) {
    if ((type_of(object)->flags & type_flag_type_subclass) && is_subtype(object.as<TypeObject>(), klass))
      object_type_ = object.as<TypeObject>();
    else if (is_subtype(type_of(object), klass))
      object_type_ = type_of(object);
    else {
      raise(&TypeError_type, "super(type, obj): obj must be an instance or subtype of type");
      return -1;
    }
  }
  auto* super = self.as<SuperObject>();
  incref(Value(klass));
  incref(object);
  if (object_type_) incref(Value(object_type_));
  // super.__init__ may be called again on a made object: the old fields are released.
  TypeObject* old_type = std::exchange(super->type, klass);
  Value old_object = std::exchange(super->object, object);
  TypeObject* old_obj_type = std::exchange(super->obj_type, object_type_);
  if (old_type) decref(Value(old_type));
  decref(old_object);
  if (old_obj_type) decref(Value(old_obj_type));
  return 0;
}
static void super_dealloc(Object* object) {
  auto* super = static_cast<SuperObject*>(object);
  if (super->type) decref(Value(super->type));
  decref(super->object);
  if (super->obj_type) decref(Value(super->obj_type));
  free_object(object);
}
static void super_traverse(Object* object, GcVisit visit, void* arg) {
  auto* super = static_cast<SuperObject*>(object);
  if (super->type) visit(Value(super->type), arg);
  visit(super->object, arg);
  if (super->obj_type) visit(Value(super->obj_type), arg);
}
// `a.s = super(A, a)` is a cycle through the super object. Cleared, it looks like an unbound
// super whose class is unknown (see super_repr).
static void super_clear(Object* object) {
  auto* super = static_cast<SuperObject*>(object);
  TypeObject* type = std::exchange(super->type, nullptr);
  Value held = std::exchange(super->object, Value());
  TypeObject* obj_type = std::exchange(super->obj_type, nullptr);
  if (type) decref(Value(type));
  decref(held);
  if (obj_type) decref(Value(obj_type));
}
static Ref super_getattr(Value self, Value name) {
  auto* super = self.as<SuperObject>();
  if (super->obj_type && str_view(name) != "__class__") {
    Value mro = super->obj_type->mro;
    int64_t n = tuple_size(mro), i = 0;
    while (i < n && tuple_item(mro, i).as_object() != super->type) ++i;
    for (++i; i < n; ++i) {
      Value found = dict_get(tuple_item(mro, i).as<TypeObject>()->dict, name);
      if (!found) continue;
      TypeObject* found_type = type_of(found);
      if (!found_type->descr_get) return Ref::borrow(found);
      Value instance = super->object == Value(super->obj_type) ? Value() : super->object;
      return found_type->descr_get(found, instance, Value(super->obj_type));
    }
  }
  Ref result = generic_getattr(self, name);
  if (!result && error_matches(&AttributeError_type)) {
    clear_error();
    return raise_format(&AttributeError_type, "'super' object has no attribute '%s'", std::string(str_view(name)).c_str());
  }
  return result;
}
static Ref super_repr(Value self) {
  auto* super = self.as<SuperObject>();
  std::string text = "<super: <class '" + (super->type ? super->type->name : std::string("NULL")) + "'>, ";
  text += super->obj_type ? "<" + super->obj_type->name + " object>>" : "NULL>";
  return str_new(text);
}

// ---- code objects ----

static void code_dealloc(Object* object) {
  auto* code = static_cast<CodeObject*>(object);
  decref(code->name);
  decref(code->qualname);
  decref(code->filename);
  decref(code->consts);
  code->~CodeObject();
  free_object(object);
}
static Ref code_repr(Value self) {
  auto* code = self.as<CodeObject>();
  return str_new("<code object " + std::string(str_view(code->name)) + " at " + object_address(self) + ", file \"" +
                 std::string(str_view(code->filename)) + "\", line " + std::to_string(code->unit->first_line) + ">");
}
static Ref code_get_name(Value self) { return Ref::borrow(self.as<CodeObject>()->name); }
static Ref code_get_filename(Value self) { return Ref::borrow(self.as<CodeObject>()->filename); }
static Ref code_get_firstlineno(Value self) { return int_from_i64(self.as<CodeObject>()->unit->first_line); }
static Ref code_get_argcount(Value self) { return int_from_i64(self.as<CodeObject>()->unit->argcount); }
static Ref code_get_varnames(Value self) {
  auto* code = self.as<CodeObject>();
  return tuple_from_array(code->varnames.data(), code->varnames.size());
}

void init_function_types() {
  init_static_type(&method_descriptor_type, "method_descriptor", &object_type, sizeof(MethodDescriptorObject), 0);
  method_descriptor_type.descr_get = method_descriptor_get;
  method_descriptor_type.call = method_descriptor_call;
  method_descriptor_type.repr = method_descriptor_repr;
  add_property(&method_descriptor_type, "__name__", method_descriptor_get_name);
  add_property(&method_descriptor_type, "__qualname__", method_descriptor_get_qualname);
  add_property(&method_descriptor_type, "__objclass__", method_descriptor_get_objclass);
  finish_static_type(&method_descriptor_type);

  init_static_type(&classmethod_descriptor_type, "classmethod_descriptor", &object_type, sizeof(MethodDescriptorObject), 0);
  classmethod_descriptor_type.descr_get = classmethod_descriptor_get;
  classmethod_descriptor_type.call = classmethod_descriptor_call;
  classmethod_descriptor_type.repr = method_descriptor_repr;
  add_property(&classmethod_descriptor_type, "__name__", method_descriptor_get_name);
  add_property(&classmethod_descriptor_type, "__qualname__", method_descriptor_get_qualname);
  finish_static_type(&classmethod_descriptor_type);

  init_static_type(&getset_descriptor_type, "getset_descriptor", &object_type, sizeof(GetSetDescriptorObject), 0);
  getset_descriptor_type.descr_get = getset_get;
  getset_descriptor_type.descr_set = getset_set;
  finish_static_type(&getset_descriptor_type);

  init_static_type(&builtin_function_type, "builtin_function_or_method", &object_type, sizeof(BuiltinFunctionObject), 0);
  builtin_function_type.call = builtin_function_call;
  builtin_function_type.repr = builtin_function_repr;
  builtin_function_type.dealloc = builtin_function_dealloc;
  add_property(&builtin_function_type, "__name__", builtin_function_get_name);
  add_property(&builtin_function_type, "__qualname__", builtin_function_get_name);
  add_property(&builtin_function_type, "__module__", builtin_function_get_module);
  add_property(&builtin_function_type, "__self__", builtin_function_get_self);
  finish_static_type(&builtin_function_type);

  init_static_type(&bound_method_type, "method", &object_type, sizeof(BoundMethodObject), type_flag_gc);
  bound_method_type.traverse = bound_method_traverse;
  bound_method_type.call = bound_method_call;
  bound_method_type.dealloc = bound_method_dealloc;
  bound_method_type.repr = bound_method_repr;
  bound_method_type.getattr = bound_method_getattr;
  bound_method_type.richcompare = bound_method_richcompare;
  bound_method_type.hash = bound_method_hash;
  add_property(&bound_method_type, "__self__", bound_method_get_self);
  add_property(&bound_method_type, "__func__", bound_method_get_func);
  finish_static_type(&bound_method_type);

  init_static_type(&function_type, "function", &object_type, sizeof(FunctionObject), type_flag_gc);
  function_type.traverse = function_traverse;
  function_type.clear = function_clear;
  function_type.dict_offset = offsetof(FunctionObject, dict);
  function_type.call = function_call;
  function_type.descr_get = function_get;
  function_type.repr = function_repr;
  function_type.dealloc = function_dealloc;
  add_property(&function_type, "__name__", function_get_name, function_set_name);
  add_property(&function_type, "__qualname__", function_get_qualname, function_set_qualname);
  add_property(&function_type, "__doc__", function_get_doc, function_set_doc);
  add_property(&function_type, "__module__", function_get_module, function_set_module);
  add_property(&function_type, "__defaults__", function_get_defaults, function_set_defaults);
  add_property(&function_type, "__kwdefaults__", function_get_kwdefaults, function_set_kwdefaults);
  add_property(&function_type, "__code__", function_get_code);
  add_property(&function_type, "__globals__", function_get_globals);
  add_property(&function_type, "__closure__", function_get_closure);
  add_property(&function_type, "__dict__", function_get_dict);
  add_property(&function_type, "__annotations__", function_get_annotations, function_set_annotations);
  finish_static_type(&function_type);

  init_static_type(&cell_type, "cell", &object_type, sizeof(CellObject), type_flag_gc);
  cell_type.traverse = cell_traverse;
  cell_type.clear = cell_clear;
  cell_type.dealloc = cell_dealloc;
  add_property(&cell_type, "cell_contents", cell_get_contents);
  finish_static_type(&cell_type);

  init_static_type(&property_type, "property", &object_type, sizeof(PropertyObject), type_flag_base_type | type_flag_gc);
  property_type.traverse = property_traverse;
  property_type.clear = property_clear;
  property_type.new_ = property_new;
  property_type.init = property_init;
  property_type.dealloc = property_dealloc;
  property_type.descr_get = property_get;
  property_type.descr_set = property_set;
  add_methods(&property_type, property_methods);
  add_property(&property_type, "fget", property_get_fget);
  add_property(&property_type, "fset", property_get_fset);
  add_property(&property_type, "fdel", property_get_fdel);
  add_property(&property_type, "__doc__", property_get_doc);
  finish_static_type(&property_type);

  // type_flag_gc was set before any type was made (init_builtin_types): add_methods makes
  // staticmethods from the first type on, and each needs its GcHeader.
  init_static_type(&staticmethod_type, "staticmethod", &object_type, sizeof(StaticMethodObject),
                   type_flag_base_type | type_flag_gc);
  staticmethod_type.traverse = wrapper_traverse<StaticMethodObject>;
  staticmethod_type.clear = wrapper_clear<StaticMethodObject>;
  staticmethod_type.new_ = wrapper_new<StaticMethodObject>;
  staticmethod_type.init = wrapper_init;
  staticmethod_type.dealloc = wrapper_dealloc<StaticMethodObject>;
  staticmethod_type.descr_get = staticmethod_get;
  staticmethod_type.call = staticmethod_call;
  staticmethod_type.getattr = wrapper_getattr<StaticMethodObject>;
  add_property(&staticmethod_type, "__func__", wrapper_get_func<StaticMethodObject>);
  finish_static_type(&staticmethod_type);

  init_static_type(&classmethod_type, "classmethod", &object_type, sizeof(ClassMethodObject),
                   type_flag_base_type | type_flag_gc);
  classmethod_type.traverse = wrapper_traverse<ClassMethodObject>;
  classmethod_type.clear = wrapper_clear<ClassMethodObject>;
  classmethod_type.new_ = wrapper_new<ClassMethodObject>;
  classmethod_type.init = wrapper_init;
  classmethod_type.dealloc = wrapper_dealloc<ClassMethodObject>;
  classmethod_type.descr_get = classmethod_get;
  classmethod_type.getattr = wrapper_getattr<ClassMethodObject>;
  add_property(&classmethod_type, "__func__", wrapper_get_func<ClassMethodObject>);
  finish_static_type(&classmethod_type);

  init_static_type(&super_type, "super", &object_type, sizeof(SuperObject), type_flag_base_type | type_flag_gc);
  super_type.traverse = super_traverse;
  super_type.clear = super_clear;
  super_type.new_ = super_new;
  super_type.init = super_init;
  super_type.dealloc = super_dealloc;
  super_type.getattr = super_getattr;
  super_type.repr = super_repr;
  finish_static_type(&super_type);

  init_static_type(&code_type, "code", &object_type, sizeof(CodeObject), 0);
  code_type.dealloc = code_dealloc;
  code_type.repr = code_repr;
  add_property(&code_type, "co_name", code_get_name);
  add_property(&code_type, "co_filename", code_get_filename);
  add_property(&code_type, "co_firstlineno", code_get_firstlineno);
  add_property(&code_type, "co_argcount", code_get_argcount);
  add_property(&code_type, "co_varnames", code_get_varnames);
  finish_static_type(&code_type);
}

}  // namespace chaipy
