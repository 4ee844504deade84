// Start-up registration of the static builtin types: one init function per type-owning file.
#pragma once

namespace chaipy {

// Each fills its static TypeObject(s) with init_static_type, slots, add_methods, and
// finish_static_type. init_builtin_types() calls them in this order, once per process.
void init_object_and_type_types();
void init_slot_wrapper_type();      // runtime/typeobject.cpp: the dunder methods exposing builtin slots  // runtime/typeobject.cpp: object, type, NoneType, NotImplementedType, ellipsis
void init_int_types();              // runtime/int.cpp: int, bool
void init_float_type();             // runtime/float.cpp
void init_str_type();               // runtime/str.cpp (+ its iterator)
void init_bytes_types();            // runtime/bytes.cpp: bytes, bytearray (+ iterators)
void init_tuple_type();             // runtime/tuple.cpp (+ iterator)
void init_list_type();              // runtime/list.cpp (+ iterators)
void init_dict_types();             // runtime/dict.cpp: dict, views, iterators
void init_set_types();              // runtime/set.cpp: set, frozenset, iterator
void init_range_slice_types();      // runtime/range.cpp: range, slice (+ range iterator)
void init_iterator_types();         // runtime/iterators.cpp: enumerate, zip, map, filter, reversed
void init_exception_types();        // runtime/exceptions.cpp
void init_function_types();         // runtime/function.cpp: function, builtin function, method, cell, code, property, staticmethod, classmethod, super
void init_module_type();            // runtime/module.cpp
void init_generator_type();         // runtime/generator.cpp
void init_mappingproxy_type();      // runtime/mappingproxy.cpp
void init_weakref_type();           // runtime/weakref.cpp: ReferenceType (teardown uses it natively)

}  // namespace chaipy
