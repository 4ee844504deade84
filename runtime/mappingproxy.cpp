// The mappingproxy type: a read-only live view of a mapping (what C.__dict__ returns).
#include "runtime/builtin_types.hpp"
#include "runtime/mappingproxy.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

namespace {

struct MappingProxyObject : Object {
  Value mapping;  // owned
};

TypeObject mappingproxy_type;

Value target(Value self) { return self.as<MappingProxyObject>()->mapping; }

void mappingproxy_dealloc(Object* object) {
  decref(static_cast<MappingProxyObject*>(object)->mapping);
  free_object(object);
}

Ref mappingproxy_repr(Value self) {
  Ref inner = object_repr(target(self));
  if (!inner) return nullptr;
  return str_new("mappingproxy(" + std::string(str_view(*inner)) + ")");
}

Ref mappingproxy_str(Value self) { return object_str(target(self)); }
int64_t mappingproxy_length(Value self) { return object_length(target(self)); }
Ref mappingproxy_iter(Value self) { return get_iter(target(self)); }
Ref mappingproxy_getitem(Value self, Value key) { return get_item(target(self), key); }
int mappingproxy_contains(Value self, Value key) { return contains(target(self), key); }
Ref mappingproxy_compare(Value self, Value other, CompareOp op) { return object_compare(target(self), other, op); }

Ref mappingproxy_or(Value self, Value other) {
  Value left = type_of(self) == &mappingproxy_type ? target(self) : self;
  Value right = type_of(other) == &mappingproxy_type ? target(other) : other;
  return binary_op(left, right, BinaryOp::Or);
}

Ref mappingproxy_ior(Value self, Value) {
  return raise_format(&TypeError_type, "'|=' is not supported by %s; use '|' instead", type_name(self));
}

// get/keys/values/items/copy forward to the mapping's own methods.
template <const char* name>
Ref forward(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional(name, nargs, kwnames, 0, name[0] == 'g' ? 2 : 0)) return nullptr;
  if (name[0] == 'g' && nargs == 0) return raise(&TypeError_type, "get expected at least 1 argument, got 0");
  return call_method(target(self), name, args, nargs);
}
constexpr char get_name[] = "get", keys_name[] = "keys", values_name[] = "values", items_name[] = "items",
               copy_name[] = "copy";

const MethodDef mappingproxy_methods[] = {
    {"get", forward<get_name>},     {"keys", forward<keys_name>}, {"values", forward<values_name>},
    {"items", forward<items_name>}, {"copy", forward<copy_name>}, {nullptr, nullptr},
};

Ref mappingproxy_new_slot(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_args("mappingproxy", args, nargs, kwnames, {"mapping"}, 1, bound)) return nullptr;
  bool is_mapping = is_dict(bound[0]) || (type_lookup(type_of(bound[0]), str_intern("keys")) &&
                                          type_of(bound[0])->getitem && !is_list(bound[0]) && !is_tuple(bound[0]));
  if (!is_mapping)
    return raise_format(&TypeError_type, "mappingproxy() argument must be a mapping, not %s", type_name(bound[0]));
  return mappingproxy_new(bound[0]);
}

}  // namespace

Ref mappingproxy_new(Value mapping) {
  auto* proxy = static_cast<MappingProxyObject*>(alloc_object(&mappingproxy_type));
  if (!proxy) return nullptr;
  proxy->mapping = Ref::borrow(mapping).release();
  return Ref::steal(Value(proxy));
}

void init_mappingproxy_type() {
  init_static_type(&mappingproxy_type, "mappingproxy", &object_type, sizeof(MappingProxyObject), 0);
  mappingproxy_type.dealloc = mappingproxy_dealloc;
  mappingproxy_type.repr = mappingproxy_repr;
  mappingproxy_type.str = mappingproxy_str;
  mappingproxy_type.length = mappingproxy_length;
  mappingproxy_type.iter = mappingproxy_iter;
  mappingproxy_type.getitem = mappingproxy_getitem;
  mappingproxy_type.contains = mappingproxy_contains;
  mappingproxy_type.richcompare = mappingproxy_compare;
  mappingproxy_type.hash = hash_not_implemented;
  mappingproxy_type.binary[size_t(BinaryOp::Or)] = mappingproxy_or;
  mappingproxy_type.reflected[size_t(BinaryOp::Or)] = mappingproxy_or;
  mappingproxy_type.inplace[size_t(BinaryOp::Or)] = mappingproxy_ior;
  mappingproxy_type.new_ = mappingproxy_new_slot;
  add_methods(&mappingproxy_type, mappingproxy_methods);
  finish_static_type(&mappingproxy_type);
}

}  // namespace chaipy
