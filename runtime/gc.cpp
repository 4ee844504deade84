// The cycle collector (after CPython's Modules/gcmodule.c, three generations): finds tracked containers that only other garbage refers to and clears them.
#include "runtime/gc.hpp"

#include <cstdlib>
#include <vector>

#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/weakref.hpp"

namespace chaipy {

namespace {

// Marks in GcHeader::collecting while a collection runs.
constexpr uint8_t candidate = 1;  // tracked; unreachable unless proven otherwise
constexpr uint8_t reachable = 2;  // referenced from outside the collected set, directly or not

void list_init(GcHeader* list) { list->prev = list->next = list; }
// Moves every object of `from` to the end of `to`.
void list_splice(GcHeader* from, GcHeader* to) {
  if (from->next == from) return;
  from->next->prev = to->prev;
  to->prev->next = from->next;
  from->prev->next = to;
  to->prev = from->prev;
  list_init(from);
}

// The header of a child reference taking part in the running collection, or null (an
// immediate, an immortal object, an object of a type without headers, one not being collected).
GcHeader* participant(Value child) {
  if (!child.is_object()) return nullptr;
  Object* object = child.as_object();
  if (object->refcount < 0 || !has_gc_header(object)) return nullptr;
  GcHeader* header = gc_header(object);
  return header->collecting ? header : nullptr;
}

void visit_subtract(Value child, void*) {
  if (GcHeader* header = participant(child)) --header->gc_refs;
}

void visit_mark_reachable(Value child, void* worklist) {
  GcHeader* header = participant(child);
  if (!header || header->collecting == reachable) return;
  header->collecting = reachable;
  static_cast<std::vector<GcHeader*>*>(worklist)->push_back(header);
}

void traverse(GcHeader* header, GcVisit visit, void* arg) {
  Object* object = gc_object(header);
  if (object->type->traverse) object->type->traverse(object, visit, arg);
}

// Moves every object of `collected` that nothing outside it keeps alive to `unreachable`;
// returns how many, and in `survivors` how many stay.
int64_t find_unreachable(GcHeader* collected, GcHeader* unreachable, int64_t& survivors) {
  // gc_refs starts as the reference count, less the references the collected containers hold:
  // what remains comes from elsewhere (the VM's frames and stacks, native code, untracked
  // objects, older generations).
  for (GcHeader* h = collected->next; h != collected; h = h->next) {
    int64_t refcount = gc_object(h)->refcount;
    h->gc_refs = refcount < 0 ? INT64_MAX / 2 : refcount;  // immortal: always reachable
    h->collecting = candidate;
  }
  for (GcHeader* h = collected->next; h != collected; h = h->next) traverse(h, visit_subtract, nullptr);
  std::vector<GcHeader*> worklist;
  for (GcHeader* h = collected->next; h != collected; h = h->next) {
    if (h->gc_refs > 0) {
      h->collecting = reachable;
      worklist.push_back(h);
    }
  }
  while (!worklist.empty()) {
    GcHeader* h = worklist.back();
    worklist.pop_back();
    traverse(h, visit_mark_reachable, &worklist);
  }
  int64_t found = 0;
  survivors = 0;
  for (GcHeader* h = collected->next; h != collected;) {
    GcHeader* next = h->next;
    bool garbage = h->collecting == candidate;
    h->collecting = 0;
    if (garbage) {
      gc_list_remove(h);
      gc_list_append(unreachable, h);
      ++found;
    } else {
      ++survivors;
    }
    h = next;
  }
  return found;
}

// Clears each unreachable object in turn, which drops the references that form the cycles;
// the objects then free themselves through their reference counts. An object that survives
// (something cleared before it gave it a reference) goes to `survivors`. Clearing may free
// other objects of the list (they unlink themselves) and may run script code (a suspended
// generator is closed).
void clear_unreachable(GcHeader* unreachable, GcHeader* survivors) {
  while (unreachable->next != unreachable) {
    GcHeader* h = unreachable->next;
    gc_list_remove(h);
    gc_list_append(survivors, h);
    Object* object = gc_object(h);
    if (!object->type->clear) continue;
    incref(Value(object));
    object->type->clear(object);
    decref(Value(object));
  }
}

// Weak references to the garbage go dead before any of it is cleared, so no callback can reach
// a half-cleared object; the callbacks of references that are not garbage themselves run now.
void clear_weak_references(GcHeader* unreachable) {
  std::vector<Object*> referents;
  for (GcHeader* h = unreachable->next; h != unreachable; h = h->next) {
    h->collecting = candidate;  // marks the garbage for weakrefs_detach
    if (h->weakly_referenced) referents.push_back(gc_object(h));
  }
  std::vector<Ref> due;
  for (Object* referent : referents) weakrefs_detach(referent, due);
  for (GcHeader* h = unreachable->next; h != unreachable; h = h->next) h->collecting = 0;
  weakrefs_run_callbacks(due);
}

// Runs __del__ of the garbage that has one and has not run it yet (PEP 442); false when none
// did. The objects are held while their finalizers run: one may break a cycle and free others.
bool finalize_garbage(GcHeader* unreachable) {
  std::vector<Ref> pending;
  for (GcHeader* h = unreachable->next; h != unreachable; h = h->next) {
    Object* object = gc_object(h);
    if ((object->type->flags & type_flag_has_finalizer) && !h->finalized) pending.push_back(Ref::borrow(Value(object)));
  }
  for (Ref& held : pending) {
    Object* object = (*held).as_object();
    if (!gc_header(object)->finalized) run_finalizer(object);
  }
  return !pending.empty();
}

int64_t collect_generation(GcState& gc, int generation) {
  if (gc.collecting) return 0;
  gc.collecting = true;
  GcHeader* young = &gc.generations[generation];
  for (int i = 0; i < generation; ++i) list_splice(&gc.generations[i], young);
  GcHeader* older = generation < 2 ? &gc.generations[generation + 1] : young;
  if (generation < 2) ++gc.counts[generation + 1];
  for (int i = 0; i <= generation; ++i) gc.counts[i] = 0;
  GcHeader unreachable;
  list_init(&unreachable);
  int64_t survivors;
  int64_t found = find_unreachable(young, &unreachable, survivors);
  if (generation == 1) gc.long_lived_pending += survivors;
  if (generation == 2) {
    gc.long_lived_pending = 0;
    gc.long_lived_total = survivors;
  }
  if (older != young) list_splice(young, older);
  if (found) {
    // Script code run by clearing (a generator's finally blocks) must not see, or lose, an
    // exception that was being raised when the collection started.
    Ref pending = fetch_error();
    clear_weak_references(&unreachable);
    GcHeader still_unreachable;
    list_init(&still_unreachable);
    if (finalize_garbage(&unreachable)) {
      // A finalizer may have stored a reference to garbage somewhere (resurrection): what is
      // unreachable still is cleared; the rest lives on in the older generation.
      int64_t resurrected;
      find_unreachable(&unreachable, &still_unreachable, resurrected);
      list_splice(&unreachable, older);
    } else {
      list_splice(&unreachable, &still_unreachable);
    }
    clear_unreachable(&still_unreachable, older);
    clear_error();
    if (pending) restore_error(std::move(pending));
  }
  gc.collecting = false;
  return found;
}

}  // namespace

GcState* gc_state_new() {
  auto* gc = new GcState();
  for (GcHeader& generation : gc->generations) list_init(&generation);
  list_init(&gc->permanent);
  // CHAIPY_GC_THRESHOLD="t0[,t1[,t2]]" starts with those thresholds (as gc.set_threshold):
  // small ones run the collector very often, which shakes out traverse slots that invent
  // references (the test suite is run that way once in a while).
  if (const char* text = std::getenv("CHAIPY_GC_THRESHOLD")) {
    for (int64_t& threshold : gc->thresholds) {
      char* end;
      long value = std::strtol(text, &end, 10);
      if (end == text || value < 0) break;
      threshold = value;
      if (*end != ',') break;
      text = end + 1;
    }
  }
  return gc;
}

void gc_state_free(GcState* gc) {
  gc_unfreeze(*gc);
  for (GcHeader& generation : gc->generations) {
    for (GcHeader* h = generation.next; h != &generation;) {
      GcHeader* next = h->next;
      h->prev = h->next = nullptr;
      h = next;
    }
  }
  delete gc;
}

void gc_freeze(GcState& gc) {
  for (int i = 0; i < 3; ++i) {
    list_splice(&gc.generations[i], &gc.permanent);
    gc.counts[i] = 0;
  }
}

void gc_unfreeze(GcState& gc) { list_splice(&gc.permanent, &gc.generations[2]); }

std::vector<Ref> gc_tracked_objects(const GcState& gc, int generation) {
  std::vector<Ref> objects;
  auto take = [&objects](const GcHeader& list) {
    for (const GcHeader* h = list.next; h != &list; h = h->next)
      objects.push_back(Ref::borrow(Value(gc_object(const_cast<GcHeader*>(h)))));
  };
  if (generation >= 0) {
    take(gc.generations[generation]);
  } else {
    for (const GcHeader& list : gc.generations) take(list);
    take(gc.permanent);
  }
  return objects;
}

int64_t gc_freeze_count(const GcState& gc) {
  int64_t count = 0;
  for (const GcHeader* h = gc.permanent.next; h != &gc.permanent; h = h->next) ++count;
  return count;
}

void gc_collect_due_generation(GcState& gc) {
  for (int generation = 2; generation >= 0; --generation) {
    if (gc.counts[generation] <= gc.thresholds[generation]) continue;
    if (generation == 2 && gc.long_lived_pending < gc.long_lived_total / 4) continue;
    collect_generation(gc, generation);
    return;
  }
}

bool gc_is_tracked(Value value) {
  if (!value.is_object()) return false;
  Object* object = value.as_object();
  return object->refcount >= 0 && has_gc_header(object) && gc_header(object)->next;
}

int64_t gc_collect(Interpreter& interp, int generation) {
  return interp.gc ? collect_generation(*interp.gc, generation) : 0;
}

bool gc_is_enabled(const GcState& gc) { return gc.enabled; }
void gc_set_enabled(GcState& gc, bool enabled) { gc.enabled = enabled; }
void gc_get_counts(const GcState& gc, int64_t counts[3]) {
  for (int i = 0; i < 3; ++i) counts[i] = gc.counts[i];
}
void gc_get_thresholds(const GcState& gc, int64_t thresholds[3]) {
  for (int i = 0; i < 3; ++i) thresholds[i] = gc.thresholds[i];
}
void gc_set_thresholds(GcState& gc, const int64_t thresholds[3]) {
  for (int i = 0; i < 3; ++i) gc.thresholds[i] = thresholds[i];
}

}  // namespace chaipy
