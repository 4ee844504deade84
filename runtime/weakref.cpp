// Weak references: the ReferenceType objects, each interpreter's lists of them by referent, and their clearing (and callbacks) when a referent dies.
#include "runtime/weakref.hpp"

#include <unordered_map>

#include "runtime/builtin_types.hpp"
#include "runtime/function.hpp"
#include "runtime/gc.hpp"
#include "runtime/generator.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"
#include "stdlib/sys.hpp"

namespace chaipy {

TypeObject weakref_type;

namespace {

struct WeakRefObject : Object {
  Object* referent;  // not counted; null once it died
  Value callback;    // owned, or null
  int64_t hash;      // the referent's, kept once computed (-1: not yet)
  // The other weak references to the same referent: plain ones (no callback) come first.
  WeakRefObject* previous;
  WeakRefObject* next;
};

WeakRefObject* as_weakref(Value v) { return static_cast<WeakRefObject*>(v.as_object()); }

}  // namespace

// Objects have no room for a list head: an interpreter keeps the first weak reference to each
// referent here, and the referent's GcHeader::weakly_referenced says whether to look.
struct WeakRefTable {
  std::unordered_map<Object*, WeakRefObject*> first;
};

namespace {

WeakRefTable& table_of(Interpreter& interp) {
  if (!interp.weakrefs) interp.weakrefs = new WeakRefTable();
  return *interp.weakrefs;
}

// The first weak reference to `object`, or null when it has none listed (immortal objects'
// references are not listed: they never die).
WeakRefObject* first_reference(Object* object) {
  if (!has_gc_header(object) || object->refcount < 0 || !gc_header(object)->weakly_referenced) return nullptr;
  return current_interpreter().weakrefs->first[object];
}

// Every reference of a list goes dead; those with callbacks to run are added to `due` (when
// given), except references that are garbage themselves (GcHeader::collecting set).
void kill_references(WeakRefObject* ref, std::vector<Ref>* due) {
  while (ref) {
    WeakRefObject* next = ref->next;
    ref->referent = nullptr;
    ref->previous = ref->next = nullptr;
    if (due && ref->callback && !gc_header(ref)->collecting) due->push_back(Ref::borrow(Value(ref)));
    ref = next;
  }
}

// As CPython: class instances (but not of int, str, bytes or tuple subclasses, whose items sit
// where the reference list would), functions, methods, classes, modules, sets and generators.
bool can_be_weakly_referenced(Object* object) {
  TypeObject* type = object->type;
  if (!has_gc_header(object)) return false;
  if (type->flags & type_flag_heap) {
    for (TypeObject* variable : {&int_type, &str_type, &bytes_type, &tuple_type})
      if (is_subtype(type, variable)) return false;
    return true;
  }
  for (TypeObject* allowed : {&function_type, &bound_method_type, &type_type, &module_type, &set_type,
                              &frozenset_type, &generator_type})
    if (type == allowed) return true;
  return false;
}

void unlink(WeakRefTable& table, WeakRefObject* ref) {
  if (ref->previous) {
    ref->previous->next = ref->next;
  } else if (ref->next) {
    table.first[ref->referent] = ref->next;
  } else {
    table.first.erase(ref->referent);
    gc_header(ref->referent)->weakly_referenced = 0;
  }
  if (ref->next) ref->next->previous = ref->previous;
  ref->previous = ref->next = nullptr;
  ref->referent = nullptr;
}

void weakref_dealloc(Object* object) {
  auto* ref = static_cast<WeakRefObject*>(object);
  if (ref->referent && ref->referent->refcount >= 0) unlink(*current_interpreter().weakrefs, ref);
  decref(ref->callback);
  free_object(object);
}

void weakref_traverse(Object* object, GcVisit visit, void* arg) { visit(static_cast<WeakRefObject*>(object)->callback, arg); }

void weakref_clear(Object* object) {
  auto* ref = static_cast<WeakRefObject*>(object);
  Value callback = ref->callback;
  ref->callback = Value();
  decref(callback);
}

// ref() -> the referent, or None once it died.
Ref weakref_call(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("weakref", nargs, kwnames, 0, 0)) return nullptr;
  Value referent = weakref_referent(self);
  return referent ? Ref::borrow(referent) : Ref::none();
}

Ref weakref_new_slot(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "ref() takes no keyword arguments");
  if (nargs < 1) return raise_format(&TypeError_type, "__new__ expected at least 1 argument, got %zu", nargs);
  if (nargs > 2) return raise_format(&TypeError_type, "__new__ expected at most 2 arguments, got %zu", nargs);
  return weakref_new(args[0], nargs == 2 ? args[1] : Value());
}

int64_t weakref_hash(Value self) {
  WeakRefObject* ref = as_weakref(self);
  if (ref->hash != -1) return ref->hash;
  if (!ref->referent) {
    raise(&TypeError_type, "weak object has gone away");
    return -1;
  }
  ref->hash = object_hash(Value(ref->referent));
  return ref->hash;
}

// Two live references compare as their referents; otherwise only a reference equals itself.
Ref weakref_richcompare(Value self, Value other, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(other) != &weakref_type)
    return Ref::borrow(not_implemented());
  Object* mine = as_weakref(self)->referent;
  Object* theirs = as_weakref(other)->referent;
  if (mine && theirs) return object_compare(Value(mine), Value(theirs), op);
  return Ref::boolean((self == other) == (op == CompareOp::Eq));
}

Ref weakref_repr(Value self) {
  Object* referent = as_weakref(self)->referent;
  std::string text = "<weakref at " + object_address(self);
  if (!referent) return str_new(text + "; dead>");
  text += "; to '" + referent->type->name + "' at " + object_address(Value(referent));
  Ref name = get_attr(Value(referent), "__name__");
  if (!name) {
    if (!error_matches(&AttributeError_type)) return nullptr;
    clear_error();
  } else if (is_str(*name)) {
    text += " (" + std::string(str_view(*name)) + ")";
  }
  return str_new(text + ">");
}

Ref weakref_get_callback(Value self) {
  Value callback = as_weakref(self)->callback;
  return callback ? Ref::borrow(callback) : Ref::none();
}

}  // namespace

void init_weakref_type() {
  init_static_type(&weakref_type, "ReferenceType", &object_type, sizeof(WeakRefObject), type_flag_gc);
  weakref_type.module = "weakref";
  weakref_type.new_ = weakref_new_slot;
  weakref_type.dealloc = weakref_dealloc;
  weakref_type.traverse = weakref_traverse;
  weakref_type.clear = weakref_clear;
  weakref_type.call = weakref_call;
  weakref_type.hash = weakref_hash;
  weakref_type.richcompare = weakref_richcompare;
  weakref_type.repr = weakref_repr;
  add_property(&weakref_type, "__callback__", weakref_get_callback);
  finish_static_type(&weakref_type);
}

Ref weakref_new(Value referent, Value callback) {
  if (!referent.is_object() || !can_be_weakly_referenced(referent.as_object()))
    return raise_format(&TypeError_type, "cannot create weak reference to '%s' object", type_name(referent));
  return weakref_to_collectable(referent, callback);
}

Ref weakref_to_collectable(Value referent, Value callback) {
  if (callback && callback.is_none()) callback = Value();
  Object* object = referent.as_object();
  // Immortal referents never die: their references need no list.
  bool listed = object->refcount >= 0;
  WeakRefTable& table = table_of(current_interpreter());
  WeakRefObject* first = first_reference(object);
  if (!callback && first && !first->callback) return Ref::borrow(Value(first));
  Object* memory = alloc_object(&weakref_type);
  if (!memory) return nullptr;
  auto* ref = static_cast<WeakRefObject*>(memory);
  ref->referent = object;
  ref->callback = callback;
  incref(callback);
  ref->hash = -1;
  ref->previous = ref->next = nullptr;
  if (!listed) return Ref::steal(Value(ref));
  // A plain reference goes first (to be found again); one with a callback after the plain one,
  // before older ones: callbacks run newest first, as CPython's.
  WeakRefObject* after = first && !first->callback && callback ? first : nullptr;
  if (after) {
    ref->previous = after;
    ref->next = after->next;
    if (after->next) after->next->previous = ref;
    after->next = ref;
  } else {
    ref->next = first;
    if (first) first->previous = ref;
    table.first[object] = ref;
    gc_header(object)->weakly_referenced = 1;
  }
  return Ref::steal(Value(ref));
}

Value weakref_referent(Value ref) {
  Object* referent = as_weakref(ref)->referent;
  return referent ? Value(referent) : Value();
}

int64_t weakref_count(Value referent) {
  int64_t count = 0;
  if (referent.is_object())
    for (WeakRefObject* ref = first_reference(referent.as_object()); ref; ref = ref->next) ++count;
  return count;
}

Ref weakrefs_to(Value referent) {
  Ref list = list_new(0);
  if (!list || !referent.is_object()) return list;
  for (WeakRefObject* ref = first_reference(referent.as_object()); ref; ref = ref->next)
    if (!list_append(*list, Value(ref))) return nullptr;
  return list;
}

void weakrefs_detach(Object* referent, std::vector<Ref>& due) {
  WeakRefTable& table = *current_interpreter().weakrefs;
  auto found = table.first.find(referent);
  WeakRefObject* ref = found == table.first.end() ? nullptr : found->second;
  if (found != table.first.end()) table.first.erase(found);
  gc_header(referent)->weakly_referenced = 0;
  kill_references(ref, &due);
}

void weakrefs_run_callbacks(std::vector<Ref>& due) {
  if (due.empty()) return;
  // A referent may die while an exception propagates: the callbacks must not see or lose it.
  Ref pending = fetch_error();
  for (Ref& ref : due) {
    WeakRefObject* weakref = as_weakref(*ref);
    Value callback = weakref->callback;
    if (!callback) continue;
    weakref->callback = Value();  // as CPython: called once, then __callback__ is None
    if (!call1(callback, *ref)) write_unraisable("Exception ignored in", callback);
    decref(callback);
  }
  due.clear();
  if (pending) restore_error(std::move(pending));
}

void weakrefs_clear_on_death(Object* referent) {
  std::vector<Ref> due;
  weakrefs_detach(referent, due);
  weakrefs_run_callbacks(due);
}

void weakref_table_free(Interpreter& interp) {
  if (!interp.weakrefs) return;
  for (auto& [referent, first] : interp.weakrefs->first) {
    gc_header(referent)->weakly_referenced = 0;
    kill_references(first, nullptr);
  }
  delete interp.weakrefs;
  interp.weakrefs = nullptr;
}

}  // namespace chaipy
