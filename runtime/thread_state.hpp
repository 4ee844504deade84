// Per-thread interpreter state: the pending and handled exceptions, the frame chain, recursion bounds.
#pragma once
#include <cstdint>
#include <vector>

#include "runtime/frame_arena.hpp"
#include "runtime/object.hpp"

namespace chaipy {

struct Interpreter;
struct Frame;
struct GilWaiter;

struct ThreadState {
  Interpreter* interp = nullptr;
  Value pending_exception;  // owned; the exception being raised (null when none)
  Value handled_exception;  // owned; what sys.exc_info() reports (null when none)
  Frame* frame = nullptr;   // innermost running script frame
  FrameArena frame_arena;   // frames of calls the VM runs in place
  int recursion_depth = 0;
  // Below this address the C++ stack is too deep to go on: calls raise RecursionError.
  const char* stack_limit = nullptr;
  std::vector<Value> repr_in_progress;  // containers being repr'd (borrowed), for "[...]"
  GilWaiter* gil_waiter = nullptr;      // this thread's place in the GIL's wait queue (runtime/gil.cpp)
  uint64_t thread_id = 0;               // _thread.get_ident()
  uint64_t native_id = 0;               // the OS thread id
};

// The state of the thread running now. Each OS thread attached to an interpreter has one;
// it changes only when a thread attaches or detaches (embedding) — never on the hot path.
extern thread_local constinit ThreadState* current_thread;
inline ThreadState& thread_state() { return *current_thread; }

}  // namespace chaipy
