// Type objects: the slot table every type fills, type flags, and the generic protocols built on slots.
#pragma once
#include <atomic>
#include <string>

#include "interpreter/opcodes.hpp"
#include "runtime/object.hpp"

namespace chaipy {

// Calling convention for everything callable (functions, native functions, types, methods):
// `args` holds `nargs` positional values followed by one value per keyword name in `kwnames`
// (a tuple of str, or null when there are no keywords). Arguments are borrowed.
using CallSlot = Ref (*)(Value callable, const Value* args, size_t nargs, Value kwnames);
using UnarySlot = Ref (*)(Value self);
// binary[op](self, other): self is the left operand. reflected[op](self, other): self is the
// right operand (a + b tries type(a)->binary[Add](a, b), then type(b)->reflected[Add](b, a)).
// Both return NotImplemented (a new reference) when they do not handle the other operand.
using BinarySlot = Ref (*)(Value self, Value other);
// The cycle collector's callback: called once per reference the object owns.
using GcVisit = void (*)(Value child, void* arg);

enum TypeFlags : uint32_t {
  type_flag_heap = 1u << 0,          // created by a class statement or type(); refcounted
  type_flag_base_type = 1u << 1,     // may be subclassed
  type_flag_has_instance_dict = 1u << 2,
  type_flag_exception = 1u << 3,     // BaseException or a subclass
  type_flag_int_subclass = 1u << 4,  // fast isinstance checks for the core types
  type_flag_str_subclass = 1u << 5,
  type_flag_tuple_subclass = 1u << 6,
  type_flag_list_subclass = 1u << 7,
  type_flag_dict_subclass = 1u << 8,
  type_flag_type_subclass = 1u << 9,
  type_flag_var_sized = 1u << 10,    // instances carry their items inline (str, bytes, tuple)
  type_flag_gc = 1u << 11,           // instances have a GcHeader in front (runtime/gc.hpp): collectable
  type_flag_has_finalizer = 1u << 12,  // a class whose mro defines __del__ (instances are collectable)
};

struct TypeObject : Object {
  std::string name;      // __name__
  std::string qualname;  // __qualname__
  std::string module;    // __module__ for builtins ("builtins"); heap types keep it in dict
  TypeObject* base = nullptr;  // the solid base (layout ancestor); object's is null
  Value bases;  // tuple (owned)
  Value mro;    // tuple (owned), self first
  Value dict;   // dict (owned): the class namespace
  uint32_t flags = 0;
  uint32_t instance_size = 0;  // bytes allocated per instance
  uint32_t dict_offset = 0;    // where the instance __dict__ (a Value) lives, 0 when none
  uint64_t version = 0;        // bumped whenever this type or an ancestor's dict changes (caches)
  int64_t instance_dict_hint = 0;  // attributes of the last freed instance (instance_dict_new)
  // Classes: when calling the class only makes an instance (object.__new__) and runs a Python
  // __init__ on it, that __init__ (borrowed), else null; valid while type_lookup_epoch equals
  // plain_init_epoch (type_call_slot's short path).
  Value plain_init;
  uint64_t plain_init_epoch = 0;

  void (*dealloc)(Object*) = nullptr;  // releases the contents and frees the memory
  UnarySlot repr = nullptr;
  UnarySlot str = nullptr;
  int64_t (*hash)(Value) = nullptr;  // -1 with an error pending on failure
  Ref (*richcompare)(Value self, Value other, CompareOp op) = nullptr;  // may return NotImplemented
  int (*truth)(Value) = nullptr;       // 1, 0, or -1 on error
  int64_t (*length)(Value) = nullptr;  // -1 on error
  Ref (*getattr)(Value self, Value name) = nullptr;                // name is a str
  int (*setattr)(Value self, Value name, Value value) = nullptr;  // null value deletes; 0 or -1
  CallSlot call = nullptr;
  UnarySlot iter = nullptr;
  // Returns null with NO error pending when the iterator is exhausted.
  UnarySlot next = nullptr;
  Ref (*getitem)(Value self, Value key) = nullptr;
  int (*setitem)(Value self, Value key, Value value) = nullptr;  // null value deletes
  int (*contains)(Value self, Value item) = nullptr;             // 1, 0, -1
  BinarySlot binary[binary_op_count] = {};
  BinarySlot reflected[binary_op_count] = {};
  BinarySlot inplace[binary_op_count] = {};  // null: fall back to binary/reflected
  UnarySlot negative = nullptr;
  UnarySlot positive = nullptr;
  UnarySlot invert = nullptr;
  UnarySlot absolute = nullptr;
  UnarySlot index = nullptr;   // __index__: an int, for subscripts and slicing
  UnarySlot to_int = nullptr;  // __int__
  UnarySlot to_float = nullptr;  // __float__
  // Descriptors: obj is null when the attribute is read from the class itself.
  Ref (*descr_get)(Value descr, Value obj, Value type) = nullptr;
  int (*descr_set)(Value descr, Value obj, Value value) = nullptr;  // null value deletes
  // Construction: type(...) calls new_ and then, when the result is an instance of the type, init.
  Ref (*new_)(TypeObject* type, const Value* args, size_t nargs, Value kwnames) = nullptr;
  int (*init)(Value self, const Value* args, size_t nargs, Value kwnames) = nullptr;
  // Cycle collector (runtime/gc.hpp), for types with type_flag_gc. traverse calls visit on
  // every reference the object owns (never on a borrowed one); clear drops the references
  // that can form cycles, leaving the object valid (empty) for whoever still uses it.
  void (*traverse)(Object* self, GcVisit visit, void* arg) = nullptr;
  void (*clear)(Object* self) = nullptr;
};

// The type of any value, immediates included. Forced in line: every protocol starts with it,
// and GCC's inlining budget for eval_frame ran out before some of its hot uses.
extern TypeObject int_type, bool_type, none_type;
[[gnu::always_inline]] inline TypeObject* type_of(Value v) {
  if (v.is_object()) return v.as_object()->type;
  if (v.is_small_int()) return &int_type;
  if (v.is_none()) return &none_type;
  return &bool_type;
}
inline const char* type_name(Value v);

// Native methods of builtin types live in the type's dict as method descriptors.
using NativeMethod = Ref (*)(Value self, const Value* args, size_t nargs, Value kwnames);
enum class MethodKind : uint8_t { Instance, Class, Static };
struct MethodDef {
  const char* name;
  NativeMethod fn;
  MethodKind kind = MethodKind::Instance;
};
// Adds method descriptors for `methods` (terminated by a {nullptr, nullptr} entry) to the type's dict.
void add_methods(TypeObject* type, const MethodDef* methods);
// Adds a read-only (setter null) or read-write computed attribute to the type's dict.
using Getter = Ref (*)(Value self);
using Setter = int (*)(Value self, Value value);
void add_property(TypeObject* type, const char* name, Getter getter, Setter setter = nullptr);
// Adds a plain class attribute (steals nothing; the value is borrowed and incref'd).
void add_class_attribute(TypeObject* type, const char* name, Value value);

// Sets up a static (immortal) builtin type: name, base (object when null), size, flags, and
// builds its dict, bases and mro. Slots are filled by the caller before or after.
void init_static_type(TypeObject* type, const char* name, TypeObject* base, uint32_t instance_size,
                      uint32_t flags);
// Marks a static type complete. During start-up the dicts, mros and inherited slots of all
// static types are built together afterwards (finalize_static_types); later it is immediate.
void finish_static_type(TypeObject* type);
void finalize_static_types();
// Puts a class attribute of a static type in place (deferred during start-up); value immortal.
void set_static_type_attribute(TypeObject* type, const char* name, Value value);

// Where an instance keeps its __dict__ (null when the type gives instances none).
Value* instance_dict_slot(Value obj);

bool is_subtype(const TypeObject* type, const TypeObject* base);  // walks the mro
inline bool isinstance_exact_or_sub(Value v, const TypeObject* t) { return is_subtype(type_of(v), t); }

// Looks a name (str) up along the type's mro; borrowed result, null when absent (no error).
// Results for interned names are cached per interpreter (see invalidate_type_lookups).
Value type_lookup(TypeObject* type, Value name);
// Whoever changes a type's dict other than through setattr on the type or the helpers here
// (add_methods, set_static_type_attribute, ...) must call this.
void invalidate_type_lookups();
// Bumped by invalidate_type_lookups: an inline cache that saw the same value (never 0) may
// reuse what it learnt from type lookups then (no type's dict changed, no type was freed).
extern std::atomic<uint64_t> type_lookup_epoch;
struct TypeLookupCache;
TypeLookupCache* type_lookup_cache_new();
void type_lookup_cache_free(TypeLookupCache* cache);

// Allocates a zeroed instance of `type` (type->instance_size bytes), refcount 1, type set and
// incref'd when it is a heap type. Raises MemoryError (returns null) on failure.
Object* alloc_object(TypeObject* type);
// A class whose instances are made by object.__new__ and set up by a Python __init__ (most
// classes): its __init__, remembered on the class for the current type lookup epoch, or null.
// Only for heap types (static types are shared by every interpreter).
Value plain_init_function(TypeObject* type);
// What a call of a class does with its __init__'s result: true for None, else a TypeError.
bool init_returned_none(Value returned);
// Same for variable-sized layouts (str, tuple, bytes, big int): total_bytes >= the fixed part.
// new_ slots allocate with the type they are given, so Python subclasses work.
Object* alloc_var_object(TypeObject* type, size_t total_bytes);
// The same for a type without a GC header whose constructor writes every byte: no zeroing.
Object* alloc_var_object_unzeroed(TypeObject* type, size_t total_bytes);
// Frees the memory of an object allocated with alloc_object (and releases its heap type).
void free_object(Object* object);

inline const char* type_name(Value v) { return type_of(v)->name.c_str(); }

}  // namespace chaipy
