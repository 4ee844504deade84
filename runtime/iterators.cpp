// The builtin iterator types: enumerate, zip, map, filter, reversed, the sequence iterator and the callable iterator.
#include "runtime/iterators.hpp"

#include <string>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

TypeObject enumerate_type, zip_type, map_type, filter_type, reversed_type;
static TypeObject sequence_iterator_type, callable_iterator_type;

namespace {

Ref iterator_self(Value self) { return Ref::borrow(self); }

bool no_keywords(const char* name, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    raise_format(&TypeError_type, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

// A tuple the iterator may refill in place: reused while the iterator holds the only reference.
Ref reusable_tuple(Value& cache, size_t size) {
  if (cache && cache.as_object()->refcount == 1) return Ref::borrow(cache);
  Ref fresh = tuple_new(size);
  if (!fresh) return nullptr;
  if (!cache) cache = Ref(fresh).release();
  return fresh;
}

// Stores an item into a tuple slot, releasing what a reused tuple held there.
void replace_item(Value tuple, size_t i, Ref item) {
  Value old = tuple_item(tuple, i);
  tuple_set(tuple, i, item.release());
  decref(old);
}

// ---- enumerate ----

struct EnumerateObject : Object {
  Value iterator;  // owned
  Value count;     // owned int: the next index
  Value result;    // owned reusable (index, item) tuple, or null
};

Ref enumerate_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 2) return raise_format(&TypeError_type, "enumerate() takes at most 2 arguments (%zu given)", nargs);
  Value bound[2] = {nargs > 0 ? args[0] : Value(), nargs > 1 ? args[1] : Value()};
  if (kwnames) {
    for (int64_t i = 0, n = tuple_size(kwnames); i < n; ++i) {
      std::string_view name = str_view(tuple_item(kwnames, i));
      size_t slot = name == "iterable" ? 0 : name == "start" ? 1 : 2;
      if (slot == 2)
        return raise_format(&TypeError_type, "'%s' is an invalid keyword argument for enumerate()",
                            std::string(name).c_str());
      if (bound[slot])
        return raise_format(&TypeError_type, "argument for enumerate() given by name ('%s') and position (%zu)",
                            std::string(name).c_str(), slot + 1);
      bound[slot] = args[nargs + i];
    }
  }
  if (!bound[0]) return raise(&TypeError_type, "enumerate() missing required argument 'iterable'");
  Ref start = Ref::steal(Value::small_int(0));
  if (bound[1] && bound[1].is_small_int()) {
    start = Ref::borrow(bound[1]);
  } else if (bound[1]) {
    UnarySlot index = type_of(bound[1])->index;
    if (!index)
      return raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(bound[1]));
    start = index(bound[1]);
    if (!start) return nullptr;
  }
  Ref iterator = get_iter(bound[0]);
  if (!iterator) return nullptr;
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* e = static_cast<EnumerateObject*>(object);
  e->iterator = iterator.release();
  e->count = start.release();
  return Ref::steal(Value(object));
}

void enumerate_dealloc(Object* object) {
  auto* e = static_cast<EnumerateObject*>(object);
  decref(e->iterator);
  decref(e->count);
  decref(e->result);
  free_object(object);
}

Ref enumerate_next(Value self) {
  auto* e = self.as<EnumerateObject>();
  Ref item = iter_next(e->iterator);
  if (!item) return nullptr;
  Ref index = Ref::borrow(e->count);
  int64_t n = e->count.is_small_int() ? e->count.as_small_int() : 0;
  Ref next_count = e->count.is_small_int() && n < Value::small_int_max ? Ref::steal(Value::small_int(n + 1))
                                                                       : binary_op(e->count, Value::small_int(1), BinaryOp::Add);
  if (!next_count) return nullptr;
  Value old = e->count;
  e->count = next_count.release();
  decref(old);
  Ref result = reusable_tuple(e->result, 2);
  if (!result) return nullptr;
  replace_item(*result, 0, std::move(index));
  replace_item(*result, 1, std::move(item));
  return result;
}

// ---- zip ----

struct ZipObject : Object {
  Value iterators;  // owned tuple
  Value result;     // owned reusable tuple, or null
  bool strict;
};

Ref zip_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  bool strict = false;
  if (kwnames) {
    for (int64_t i = 0, n = tuple_size(kwnames); i < n; ++i) {
      std::string_view name = str_view(tuple_item(kwnames, i));
      if (name != "strict")
        return raise_format(&TypeError_type, "'%s' is an invalid keyword argument for zip()", std::string(name).c_str());
      int truth = object_truth(args[nargs + i]);
      if (truth < 0) return nullptr;
      strict = truth;
    }
  }
  Ref iterators = tuple_new(nargs);
  if (!iterators) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Ref iterator = get_iter(args[i]);
    if (!iterator) return nullptr;
    tuple_set(*iterators, i, iterator.release());
  }
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* z = static_cast<ZipObject*>(object);
  z->iterators = iterators.release();
  z->strict = strict;
  return Ref::steal(Value(object));
}

void zip_dealloc(Object* object) {
  auto* z = static_cast<ZipObject*>(object);
  decref(z->iterators);
  decref(z->result);
  free_object(object);
}

// zip(strict=True) found iterator `at` exhausted: the others must be exhausted too.
Ref zip_strict_check(ZipObject* z, int64_t at) {
  if (error_pending()) return nullptr;
  if (at > 0)
    return raise_format(&ValueError_type, "zip() argument %lld is shorter than argument%s%lld",
                        static_cast<long long>(at + 1), at == 1 ? " " : "s 1-", static_cast<long long>(at));
  for (int64_t i = 1, n = tuple_size(z->iterators); i < n; ++i) {
    Ref item = iter_next(tuple_item(z->iterators, i));
    if (item)
      return raise_format(&ValueError_type, "zip() argument %lld is longer than argument%s%lld",
                          static_cast<long long>(i + 1), i == 1 ? " " : "s 1-", static_cast<long long>(i));
    if (error_pending()) return nullptr;
  }
  return nullptr;
}

Ref zip_next(Value self) {
  auto* z = self.as<ZipObject>();
  int64_t n = tuple_size(z->iterators);
  if (n == 0) return nullptr;
  Ref result = reusable_tuple(z->result, n);
  if (!result) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    Ref item = iter_next(tuple_item(z->iterators, i));
    if (!item) return z->strict ? zip_strict_check(z, i) : nullptr;
    replace_item(*result, i, std::move(item));
  }
  return result;
}

// ---- map ----

struct MapObject : Object {
  Value function;   // owned
  Value iterators;  // owned tuple
};

Ref map_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &map_type && !no_keywords("map", kwnames)) return nullptr;
  if (nargs < 2) return raise(&TypeError_type, "map() must have at least two arguments.");
  Ref iterators = tuple_new(nargs - 1);
  if (!iterators) return nullptr;
  for (size_t i = 1; i < nargs; ++i) {
    Ref iterator = get_iter(args[i]);
    if (!iterator) return nullptr;
    tuple_set(*iterators, i - 1, iterator.release());
  }
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* m = static_cast<MapObject*>(object);
  incref(args[0]);
  m->function = args[0];
  m->iterators = iterators.release();
  return Ref::steal(Value(object));
}

void map_dealloc(Object* object) {
  auto* m = static_cast<MapObject*>(object);
  decref(m->function);
  decref(m->iterators);
  free_object(object);
}

Ref map_next(Value self) {
  auto* m = self.as<MapObject>();
  int64_t n = tuple_size(m->iterators);
  if (n == 1) {
    Ref item = iter_next(tuple_item(m->iterators, 0));
    if (!item) return nullptr;
    return call1(m->function, *item);
  }
  std::vector<Ref> items;
  items.reserve(n);
  for (int64_t i = 0; i < n; ++i) {
    Ref item = iter_next(tuple_item(m->iterators, i));
    if (!item) return nullptr;
    items.push_back(std::move(item));
  }
  std::vector<Value> arguments;
  arguments.reserve(n);
  for (const Ref& item : items) arguments.push_back(*item);
  return call(m->function, arguments.data(), arguments.size());
}

// ---- filter ----

struct FilterObject : Object {
  Value function;  // owned; None keeps truthy items
  Value iterator;  // owned
};

Ref filter_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &filter_type && !no_keywords("filter", kwnames)) return nullptr;
  if (nargs != 2) return raise_format(&TypeError_type, "filter expected 2 arguments, got %zu", nargs);
  Ref iterator = get_iter(args[1]);
  if (!iterator) return nullptr;
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* f = static_cast<FilterObject*>(object);
  incref(args[0]);
  f->function = args[0];
  f->iterator = iterator.release();
  return Ref::steal(Value(object));
}

void filter_dealloc(Object* object) {
  auto* f = static_cast<FilterObject*>(object);
  decref(f->function);
  decref(f->iterator);
  free_object(object);
}

Ref filter_next(Value self) {
  auto* f = self.as<FilterObject>();
  bool keep_truthy = f->function.is_none() || f->function == Value(&bool_type);
  for (;;) {
    Ref item = iter_next(f->iterator);
    if (!item) return nullptr;
    int truth;
    if (keep_truthy) {
      truth = object_truth(*item);
    } else {
      Ref verdict = call1(f->function, *item);
      if (!verdict) return nullptr;
      truth = object_truth(*verdict);
    }
    if (truth < 0) return nullptr;
    if (truth) return item;
  }
}

// ---- reversed and the sequence iterator: both index a sequence ----

struct IndexIterObject : Object {
  Value sequence;  // owned; null once exhausted
  int64_t index;
};

Ref index_iterator_new(TypeObject* type, Value sequence, int64_t index) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* it = static_cast<IndexIterObject*>(object);
  incref(sequence);
  it->sequence = sequence;
  it->index = index;
  return Ref::steal(Value(object));
}

void index_iterator_dealloc(Object* object) {
  decref(static_cast<IndexIterObject*>(object)->sequence);
  free_object(object);
}

// sequence[index]; null with no error pending once IndexError or StopIteration ends it.
Ref index_item(IndexIterObject* it, int64_t index) {
  Ref key = int_from_i64(index);
  if (!key) return nullptr;
  Ref item = get_item(it->sequence, *key);
  if (item) return item;
  if (error_matches(&IndexError_type) || error_matches(&StopIteration_type)) {
    clear_error();
    decref(it->sequence);
    it->sequence = Value();
  }
  return nullptr;
}

Ref reversed_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &reversed_type && !no_keywords("reversed", kwnames)) return nullptr;
  if (nargs != 1) return raise_format(&TypeError_type, "reversed expected 1 argument, got %zu", nargs);
  Value sequence = args[0];
  TypeObject* sequence_type = type_of(sequence);
  Value method = type_lookup(sequence_type, str_intern("__reversed__"));
  if (method && method.is_none())
    return raise_format(&TypeError_type, "'%s' object is not reversible", type_name(sequence));
  if (method) return call_method(sequence, "__reversed__", nullptr, 0);
  if (!sequence_type->getitem || is_dict(sequence))
    return raise_format(&TypeError_type, "'%s' object is not reversible", type_name(sequence));
  int64_t length = object_length(sequence);
  if (length < 0) return nullptr;
  return index_iterator_new(type, sequence, length - 1);
}

Ref reversed_next(Value self) {
  auto* it = self.as<IndexIterObject>();
  if (!it->sequence) return nullptr;
  if (it->index < 0) {
    decref(it->sequence);
    it->sequence = Value();
    return nullptr;
  }
  Ref item = index_item(it, it->index);
  if (item) --it->index;
  return item;
}

Ref reversed_length_hint(Value self, const Value*, size_t, Value) {
  auto* it = self.as<IndexIterObject>();
  if (!it->sequence) return int_from_i64(0);
  int64_t length = object_length(it->sequence);
  if (length < 0) return nullptr;
  return int_from_i64(it->index < length ? it->index + 1 : 0);
}

Ref sequence_iterator_next(Value self) {
  auto* it = self.as<IndexIterObject>();
  if (!it->sequence) return nullptr;
  Ref item = index_item(it, it->index);
  if (item) ++it->index;
  return item;
}

const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint},
    {nullptr, nullptr},
};

// ---- callable iterator ----

struct CallableIterObject : Object {
  Value callable;  // owned; null once exhausted
  Value sentinel;  // owned
};

void callable_iterator_dealloc(Object* object) {
  auto* it = static_cast<CallableIterObject*>(object);
  decref(it->callable);
  decref(it->sentinel);
  free_object(object);
}

void finish_callable_iterator(CallableIterObject* it) {
  decref(it->callable);
  it->callable = Value();
}

Ref callable_iterator_next(Value self) {
  auto* it = self.as<CallableIterObject>();
  if (!it->callable) return nullptr;
  Ref result = call0(it->callable);
  if (!result) {
    if (error_matches(&StopIteration_type)) {
      clear_error();
      finish_callable_iterator(it);
    }
    return nullptr;
  }
  int equal = object_equal(*result, it->sentinel);
  if (equal < 0) return nullptr;
  if (equal) {
    finish_callable_iterator(it);
    return nullptr;
  }
  return result;
}

void init_iterator(TypeObject* type, const char* name, size_t size, uint32_t flags, void (*dealloc)(Object*),
                   UnarySlot next) {
  init_static_type(type, name, &object_type, static_cast<uint32_t>(size), flags);
  type->dealloc = dealloc;
  type->iter = iterator_self;
  type->next = next;
}

}  // namespace

Ref seq_iter_new(Value sequence) { return index_iterator_new(&sequence_iterator_type, sequence, 0); }

Ref callable_iter_new(Value callable, Value sentinel) {
  Object* object = alloc_object(&callable_iterator_type);
  if (!object) return nullptr;
  auto* it = static_cast<CallableIterObject*>(object);
  incref(callable);
  incref(sentinel);
  it->callable = callable;
  it->sentinel = sentinel;
  return Ref::steal(Value(object));
}

void init_iterator_types() {
  init_iterator(&enumerate_type, "enumerate", sizeof(EnumerateObject), type_flag_base_type, enumerate_dealloc,
                enumerate_next);
  enumerate_type.new_ = enumerate_type_new;
  finish_static_type(&enumerate_type);

  init_iterator(&zip_type, "zip", sizeof(ZipObject), type_flag_base_type, zip_dealloc, zip_next);
  zip_type.new_ = zip_type_new;
  finish_static_type(&zip_type);

  init_iterator(&map_type, "map", sizeof(MapObject), type_flag_base_type, map_dealloc, map_next);
  map_type.new_ = map_type_new;
  finish_static_type(&map_type);

  init_iterator(&filter_type, "filter", sizeof(FilterObject), type_flag_base_type, filter_dealloc, filter_next);
  filter_type.new_ = filter_type_new;
  finish_static_type(&filter_type);

  init_iterator(&reversed_type, "reversed", sizeof(IndexIterObject), type_flag_base_type, index_iterator_dealloc,
                reversed_next);
  reversed_type.new_ = reversed_type_new;
  add_methods(&reversed_type, reversed_methods);
  finish_static_type(&reversed_type);

  init_iterator(&sequence_iterator_type, "iterator", sizeof(IndexIterObject), 0, index_iterator_dealloc,
                sequence_iterator_next);
  sequence_iterator_type.new_ = nullptr;
  finish_static_type(&sequence_iterator_type);

  init_iterator(&callable_iterator_type, "callable_iterator", sizeof(CallableIterObject), 0,
                callable_iterator_dealloc, callable_iterator_next);
  callable_iterator_type.new_ = nullptr;
  finish_static_type(&callable_iterator_type);
}

}  // namespace chaipy
