// Callable objects: code objects, script functions, native functions and methods, bound methods, cells, and the descriptor types (property, staticmethod, classmethod, super).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "interpreter/code_unit.hpp"
#include "runtime/type.hpp"

namespace chaipy {

extern TypeObject code_type, function_type, builtin_function_type, method_descriptor_type,
    classmethod_descriptor_type, getset_descriptor_type, bound_method_type, cell_type,
    property_type, staticmethod_type, classmethod_type, super_type;

// A compiled unit ready to run: the compiler's CodeUnit with its constants and names made
// into objects once.
struct CodeObject : Object {
  std::shared_ptr<const CodeUnit> unit;
  Value name, qualname, filename;  // owned str
  Value consts;                    // owned tuple
  std::vector<Value> names;        // interned str (immortal)
  std::vector<Value> varnames;     // interned str
  uint32_t nlocals;                // varnames.size()
  uint32_t ncells;                 // cellvars + freevars
  uint32_t frame_size;             // locals + cells + max_stack: slots a frame needs
  // What the VM reads when a frame of this code starts: its instructions, constants and names,
  // and the bytes a frame run in place of a call takes (interpreter/vm.cpp).
  const uint32_t* instructions;
  const Value* const_items;
  const Value* name_items;
  uint32_t in_place_frame_bytes;
  // The argument count of a call that binds by copying alone (the positional parameters, no
  // cells, keyword-only parameters, *args or **kwargs; not a generator); UINT32_MAX when none does.
  uint32_t copy_bound_argcount;
  // Inline caches of LOAD_GLOBAL (one entry) and LOAD_ATTR / STORE_ATTR / LOAD_METHOD (two
  // entries each), made on the first cache fill; `cache_index[pc]` is where the entries of the
  // instruction at pc start (instructions without a cache cost only that index). LOAD_GLOBAL:
  // the two dicts' keys versions and the entry index. Attributes: the type lookup epoch, the
  // instance type, the class attribute found, a guess of the entry index in the instance dict
  // (checked on use) and what kind of access was seen.
  struct InlineCache {
    uint64_t version = 0;   // dict keys version or type lookup epoch that validates the entry
    uint64_t version2 = 0;
    Value value;            // borrowed: valid while the versions match
    uint32_t index = 0;
    uint32_t kind = 0;
  };
  std::unique_ptr<uint32_t[]> cache_index;
  std::unique_ptr<InlineCache[]> caches;
};
// Builds the runtime code object (recursively for nested code constants).
Ref code_from_unit(std::shared_ptr<const CodeUnit> unit);

struct FunctionObject : Object {
  Value code;       // CodeObject
  Value globals;    // dict
  Value builtins;   // dict (the globals' __builtins__ at creation)
  Value name, qualname, module, doc;
  Value defaults;   // tuple or null
  Value kwdefaults; // dict or null
  Value closure;    // tuple of cells or null
  Value dict;       // function attributes (lazily created)
  Value annotations;  // __annotations__: dict, or null until first read
};
inline bool is_function(Value v) { return v.is_object() && v.as_object()->type == &function_type; }

// Native functions: builtins and module-level functions written in C++.
using NativeFunction = Ref (*)(Value self, const Value* args, size_t nargs, Value kwnames);
struct BuiltinFunctionObject : Object {
  const char* name;
  NativeFunction fn;
  Value self;    // owned: the module or bound object, or null
  Value module;  // owned str or null
};
// A new native function object (self is borrowed and incref'd; may be null).
Ref builtin_function_new(const char* name, NativeFunction fn, Value self = Value(), Value module = Value());

struct MethodDescriptorObject : Object {
  const MethodDef* def;
  TypeObject* owner;
};

struct GetSetDescriptorObject : Object {
  const char* name;
  TypeObject* owner;
  Getter getter;
  Setter setter;
};

struct BoundMethodObject : Object {
  Value function;  // owned
  Value self;      // owned
};
Ref bound_method_new(Value function, Value self);

struct CellObject : Object {
  Value contents;  // owned or null when empty
};
Ref cell_new(Value contents);

struct PropertyObject : Object {
  Value getter, setter, deleter, doc;  // owned or null
};
struct StaticMethodObject : Object {
  Value callable;
};
struct ClassMethodObject : Object {
  Value callable;
};
struct SuperObject : Object {
  TypeObject* type;      // the class super() was called in (owned)
  Value object;          // owned
  TypeObject* obj_type;  // owned: type of object, or object itself when it is a type
};

}  // namespace chaipy
