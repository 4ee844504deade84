// The cycle collector's interface: the header in front of collectable objects, tracking, collection and its settings.
#pragma once
#include <cstdint>

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
  uint32_t collecting;  // non-zero while this object takes part in the running collection
  // The block's usable size, as counted against the memory cap: freeing need not ask malloc.
  uint32_t block_bytes;
};
inline GcHeader* gc_header(Object* object) { return reinterpret_cast<GcHeader*>(object) - 1; }
inline Object* gc_object(GcHeader* header) { return reinterpret_cast<Object*>(header + 1); }
inline bool has_gc_header(const Object* object) { return object->type->flags & type_flag_gc; }

// One interpreter's collector: its tracked objects, the allocation count and the settings of
// the gc module. Created with the interpreter; runs under its GIL.
struct GcState;
GcState* gc_state_new();
// Untracks every object still tracked (they may outlive the interpreter) and frees the state.
void gc_state_free(GcState* gc);

// The allocation functions' side (runtime/typeobject.cpp): before a tracked object is allocated
// (may run a collection), after (links it in), and when it is freed.
void gc_before_allocation(GcState& gc);
void gc_track(GcState& gc, Object* object);
// Inline: every collectable object is untracked when it is freed.
inline void gc_list_remove(GcHeader* header) {
  header->prev->next = header->next;
  header->next->prev = header->prev;
  header->prev = header->next = nullptr;
}
inline void gc_untrack(Object* object) {
  GcHeader* header = gc_header(object);
  if (header->next) gc_list_remove(header);
}
void gc_note_deallocation(GcState& gc);

bool gc_is_tracked(Value value);
// Collects generations 0 to `generation` (2: everything): clears every unreachable cycle among
// their objects; returns how many objects were found unreachable. Does nothing (returns 0)
// when a collection is already running.
int64_t gc_collect(Interpreter& interp, int generation = 2);

// The gc module's settings.
bool gc_is_enabled(const GcState& gc);
void gc_set_enabled(GcState& gc, bool enabled);
void gc_get_counts(const GcState& gc, int64_t counts[3]);
void gc_get_thresholds(const GcState& gc, int64_t thresholds[3]);
void gc_set_thresholds(GcState& gc, const int64_t thresholds[3]);

}  // namespace chaipy
