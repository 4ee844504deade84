// The interpreter state shared by its threads: modules, builtins, sys settings, start-up and shutdown.
#pragma once
#include <atomic>
#include <string>
#include <vector>

#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace chaipy {

struct InterpreterConfig {
  std::vector<std::string> argv;          // sys.argv
  std::vector<std::string> path_entries;  // prepended to sys.path
  std::string executable;                 // sys.executable
  bool unbuffered_stdio = false;          // stdout and stderr write through (chaipy -u)
};

struct Gil;
struct TypeLookupCache;
struct WeakRefTable;
struct GcState;

struct Interpreter {
  // Non-zero when the running thread must stop at the next check (a GIL drop request, a
  // signal, an interrupt): the evaluation loop tests it at backward jumps and calls.
  std::atomic<uint32_t> eval_breaker{0};
  Gil* gil = nullptr;
  Value modules = Value();         // owned dict: sys.modules
  Value builtins = Value();        // owned dict: the builtins module's namespace
  Value builtins_module = Value();
  Value sys_module = Value();
  int recursion_limit = 1000;
  double switch_interval = 0.005;  // sys.setswitchinterval: how long a thread may hold the GIL
  InterpreterConfig config;
  ThreadState main_thread;
  // The embedding API (runtime/embed*.cpp): the check the eval breaker runs while
  // eval_breaker_host_check is set (interrupts, instruction budget; `checks` is what the work
  // since the last call costs, 1 at the eval breaker; false with an exception pending), and the
  // accounting behind the memory cap (alloc_object / free_object).
  void* embed = nullptr;  // the embedding layer's state (chaipy::embed::detail::State), or null
  bool (*host_check)(ThreadState& thread, uint64_t checks) = nullptr;
  size_t allocated_bytes = 0;  // live object memory, under the GIL
  size_t memory_limit = 0;     // 0: no cap
  bool memory_limit_hit = false;  // MemoryError raised: a little headroom to unwind with
  TypeLookupCache* type_lookup_cache = nullptr;  // runtime/typeobject.cpp: type_lookup's results
  GcState* gc = nullptr;  // runtime/gc.cpp: the cycle collector's tracked objects and settings
  WeakRefTable* weakrefs = nullptr;  // runtime/weakref.cpp: weak references by referent, made on first use
};

// Creates an interpreter and attaches the calling thread as its main thread.
Interpreter* interpreter_create(InterpreterConfig config);
void interpreter_destroy(Interpreter* interp);
inline Interpreter& current_interpreter() { return *thread_state().interp; }

// sys.stdout / sys.stderr of the current interpreter (borrowed; may be null early in start-up).
Value sys_stdout();
Value sys_stderr();
Value sys_attribute(const char* name);

}  // namespace chaipy
