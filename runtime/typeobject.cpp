// The object and type types: allocation, static type set-up, class creation (C3 MRO, slot trampolines), and None/NotImplemented/Ellipsis.
#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <array>
#include <cstring>
#include <mutex>
#include <vector>

#include "interpreter/stack_guard.hpp"
#include "interpreter/vm.hpp"
#include "runtime/buffer_memory.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/function.hpp"
#include "runtime/gc.hpp"
#include "runtime/mappingproxy.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/protocols.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type_init.hpp"
#include "runtime/weakref.hpp"
#include "stdlib/sys.hpp"

namespace chaipy {

TypeObject object_type, type_type, none_type, not_implemented_type, ellipsis_type;
Object NotImplemented_object;
Object Ellipsis_object;

// Freeing a deeply nested structure (a list in a list a million deep: a short loop or a 2 MB
// pickle builds one) recurses once per level through the dealloc slots and would overflow the
// C stack. Past max_dealloc_depth, or sooner when the stack nears its limit (a generator's
// stack is small), objects whose count dropped to zero are chained through their refcount word
// (unused from then on) and freed in a loop by the thread's outermost dealloc_object:
// CPython's "trashcan".
static constexpr int max_dealloc_depth = 1000;
static constexpr int stack_checked_dealloc_depth = 32;  // below it the stack is never checked
// Stack kept free for what a dealloc may call: a __del__ or a weak reference callback.
static constexpr size_t dealloc_stack_reserve = 64 * 1024;
static thread_local int dealloc_depth = 0;
static thread_local Object* deferred_deallocs = nullptr;

static Interpreter* calling_interpreter() { return current_thread ? current_thread->interp : nullptr; }

void run_finalizer(Object* object) {
  static const Value del_name = str_intern("__del__");
  gc_header(object)->finalized = 1;
  Value finalizer = type_lookup(object->type, del_name);
  if (!finalizer) return;  // deleted from the class since
  // An object may die while an exception propagates: __del__ must not see or lose it.
  Ref pending = fetch_error();
  auto bind = type_of(finalizer)->descr_get;
  Ref bound = bind ? bind(finalizer, Value(object), Value(object->type)) : Ref::borrow(finalizer);
  if (!bound || !call0(*bound)) write_unraisable("Exception ignored in", finalizer);
  if (pending) restore_error(std::move(pending));
}

// Runs __del__ of an object whose count reached zero. True when it stored a new reference to
// the object somewhere: the object lives on (collectable again) instead of being freed.
static bool finalizer_resurrected(Object* object) {
  object->refcount = 1;
  run_finalizer(object);
  if (--object->refcount == 0) return false;
  if (Interpreter* interp = calling_interpreter(); interp && interp->gc) gc_track(*interp->gc, object);
  return true;
}

// The end of an object whose count reached zero: its finalizer, its weak references, its
// dealloc slot (which frees it, unless the finalizer resurrected it).
static void destroy(Object* object) {
  if (has_gc_header(object)) {
    if ((object->type->flags & type_flag_has_finalizer) && !gc_header(object)->finalized &&
        finalizer_resurrected(object))
      return;
    if (gc_header(object)->weakly_referenced) weakrefs_clear_on_death(object);
  }
  object->type->dealloc(object);
}

static void free_memory(Object* object, bool with_gc_header);

void dealloc_object(Object* object) {
  // Float arithmetic frees an exact float per operation: its dealloc (back to the free list)
  // frees nothing else, so it needs neither untracking nor the depth bookkeeping below.
  if (object->type == &float_type) {
    float_type.dealloc(object);
    return;
  }
  // Exact strs die by the million (a split text's words): they own nothing, run no code and
  // have no GC header, so they go straight back to the allocator.
  if (object->type == &str_type) {
    free_memory(object, false);
    return;
  }
  // Untracked first: deallocation may run code that allocates, and so a collection, which
  // must not see an object whose count has dropped to zero.
  if (has_gc_header(object)) gc_untrack(object);
  if (dealloc_depth >= stack_checked_dealloc_depth &&
      (dealloc_depth >= max_dealloc_depth || native_stack_exhausted(dealloc_stack_reserve))) {
    object->refcount = int64_t(reinterpret_cast<intptr_t>(deferred_deallocs));
    deferred_deallocs = object;
    return;
  }
  ++dealloc_depth;
  destroy(object);
  if (dealloc_depth == 1) {
    while (Object* next = deferred_deallocs) {
      deferred_deallocs = reinterpret_cast<Object*>(intptr_t(next->refcount));
      next->refcount = 0;
      destroy(next);
    }
  }
  --dealloc_depth;
}

static Object* finish_alloc(void* memory, TypeObject* type) {
  if (!memory) {
    raise_no_memory();
    return nullptr;
  }
  auto* object = static_cast<Object*>(memory);
  object->refcount = 1;
  object->type = type;
  if (type->flags & type_flag_heap) incref(Value(type));
  return object;
}

// Objects are counted against their interpreter's memory cap (the embedding API sets one).
// Past the cap one MemoryError is raised; until usage drops below the cap again, allocations
// may use a little headroom so the exception can be created, propagated and handled.
static constexpr size_t memory_limit_headroom = 1u << 20;

// Whether `bytes` more fit under the calling interpreter's memory cap (always, without a cap).
static bool within_memory_limit(Interpreter* interp, size_t bytes) {
  if (!interp || !interp->memory_limit) return true;
  if (interp->allocated_bytes + bytes <= interp->memory_limit) {
    interp->memory_limit_hit = false;
    return true;
  }
  if (!interp->memory_limit_hit || interp->allocated_bytes + bytes > interp->memory_limit + memory_limit_headroom) {
    interp->memory_limit_hit = true;
    return false;
  }
  return true;
}


static void count_allocated(Interpreter* interp, void* memory) {
  if (memory && interp) interp->allocated_bytes += malloc_usable_size(memory);
}

// ---- small blocks kept for reuse ----
// Objects and small buffers come and go at a high rate; each thread keeps freed malloc blocks
// of up to 256 usable bytes in lists by size class, so most allocations skip malloc and free.
// Blocks stay ordinary malloc blocks (realloc and free work on them); a kept block is not
// counted against its interpreter's memory cap.
namespace {

constexpr size_t block_class_count = 16;  // usable sizes 24, 40, ..., 248 (glibc's 16k + 8; k >= 1)
// Enough for a batch of objects made and dropped together (the words of a split text).
constexpr size_t kept_bytes_limit = size_t(4) << 20;

struct FreeBlock {
  FreeBlock* next;
};
struct BlockCache {
  FreeBlock* heads[block_class_count];
  size_t kept_bytes;
  bool closed;  // the thread is exiting: free blocks at once
};
thread_local constinit BlockCache block_cache = {};

// The usable size glibc gives a request, and its class (block_class_count when too big).
inline size_t usable_size_for_request(size_t bytes) {
  size_t usable = ((bytes + 8 + 15) & ~size_t(15)) - 8;
  return usable < 24 ? 24 : usable;
}
inline size_t block_class(size_t usable) {
  size_t index = (usable - 8) / 16;
  return index >= 1 && index < block_class_count && usable % 16 == 8 ? index : block_class_count;
}

struct BlockCacheReleaser {
  bool armed = false;
  ~BlockCacheReleaser() {
    BlockCache& cache = block_cache;
    cache.closed = true;
    for (size_t i = 0; i < block_class_count; ++i) {
      while (FreeBlock* block = cache.heads[i]) {
        cache.heads[i] = block->next;
        free(block);
      }
    }
    cache.kept_bytes = 0;
  }
};
thread_local BlockCacheReleaser block_cache_releaser;

// A kept block for a request of `bytes` (its contents undefined), or null.
inline void* take_block(size_t bytes) {
  size_t index = block_class(usable_size_for_request(bytes));
  if (index == block_class_count) return nullptr;
  BlockCache& cache = block_cache;
  FreeBlock* block = cache.heads[index];
  if (!block) return nullptr;
  cache.heads[index] = block->next;
  // Blocks freed together (a long list's items) are mostly out of cache when taken again.
  __builtin_prefetch(block->next, 1);
  cache.kept_bytes -= index * 16 + 8;
  return block;
}

// Frees `memory` (malloc_usable_size `usable`), or keeps it for reuse.
inline void release_block(void* memory, size_t usable) {
  size_t index = block_class(usable);
  BlockCache& cache = block_cache;
  if (index == block_class_count || cache.kept_bytes >= kept_bytes_limit || cache.closed) {
    free(memory);
    return;
  }
  if (cache.kept_bytes == 0) block_cache_releaser.armed = true;  // registers the thread-exit release
  auto* block = static_cast<FreeBlock*>(memory);
  block->next = cache.heads[index];
  cache.heads[index] = block;
  cache.kept_bytes += usable;
}

}  // namespace

// Memory for an object (zeroed unless the caller writes every byte itself), counted against the
// calling interpreter's cap. A block with a GcHeader in front keeps the bytes counted in it
// (block_bytes), for free_memory. In line in every caller, each without the others' branches.
[[gnu::always_inline]] static inline void* counted_calloc(size_t bytes, bool with_gc_header, bool zeroed = true) {
  Interpreter* interp = calling_interpreter();
  if (!within_memory_limit(interp, bytes)) return nullptr;
  size_t usable;
  void* memory = take_block(bytes);
  if (memory) {
    usable = usable_size_for_request(bytes);
    if (zeroed) std::memset(memory, 0, bytes);
  } else {
    memory = zeroed ? calloc(1, bytes) : malloc(bytes);
    if (!memory) return nullptr;
    usable = malloc_usable_size(memory);
  }
  if (interp) interp->allocated_bytes += usable;
  if (with_gc_header) static_cast<GcHeader*>(memory)->block_bytes = uint32_t(usable);
  return memory;
}

void* buffer_alloc_zeroed(size_t count, size_t size) {
  Interpreter* interp = calling_interpreter();
  if (size && count > SIZE_MAX / size) return nullptr;
  if (!within_memory_limit(interp, count * size)) return nullptr;
  void* memory = calloc(count, size);
  count_allocated(interp, memory);
  return memory;
}

void* buffer_alloc(size_t bytes) {
  Interpreter* interp = calling_interpreter();
  if (!within_memory_limit(interp, bytes)) return nullptr;
  if (void* kept = take_block(bytes)) {
    if (interp) interp->allocated_bytes += usable_size_for_request(bytes);
    return kept;
  }
  void* memory = malloc(bytes);
  count_allocated(interp, memory);
  return memory;
}

void* buffer_realloc(void* memory, size_t bytes) {
  // A first buffer (a list's first append) may be a kept block: realloc(NULL) is a slow malloc.
  if (!memory) return buffer_alloc(bytes);
  Interpreter* interp = calling_interpreter();
  size_t old_bytes = memory ? malloc_usable_size(memory) : 0;
  if (bytes > old_bytes && !within_memory_limit(interp, bytes - old_bytes)) return nullptr;
  void* grown = realloc(memory, bytes);
  if (!grown && bytes) return nullptr;  // the old block is untouched and still counted
  if (interp) {
    interp->allocated_bytes -= std::min(interp->allocated_bytes, old_bytes);
    count_allocated(interp, grown);
  }
  return grown;
}

void buffer_free(void* memory) {
  if (!memory) return;
  size_t usable = malloc_usable_size(memory);
  // Memory made before the interpreter existed (start-up) was never counted.
  if (Interpreter* interp = calling_interpreter())
    interp->allocated_bytes -= std::min(interp->allocated_bytes, usable);
  release_block(memory, usable);
}

// Collectable objects (type_flag_gc) get a GcHeader in front and are tracked by their
// interpreter's cycle collector from the start: traverse slots accept zeroed, half-built objects.
[[gnu::noinline]] static Object* alloc_gc_object(TypeObject* type, size_t bytes) {
  Interpreter* interp = calling_interpreter();
  GcState* gc = interp ? interp->gc : nullptr;
  if (gc) gc_before_allocation(*gc);
  auto* header = static_cast<GcHeader*>(counted_calloc(sizeof(GcHeader) + bytes, true));
  Object* object = finish_alloc(header ? gc_object(header) : nullptr, type);
  if (object && gc) gc_track(*gc, object);
  return object;
}

Object* alloc_var_object(TypeObject* type, size_t total_bytes) {
  if (type->flags & type_flag_gc) return alloc_gc_object(type, total_bytes);
  return finish_alloc(counted_calloc(total_bytes, false), type);
}

Object* alloc_var_object_unzeroed(TypeObject* type, size_t total_bytes) {
  return finish_alloc(counted_calloc(total_bytes, false, false), type);
}

Object* alloc_object(TypeObject* type) { return alloc_var_object(type, type->instance_size); }

// Releases an object's memory (its header's too) and its count against the interpreter.
static void free_memory(Object* object, bool with_gc_header) {
  void* memory = object;
  Interpreter* interp = calling_interpreter();
  size_t usable;
  if (with_gc_header) {
    gc_untrack(object);
    if (interp && interp->gc) gc_note_deallocation(*interp->gc);
    GcHeader* header = gc_header(object);
    usable = header->block_bytes;
    memory = header;
  } else {
    usable = malloc_usable_size(memory);
  }
  if (interp) {
    // Objects made before the interpreter existed (start-up) were never counted.
    size_t& allocated = interp->allocated_bytes;
    allocated -= std::min(allocated, usable);
  }
  release_block(memory, usable);
}

void free_object(Object* object) {
  TypeObject* type = object->type;
  free_memory(object, has_gc_header(object));
  if (type->flags & type_flag_heap) decref(Value(type));
}

bool is_subtype(const TypeObject* type, const TypeObject* base) {
  if (type == base) return true;
  if (!type->mro) {  // during start-up, before mros exist
    for (const TypeObject* t = type->base; t; t = t->base)
      if (t == base) return true;
    return false;
  }
  Value mro = type->mro;
  for (int64_t i = 0, n = tuple_size(mro); i < n; ++i)
    if (tuple_item(mro, i).as_object() == base) return true;
  return false;
}

// ---- the type lookup cache ----
// Attribute access looks names up along the mro, one dict probe per class, hits and (for data
// descriptor checks) misses alike. Each interpreter caches the results by (type, interned name).
// Entries are valid for one epoch: every change to any type's dict, every type created or freed
// (an address may be reused) starts a new one, so a stale entry can never match. Those changes
// are rare once a program runs.
std::atomic<uint64_t> type_lookup_epoch{1};

void invalidate_type_lookups() { type_lookup_epoch.fetch_add(1, std::memory_order_relaxed); }

struct TypeLookupEntry {
  const TypeObject* type;
  const Object* name;  // an interned (immortal) str: its address is never reused
  uint64_t epoch;
  Value value;         // borrowed from the class dict that holds it; null for "absent"
};
struct TypeLookupCache {
  static constexpr size_t size = 1024;
  TypeLookupEntry entries[size];
};

TypeLookupCache* type_lookup_cache_new() { return new TypeLookupCache(); }
void type_lookup_cache_free(TypeLookupCache* cache) { delete cache; }

static Value type_lookup_uncached(TypeObject* type, Value name) {
  Value mro = type->mro;
  for (int64_t i = 0, n = tuple_size(mro); i < n; ++i) {
    Value dict = tuple_item(mro, i).as<TypeObject>()->dict;
    Value found = dict_get(dict, name);
    if (found) return found;
  }
  return Value();
}

// A miss: walk the mro and remember the result in `entry`.
[[gnu::noinline]] static Value type_lookup_and_cache(TypeObject* type, Value name, TypeLookupEntry& entry,
                                                     uint64_t epoch) {
  Value found = type_lookup_uncached(type, name);
  // dict_get may run __eq__ of odd keys, which may change classes: cache only a quiet lookup.
  if (type_lookup_epoch.load(std::memory_order_relaxed) == epoch) entry = {type, name.as_object(), epoch, found};
  return found;
}

Value type_lookup(TypeObject* type, Value name) {
  ThreadState* thread = current_thread;
  TypeLookupCache* cache = thread && thread->interp ? thread->interp->type_lookup_cache : nullptr;
  Object* name_object = name.as_object();
  if (!cache || name_object->type != &str_type || !static_cast<StrObject*>(name_object)->interned)
    return type_lookup_uncached(type, name);
  uintptr_t slot = ((reinterpret_cast<uintptr_t>(type) >> 4) ^ (reinterpret_cast<uintptr_t>(name_object) >> 3)) &
                   (TypeLookupCache::size - 1);
  TypeLookupEntry& entry = cache->entries[slot];
  uint64_t epoch = type_lookup_epoch.load(std::memory_order_relaxed);
  if (entry.type == type && entry.name == name_object && entry.epoch == epoch) return entry.value;
  return type_lookup_and_cache(type, name, entry, epoch);
}

static void make_immortal(Value v) {
  if (v.is_object()) v.as_object()->refcount = immortal_refcount;
}

// Static types are set up in two steps: each type file's init function fills names, sizes,
// slots and attributes; then finalize_static_types() builds every dict, mro and inherited slot
// at once, because dicts themselves need the str and dict types to be complete.
struct StaticAttribute {
  TypeObject* type;
  const char* name;
  Value value;
};
static std::vector<TypeObject*> static_types;
static std::vector<StaticAttribute> pending_attributes;
static bool static_types_final = false;

void init_static_type(TypeObject* type, const char* name, TypeObject* base, uint32_t instance_size,
                      uint32_t flags) {
  type->refcount = immortal_refcount;
  type->type = &type_type;
  type->name = name;
  type->qualname = name;
  type->module = "builtins";
  type->base = (base || type == &object_type) ? base : &object_type;
  type->instance_size = instance_size;
  type->flags |= flags;
  // Types made after start-up (a module's on first import, the embedding layer's) may be set
  // up by two interpreters' threads at once.
  static std::mutex static_types_mutex;
  std::lock_guard<std::mutex> guard(static_types_mutex);
  static_types.push_back(type);
}

void set_static_type_attribute(TypeObject* type, const char* name, Value value) {
  make_immortal(value);
  invalidate_type_lookups();
  if (static_types_final) {
    dict_set(type->dict, str_intern(name), value);
    return;
  }
  pending_attributes.push_back({type, name, value});
}

// Fills every slot the type left empty with its base's.
static void inherit_slots(TypeObject* type, const TypeObject* base) {
#define CHAIPY_INHERIT(slot) \
  if (!type->slot) type->slot = base->slot;
  CHAIPY_INHERIT(repr) CHAIPY_INHERIT(str) CHAIPY_INHERIT(hash) CHAIPY_INHERIT(richcompare)
  CHAIPY_INHERIT(truth) CHAIPY_INHERIT(length) CHAIPY_INHERIT(getattr) CHAIPY_INHERIT(setattr)
  CHAIPY_INHERIT(call) CHAIPY_INHERIT(iter) CHAIPY_INHERIT(next) CHAIPY_INHERIT(getitem)
  CHAIPY_INHERIT(setitem) CHAIPY_INHERIT(contains) CHAIPY_INHERIT(negative)
  CHAIPY_INHERIT(positive) CHAIPY_INHERIT(invert) CHAIPY_INHERIT(absolute) CHAIPY_INHERIT(index)
  CHAIPY_INHERIT(to_int) CHAIPY_INHERIT(to_float) CHAIPY_INHERIT(descr_get)
  CHAIPY_INHERIT(descr_set) CHAIPY_INHERIT(new_) CHAIPY_INHERIT(init) CHAIPY_INHERIT(dealloc)
  CHAIPY_INHERIT(traverse) CHAIPY_INHERIT(clear)
#undef CHAIPY_INHERIT
  for (uint32_t i = 0; i < binary_op_count; ++i) {
    if (!type->binary[i]) type->binary[i] = base->binary[i];
    if (!type->reflected[i]) type->reflected[i] = base->reflected[i];
    if (!type->inplace[i]) type->inplace[i] = base->inplace[i];
  }
}

static void finalize_static_type(TypeObject* type) {
  if (type->base) {
    type->flags |= type->base->flags & ~(type_flag_base_type | type_flag_heap | type_flag_var_sized);
    inherit_slots(type, type->base);
  }
  Ref dict = dict_new();
  type->dict = dict.release();
  make_immortal(type->dict);
  size_t depth = 0;
  for (TypeObject* t = type; t; t = t->base) ++depth;
  Ref mro = tuple_new(depth);
  size_t i = 0;
  for (TypeObject* t = type; t; t = t->base) tuple_set(*mro, i++, Value(t));
  type->mro = mro.release();
  make_immortal(type->mro);
  type->bases = type->base ? tuple_pack({Value(type->base)}).release() : empty_tuple().release();
  make_immortal(type->bases);
}

void finish_static_type(TypeObject* type) {
  invalidate_type_lookups();
  if (static_types_final) {
    finalize_static_type(type);
    dict_set_str(type->dict, "__doc__", Value::none());
  }
}

// ---- slot wrappers: builtin types' slots exposed as dunder methods (int.__add__, list.__len__) ----

enum class SlotKind : uint8_t {
  Init, Repr, Str, Hash, Compare, Len, GetItem, SetItem, DelItem, Contains, Iter, Next, Binary, Reflected,
  Inplace, Neg, Pos, Invert, Abs, Bool, Index, Int, Float, Call, Get, Set, Delete,
};
struct SlotWrapperObject : Object {
  const char* name;
  TypeObject* owner;
  SlotKind kind;
  uint32_t op;
};
static TypeObject slot_wrapper_type;

static Ref slot_wrapper_invoke(SlotWrapperObject* wrapper, Value self, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* t = wrapper->owner;
  auto expect = [&](size_t count) { return check_positional(wrapper->name, nargs, kwnames, count, count); };
  auto from_int = [](int status) -> Ref { return status < 0 ? Ref() : Ref::none(); };
  switch (wrapper->kind) {
    case SlotKind::Init:
      return t->init(self, args, nargs, kwnames) < 0 ? Ref() : Ref::none();
    case SlotKind::Call: return t->call(self, args, nargs, kwnames);
    default: break;
  }
  switch (wrapper->kind) {
    case SlotKind::Repr: return expect(0) ? t->repr(self) : nullptr;
    case SlotKind::Str: return expect(0) ? t->str(self) : nullptr;
    case SlotKind::Hash: {
      if (!expect(0)) return nullptr;
      int64_t h = t->hash(self);
      return h == -1 ? Ref() : int_from_i64(h);
    }
    case SlotKind::Compare: return expect(1) ? t->richcompare(self, args[0], CompareOp(wrapper->op)) : nullptr;
    case SlotKind::Len: {
      if (!expect(0)) return nullptr;
      int64_t n = t->length(self);
      return n < 0 ? Ref() : int_from_i64(n);
    }
    case SlotKind::GetItem: return expect(1) ? t->getitem(self, args[0]) : nullptr;
    case SlotKind::SetItem: return expect(2) ? from_int(t->setitem(self, args[0], args[1])) : nullptr;
    case SlotKind::DelItem: return expect(1) ? from_int(t->setitem(self, args[0], Value())) : nullptr;
    case SlotKind::Contains: {
      if (!expect(1)) return nullptr;
      int found = t->contains(self, args[0]);
      return found < 0 ? Ref() : Ref::boolean(found);
    }
    case SlotKind::Iter: return expect(0) ? t->iter(self) : nullptr;
    case SlotKind::Next: {
      if (!expect(0)) return nullptr;
      Ref next = t->next(self);
      if (!next && !error_pending()) return raise_value(Value(&StopIteration_type));
      return next;
    }
    case SlotKind::Binary: return expect(1) ? t->binary[wrapper->op](self, args[0]) : nullptr;
    case SlotKind::Reflected: return expect(1) ? t->reflected[wrapper->op](self, args[0]) : nullptr;
    case SlotKind::Inplace: return expect(1) ? t->inplace[wrapper->op](self, args[0]) : nullptr;
    case SlotKind::Neg: return expect(0) ? t->negative(self) : nullptr;
    case SlotKind::Pos: return expect(0) ? t->positive(self) : nullptr;
    case SlotKind::Invert: return expect(0) ? t->invert(self) : nullptr;
    case SlotKind::Abs: return expect(0) ? t->absolute(self) : nullptr;
    case SlotKind::Bool: {
      if (!expect(0)) return nullptr;
      int truth = t->truth(self);
      return truth < 0 ? Ref() : Ref::boolean(truth);
    }
    case SlotKind::Index: return expect(0) ? t->index(self) : nullptr;
    case SlotKind::Int: return expect(0) ? t->to_int(self) : nullptr;
    case SlotKind::Float: return expect(0) ? t->to_float(self) : nullptr;
    case SlotKind::Get: {
      if (!check_positional(wrapper->name, nargs, kwnames, 1, 2)) return nullptr;
      Value obj = args[0].is_none() ? Value() : args[0];
      Value owner = nargs > 1 && !args[1].is_none() ? args[1] : Value();
      return t->descr_get(self, obj, owner);
    }
    case SlotKind::Set: return expect(2) ? from_int(t->descr_set(self, args[0], args[1])) : nullptr;
    case SlotKind::Delete: return expect(1) ? from_int(t->descr_set(self, args[0], Value())) : nullptr;
    default: return nullptr;
  }
}

static Ref slot_wrapper_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* wrapper = callable.as<SlotWrapperObject>();
  if (nargs < 1)
    return raise_format(&TypeError_type, "descriptor '%s' of '%s' object needs an argument", wrapper->name,
                        wrapper->owner->name.c_str());
  if (!is_subtype(type_of(args[0]), wrapper->owner))
    return raise_format(&TypeError_type, "descriptor '%s' requires a '%s' object but received a '%s'", wrapper->name,
                        wrapper->owner->name.c_str(), type_name(args[0]));
  return slot_wrapper_invoke(wrapper, args[0], args + 1, nargs - 1, kwnames);
}

static Ref slot_wrapper_get(Value descr, Value obj, Value) {
  if (!obj) return Ref::borrow(descr);
  return bound_method_new(descr, obj);
}

static Ref slot_wrapper_repr(Value self) {
  auto* wrapper = self.as<SlotWrapperObject>();
  return str_new(std::string("<slot wrapper '") + wrapper->name + "' of '" + wrapper->owner->name + "' objects>");
}

// type.__new__-style entry: X.__new__(cls, ...) for a builtin X.
static Ref static_type_new_wrapper(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* owner = self.as<TypeObject>();
  if (nargs < 1)
    return raise_format(&TypeError_type, "%s.__new__(): not enough arguments", owner->name.c_str());
  if (!(type_of(args[0])->flags & type_flag_type_subclass))
    return raise_format(&TypeError_type, "%s.__new__(X): X is not a type object (%s)", owner->name.c_str(),
                        type_name(args[0]));
  auto* subtype = args[0].as<TypeObject>();
  if (!is_subtype(subtype, owner))
    return raise_format(&TypeError_type, "%s.__new__(%s): %s is not a subtype of %s", owner->name.c_str(),
                        subtype->name.c_str(), subtype->name.c_str(), owner->name.c_str());
  return owner->new_(subtype, args + 1, nargs - 1, kwnames);
}

static void add_slot_wrapper(TypeObject* type, const char* name, SlotKind kind, uint32_t op = 0) {
  if (dict_get_str(type->dict, name)) return;
  auto* wrapper = static_cast<SlotWrapperObject*>(alloc_var_object(&slot_wrapper_type, sizeof(SlotWrapperObject)));
  wrapper->refcount = immortal_refcount;
  wrapper->name = name;
  wrapper->owner = type;
  wrapper->kind = kind;
  wrapper->op = op;
  dict_set_str(type->dict, name, Value(wrapper));
}

static const char* const binary_dunder_names[binary_op_count] = {
    "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__", "__mod__",
    "__pow__", "__lshift__", "__rshift__", "__and__", "__or__", "__xor__"};
static const char* const reflected_dunder_names[binary_op_count] = {
    "__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rfloordiv__", "__rmod__",
    "__rpow__", "__rlshift__", "__rrshift__", "__rand__", "__ror__", "__rxor__"};
static const char* const inplace_dunder_names[binary_op_count] = {
    "__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__", "__imod__",
    "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ior__", "__ixor__"};
static const char* const compare_dunder_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

// Exposes every slot a static type fills itself (not inherited unchanged) under its dunder name.
static void add_slot_wrappers(TypeObject* type) {
  const TypeObject* base = type->base;
  auto own = [&](auto TypeObject::*slot) { return type->*slot && (!base || type->*slot != base->*slot); };
  if (own(&TypeObject::new_) && !dict_get_str(type->dict, "__new__")) {
    auto* function = static_cast<BuiltinFunctionObject*>(alloc_var_object(&builtin_function_type, sizeof(BuiltinFunctionObject)));
    function->refcount = immortal_refcount;
    function->name = "__new__";
    function->fn = static_type_new_wrapper;
    function->self = Value(type);
    dict_set_str(type->dict, "__new__", Value(function));
  }
  if (own(&TypeObject::init)) add_slot_wrapper(type, "__init__", SlotKind::Init);
  if (own(&TypeObject::repr)) add_slot_wrapper(type, "__repr__", SlotKind::Repr);
  if (own(&TypeObject::str)) add_slot_wrapper(type, "__str__", SlotKind::Str);
  if (own(&TypeObject::hash)) {
    if (type->hash == hash_not_implemented) {
      if (!dict_get_str(type->dict, "__hash__")) dict_set_str(type->dict, "__hash__", Value::none());
    } else {
      add_slot_wrapper(type, "__hash__", SlotKind::Hash);
    }
  }
  if (own(&TypeObject::richcompare))
    for (uint32_t op = 0; op < 6; ++op) add_slot_wrapper(type, compare_dunder_names[op], SlotKind::Compare, op);
  if (own(&TypeObject::length)) add_slot_wrapper(type, "__len__", SlotKind::Len);
  if (own(&TypeObject::getitem)) add_slot_wrapper(type, "__getitem__", SlotKind::GetItem);
  if (own(&TypeObject::setitem)) {
    add_slot_wrapper(type, "__setitem__", SlotKind::SetItem);
    add_slot_wrapper(type, "__delitem__", SlotKind::DelItem);
  }
  if (own(&TypeObject::contains)) add_slot_wrapper(type, "__contains__", SlotKind::Contains);
  if (own(&TypeObject::iter)) add_slot_wrapper(type, "__iter__", SlotKind::Iter);
  if (own(&TypeObject::next)) add_slot_wrapper(type, "__next__", SlotKind::Next);
  if (own(&TypeObject::call)) add_slot_wrapper(type, "__call__", SlotKind::Call);
  if (own(&TypeObject::negative)) add_slot_wrapper(type, "__neg__", SlotKind::Neg);
  if (own(&TypeObject::positive)) add_slot_wrapper(type, "__pos__", SlotKind::Pos);
  if (own(&TypeObject::invert)) add_slot_wrapper(type, "__invert__", SlotKind::Invert);
  if (own(&TypeObject::absolute)) add_slot_wrapper(type, "__abs__", SlotKind::Abs);
  if (own(&TypeObject::truth)) add_slot_wrapper(type, "__bool__", SlotKind::Bool);
  if (own(&TypeObject::index)) add_slot_wrapper(type, "__index__", SlotKind::Index);
  if (own(&TypeObject::to_int)) add_slot_wrapper(type, "__int__", SlotKind::Int);
  if (own(&TypeObject::to_float)) add_slot_wrapper(type, "__float__", SlotKind::Float);
  if (own(&TypeObject::descr_get)) add_slot_wrapper(type, "__get__", SlotKind::Get);
  if (own(&TypeObject::descr_set)) {
    add_slot_wrapper(type, "__set__", SlotKind::Set);
    add_slot_wrapper(type, "__delete__", SlotKind::Delete);
  }
  for (uint32_t op = 0; op < binary_op_count; ++op) {
    if (type->binary[op] && (!base || type->binary[op] != base->binary[op]))
      add_slot_wrapper(type, binary_dunder_names[op], SlotKind::Binary, op);
    if (type->reflected[op] && (!base || type->reflected[op] != base->reflected[op]))
      add_slot_wrapper(type, reflected_dunder_names[op], SlotKind::Reflected, op);
    if (type->inplace[op] && (!base || type->inplace[op] != base->inplace[op]))
      add_slot_wrapper(type, inplace_dunder_names[op], SlotKind::Inplace, op);
  }
}

void finalize_static_types() {
  // Bases before subclasses: a type's base was registered earlier or is finalized on demand.
  std::vector<TypeObject*> done;
  auto finalize = [&](auto& self, TypeObject* type) -> void {
    if (type->mro) return;
    if (type->base && !type->base->mro) self(self, type->base);
    finalize_static_type(type);
  };
  for (TypeObject* type : static_types) finalize(finalize, type);
  static_types_final = true;
  for (auto& attribute : pending_attributes) dict_set(attribute.type->dict, str_intern(attribute.name), attribute.value);
  pending_attributes.clear();
  for (TypeObject* type : static_types) {
    if (!dict_get_str(type->dict, "__doc__")) dict_set_str(type->dict, "__doc__", Value::none());
    add_slot_wrappers(type);
  }
}

static Ref slot_wrapper_get_name(Value self) { return str_new(self.as<SlotWrapperObject>()->name); }
static Ref slot_wrapper_get_qualname(Value self) {
  auto* wrapper = self.as<SlotWrapperObject>();
  return str_new(wrapper->owner->name + "." + wrapper->name);
}

void init_slot_wrapper_type() {
  init_static_type(&slot_wrapper_type, "wrapper_descriptor", &object_type, sizeof(SlotWrapperObject), 0);
  add_property(&slot_wrapper_type, "__name__", slot_wrapper_get_name);
  add_property(&slot_wrapper_type, "__qualname__", slot_wrapper_get_qualname);
  slot_wrapper_type.call = slot_wrapper_call;
  slot_wrapper_type.descr_get = slot_wrapper_get;
  slot_wrapper_type.repr = slot_wrapper_repr;
  finish_static_type(&slot_wrapper_type);
}

Value* instance_dict_slot(Value obj) {
  if (!obj.is_object()) return nullptr;
  uint32_t offset = obj.as_object()->type->dict_offset;
  if (!offset) return nullptr;
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.as_object()) + offset);
}

// Instances of classes: release the instance dict, then let the builtin base release the rest.
static void subtype_dealloc(Object* object) {
  TypeObject* type = object->type;
  if (Value* dict = instance_dict_slot(Value(object)); dict && (type->flags & type_flag_has_instance_dict)) {
    Value d = *dict;
    *dict = Value();
    if (d) type->instance_dict_hint = dict_size(d);
    decref(d);
  }
  TypeObject* base = type;
  while (base->flags & type_flag_heap) base = base->base;
  base->dealloc(object);
}

// The instance dict slot a class added itself (a builtin base with a dict of its own, as
// exceptions and types, traverses and clears that dict itself).
static Value* added_instance_dict(Object* object, TypeObject*& builtin_base) {
  builtin_base = object->type;
  while (builtin_base->flags & type_flag_heap) builtin_base = builtin_base->base;
  if (builtin_base->dict_offset || !(object->type->flags & type_flag_has_instance_dict)) return nullptr;
  return instance_dict_slot(Value(object));
}

static void subtype_traverse(Object* object, GcVisit visit, void* arg) {
  TypeObject* builtin_base;
  if (Value* dict = added_instance_dict(object, builtin_base)) visit(*dict, arg);
  visit(Value(object->type), arg);  // an instance owns a reference to its class
  if (builtin_base->traverse) builtin_base->traverse(object, visit, arg);
}

static void subtype_clear(Object* object) {
  TypeObject* builtin_base;
  if (Value* dict = added_instance_dict(object, builtin_base)) {
    Value d = *dict;
    *dict = Value();
    decref(d);
  }
  if (builtin_base->clear) builtin_base->clear(object);
}

// ---- object ----

static Ref object_repr_slot(Value self) {
  TypeObject* type = type_of(self);
  Ref module = Ref::steal(Value());
  std::string prefix;
  if (type->flags & type_flag_heap) {
    Value m = dict_get_str(type->dict, "__module__");
    if (m && is_str(m) && str_view(m) != "builtins") prefix = std::string(str_view(m)) + ".";
  }
  char buffer[64];
  snprintf(buffer, sizeof buffer, " object at %p>", static_cast<void*>(self.as_object()));
  return str_new("<" + prefix + type->qualname + buffer);
}

static Ref object_str_slot(Value self) { return object_repr(self); }

static int64_t object_hash_slot(Value self) {
  // CPython rotates the address by 4 bits so the low (always zero) bits carry information.
  uintptr_t address = self.bits();
  int64_t h = static_cast<int64_t>((address >> 4) | (address << (8 * sizeof(address) - 4)));
  return h == -1 ? -2 : h;
}

static Ref object_richcompare_slot(Value self, Value other, CompareOp op) {
  if (op == CompareOp::Eq) return self == other ? Ref::boolean(true) : new_not_implemented();
  if (op == CompareOp::Ne) {
    // Default __ne__ inverts __eq__ unless that is NotImplemented.
    TypeObject* type = type_of(self);
    if (type->richcompare && type->richcompare != object_richcompare_slot) {
      Ref eq = type->richcompare(self, other, CompareOp::Eq);
      if (!eq || *eq == not_implemented()) return eq;
      int truth = object_truth(*eq);
      if (truth < 0) return nullptr;
      return Ref::boolean(!truth);
    }
    return self == other ? Ref::boolean(false) : new_not_implemented();
  }
  return new_not_implemented();
}

static bool excess_args(size_t nargs, Value kwnames) { return nargs || (kwnames && tuple_size(kwnames)); }

static Ref object_new_slot(TypeObject* type, const Value*, size_t nargs, Value kwnames);
static int object_init_slot(Value self, const Value*, size_t nargs, Value kwnames);

// CPython's rules: extra arguments are an error unless the other of __new__/__init__ is overridden.
static Ref object_new_slot(TypeObject* type, const Value*, size_t nargs, Value kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->new_ != object_new_slot)
      return raise(&TypeError_type, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->init == object_init_slot)
      return raise_format(&TypeError_type, "%s() takes no arguments", type->name.c_str());
  }
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  return Ref::steal(Value(object));
}

static int object_init_slot(Value self, const Value*, size_t nargs, Value kwnames) {
  TypeObject* type = type_of(self);
  if (excess_args(nargs, kwnames)) {
    if (type->init != object_init_slot) {
      raise(&TypeError_type, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_ == object_new_slot) {
      raise_format(&TypeError_type, "%s() takes no arguments", type->name.c_str());
      return -1;
    }
  }
  return 0;
}

static void object_dealloc_slot(Object* object) { free_object(object); }

static Ref object_method_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (object_type.init(self, args, nargs, kwnames) < 0) return nullptr;
  return Ref::none();
}
static Ref object_method_new(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1 || !(type_of(args[0])->flags & type_flag_type_subclass))
    return raise(&TypeError_type, "object.__new__(X): X is not a type object");
  TypeObject* type = args[0].as<TypeObject>();
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  (void)kwnames;
  return Ref::steal(Value(object));
}
static Ref object_method_repr(Value self, const Value*, size_t, Value) { return object_repr_slot(self); }
static Ref object_method_str(Value self, const Value*, size_t, Value) { return object_repr(self); }
static Ref object_method_hash(Value self, const Value*, size_t, Value) { return int_from_i64(object_hash_slot(self)); }
static Ref object_method_eq(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__eq__", nargs, kwnames, 1, 1)) return nullptr;
  return object_richcompare_slot(self, args[0], CompareOp::Eq);
}
static Ref object_method_ne(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__ne__", nargs, kwnames, 1, 1)) return nullptr;
  return object_richcompare_slot(self, args[0], CompareOp::Ne);
}
static Ref object_method_getattribute(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__getattribute__", nargs, kwnames, 1, 1)) return nullptr;
  if (!is_str(args[0]))
    return raise_format(&TypeError_type, "attribute name must be string, not '%s'", type_name(args[0]));
  return generic_getattr(self, args[0]);
}
static Ref object_method_setattr(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__setattr__", nargs, kwnames, 2, 2)) return nullptr;
  if (generic_setattr(self, args[0], args[1]) < 0) return nullptr;
  return Ref::none();
}
static Ref object_method_delattr(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__delattr__", nargs, kwnames, 1, 1)) return nullptr;
  if (generic_setattr(self, args[0], Value()) < 0) return nullptr;
  return Ref::none();
}
static Ref object_method_format(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__format__", nargs, kwnames, 1, 1)) return nullptr;
  if (!is_str(args[0]))
    return raise_format(&TypeError_type, "__format__() argument must be str, not %s", type_name(args[0]));
  if (!str_view(args[0]).empty())
    return raise_format(&TypeError_type, "unsupported format string passed to %s.__format__",
                        type_of(self)->name.c_str());
  return object_str(self);
}
static Ref object_method_init_subclass(Value, const Value*, size_t, Value) { return Ref::none(); }
static Ref object_method_dir(Value self, const Value*, size_t, Value) {
  Ref names = set_new();
  if (!names) return nullptr;
  TypeObject* type = type_of(self);
  if (type->dict_offset) {
    Value dict = *reinterpret_cast<Value*>(reinterpret_cast<char*>(self.as_object()) + type->dict_offset);
    size_t pos = 0;
    Value key, value;
    while (dict && dict_next(dict, pos, key, value))
      if (set_add(*names, key) < 0) return nullptr;
  }
  for (int64_t i = 0, n = tuple_size(type->mro); i < n; ++i) {
    size_t pos = 0;
    Value key, value;
    while (dict_next(tuple_item(type->mro, i).as<TypeObject>()->dict, pos, key, value))
      if (set_add(*names, key) < 0) return nullptr;
  }
  return list_from_iterable(*names);
}
static Ref object_method_sizeof(Value self, const Value*, size_t, Value) {
  return int_from_i64(type_of(self)->instance_size);
}
static Ref object_get_class(Value self) { return Ref::borrow(Value(type_of(self))); }
static Ref object_get_dict(Value self) {
  Value* dict = instance_dict_slot(self);
  if (!dict)
    return raise_format(&AttributeError_type, "'%s' object has no attribute '__dict__'", type_name(self));
  if (!*dict) {
    Ref fresh = instance_dict_new(type_of(self));
    if (!fresh) return nullptr;
    *dict = fresh.release();
  }
  return Ref::borrow(*dict);
}
static int object_set_dict(Value self, Value value) {
  Value* dict = instance_dict_slot(self);
  if (!dict) {
    raise_format(&AttributeError_type, "'%s' object has no attribute '__dict__'", type_name(self));
    return -1;
  }
  if (!value || !is_dict(value)) {
    raise_format(&TypeError_type, "__dict__ must be set to a dictionary, not a '%s'", value ? type_name(value) : "NULL");
    return -1;
  }
  incref(value);
  Value old = *dict;
  *dict = value;
  decref(old);
  return 0;
}

static const MethodDef object_methods[] = {
    {"__init__", object_method_init},
    {"__new__", object_method_new, MethodKind::Static},
    {"__repr__", object_method_repr},
    {"__str__", object_method_str},
    {"__hash__", object_method_hash},
    {"__eq__", object_method_eq},
    {"__ne__", object_method_ne},
    {"__getattribute__", object_method_getattribute},
    {"__setattr__", object_method_setattr},
    {"__delattr__", object_method_delattr},
    {"__format__", object_method_format},
    {"__init_subclass__", object_method_init_subclass, MethodKind::Class},
    {"__dir__", object_method_dir},
    {"__sizeof__", object_method_sizeof},
    {nullptr, nullptr},
};

// ---- type ----

static Ref type_repr_slot(Value self) {
  auto* type = self.as<TypeObject>();
  std::string module = type->module;
  if (type->flags & type_flag_heap) {
    Value m = dict_get_str(type->dict, "__module__");
    module = (m && is_str(m)) ? std::string(str_view(m)) : "";
  }
  if (module.empty() || module == "builtins") return str_new("<class '" + type->qualname + "'>");
  return str_new("<class '" + module + "." + type->qualname + "'>");
}

static Ref construct_with_plain_init(TypeObject* type, const Value* args, size_t nargs, Value init);

static Ref type_call_slot(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* type = callable.as<TypeObject>();
  // Static types are shared by every interpreter: only classes remember their __init__.
  if ((type->flags & type_flag_heap) && !kwnames && nargs < 8) {
    if (Value init = plain_init_function(type)) return construct_with_plain_init(type, args, nargs, init);
  }
  if (type == &type_type && nargs == 1 && (!kwnames || tuple_size(kwnames) == 0))
    return Ref::borrow(Value(type_of(args[0])));
  if (!type->new_)
    return raise_format(&TypeError_type, "cannot create '%s' instances", type->name.c_str());
  Ref object = type->new_(type, args, nargs, kwnames);
  if (!object) return nullptr;
  TypeObject* made = type_of(*object);
  if (!is_subtype(made, type)) return object;
  if (made->init && made->init(*object, args, nargs, kwnames) < 0) return nullptr;
  return object;
}

static Ref type_getattr_slot(Value self, Value name) {
  auto* type = self.as<TypeObject>();
  TypeObject* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  if (meta_attr) {
    TypeObject* attr_type = type_of(meta_attr);
    if (attr_type->descr_get && attr_type->descr_set) return attr_type->descr_get(meta_attr, self, Value(meta));
  }
  Value attr = type_lookup(type, name);
  if (attr) {
    TypeObject* attr_type = type_of(attr);
    if (attr_type->descr_get) return attr_type->descr_get(attr, Value(), self);
    return Ref::borrow(attr);
  }
  if (meta_attr) {
    TypeObject* attr_type = type_of(meta_attr);
    if (attr_type->descr_get) return attr_type->descr_get(meta_attr, self, Value(meta));
    return Ref::borrow(meta_attr);
  }
  return raise_format(&AttributeError_type, "type object '%s' has no attribute '%s'", type->name.c_str(),
                      std::string(str_view(name)).c_str());
}

static void update_slot_for(TypeObject* type, Value name);

static void bump_versions(TypeObject* type) {
  type->version++;
  invalidate_type_lookups();
  // Subclasses are not tracked; caches also check the instance type's own version, and
  // every heap type's version is derived at lookup time from its mro (see type_version).
}

static int type_setattr_slot(Value self, Value name, Value value) {
  auto* type = self.as<TypeObject>();
  if (!(type->flags & type_flag_heap)) {
    raise_format(&TypeError_type, "cannot set '%s' attribute of immutable type '%s'",
                 std::string(str_view(name)).c_str(), type->name.c_str());
    return -1;
  }
  Value meta_attr = type_lookup(type_of(self), name);
  if (meta_attr && type_of(meta_attr)->descr_set) return type_of(meta_attr)->descr_set(meta_attr, self, value);
  int result = value ? dict_set(type->dict, name, value) : dict_del(type->dict, name);
  if (result < 0) {
    if (!value && error_matches(&KeyError_type)) {
      clear_error();
      raise_format(&AttributeError_type, "type object '%s' has no attribute '%s'", type->name.c_str(),
                   std::string(str_view(name)).c_str());
    }
    return -1;
  }
  bump_versions(type);
  update_slot_for(type, name);
  return 0;
}

static void type_dealloc_slot(Object* object) {
  auto* type = static_cast<TypeObject*>(object);
  invalidate_type_lookups();
  decref(type->bases);
  decref(type->mro);
  decref(type->dict);
  if (type->base && (type->base->flags & type_flag_heap)) decref(Value(type->base));
  // A class made by a metaclass written in Python holds a reference to it, as any instance.
  TypeObject* metatype = type->type;
  type->~TypeObject();
  free_memory(object, true);
  if (metatype->flags & type_flag_heap) decref(Value(metatype));
}

// Only classes (heap types) are ever traversed or cleared: static types are immortal. The mro
// is not visited: it is untracked and holds no reference to the class itself.
static void type_traverse(Object* object, GcVisit visit, void* arg) {
  auto* type = static_cast<TypeObject*>(object);
  visit(type->dict, arg);
  visit(type->bases, arg);
  if (type->base && (type->base->flags & type_flag_heap)) visit(Value(type->base), arg);
  // The mro tuple is untracked and the type's own (type_new_from_namespace): its references to
  // the other classes are the type's. Its first item, the type itself, is borrowed.
  if (type->mro)
    for (int64_t i = 1, n = tuple_size(type->mro); i < n; ++i) visit(tuple_item(type->mro, i), arg);
}

static void type_clear(Object* object) {
  auto* type = static_cast<TypeObject*>(object);
  if (!type->dict) return;
  dict_clear(type->dict);
  bump_versions(type);
  invalidate_type_lookups();
}

// C3 linearisation of `bases`' mros; false with TypeError when there is no consistent order.
static bool c3_merge(TypeObject* type, Value bases, std::vector<TypeObject*>& out) {
  std::vector<std::vector<TypeObject*>> sequences;
  for (int64_t i = 0, n = tuple_size(bases); i < n; ++i) {
    auto* base = tuple_item(bases, i).as<TypeObject>();
    std::vector<TypeObject*> sequence;
    for (int64_t j = 0, m = tuple_size(base->mro); j < m; ++j)
      sequence.push_back(tuple_item(base->mro, j).as<TypeObject>());
    sequences.push_back(std::move(sequence));
  }
  std::vector<TypeObject*> direct;
  for (int64_t i = 0, n = tuple_size(bases); i < n; ++i) direct.push_back(tuple_item(bases, i).as<TypeObject>());
  sequences.push_back(direct);
  out.assign(1, type);
  for (;;) {
    bool any_left = false;
    TypeObject* candidate = nullptr;
    for (auto& sequence : sequences) {
      if (sequence.empty()) continue;
      any_left = true;
      TypeObject* head = sequence.front();
      bool in_tail = false;
      for (auto& other : sequences)
        for (size_t k = 1; k < other.size() && !in_tail; ++k) in_tail = other[k] == head;
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (!any_left) return true;
    if (!candidate) {
      std::string names;
      for (int64_t i = 0, n = tuple_size(bases); i < n; ++i) {
        if (i) names += ", ";
        names += tuple_item(bases, i).as<TypeObject>()->name;
      }
      raise_format(&TypeError_type, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                   names.c_str());
      return false;
    }
    out.push_back(candidate);
    for (auto& sequence : sequences)
      if (!sequence.empty() && sequence.front() == candidate) sequence.erase(sequence.begin());
  }
}

// ---- slot trampolines: a class defining __dunder__ gets the slot that calls it ----

static Ref call_dunder(Value self, const char* name, const Value* args, size_t nargs) {
  return call_method(self, name, args, nargs);
}
static Ref slot_repr(Value self) { return call_dunder(self, "__repr__", nullptr, 0); }
static Ref slot_str(Value self) { return call_dunder(self, "__str__", nullptr, 0); }
static int64_t slot_hash(Value self) {
  Value hash_attr = type_lookup(type_of(self), str_intern("__hash__"));
  if (hash_attr.is_none()) {
    raise_format(&TypeError_type, "unhashable type: '%s'", type_name(self));
    return -1;
  }
  Ref result = call_dunder(self, "__hash__", nullptr, 0);
  if (!result) return -1;
  if (!is_int(*result)) {
    raise(&TypeError_type, "__hash__ method should return an integer");
    return -1;
  }
  int64_t h;
  if (!int_to_i64(*result, h)) h = int_to_bigint(*result).hash();
  return h == -1 ? -2 : h;
}
static const char* const compare_dunders[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
static Ref slot_richcompare(Value self, Value other, CompareOp op) {
  Value attr = type_lookup(type_of(self), str_intern(compare_dunders[static_cast<int>(op)]));
  if (!attr) return new_not_implemented();
  return call_dunder(self, compare_dunders[static_cast<int>(op)], &other, 1);
}
static int slot_truth(Value self) {
  TypeObject* type = type_of(self);
  if (type_lookup(type, str_intern("__bool__"))) {
    Ref result = call_dunder(self, "__bool__", nullptr, 0);
    if (!result) return -1;
    if (!result.get().is_bool()) {
      raise_format(&TypeError_type, "__bool__ should return bool, returned %s", type_name(*result));
      return -1;
    }
    return result.get().is_true();
  }
  if (type_lookup(type, str_intern("__len__"))) {
    int64_t n = object_length(self);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}
static int64_t slot_length(Value self) {
  Ref result = call_dunder(self, "__len__", nullptr, 0);
  if (!result) return -1;
  int64_t n;
  if (!is_int(*result)) {
    raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(*result));
    return -1;
  }
  if (!int_to_i64(*result, n)) {
    raise(&OverflowError_type, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) {
    raise(&ValueError_type, "__len__() should return >= 0");
    return -1;
  }
  return n;
}
static Ref slot_getattr_hook(Value self, Value name) {
  TypeObject* type = type_of(self);
  Value getattribute = type_lookup(type, str_intern("__getattribute__"));
  Ref result;
  if (getattribute && type_of(getattribute) == &function_type) {
    Value args[] = {self, name};
    result = call(getattribute, args, 2);
  } else {
    result = generic_getattr(self, name);
  }
  if (result || !error_matches(&AttributeError_type)) return result;
  Value getattr_fn = type_lookup(type, str_intern("__getattr__"));
  if (!getattr_fn) return result;
  clear_error();
  Value args[] = {self, name};
  return call(getattr_fn, args, 2);
}
static int slot_setattr(Value self, Value name, Value value) {
  Ref result = value ? call_dunder(self, "__setattr__", std::array<Value, 2>{name, value}.data(), 2)
                     : call_dunder(self, "__delattr__", &name, 1);
  return result ? 0 : -1;
}
static Ref slot_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value function = type_lookup(type_of(self), str_intern("__call__"));
  if (!function) return raise_format(&TypeError_type, "'%s' object is not callable", type_name(self));
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  std::vector<Value> full(nargs + nkw + 1);
  full[0] = self;
  std::copy(args, args + nargs + nkw, full.begin() + 1);
  return call(function, full.data(), nargs + 1, kwnames);
}
static Ref slot_iter(Value self) { return call_dunder(self, "__iter__", nullptr, 0); }
static Ref slot_next(Value self) {
  Ref result = call_dunder(self, "__next__", nullptr, 0);
  if (!result && error_matches(&StopIteration_type)) clear_error();
  return result;
}
static Ref slot_getitem(Value self, Value key) { return call_dunder(self, "__getitem__", &key, 1); }
static int slot_setitem(Value self, Value key, Value value) {
  Ref result = value ? call_dunder(self, "__setitem__", std::array<Value, 2>{key, value}.data(), 2)
                     : call_dunder(self, "__delitem__", &key, 1);
  return result ? 0 : -1;
}
static int slot_contains(Value self, Value item) {
  Ref result = call_dunder(self, "__contains__", &item, 1);
  return result ? object_truth(*result) : -1;
}
static Ref slot_negative(Value self) { return call_dunder(self, "__neg__", nullptr, 0); }
static Ref slot_positive(Value self) { return call_dunder(self, "__pos__", nullptr, 0); }
static Ref slot_invert(Value self) { return call_dunder(self, "__invert__", nullptr, 0); }
static Ref slot_absolute(Value self) { return call_dunder(self, "__abs__", nullptr, 0); }
static Ref slot_index(Value self) { return call_dunder(self, "__index__", nullptr, 0); }
static Ref slot_to_int(Value self) { return call_dunder(self, "__int__", nullptr, 0); }
static Ref slot_to_float(Value self) { return call_dunder(self, "__float__", nullptr, 0); }
static Ref slot_descr_get(Value descr, Value obj, Value type) {
  Value args[] = {obj ? obj : Value::none(), type ? type : Value::none()};
  return call_dunder(descr, "__get__", args, 2);
}
static int slot_descr_set(Value descr, Value obj, Value value) {
  Ref result = value ? call_dunder(descr, "__set__", std::array<Value, 2>{obj, value}.data(), 2)
                     : call_dunder(descr, "__delete__", &obj, 1);
  return result ? 0 : -1;
}
static Value init_name() {
  static const Value name = str_intern("__init__");
  return name;
}
// 0 when __init__ returned None (as it must), else -1 with the TypeError raised (or the error
// __init__ raised already pending).
bool init_returned_none(Value returned) {
  if (returned.is_none()) return true;
  raise_format(&TypeError_type, "__init__() should return None, not '%s'", type_name(returned));
  return false;
}
static int check_init_result(const Ref& result) { return result && init_returned_none(*result) ? 0 : -1; }
static int slot_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value init = type_lookup(type_of(self), init_name());
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  // self and the arguments in one array; on the stack for the usual few arguments.
  std::array<Value, 8> small;
  std::vector<Value> large;
  Value* full = small.data();
  if (nargs + nkw + 1 > small.size()) {
    large.resize(nargs + nkw + 1);
    full = large.data();
  }
  full[0] = self;
  std::copy(args, args + nargs + nkw, full + 1);
  Ref result = type_of(init) == &function_type ? function_call(init, full, nargs + 1, kwnames)
                                               : call(init, full, nargs + 1, kwnames);
  return check_init_result(result);
}

Value plain_init_function(TypeObject* type) {
  uint64_t epoch = type_lookup_epoch.load(std::memory_order_relaxed);
  if (type->plain_init_epoch == epoch) return type->plain_init;
  Value init = type->new_ == object_new_slot && type->init == slot_init ? type_lookup(type, init_name()) : Value();
  if (init && type_of(init) != &function_type) init = Value();
  if (type_lookup_epoch.load(std::memory_order_relaxed) == epoch) {
    type->plain_init = init;
    type->plain_init_epoch = epoch;
  }
  return init;
}

// Calls a class with a plain __init__: no __new__ to call, no lookup of __init__.
static Ref construct_with_plain_init(TypeObject* type, const Value* args, size_t nargs, Value init) {
  Object* instance = alloc_object(type);
  if (!instance) return nullptr;
  Ref made = Ref::steal(Value(instance));
  std::array<Value, 8> self_and_args;
  self_and_args[0] = *made;
  std::copy(args, args + nargs, self_and_args.begin() + 1);
  return check_init_result(function_call(init, self_and_args.data(), nargs + 1, Value())) == 0 ? made : nullptr;
}

static Ref slot_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value new_fn = type_lookup(type, str_intern("__new__"));
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  std::vector<Value> full(nargs + nkw + 1);
  full[0] = Value(type);
  std::copy(args, args + nargs + nkw, full.begin() + 1);
  if (type_of(new_fn) == &staticmethod_type) new_fn = new_fn.as<StaticMethodObject>()->callable;
  return call(new_fn, full.data(), nargs + 1, kwnames);
}

static const char* const binary_dunders[binary_op_count] = {
    "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__", "__mod__",
    "__pow__", "__lshift__", "__rshift__", "__and__", "__or__", "__xor__"};
static const char* const reflected_dunders[binary_op_count] = {
    "__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rfloordiv__", "__rmod__",
    "__rpow__", "__rlshift__", "__rrshift__", "__rand__", "__ror__", "__rxor__"};
static const char* const inplace_dunders[binary_op_count] = {
    "__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__", "__imod__",
    "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ior__", "__ixor__"};

static Ref call_dunder_if_defined(Value self, const char* name, Value other) {
  if (!type_lookup(type_of(self), str_intern(name))) return new_not_implemented();
  return call_dunder(self, name, &other, 1);
}
template <uint32_t op> Ref slot_binary(Value self, Value other) {
  return call_dunder_if_defined(self, binary_dunders[op], other);
}
template <uint32_t op> Ref slot_reflected(Value self, Value other) {
  return call_dunder_if_defined(self, reflected_dunders[op], other);
}
template <uint32_t op> Ref slot_inplace(Value self, Value other) {
  return call_dunder_if_defined(self, inplace_dunders[op], other);
}
template <uint32_t... ops>
static constexpr std::array<BinarySlot, binary_op_count> make_trampolines(std::integer_sequence<uint32_t, ops...>,
                                                                          int kind) {
  return {(kind == 0 ? slot_binary<ops> : kind == 1 ? slot_reflected<ops> : slot_inplace<ops>)...};
}
static constexpr auto binary_trampolines = make_trampolines(std::make_integer_sequence<uint32_t, binary_op_count>(), 0);
static constexpr auto reflected_trampolines = make_trampolines(std::make_integer_sequence<uint32_t, binary_op_count>(), 1);
static constexpr auto inplace_trampolines = make_trampolines(std::make_integer_sequence<uint32_t, binary_op_count>(), 2);

// Sets the slot that `name` drives on a heap type when the class (or a heap ancestor) defines it.
static void update_slot_for(TypeObject* type, Value name) {
  if (!(type->flags & type_flag_heap)) return;
  std::string_view n = str_view(name);
  if (n.size() < 5 || n.substr(0, 2) != "__") return;
  bool defined = type_lookup(type, name) != Value();
  auto set = [&](auto& slot, auto trampoline) {
    if (defined) slot = trampoline;
  };
  if (n == "__repr__") set(type->repr, slot_repr);
  else if (n == "__str__") set(type->str, slot_str);
  else if (n == "__hash__") set(type->hash, slot_hash);
  else if (n == "__bool__" || n == "__len__") {
    set(type->truth, slot_truth);
    if (n == "__len__") set(type->length, slot_length);
  } else if (n == "__getattr__" || n == "__getattribute__") set(type->getattr, slot_getattr_hook);
  else if (n == "__setattr__" || n == "__delattr__") set(type->setattr, slot_setattr);
  else if (n == "__call__") set(type->call, slot_call);
  else if (n == "__iter__") set(type->iter, slot_iter);
  else if (n == "__next__") set(type->next, slot_next);
  else if (n == "__getitem__") set(type->getitem, slot_getitem);
  else if (n == "__setitem__" || n == "__delitem__") set(type->setitem, slot_setitem);
  else if (n == "__contains__") set(type->contains, slot_contains);
  else if (n == "__neg__") set(type->negative, slot_negative);
  else if (n == "__pos__") set(type->positive, slot_positive);
  else if (n == "__invert__") set(type->invert, slot_invert);
  else if (n == "__abs__") set(type->absolute, slot_absolute);
  else if (n == "__index__") set(type->index, slot_index);
  else if (n == "__int__") set(type->to_int, slot_to_int);
  else if (n == "__float__") set(type->to_float, slot_to_float);
  else if (n == "__get__") set(type->descr_get, slot_descr_get);
  else if (n == "__set__" || n == "__delete__") set(type->descr_set, slot_descr_set);
  else if (n == "__init__") set(type->init, slot_init);
  else if (n == "__del__" && defined) type->flags |= type_flag_has_finalizer;
  else if (n == "__new__") set(type->new_, slot_new);
  else if (n == "__eq__" || n == "__ne__" || n == "__lt__" || n == "__le__" || n == "__gt__" || n == "__ge__")
    set(type->richcompare, slot_richcompare);
  else {
    for (uint32_t i = 0; i < binary_op_count; ++i) {
      if (n == binary_dunders[i]) set(type->binary[i], binary_trampolines[i]);
      if (n == reflected_dunders[i]) set(type->reflected[i], reflected_trampolines[i]);
      if (n == inplace_dunders[i]) set(type->inplace[i], inplace_trampolines[i]);
    }
  }
}

static TypeObject* solid_base(TypeObject* type) {
  while (type->flags & type_flag_heap) type = type->base;
  return type;
}

// type(name, bases, namespace): the class statement's metaclass call ends here.
Ref type_new_from_namespace(TypeObject* metatype, Value name, Value bases, Value namespace_dict) {
  Ref base_tuple = Ref::borrow(bases);
  if (tuple_size(bases) == 0) base_tuple = tuple_pack({Value(&object_type)});
  if (!base_tuple) return nullptr;
  TypeObject* best_base = nullptr;
  for (int64_t i = 0, n = tuple_size(*base_tuple); i < n; ++i) {
    Value base = tuple_item(*base_tuple, i);
    if (!(type_of(base)->flags & type_flag_type_subclass))
      return raise(&TypeError_type, "bases must be types");
    auto* base_type = base.as<TypeObject>();
    if (!(base_type->flags & type_flag_base_type))
      return raise_format(&TypeError_type, "type '%s' is not an acceptable base type", base_type->name.c_str());
    if (!best_base) {
      best_base = base_type;
    } else {
      TypeObject* a = solid_base(best_base);
      TypeObject* b = solid_base(base_type);
      if (is_subtype(b, a) && a != b) best_base = base_type;
      else if (!is_subtype(a, b))
        return raise(&TypeError_type, "multiple bases have instance lay-out conflict");
    }
  }
  // Metatypes are type or classes deriving from it: all carry type_flag_gc.
  Object* memory = alloc_var_object(metatype, sizeof(TypeObject));
  if (!memory) return nullptr;
  auto* type = new (memory) TypeObject();
  type->refcount = 1;
  type->type = metatype;
  Ref type_ref = Ref::steal(Value(type));
  type->name = std::string(str_view(name));
  Value qualname = dict_get_str(namespace_dict, "__qualname__");
  type->qualname = qualname && is_str(qualname) ? std::string(str_view(qualname)) : type->name;
  type->base = best_base;
  if (best_base->flags & type_flag_heap) incref(Value(best_base));
  type->flags = type_flag_heap | type_flag_base_type | type_flag_gc |
                (best_base->flags & ~(type_flag_heap | type_flag_base_type));
  type->bases = base_tuple.release();
  std::vector<TypeObject*> mro;
  if (!c3_merge(type, type->bases, mro)) return nullptr;
  Ref mro_tuple = tuple_new(mro.size());
  if (!mro_tuple) return nullptr;
  for (size_t i = 0; i < mro.size(); ++i) {
    incref(Value(mro[i]));
    tuple_set(*mro_tuple, i, Value(mro[i]));
  }
  // The tuple holds a reference to the type itself: drop it to avoid a cycle that keeps
  // every class alive; the type owns its mro.
  decref(Value(type));
  gc_untrack(mro_tuple.get().as_object());  // its borrowed first item must not count as a reference
  type->mro = mro_tuple.release();
  Ref dict = dict_copy(namespace_dict);
  if (!dict) return nullptr;
  // As CPython: __new__ is implicitly a staticmethod, __init_subclass__ and __class_getitem__ classmethods.
  for (auto [name, wrapper_type] : {std::pair{"__new__", &staticmethod_type}, std::pair{"__init_subclass__", &classmethod_type},
                                    std::pair{"__class_getitem__", &classmethod_type}}) {
    Value found = dict_get_str(*dict, name);
    if (found && type_of(found) == &function_type) {
      Ref wrapped = call1(Value(wrapper_type), found);
      if (!wrapped || dict_set_str(*dict, name, *wrapped) < 0) return nullptr;
    }
  }
  dict_del(*dict, str_intern("__qualname__"));
  if (error_pending()) clear_error();
  Value classcell = dict_get_str(*dict, "__classcell__");
  type->dict = dict.release();
  if (best_base->dict_offset || (best_base->flags & type_flag_has_instance_dict)) {
    type->instance_size = best_base->instance_size;
    type->dict_offset = best_base->dict_offset;
  } else if (!(best_base->flags & type_flag_var_sized)) {
    type->instance_size = best_base->instance_size + sizeof(Value);
    type->dict_offset = best_base->instance_size;
    type->flags |= type_flag_has_instance_dict;
  } else {
    type->instance_size = best_base->instance_size;
  }
  inherit_slots(type, best_base);
  type->dealloc = subtype_dealloc;
  type->traverse = subtype_traverse;
  type->clear = subtype_clear;
  if (!type->getattr || type->getattr == object_type.getattr) type->getattr = generic_getattr;
  // Every dunder along the mro that is defined in Python drives its slot.
  for (int64_t i = tuple_size(type->mro) - 1; i >= 0; --i) {
    auto* klass = tuple_item(type->mro, i).as<TypeObject>();
    if (!(klass->flags & type_flag_heap) && klass != type) continue;
    size_t pos = 0;
    Value key, value;
    while (dict_next(klass->dict, pos, key, value)) update_slot_for(type, key);
  }
  // A class that defines __eq__ but not __hash__ is unhashable (CPython sets __hash__ = None).
  if (dict_get_str(type->dict, "__eq__") && !dict_get_str(type->dict, "__hash__"))
    dict_set_str(type->dict, "__hash__", Value::none());
  if (Value hash = dict_get_str(type->dict, "__hash__"); hash && hash.is_none()) type->hash = slot_hash;
  if (classcell) {
    if (type_of(classcell) != &cell_type)
      return raise_format(&TypeError_type, "__classcell__ must be a nonlocal cell, not %s", type_name(classcell));
    auto* cell = classcell.as<CellObject>();
    Value old = cell->contents;
    cell->contents = Value(type);
    incref(Value(type));
    decref(old);
    dict_del(type->dict, str_intern("__classcell__"));
  }
  // Lookups made while the class dict was being filled in may be cached: start afresh.
  invalidate_type_lookups();
  // __init_subclass__ and __set_name__ hooks.
  size_t pos = 0;
  Value key, value;
  while (dict_next(type->dict, pos, key, value)) {
    if (type_lookup(type_of(value), str_intern("__set_name__"))) {
      Value args[] = {Value(type), key};
      Ref ignored = call_method(value, "__set_name__", args, 2);
      if (!ignored) return nullptr;
    }
  }
  return type_ref;
}

}  // namespace chaipy

namespace chaipy {

static Ref type_new_slot(TypeObject* metatype, const Value* args, size_t nargs, Value kwnames) {
  if (metatype == &type_type && nargs == 1 && (!kwnames || tuple_size(kwnames) == 0))
    return Ref::borrow(Value(type_of(args[0])));
  if (nargs != 3) return raise(&TypeError_type, "type() takes 1 or 3 arguments");
  if (!is_str(args[0]))
    return raise_format(&TypeError_type, "type.__new__() argument 1 must be str, not %s", type_name(args[0]));
  if (!is_tuple(args[1]))
    return raise_format(&TypeError_type, "type.__new__() argument 2 must be tuple, not %s", type_name(args[1]));
  if (!is_dict(args[2]))
    return raise_format(&TypeError_type, "type.__new__() argument 3 must be dict, not %s", type_name(args[2]));
  Ref type = type_new_from_namespace(metatype, args[0], args[1], args[2]);
  if (!type) return nullptr;
  // __init_subclass__ of the nearest base, with the class keywords.
  auto* created = type.as<TypeObject>();
  Ref super_args = Ref::steal(Value());
  Value hook_holder = Value();
  for (int64_t i = 1, n = tuple_size(created->mro); i < n && !hook_holder; ++i) {
    Value found = dict_get_str(tuple_item(created->mro, i).as<TypeObject>()->dict, "__init_subclass__");
    if (found) hook_holder = found;
  }
  if (hook_holder) {
    TypeObject* hook_type = type_of(hook_holder);
    Ref bound = hook_type->descr_get ? hook_type->descr_get(hook_holder, Value(), Value(created))
                                     : Ref::borrow(hook_holder);
    if (!bound) return nullptr;
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    Ref result = call(*bound, args + 3, 0, nkw ? kwnames : Value());
    if (!result) return nullptr;
  }
  return type;
}

static int type_init_slot(Value, const Value*, size_t, Value) { return 0; }

static Ref type_get_name(Value self) { return str_new(self.as<TypeObject>()->name); }
static int type_set_name(Value self, Value value) {
  auto* type = self.as<TypeObject>();
  if (!(type->flags & type_flag_heap) || !value || !is_str(value)) {
    raise(&TypeError_type, "can only assign string to __name__");
    return -1;
  }
  type->name = std::string(str_view(value));
  return 0;
}
static Ref type_get_qualname(Value self) { return str_new(self.as<TypeObject>()->qualname); }
static int type_set_qualname(Value self, Value value) {
  auto* type = self.as<TypeObject>();
  if (!(type->flags & type_flag_heap) || !value || !is_str(value)) {
    raise(&TypeError_type, "can only assign string to __qualname__");
    return -1;
  }
  type->qualname = std::string(str_view(value));
  return 0;
}
static Ref type_get_module(Value self) {
  auto* type = self.as<TypeObject>();
  if (type->flags & type_flag_heap) {
    Value m = dict_get_str(type->dict, "__module__");
    if (m) return Ref::borrow(m);
  }
  return str_new(type->module);
}
// __module__ and __doc__ of classes live in the class dict, so assigning them is a dict store.
static int type_set_dict_entry(Value self, const char* name, Value value) {
  auto* type = self.as<TypeObject>();
  if (!(type->flags & type_flag_heap)) {
    raise_format(&TypeError_type, "cannot set '%s' attribute of immutable type '%s'", name, type->name.c_str());
    return -1;
  }
  invalidate_type_lookups();
  return dict_set_str(type->dict, name, value ? value : Value::none());
}
static int type_set_module(Value self, Value value) { return type_set_dict_entry(self, "__module__", value); }
static int type_set_doc(Value self, Value value) { return type_set_dict_entry(self, "__doc__", value); }

// A copy: the type's own mro does not own its first item (the type itself), so handing it out
// would let `C.__mro__[0]` outlive C.
static Ref type_get_mro(Value self) {
  Value mro = self.as<TypeObject>()->mro;
  return tuple_from_array(mro.as<TupleObject>()->items, size_t(tuple_size(mro)));
}
static Ref type_get_bases(Value self) { return Ref::borrow(self.as<TypeObject>()->bases); }
static Ref type_get_base(Value self) {
  TypeObject* base = self.as<TypeObject>()->base;
  return base ? Ref::borrow(Value(base)) : Ref::none();
}
static Ref type_get_dict(Value self) { return mappingproxy_new(self.as<TypeObject>()->dict); }
static Ref type_get_doc(Value self) {
  Value doc = dict_get_str(self.as<TypeObject>()->dict, "__doc__");
  return doc ? Ref::borrow(doc) : Ref::none();
}
static Ref type_method_mro(Value self, const Value*, size_t, Value) {
  return list_from_iterable(self.as<TypeObject>()->mro);
}
static Ref type_method_prepare(Value, const Value*, size_t, Value) { return dict_new(); }
static Ref type_method_repr(Value self, const Value*, size_t, Value) { return type_repr_slot(self); }
static Ref type_method_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  return type_call_slot(self, args, nargs, kwnames);
}
static Ref type_method_new(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1 || !(type_of(args[0])->flags & type_flag_type_subclass))
    return raise(&TypeError_type, "type.__new__(X): X is not a type object");
  return type_new_slot(args[0].as<TypeObject>(), args + 1, nargs - 1, kwnames);
}
static Ref type_method_init(Value, const Value*, size_t, Value) { return Ref::none(); }
static Ref type_method_instancecheck(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__instancecheck__", nargs, kwnames, 1, 1)) return nullptr;
  return Ref::boolean(is_subtype(type_of(args[0]), self.as<TypeObject>()));
}
static Ref type_method_subclasscheck(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__subclasscheck__", nargs, kwnames, 1, 1)) return nullptr;
  if (!(type_of(args[0])->flags & type_flag_type_subclass))
    return raise(&TypeError_type, "issubclass() arg 1 must be a class");
  return Ref::boolean(is_subtype(args[0].as<TypeObject>(), self.as<TypeObject>()));
}

static const MethodDef type_methods[] = {
    {"mro", type_method_mro},
    {"__prepare__", type_method_prepare, MethodKind::Class},
    {"__repr__", type_method_repr},
    {"__call__", type_method_call},
    {"__new__", type_method_new, MethodKind::Static},
    {"__init__", type_method_init},
    {"__instancecheck__", type_method_instancecheck},
    {"__subclasscheck__", type_method_subclasscheck},
    {nullptr, nullptr},
};

// ---- None, NotImplemented, Ellipsis ----

static Ref none_repr(Value) { return Ref::steal(str_intern("None")); }
static int none_truth(Value) { return 0; }
static Ref none_new(TypeObject*, const Value*, size_t nargs, Value kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames))) return raise(&TypeError_type, "NoneType takes no arguments");
  return Ref::none();
}
static Ref not_implemented_repr(Value) { return Ref::steal(str_intern("NotImplemented")); }
static Ref ellipsis_repr(Value) { return Ref::steal(str_intern("Ellipsis")); }
static int64_t singleton_hash(Value v) { return object_hash_slot(v); }

void add_object_reduce_methods();

void init_object_and_type_types() {
  init_static_type(&object_type, "object", nullptr, sizeof(Object), type_flag_base_type);
  object_type.repr = object_repr_slot;
  object_type.str = object_str_slot;
  object_type.hash = object_hash_slot;
  object_type.richcompare = object_richcompare_slot;
  object_type.getattr = generic_getattr;
  object_type.setattr = generic_setattr;
  object_type.new_ = object_new_slot;
  object_type.init = object_init_slot;
  object_type.dealloc = object_dealloc_slot;
  add_methods(&object_type, object_methods);
  add_object_reduce_methods();  // runtime/reduce.cpp
  add_property(&object_type, "__class__", object_get_class);
  add_property(&object_type, "__dict__", object_get_dict, object_set_dict);
  finish_static_type(&object_type);

  init_static_type(&type_type, "type", &object_type, sizeof(TypeObject),
                   type_flag_base_type | type_flag_type_subclass);
  type_type.dict_offset = offsetof(TypeObject, dict);
  type_type.repr = type_repr_slot;
  type_type.call = type_call_slot;
  type_type.getattr = type_getattr_slot;
  type_type.setattr = type_setattr_slot;
  type_type.new_ = type_new_slot;
  type_type.init = type_init_slot;
  type_type.dealloc = type_dealloc_slot;
  type_type.flags |= type_flag_gc;  // classes are collectable; static types are immortal
  type_type.traverse = type_traverse;
  type_type.clear = type_clear;
  add_methods(&type_type, type_methods);
  add_property(&type_type, "__name__", type_get_name, type_set_name);
  add_property(&type_type, "__qualname__", type_get_qualname, type_set_qualname);
  add_property(&type_type, "__module__", type_get_module, type_set_module);
  add_property(&type_type, "__mro__", type_get_mro);
  add_property(&type_type, "__bases__", type_get_bases);
  add_property(&type_type, "__base__", type_get_base);
  add_property(&type_type, "__dict__", type_get_dict);
  add_property(&type_type, "__doc__", type_get_doc, type_set_doc);
  finish_static_type(&type_type);

  init_static_type(&none_type, "NoneType", &object_type, sizeof(Object), 0);
  none_type.repr = none_repr;
  none_type.truth = none_truth;
  none_type.new_ = none_new;
  none_type.hash = singleton_hash;
  finish_static_type(&none_type);

  init_static_type(&not_implemented_type, "NotImplementedType", &object_type, sizeof(Object), 0);
  not_implemented_type.repr = not_implemented_repr;
  not_implemented_type.new_ = nullptr;
  finish_static_type(&not_implemented_type);
  NotImplemented_object.refcount = immortal_refcount;
  NotImplemented_object.type = &not_implemented_type;

  init_static_type(&ellipsis_type, "ellipsis", &object_type, sizeof(Object), 0);
  ellipsis_type.repr = ellipsis_repr;
  ellipsis_type.new_ = nullptr;
  finish_static_type(&ellipsis_type);
  Ellipsis_object.refcount = immortal_refcount;
  Ellipsis_object.type = &ellipsis_type;
}

}  // namespace chaipy
