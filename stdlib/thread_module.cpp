// The _thread module: starting threads, lock and RLock objects, thread idents, stack size, interrupt_main and _local (thread-local attributes).
#include <pthread.h>
#include <signal.h>

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/gil.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/threads.hpp"

namespace chaipy {

bool init_thread_module(Value module);

namespace {

TypeObject lock_type, rlock_type, local_type;

// acquire(blocking=True, timeout=-1) as CPython parses it: the wait in seconds (negative:
// forever, 0: don't wait); false with an error pending.
bool parse_acquire_arguments(const Value* args, size_t nargs, Value kwnames, double& timeout) {
  Value bound[2];
  if (!bind_args("acquire", args, nargs, kwnames, {"blocking", "timeout"}, 0, bound)) return false;
  bool blocking = true;
  if (bound[0]) {
    int truth = object_truth(bound[0]);
    if (truth < 0) return false;
    blocking = truth;
  }
  timeout = -1;
  if (bound[1]) {
    if (is_float(bound[1])) {
      timeout = float_value(bound[1]);
      if (std::isnan(timeout)) {
        raise(&ValueError_type, "Invalid value NaN (not a number)");
        return false;
      }
    } else {
      int64_t whole;
      if (is_int(bound[1]) && !int_to_i64(bound[1], whole)) {
        raise(&OverflowError_type, "timestamp out of range for platform time_t");
        return false;
      }
      if (!index_to_i64(bound[1], whole)) return false;
      timeout = double(whole);
    }
  }
  if (!blocking && timeout != -1) {
    raise(&ValueError_type, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    raise(&ValueError_type, "timeout value must be positive");
    return false;
  }
  if (timeout > lock_timeout_max) {
    raise(&OverflowError_type, "timestamp out of range for platform time_t");
    return false;
  }
  if (!blocking) timeout = 0;
  return true;
}

// ---- lock ----

ThreadLock& lock_of(Value self) { return self.as<LockObject>()->lock; }

Ref new_lock() {
  Object* object = alloc_object(&lock_type);
  if (!object) return nullptr;
  new (&static_cast<LockObject*>(object)->lock) ThreadLock();
  return Ref::steal(Value(object));
}

// CPython names the type "_thread.lock" in this message; TypeObject::name is only "lock".
Ref lock_new_refused(TypeObject*, const Value*, size_t, Value) {
  return raise(&TypeError_type, "cannot create '_thread.lock' instances");
}

void lock_dealloc(Object* object) {
  static_cast<LockObject*>(object)->lock.~ThreadLock();
  free_object(object);
}

Ref lock_repr(Value self) {
  return str_new(std::string(lock_of(self).locked() ? "<locked " : "<unlocked ") + "_thread.lock object at " +
                 object_address(self) + ">");
}

Ref lock_acquire(Value self, const Value* args, size_t nargs, Value kwnames) {
  double timeout;
  if (!parse_acquire_arguments(args, nargs, kwnames, timeout)) return nullptr;
  int acquired = lock_of(self).acquire(timeout);
  if (acquired < 0) return nullptr;
  return Ref::boolean(acquired);
}

Ref lock_enter(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__enter__", nargs, kwnames, 0, 0)) return nullptr;
  int acquired = lock_of(self).acquire(-1);
  if (acquired < 0) return nullptr;
  return Ref::boolean(acquired);
}

Ref lock_release(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("lock.release", nargs, kwnames, 0, 0)) return nullptr;
  ThreadLock& lock = lock_of(self);
  if (!lock.locked()) return raise(&RuntimeError_type, "release unlocked lock");
  lock.release();
  return Ref::none();
}

Ref lock_exit(Value self, const Value*, size_t, Value) {
  ThreadLock& lock = lock_of(self);
  if (!lock.locked()) return raise(&RuntimeError_type, "release unlocked lock");
  lock.release();
  return Ref::none();
}

Ref lock_locked(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("locked", nargs, kwnames, 0, 0)) return nullptr;
  return Ref::boolean(lock_of(self).locked());
}

Ref lock_at_fork_reinit(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_at_fork_reinit", nargs, kwnames, 0, 0)) return nullptr;
  lock_of(self).reinitialize();
  return Ref::none();
}

const MethodDef lock_methods[] = {
    {"acquire", lock_acquire},          {"acquire_lock", lock_acquire}, {"__enter__", lock_enter},
    {"release", lock_release},          {"release_lock", lock_release}, {"__exit__", lock_exit},
    {"locked", lock_locked},            {"locked_lock", lock_locked},   {"_at_fork_reinit", lock_at_fork_reinit},
    {nullptr, nullptr},
};

// ---- RLock ----

struct RLockObject : Object {
  ThreadLock lock;
  uint64_t owner;  // ident of the owning thread, 0 when unlocked
  uint64_t count;
};

RLockObject* rlock_of(Value self) { return self.as<RLockObject>(); }

Ref rlock_new(TypeObject* type, const Value*, size_t, Value) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  new (&static_cast<RLockObject*>(object)->lock) ThreadLock();
  return Ref::steal(Value(object));
}

void rlock_dealloc(Object* object) {
  static_cast<RLockObject*>(object)->lock.~ThreadLock();
  free_object(object);
}

Ref rlock_repr(Value self) {
  RLockObject* rlock = rlock_of(self);
  char counts[80];
  snprintf(counts, sizeof counts, " owner=%" PRIu64 " count=%" PRIu64 " at ", rlock->owner, rlock->count);
  std::string type = type_of(self) == &rlock_type ? "_thread.RLock" : type_of(self)->name;
  return str_new(std::string(rlock->count ? "<locked " : "<unlocked ") + type + " object" + counts + object_address(self) + ">");
}

// 1 acquired, 0 timed out, -1 error.
int rlock_acquire_for_current(RLockObject* rlock, double timeout) {
  uint64_t me = current_thread_ident();
  if (rlock->count > 0 && rlock->owner == me) {
    ++rlock->count;
    return 1;
  }
  int acquired = rlock->lock.acquire(timeout);
  if (acquired == 1) {
    rlock->owner = me;
    rlock->count = 1;
  }
  return acquired;
}

Ref rlock_acquire(Value self, const Value* args, size_t nargs, Value kwnames) {
  double timeout;
  if (!parse_acquire_arguments(args, nargs, kwnames, timeout)) return nullptr;
  int acquired = rlock_acquire_for_current(rlock_of(self), timeout);
  if (acquired < 0) return nullptr;
  return Ref::boolean(acquired);
}

Ref rlock_enter(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__enter__", nargs, kwnames, 0, 0)) return nullptr;
  int acquired = rlock_acquire_for_current(rlock_of(self), -1);
  if (acquired < 0) return nullptr;
  return Ref::boolean(acquired);
}

Ref rlock_release_for_current(Value self) {
  RLockObject* rlock = rlock_of(self);
  if (rlock->count == 0 || rlock->owner != current_thread_ident())
    return raise(&RuntimeError_type, "cannot release un-acquired lock");
  if (--rlock->count == 0) {
    rlock->owner = 0;
    rlock->lock.release();
  }
  return Ref::none();
}

Ref rlock_release(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("release", nargs, kwnames, 0, 0)) return nullptr;
  return rlock_release_for_current(self);
}

Ref rlock_exit(Value self, const Value*, size_t, Value) { return rlock_release_for_current(self); }

Ref rlock_is_owned(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_is_owned", nargs, kwnames, 0, 0)) return nullptr;
  RLockObject* rlock = rlock_of(self);
  return Ref::boolean(rlock->count > 0 && rlock->owner == current_thread_ident());
}

// Condition.wait lets go of an RLock entirely and takes it back with the same depth.
Ref rlock_release_save(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_release_save", nargs, kwnames, 0, 0)) return nullptr;
  RLockObject* rlock = rlock_of(self);
  if (rlock->count == 0) return raise(&RuntimeError_type, "cannot release un-acquired lock");
  Ref count = int_from_i64(int64_t(rlock->count));
  Ref owner = int_from_i64(int64_t(rlock->owner));
  if (!count || !owner) return nullptr;
  rlock->count = 0;
  rlock->owner = 0;
  rlock->lock.release();
  return tuple_pack({*count, *owner});
}

Ref rlock_acquire_restore(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("_acquire_restore", nargs, kwnames, 1, 1)) return nullptr;
  int64_t count, owner;
  if (!is_tuple(args[0]) || tuple_size(args[0]) != 2)
    return raise_format(&TypeError_type, "_acquire_restore() argument 1 must be 2-item sequence, not %T", args[0]);
  if (!index_to_i64(tuple_item(args[0], 0), count) || !index_to_i64(tuple_item(args[0], 1), owner)) return nullptr;
  RLockObject* rlock = rlock_of(self);
  if (rlock->lock.acquire(-1) < 0) return nullptr;
  rlock->owner = uint64_t(owner);
  rlock->count = uint64_t(count);
  return Ref::none();
}

Ref rlock_at_fork_reinit(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_at_fork_reinit", nargs, kwnames, 0, 0)) return nullptr;
  RLockObject* rlock = rlock_of(self);
  rlock->lock.reinitialize();
  rlock->owner = 0;
  rlock->count = 0;
  return Ref::none();
}

const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire},
    {"__enter__", rlock_enter},
    {"release", rlock_release},
    {"__exit__", rlock_exit},
    {"_is_owned", rlock_is_owned},
    {"_release_save", rlock_release_save},
    {"_acquire_restore", rlock_acquire_restore},
    {"_at_fork_reinit", rlock_at_fork_reinit},
    {nullptr, nullptr},
};

// ---- _local ----
// Each thread sees its own attribute dict. The dicts live with the threads (GilWaiter::
// local_dicts, keyed by the object's serial number), so they go when their thread ends; the
// object's instance-dict slot holds (a reference to) the dict of the thread that touched it
// last, which is what the generic attribute code then reads and writes.

struct LocalObject : Object {
  Value dict;    // owned: the instance-dict slot
  Value key;     // owned int: this object's key in every thread's local_dicts
  Value args;    // owned tuple: the constructor's arguments, for __init__ in other threads
  Value kwargs;  // owned dict or null
};

uint64_t next_local_serial = 1;  // under the GIL

void set_local_dict_slot(LocalObject* local, Value dict) {
  if (local->dict == dict) return;
  incref(dict);
  Value old = local->dict;
  local->dict = dict;
  decref(old);
}

Ref call_local_init(Value self) {
  auto* local = self.as<LocalObject>();
  Value init = type_lookup(type_of(self), str_intern("__init__"));
  if (!init || init == type_lookup(&object_type, str_intern("__init__"))) return Ref::none();
  std::vector<Value> arguments{self};
  for (int64_t i = 0, n = tuple_size(local->args); i < n; ++i) arguments.push_back(tuple_item(local->args, i));
  Ref kwnames;
  if (local->kwargs && dict_size(local->kwargs) > 0) {
    kwnames = tuple_new(size_t(dict_size(local->kwargs)));
    if (!kwnames) return nullptr;
    size_t pos = 0, index = 0;
    Value key, value;
    while (dict_next(local->kwargs, pos, key, value)) {
      incref(key);
      tuple_set(*kwnames, index++, key);
      arguments.push_back(value);
    }
  }
  return call(init, arguments.data(), size_t(tuple_size(local->args)) + 1, kwnames.get());
}

// Points the instance-dict slot at the calling thread's dict, creating it (and running
// __init__ again, as CPython does) on the thread's first touch.
bool select_thread_dict(Value self, bool run_init) {
  auto* local = self.as<LocalObject>();
  GilWaiter* waiter = thread_state().gil_waiter;
  if (!waiter->local_dicts) {
    Ref dicts = dict_new();
    if (!dicts) return false;
    waiter->local_dicts = dicts.release();
  }
  if (Value dict = dict_get(waiter->local_dicts, local->key)) {
    set_local_dict_slot(local, dict);
    return true;
  }
  Ref dict = dict_new();
  if (!dict || dict_set(waiter->local_dicts, local->key, *dict) < 0) return false;
  set_local_dict_slot(local, *dict);
  if (!run_init) return true;
  if (call_local_init(self)) return true;
  Ref error = fetch_error();
  if (dict_del(waiter->local_dicts, local->key) < 0) clear_error();
  restore_error(std::move(error));
  return false;
}

Ref local_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  bool has_arguments = nargs > 0 || (kwnames && tuple_size(kwnames) > 0);
  if (type == &local_type && has_arguments) return raise(&TypeError_type, "Initialization arguments are not supported");
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  Ref self = Ref::steal(Value(object));
  auto* local = static_cast<LocalObject*>(object);
  Ref key = int_from_i64(int64_t(next_local_serial++));
  Ref positional = tuple_from_array(args, nargs);
  if (!key || !positional) return nullptr;
  local->key = key.release();
  local->args = positional.release();
  if (kwnames && tuple_size(kwnames) > 0) {
    Ref keywords = dict_new();
    if (!keywords) return nullptr;
    for (int64_t i = 0, n = tuple_size(kwnames); i < n; ++i)
      if (dict_set(*keywords, tuple_item(kwnames, i), args[nargs + size_t(i)]) < 0) return nullptr;
    local->kwargs = keywords.release();
  }
  // The creating thread's __init__ runs as part of the constructor call itself.
  if (!select_thread_dict(*self, false)) return nullptr;
  return self;
}

void local_dealloc(Object* object) {
  auto* local = static_cast<LocalObject*>(object);
  std::vector<Ref> thread_dicts;
  {
    Gil& gil = *current_interpreter().gil;
    std::lock_guard<std::mutex> guard(gil.threads_mutex);
    for (GilWaiter* waiter : gil.threads)
      if (waiter->local_dicts) thread_dicts.push_back(Ref::borrow(waiter->local_dicts));
  }
  Ref pending = fetch_error();
  for (const Ref& dicts : thread_dicts)
    if (dict_get(*dicts, local->key) && dict_del(*dicts, local->key) < 0) clear_error();
  if (pending) restore_error(std::move(pending));
  decref(local->dict);
  decref(local->key);
  decref(local->args);
  decref(local->kwargs);
  free_object(object);
}

Ref local_getattr(Value self, Value name) {
  if (!select_thread_dict(self, true)) return nullptr;
  return generic_getattr(self, name);
}

int local_setattr(Value self, Value name, Value value) {
  if (!select_thread_dict(self, true)) return -1;
  return generic_setattr(self, name, value);
}

Ref local_get_dict(Value self) {
  if (!select_thread_dict(self, true)) return nullptr;
  return Ref::borrow(self.as<LocalObject>()->dict);
}

// ---- module functions ----

bool is_callable(Value v) { return type_of(v)->call != nullptr; }

Ref thread_start_new_thread(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(&TypeError_type, "start_new_thread() takes no keyword arguments");
  if (nargs < 2) return raise_format(&TypeError_type, "start_new_thread expected at least 2 arguments, got %zu", nargs);
  if (nargs > 3) return raise_format(&TypeError_type, "start_new_thread expected at most 3 arguments, got %zu", nargs);
  if (!is_callable(args[0])) return raise(&TypeError_type, "first arg must be callable");
  if (!is_tuple(args[1])) return raise(&TypeError_type, "2nd arg must be a tuple");
  Value kwargs = nargs == 3 ? args[2] : Value();
  if (kwargs && !(kwargs.is_object() && (type_of(kwargs)->flags & type_flag_dict_subclass)))
    return raise(&TypeError_type, "optional 3rd arg must be a dictionary");
  return start_thread(args[0], args[1], kwargs);
}

Ref thread_allocate_lock(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("allocate_lock", nargs, kwnames, 0, 0)) return nullptr;
  return new_lock();
}

Ref thread_get_ident(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("get_ident", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(int64_t(current_thread_ident()));
}

Ref thread_get_native_id(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("get_native_id", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(int64_t(current_native_thread_id()));
}

Ref thread_exit(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("exit", nargs, kwnames, 0, 0)) return nullptr;
  return raise_value(Value(&SystemExit_type));
}

Ref thread_interrupt_main(Value, const Value* args, size_t nargs, Value kwnames) {
  Value signum_value;
  if (!bind_args("interrupt_main", args, nargs, kwnames, {"signum"}, 0, &signum_value)) return nullptr;
  int64_t signum = SIGINT;
  if (signum_value && !index_to_i64(signum_value, signum)) return nullptr;
  if (signum < 1 || signum >= NSIG) return raise(&ValueError_type, "signal number out of range");
  // Only SIGINT has a Python-level meaning here (KeyboardInterrupt); CPython ignores the
  // others unless a handler was installed with the signal module.
  if (signum == SIGINT) interrupt_main_thread(current_interpreter());
  return Ref::none();
}

Ref thread_module_stack_size(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("stack_size", nargs, kwnames, 0, 1)) return nullptr;
  // As CPython's: without an argument the size goes back to the default (0).
  int64_t size = 0;
  if (nargs == 1 && !index_to_i64(args[0], size)) return nullptr;
  if (size < 0) return raise(&ValueError_type, "size must be 0 or a positive value");
  size_t previous;
  if (!set_thread_stack_size(size_t(size), previous))
    return raise_format(&ValueError_type, "size not valid: %zd bytes", size_t(size));
  return int_from_i64(int64_t(previous));
}

Ref thread_count(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_count", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(int64_t(running_thread_count()));
}

Ref thread_set_sentinel(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_set_sentinel", nargs, kwnames, 0, 0)) return nullptr;
  // Unlocked, as CPython's: threading acquires it, the thread's end releases it.
  Ref lock = new_lock();
  if (!lock) return nullptr;
  GilWaiter* waiter = thread_state().gil_waiter;
  Value previous = waiter->sentinel_lock;
  waiter->sentinel_lock = Ref(lock).release();
  decref(previous);
  return lock;
}

// After start-up a static type's dict exists only once finish_static_type has run, so the
// methods come after it.
// As CPython 3.14's: names the OS thread (what top and gdb show, 15 bytes at most) and the
// thread's row in the GIL pictures.
Ref thread_set_name(Value, const Value* args, size_t nargs, Value kwnames) {
  Value name;
  if (!bind_args("set_name", args, nargs, kwnames, {"name"}, 1, &name)) return nullptr;
  if (!is_str(name)) return raise_format(&TypeError_type, "set_name() argument 'name' must be str, not %T", name);
  std::string_view text = str_view(name);
  gil_set_thread_name(thread_state(), text);
  pthread_setname_np(pthread_self(), std::string(text.substr(0, 15)).c_str());
  return Ref::none();
}

void init_types() {
  init_static_type(&lock_type, "lock", &object_type, sizeof(LockObject), 0);
  lock_type.module = "_thread";
  lock_type.new_ = lock_new_refused;
  lock_type.repr = lock_repr;
  lock_type.dealloc = lock_dealloc;
  finish_static_type(&lock_type);
  add_methods(&lock_type, lock_methods);

  init_static_type(&rlock_type, "RLock", &object_type, sizeof(RLockObject), type_flag_base_type);
  rlock_type.module = "_thread";
  rlock_type.new_ = rlock_new;
  rlock_type.repr = rlock_repr;
  rlock_type.dealloc = rlock_dealloc;
  finish_static_type(&rlock_type);
  add_methods(&rlock_type, rlock_methods);

  init_static_type(&local_type, "_local", &object_type, sizeof(LocalObject),
                   type_flag_base_type | type_flag_has_instance_dict);
  local_type.module = "_thread";
  local_type.dict_offset = offsetof(LocalObject, dict);
  local_type.new_ = local_new;
  local_type.dealloc = local_dealloc;
  local_type.getattr = local_getattr;
  local_type.setattr = local_setattr;
  finish_static_type(&local_type);
  add_property(&local_type, "__dict__", local_get_dict);
}

}  // namespace

bool init_thread_module(Value module) {
  static std::once_flag types_ready;
  std::call_once(types_ready, init_types);
  static const struct {
    const char* name;
    NativeFunction fn;
  } functions[] = {
      {"start_new_thread", thread_start_new_thread}, {"start_new", thread_start_new_thread},
      {"allocate_lock", thread_allocate_lock},       {"allocate", thread_allocate_lock},
      {"get_ident", thread_get_ident},               {"get_native_id", thread_get_native_id},
      {"exit", thread_exit},                         {"exit_thread", thread_exit},
      {"interrupt_main", thread_interrupt_main},     {"stack_size", thread_module_stack_size},
      {"_count", thread_count},                      {"_set_sentinel", thread_set_sentinel},
      {"set_name", thread_set_name},
  };
  for (const auto& function : functions)
    if (!module_add_function(module, function.name, function.fn)) return false;
  Ref timeout_max = float_new(lock_timeout_max);
  return timeout_max && module_add_object(module, "TIMEOUT_MAX", *timeout_max) &&
         module_add_object(module, "LockType", Value(&lock_type)) && module_add_object(module, "RLock", Value(&rlock_type)) &&
         module_add_object(module, "_local", Value(&local_type)) &&
         module_add_object(module, "error", Value(&RuntimeError_type));
}

}  // namespace chaipy
