// Struct sequences: tuple subclasses with named fields, their attribute lookup, repr and constructor.
#include "stdlib/struct_sequence.hpp"

#include <mutex>
#include <string>
#include <deque>

#include "runtime/protocols.hpp"

namespace chaipy {

namespace {

struct StructSequenceInfo {
  TypeObject* type;
  const char* const* field_names;
  size_t field_count;
  size_t visible_size;
};

std::mutex registry_mutex;
std::deque<StructSequenceInfo> registry;  // a deque: references to entries stay valid as it grows

const StructSequenceInfo& info_of(const TypeObject* type) {
  std::lock_guard<std::mutex> lock(registry_mutex);
  for (;;) {
    for (const StructSequenceInfo& info : registry)
      if (info.type == type) return info;
    type = type->base;  // a Python subclass of a struct sequence
  }
}

// The hidden fields live after the visible items, beyond the tuple's size.
Value* all_fields(Value self) { return self.as<TupleObject>()->items; }

void struct_sequence_dealloc(Object* object) {
  const StructSequenceInfo& info = info_of(object->type);
  Value* fields = all_fields(Value(object));
  for (size_t i = info.visible_size; i < info.field_count; ++i) decref(fields[i]);
  tuple_type.dealloc(object);
}

Ref struct_sequence_getattr(Value self, Value name) {
  const StructSequenceInfo& info = info_of(type_of(self));
  std::string_view wanted = str_view(name);
  for (size_t i = 0; i < info.field_count; ++i) {
    const char* field = info.field_names[i];
    if (field && wanted == field) {
      Value item = all_fields(self)[i];
      return item ? Ref::borrow(item) : Ref::none();
    }
  }
  return generic_getattr(self, name);
}

Ref struct_sequence_repr(Value self) {
  TypeObject* type = type_of(self);
  const StructSequenceInfo& info = info_of(type);
  std::string text = type->module + "." + type->name + "(";
  size_t named = 0;
  for (size_t i = 0; i < info.visible_size; ++i) {
    while (named < info.field_count && !info.field_names[named]) ++named;
    Ref item = object_repr(all_fields(self)[i]);
    if (!item) return nullptr;
    if (i) text += ", ";
    text += named < info.field_count ? info.field_names[named] : "";
    text += "=";
    text += str_view(*item);
    ++named;
  }
  return str_new(text + ")");
}

// type(sequence): a visible_size..field_count sequence; missing hidden fields become None.
Ref struct_sequence_construct(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bind_args(type->name.c_str(), args, nargs, kwnames, {"sequence", "dict"}, 1, bound)) return nullptr;
  const StructSequenceInfo& info = info_of(type);
  Ref items = list_from_iterable(bound[0]);
  if (!items) return nullptr;
  size_t length = static_cast<size_t>(list_size(*items));
  std::string qualified = type->module + "." + type->name;
  if (length < info.visible_size) {
    if (info.visible_size == info.field_count)
      return raise_format(&TypeError_type, "%s() takes a %zu-sequence (%zu-sequence given)", qualified.c_str(),
                          info.visible_size, length);
    return raise_format(&TypeError_type, "%s() takes an at least %zu-sequence (%zu-sequence given)",
                        qualified.c_str(), info.visible_size, length);
  }
  if (length > info.field_count)
    return raise_format(&TypeError_type, "%s() takes an at most %zu-sequence (%zu-sequence given)", qualified.c_str(),
                        info.field_count, length);
  Ref result = struct_sequence_new(type);
  if (!result) return nullptr;
  for (size_t i = 0; i < info.field_count; ++i) {
    Value item = i < length ? list_item(*items, i) : Value::none();
    incref(item);
    struct_sequence_set(*result, i, item);
  }
  return result;
}

}  // namespace

void init_struct_sequence_type(TypeObject* type, const char* module, const char* name,
                               const char* const* field_names, size_t field_count, size_t visible_size) {
  {
    std::lock_guard<std::mutex> lock(registry_mutex);
    registry.push_back({type, field_names, field_count, visible_size});
  }
  init_static_type(type, name, &tuple_type, sizeof(TupleObject), type_flag_base_type | type_flag_var_sized);
  type->module = module;
  type->dealloc = struct_sequence_dealloc;
  type->getattr = struct_sequence_getattr;
  type->repr = struct_sequence_repr;
  type->new_ = struct_sequence_construct;
  finish_static_type(type);
  add_class_attribute(type, "n_sequence_fields", Value::small_int(static_cast<int64_t>(visible_size)));
  add_class_attribute(type, "n_fields", Value::small_int(static_cast<int64_t>(field_count)));
}

Ref struct_sequence_new(TypeObject* type) {
  const StructSequenceInfo& info = info_of(type);
  size_t bytes = sizeof(TupleObject) + (info.field_count - 1) * sizeof(Value);
  Object* object = alloc_var_object(type, bytes);
  if (!object) return nullptr;
  static_cast<TupleObject*>(object)->size = static_cast<int64_t>(info.visible_size);
  return Ref::steal(Value(object));
}

void struct_sequence_set(Value sequence, size_t index, Value item) { all_fields(sequence)[index] = item; }

}  // namespace chaipy
