// The embedding layer's private state: one detail::State per interpreter, entering it from host threads, and raising/fetching between C++ and scripts.
#pragma once
#define CHAIPY_EMBED_IMPLEMENTATION
#include <pthread.h>

#include <atomic>
#include <mutex>
#include <typeindex>
#include <unordered_map>

#include "chaipy/chaipy.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"

namespace chaipy::embed::detail {

struct State {
  chaipy::Interpreter* interp = nullptr;
  Options options;
  std::weak_ptr<State> self;  // what Errors hold on to (they may outlive the interpreter)
  // Host threads that have entered this interpreter, each with its own ThreadState (the
  // creating thread uses interp->main_thread).
  std::mutex threads_mutex;
  std::unordered_map<pthread_t, chaipy::ThreadState*> host_threads;
  chaipy::Value main_module;        // owned
  chaipy::Value interrupted_type;   // owned: chaipy.Interrupted
  chaipy::Value chaipy_module;      // owned
  std::unordered_map<std::type_index, chaipy::Value> classes;  // owned bound class objects
  // Limits: requests from other threads arrive through atomics; the rest is under the GIL.
  std::atomic<bool> interrupt_requested{false};
  std::atomic<uint64_t> budget_left{0};
  bool budget_active = false;
  uint64_t hook_countdown = 0;
  bool alive = true;  // false once the interpreter is gone (Errors may outlive it)
  // The references Errors hold, by exception: dropped when the interpreter goes, so an Error
  // that outlives it leaks nothing (it keeps its texts, loses its value).
  std::mutex errors_mutex;
  std::unordered_map<uintptr_t, size_t> error_references;
  void add_error_reference(uintptr_t exception);
  void drop_error_reference(uintptr_t exception);
};

// Runs the calling thread inside `state`'s interpreter for the scope: a no-op when it
// already is; otherwise attaches the thread if needed and takes the GIL.
class Enter {
 public:
  explicit Enter(State& state);
  ~Enter();
  Enter(const Enter&) = delete;
  Enter& operator=(const Enter&) = delete;

 private:
  chaipy::ThreadState* previous_;
  chaipy::ThreadState* entered_ = nullptr;
};

// The ThreadState the calling OS thread uses in `state` (created and attached on first use).
chaipy::ThreadState& host_thread_state(State& state);

// Throws Error for the pending script exception (clearing it).
[[noreturn]] void throw_pending(State& state);
// Makes a C++ exception being handled (inside catch) the pending script exception.
void raise_current_exception(State& state);
// The Error for an exception object (borrowed).
Error error_from_exception(State& state, chaipy::Value exception);

// An Object over a new reference (null: throws the pending exception).
Object take(State& state, chaipy::Ref ref);
inline chaipy::Value value_of(const Object& object) { return chaipy::Value::from_bits(object.raw()); }

// Limits and output (runtime/embed_limits.cpp, runtime/embed_io.cpp).
// Both false with an exception pending.
bool install_limits(State& state);
bool install_output(State& state);
// Binding (runtime/embed_bind.cpp): the static types, made once per process.
void init_embed_types();

}  // namespace chaipy::embed::detail
