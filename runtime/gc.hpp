// The cycle collector's interface: the header in front of collectable objects, tracking, collection and its settings.
#pragma once
#include <cstdint>
#include <vector>

#include "runtime/type.hpp"

namespace chaipy {

struct Interpreter;

// Objects whose type has type_flag_gc are allocated with this header in front of them (see
// alloc_object). A tracked object is linked into its interpreter's list of tracked objects;
// an untracked one (made before its interpreter existed, or untracked on purpose) has null links.
struct alignas(16) GcHeader {
  GcHeader* prev;
  GcHeader* next;
  int64_t gc_refs;  // during a collection: references from outside the collected objects
  // The block's usable size, as counted against the memory cap: freeing need not ask malloc.
  uint32_t block_bytes;
  uint8_t collecting;  // non-zero while this object takes part in the running collection
  uint8_t weakly_referenced;  // non-zero while weak references to it exist (runtime/weakref.cpp)
  uint8_t finalized;  // non-zero once its __del__ ran: it runs at most once (PEP 442)
};
inline GcHeader* gc_header(Object* object) { return reinterpret_cast<GcHeader*>(object) - 1; }
inline Object* gc_object(GcHeader* header) { return reinterpret_cast<Object*>(header + 1); }
inline bool has_gc_header(const Object* object) { return object->type->flags & type_flag_gc; }

// One interpreter's collector: its tracked objects, the allocation count and the settings of
// the gc module. Created with the interpreter; runs under its GIL. Defined here so that the
// allocation functions count and link objects in line.
// Tracked objects start in generation 0; those that survive a collection of their generation
// move to the next one, so a collection of generation 0 looks at recent objects only.
// References from objects of older generations count as references from outside.
struct GcState {
  GcHeader generations[3];  // sentinels of circular lists
  // gc.freeze(): objects no collection looks at (nor writes to: a forked child's copy-on-write
  // pages stay shared) until gc.unfreeze() puts them in the oldest generation.
  GcHeader permanent;
  // counts[0]: tracked allocations minus deallocations since the last collection; counts[1]
  // and [2]: collections of the generation below since the last of this one.
  int64_t counts[3] = {0, 0, 0};
  int64_t thresholds[3] = {700, 10, 10};
  // As CPython: a full collection waits until the objects that reached generation 2 since the
  // last one make a quarter of those that survived it, so big heaps are not rescanned often.
  int64_t long_lived_total = 0;
  int64_t long_lived_pending = 0;
  bool enabled = true;
  bool collecting = false;
};

GcState* gc_state_new();
// Untracks every object still tracked (they may outlive the interpreter) and frees the state.
void gc_state_free(GcState* gc);

// The allocation functions' side (runtime/typeobject.cpp), in line as every collectable object
// passes here: before a tracked object is allocated (may run a collection), after (links it
// in), and when it is freed.
void gc_collect_due_generation(GcState& gc);  // the oldest generation whose count passed its threshold
inline void gc_before_allocation(GcState& gc) {
  if (++gc.counts[0] > gc.thresholds[0] && gc.thresholds[0] > 0 && gc.enabled && !gc.collecting)
    gc_collect_due_generation(gc);
}
inline void gc_list_append(GcHeader* list, GcHeader* header) {
  header->prev = list->prev;
  header->next = list;
  list->prev->next = header;
  list->prev = header;
}
inline void gc_list_remove(GcHeader* header) {
  header->prev->next = header->next;
  header->next->prev = header->prev;
  header->prev = header->next = nullptr;
}
inline void gc_track(GcState& gc, Object* object) { gc_list_append(&gc.generations[0], gc_header(object)); }
inline void gc_untrack(Object* object) {
  GcHeader* header = gc_header(object);
  if (header->next) gc_list_remove(header);
}
inline void gc_note_deallocation(GcState& gc) {
  if (gc.counts[0] > 0) --gc.counts[0];
}

bool gc_is_tracked(Value value);

// Runs an instance's __del__ (type_flag_has_finalizer), once in its life: the object must be
// alive (a positive count). Errors are reported as unraisable, never propagated.
void run_finalizer(Object* object);
// Collects generations 0 to `generation` (2: everything): clears every unreachable cycle among
// their objects; returns how many objects were found unreachable. Does nothing (returns 0)
// when a collection is already running.
int64_t gc_collect(Interpreter& interp, int generation = 2);

// gc.freeze(): every tracked object moves to a permanent generation that collections ignore;
// gc.unfreeze() moves them back into the oldest generation (teardown does it first).
void gc_freeze(GcState& gc);
void gc_unfreeze(GcState& gc);
int64_t gc_freeze_count(const GcState& gc);

// Every object tracked in `generation` (0 to 2; -1: all, the frozen ones too), each held so
// that a collection run meanwhile cannot free it.
std::vector<Ref> gc_tracked_objects(const GcState& gc, int generation);

// The gc module's settings.
bool gc_is_enabled(const GcState& gc);
void gc_set_enabled(GcState& gc, bool enabled);
void gc_get_counts(const GcState& gc, int64_t counts[3]);
void gc_get_thresholds(const GcState& gc, int64_t thresholds[3]);
void gc_set_thresholds(GcState& gc, const int64_t thresholds[3]);

}  // namespace chaipy
