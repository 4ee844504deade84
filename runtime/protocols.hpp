// Generic operations on any value, dispatched through type slots (CPython's "abstract" layer).
#pragma once
#include <string>

#include "runtime/errors.hpp"
#include "runtime/type.hpp"

namespace chaipy {

Ref object_repr(Value v);   // repr(v); guards against infinite recursion
std::string object_address(Value v);  // "0x55d8...": the address reprs show ("<... at 0x...>")
Ref object_str(Value v);    // str(v)
Ref object_ascii(Value v);  // ascii(v)
// Recursive containers' reprs: repr_enter returns 1 when v is already being printed on this
// thread (print "[...]" / "{...}"), 0 otherwise (then call repr_leave(v) when done), -1 on error.
int repr_enter(Value v);
void repr_leave(Value v);
int64_t object_hash(Value v);  // -1 with error pending ("unhashable type: 'list'")
// The hash slot of types whose instances are unhashable (list, dict, set): raises TypeError.
int64_t hash_not_implemented(Value v);
int object_truth(Value v);     // 1, 0, -1
int64_t object_length(Value v);  // -1 with error ("object of type 'int' has no len()")
// Rich comparison with CPython's reflection rules; == and != fall back to identity.
Ref object_compare(Value a, Value b, CompareOp op);
// a == b as a bool: 1, 0, -1. Identical objects compare equal first (as CPython's containers do).
int object_equal(Value a, Value b);
int object_less(Value a, Value b);  // a < b: 1, 0, -1 (sorting)
Ref binary_op(Value a, Value b, BinaryOp op);   // with the operator's TypeError message
Ref inplace_op(Value a, Value b, BinaryOp op);  // a op= b
Ref unary_negative(Value v);
Ref unary_positive(Value v);
Ref unary_invert(Value v);
Ref object_abs(Value v);

Ref get_attr(Value obj, Value name);  // name: str
Ref get_attr(Value obj, const char* name);
int set_attr(Value obj, Value name, Value value);  // null value deletes
int has_attr(Value obj, Value name);  // 1, 0, -1 (errors other than AttributeError propagate)
// The default attribute protocol (descriptors, instance dict), used by object's slots and by
// types that extend it.
Ref generic_getattr(Value obj, Value name);
int generic_setattr(Value obj, Value name, Value value);

Ref get_item(Value container, Value key);
int set_item(Value container, Value key, Value value);
int del_item(Value container, Value key);
int contains(Value container, Value item);  // `item in container`, falling back to iteration

Ref get_iter(Value iterable);  // iter(v) ("'int' object is not iterable")
// next(it): null with no error pending means exhausted; null with an error means failure.
Ref iter_next(Value iterator);

// Calls: args as described at CallSlot. kwnames may be null.
Ref call(Value callable, const Value* args, size_t nargs, Value kwnames = Value());
Ref call0(Value callable);
Ref call1(Value callable, Value arg);
Ref call2(Value callable, Value a, Value b);
// Looks up `name` on obj's type (not the instance) and calls it bound to obj: the dunder path.
Ref call_method(Value obj, const char* name, const Value* args, size_t nargs);

// Converts an index-like value to int64 (via __index__); "'str' object cannot be interpreted as an integer".
bool index_to_i64(Value v, int64_t& out);
// Type check with the message CPython gives for a wrong argument type of a builtin.
bool is_instance(Value v, Value type_or_tuple, int& result);  // isinstance(); false on error

// Binds a native function's arguments by position or keyword (names in order). The first
// `required` are required; others come out null when absent. Errors worded as CPython's:
// "split() takes at most 2 arguments (3 given)", "f() got an unexpected keyword argument 'x'".
bool bind_args(const char* function_name, const Value* args, size_t nargs, Value kwnames,
               std::initializer_list<const char*> names, size_t required, Value* out);
// For natives that take no keywords: checks the count, raises "f() takes no keyword arguments".
bool check_positional(const char* function_name, size_t nargs, Value kwnames, size_t min, size_t max);

// The singletons that are heap objects (immortal).
extern Object NotImplemented_object;
extern Object Ellipsis_object;
inline Value not_implemented() { return Value(&NotImplemented_object); }
inline Ref new_not_implemented() { return Ref::steal(not_implemented()); }

}  // namespace chaipy
