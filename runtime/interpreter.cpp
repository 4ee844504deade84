// Interpreter lifetime: one-time type set-up, creating the builtins and sys modules, attaching the main thread, shutdown.
#include "runtime/interpreter.hpp"

#include <sys/resource.h>

#include <mutex>
#include <vector>

#include "interpreter/vm_builtins.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/function.hpp"
#include "runtime/gc.hpp"
#include "runtime/gil.hpp"
#include "runtime/leak_check.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/type_init.hpp"
#include "runtime/weakref.hpp"
#include "stdlib/builtins.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"

namespace chaipy {

void init_builtin_types() {
  // add_methods wraps static native methods (object.__new__, ...) in staticmethods from the
  // first type on, long before init_function_types: their type must already be collectable,
  // or they are made without the GcHeader every staticmethod is expected to have.
  staticmethod_type.flags |= type_flag_gc;
  init_object_and_type_types();
  init_slot_wrapper_type();
  init_dict_types();
  init_str_type();
  init_tuple_type();
  init_int_types();
  init_float_type();
  init_bytes_types();
  init_list_type();
  init_set_types();
  init_range_slice_types();
  init_iterator_types();
  init_exception_types();
  init_function_types();
  init_module_type();
  init_generator_type();
  init_mappingproxy_type();
  init_weakref_type();
  init_sys_types();
  for (TypeObject* var_sized : {&str_type, &bytes_type, &tuple_type}) var_sized->flags |= type_flag_var_sized;
  finalize_static_types();
  install_leak_check_fork_hook();
}

// Where the C++ stack of the calling thread ends, minus a margin for native frames below the
// last check: calls past it raise RecursionError instead of crashing.
static const char* main_stack_limit() {
  struct rlimit limit;
  size_t size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) size = limit.rlim_cur;
  char marker;
  size_t margin = 256u << 10;
  return size > 2 * margin ? &marker - (size - margin) : &marker - size / 2;
}

Interpreter* interpreter_create(InterpreterConfig config) {
  static std::once_flag types_ready;
  // Types need a thread state to raise into while they are being set up.
  static thread_local ThreadState bootstrap_state;
  if (!current_thread) current_thread = &bootstrap_state;
  std::call_once(types_ready, init_builtin_types);

  auto* interp = new Interpreter();
  interp->type_lookup_cache = type_lookup_cache_new();
  interp->gc = gc_state_new();
  interp->config = std::move(config);
  interp->main_thread.interp = interp;
  interp->main_thread.stack_limit = main_stack_limit();
  current_thread = &interp->main_thread;
  gil_create(*interp);

  interp->modules = dict_new().release();
  Ref builtins = module_new("builtins");
  if (!builtins || !init_builtins_module(*builtins) || !add_vm_builtins(*builtins)) return nullptr;
  interp->builtins_module = builtins.get();
  interp->builtins = module_dict(*builtins);
  incref(interp->builtins);
  dict_set_str(interp->modules, "builtins", *builtins);
  builtins.release();

  Ref sys = create_sys_module(*interp);
  if (!sys) return nullptr;
  interp->sys_module = sys.get();
  dict_set_str(interp->modules, "sys", *sys);
  sys.release();
  return interp;
}

// As CPython's _PyModule_ClearDict: the globals become None one by one, first the names that
// start with an underscore, then the others, so a finalizer run by one of them still finds the
// globals defined after it; the emptied dict is cleared at the end.
static void clear_module_globals(Value globals) {
  Ref held = Ref::borrow(globals);  // its module (a native module's functions hold it) may go first
  for (bool underscored : {true, false}) {
    size_t pos = 0;
    Value key, value;
    while (dict_next(globals, pos, key, value)) {
      if (!is_str(key) || value.is_none() || str_view(key) == "__builtins__") continue;
      if ((str_view(key).substr(0, 1) == "_") != underscored) continue;
      Ref held_key = Ref::borrow(key);  // the finalizers may delete it
      if (dict_set(globals, key, Value::none()) < 0) clear_error();
    }
  }
  dict_clear(globals);
}

void interpreter_destroy(Interpreter* interp) {
  flush_std_streams();
  current_thread = &interp->main_thread;
  clear_error();
  Value modules = interp->modules;
  interp->modules = Value();
  // As CPython's Py_FinalizeEx: garbage is collected while the modules are whole, so its
  // finalizers (__del__, weak reference callbacks) still find the globals they use. Frozen
  // objects (gc.freeze) take part again: teardown frees everything it can.
  gc_unfreeze(*interp->gc);
  if (gc_is_enabled(*interp->gc)) gc_collect(*interp);
  if (modules) {
    // As CPython's finalize_modules: every module leaves sys.modules (its entry becomes None),
    // and a collection frees the ones nothing else holds (module globals are cycles through
    // their functions), running the finalizers of what they hold while their globals are still
    // whole. The module globals left alive then (a hook registered in native code may hold a
    // function, and so its globals, after its module died) are cleared, the last imported
    // first; sys goes last, so finalizers can print until then.
    std::vector<Ref> watched;  // a weak reference to each module's globals, or the globals
    size_t pos = 0;
    Value key, module;
    while (dict_next(modules, pos, key, module)) {
      if (!is_module(module) || module == interp->builtins_module || module == interp->sys_module) continue;
      Value globals = module_dict(module);
      Ref weak = weakref_to_collectable(globals, Value());
      if (!weak) clear_error();
      watched.push_back(weak ? std::move(weak) : Ref::borrow(globals));
      if (dict_set(modules, key, Value::none()) < 0) clear_error();  // an existing key: no resize
    }
    gc_collect(*interp);
    for (auto it = watched.rbegin(); it != watched.rend(); ++it) {
      Value alive = is_dict(**it) ? **it : weakref_referent(**it);
      if (alive) clear_module_globals(alive);
    }
    watched.clear();
    flush_std_streams();
    if (interp->sys_module) dict_clear(module_dict(interp->sys_module));
  }
  decref(modules);
  decref(interp->sys_module);
  decref(interp->main_thread.handled_exception);
  interp->main_thread.handled_exception = Value();
  gc_collect(*interp);
  // The builtins go last (finalizers run above may still use them), and their dict is cleared
  // as CPython does: the functions of the builtins module (exec, __import__, ...) refer back to
  // it, a cycle through builtin functions, which the collector does not traverse.
  dict_clear(interp->builtins);
  gc_collect(*interp);
  decref(interp->builtins);
  decref(interp->builtins_module);
  weakref_table_free(*interp);
  gil_destroy(*interp);
  current_thread = nullptr;
  type_lookup_cache_free(interp->type_lookup_cache);
  gc_state_free(interp->gc);
  delete interp;
}

Value sys_attribute(const char* name) {
  Interpreter& interp = current_interpreter();
  if (!interp.sys_module) return Value();
  return dict_get_str(module_dict(interp.sys_module), name);
}

Value sys_stdout() { return sys_attribute("stdout"); }
Value sys_stderr() { return sys_attribute("stderr"); }

}  // namespace chaipy
