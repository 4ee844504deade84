// The copy protocol every object inherits: object.__reduce_ex__, object.__reduce__ and object.__getstate__ with CPython 3.11's semantics (used by pickle and copy).
#include "runtime/builtin_types.hpp"
#include "runtime/import.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

void add_object_reduce_methods();

namespace {

Ref copyreg_function(const char* name) {
  Ref copyreg = import_module("copyreg");
  return copyreg ? get_attr(*copyreg, name) : nullptr;
}

// The builtin type that lays instances out (heap classes add only a __dict__).
TypeObject* solid_base(TypeObject* type) {
  while (type->flags & type_flag_heap) type = type->base;
  return type;
}

std::string qualified_type_name(TypeObject* type) {
  TypeObject* base = solid_base(type);
  if (base != type || base->module.empty() || base->module == "builtins") return type->name;
  return base->module + "." + base->name;
}

Value object_type_method(const char* name) { return type_lookup(&object_type, str_intern(name)); }

// object.__getstate__ when not overridden: the instance __dict__ (None when empty). With
// `required`, objects whose builtin base holds C++ state cannot be rebuilt from a dict.
Ref default_state(Value obj, bool required) {
  TypeObject* type = type_of(obj);
  if (required) {
    TypeObject* base = solid_base(type);
    if (base != &object_type)
      return raise_format(&TypeError_type, "cannot pickle '%s' object", qualified_type_name(type).c_str());
  }
  Value* dict = instance_dict_slot(obj);
  if (dict && *dict && dict_size(*dict) > 0) return Ref::borrow(*dict);
  return Ref::none();
}

Ref object_state(Value obj, bool required) {
  TypeObject* type = type_of(obj);
  Value getstate = type_lookup(type, str_intern("__getstate__"));
  Value* dict = instance_dict_slot(obj);
  bool in_instance = dict && *dict && dict_get_str(*dict, "__getstate__");
  if (getstate == object_type_method("__getstate__") && !in_instance) return default_state(obj, required);
  Ref method = get_attr(obj, "__getstate__");
  return method ? call0(*method) : nullptr;
}

// __getnewargs_ex__ / __getnewargs__ as _PyObject_GetNewArguments: args null when neither exists.
bool new_arguments(Value obj, Ref& args, Ref& kwargs) {
  TypeObject* type = type_of(obj);
  if (type_lookup(type, str_intern("__getnewargs_ex__"))) {
    Ref method = get_attr(obj, "__getnewargs_ex__");
    Ref result = method ? call0(*method) : nullptr;
    if (!result) return false;
    if (!is_tuple(*result))
      return bool(raise_format(&TypeError_type, "__getnewargs_ex__ should return a tuple, not '%s'", type_name(*result)));
    if (tuple_size(*result) != 2)
      return bool(raise_format(&ValueError_type, "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                               size_t(tuple_size(*result))));
    args = Ref::borrow(tuple_item(*result, 0));
    kwargs = Ref::borrow(tuple_item(*result, 1));
    if (!is_tuple(*args))
      return bool(raise_format(&TypeError_type, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                               type_name(*args)));
    if (!is_dict(*kwargs))
      return bool(raise_format(&TypeError_type, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                               type_name(*kwargs)));
    return true;
  }
  if (type_lookup(type, str_intern("__getnewargs__"))) {
    Ref method = get_attr(obj, "__getnewargs__");
    args = method ? call0(*method) : nullptr;
    if (!args) return false;
    if (!is_tuple(*args))
      return bool(raise_format(&TypeError_type, "__getnewargs__ should return a tuple, not '%s'", type_name(*args)));
    return true;
  }
  // str and bytes subclasses: CPython's str/bytes.__getnewargs__ give the plain value.
  TypeObject* base = solid_base(type);
  if (base == &str_type || base == &bytes_type) {
    Ref plain = base == &str_type ? str_new(str_view(obj)) : bytes_new(bytes_view(obj));
    args = plain ? tuple_pack({*plain}) : nullptr;
    return bool(args);
  }
  return true;
}

// Protocol 2+: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems).
Ref reduce_newobj(Value obj) {
  TypeObject* type = type_of(obj);
  if (!type->new_) return raise_format(&TypeError_type, "cannot pickle '%s' object", qualified_type_name(type).c_str());
  Ref args, kwargs;
  if (!new_arguments(obj, args, kwargs)) return nullptr;
  bool has_args = bool(args);
  Ref newobj, newargs;
  if (!kwargs || dict_size(*kwargs) == 0) {
    newobj = copyreg_function("__newobj__");
    if (!newobj) return nullptr;
    size_t n = args ? size_t(tuple_size(*args)) : 0;
    newargs = tuple_new(n + 1);
    if (!newargs) return nullptr;
    incref(Value(type));
    tuple_set(*newargs, 0, Value(type));
    for (size_t i = 0; i < n; ++i) {
      incref(tuple_item(*args, int64_t(i)));
      tuple_set(*newargs, i + 1, tuple_item(*args, int64_t(i)));
    }
  } else {
    newobj = copyreg_function("__newobj_ex__");
    if (!newobj) return nullptr;
    newargs = tuple_pack({Value(type), *args, *kwargs});
    if (!newargs) return nullptr;
  }
  Ref state = object_state(obj, !(has_args || is_list(obj) || is_dict(obj)));
  if (!state) return nullptr;
  Ref listitems = Ref::none(), dictitems = Ref::none();
  if (is_list(obj)) {
    listitems = get_iter(obj);
    if (!listitems) return nullptr;
  } else if (is_dict(obj)) {
    Ref items_method = get_attr(obj, "items");
    Ref items = items_method ? call0(*items_method) : nullptr;
    dictitems = items ? get_iter(*items) : nullptr;
    if (!dictitems) return nullptr;
  }
  return tuple_pack({*newobj, *newargs, *state, *listitems, *dictitems});
}

Ref common_reduce(Value obj, int64_t protocol) {
  if (protocol >= 2) return reduce_newobj(obj);
  Ref reduce_ex = copyreg_function("_reduce_ex");
  return reduce_ex ? call2(*reduce_ex, obj, Value::small_int(protocol)) : nullptr;
}

Ref object_reduce_ex(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value protocol_value;
  if (!bind_args("__reduce_ex__", args, nargs, kwnames, {"protocol"}, 1, &protocol_value)) return nullptr;
  int64_t protocol;
  if (!index_to_i64(protocol_value, protocol)) return nullptr;
  // A __reduce__ overridden anywhere along the class wins, as in CPython.
  Value own_reduce = type_lookup(type_of(self), str_intern("__reduce__"));
  if (own_reduce && own_reduce != object_type_method("__reduce__")) {
    Ref reduce = get_attr(self, "__reduce__");
    return reduce ? call0(*reduce) : nullptr;
  }
  return common_reduce(self, protocol);
}

Ref object_reduce(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__reduce__", nargs, kwnames, 0, 0)) return nullptr;
  return common_reduce(self, 0);
}

Ref object_getstate(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__getstate__", nargs, kwnames, 0, 0)) return nullptr;
  return default_state(self, false);
}

const MethodDef reduce_methods[] = {
    {"__reduce_ex__", object_reduce_ex},
    {"__reduce__", object_reduce},
    {"__getstate__", object_getstate},
    {nullptr, nullptr},
};

}  // namespace

// Called once while the object type is set up (runtime/typeobject.cpp).
void add_object_reduce_methods() { add_methods(&object_type, reduce_methods); }

}  // namespace chaipy
