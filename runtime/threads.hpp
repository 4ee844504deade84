// OS threads running script code: starting them with their own ThreadState, their stack size, and the lock primitive every blocking wait of the threading modules is built on.
#pragma once
#include <semaphore.h>

#include <cstddef>
#include <cstdint>

#include "runtime/object.hpp"

namespace chaipy {

// A binary lock that any thread may release (as _thread.lock). Waits release the GIL; the
// main thread wakes up on SIGINT and gets KeyboardInterrupt.
class ThreadLock {
 public:
  ThreadLock();
  ~ThreadLock();
  ThreadLock(const ThreadLock&) = delete;
  ThreadLock& operator=(const ThreadLock&) = delete;

  bool try_acquire();
  // Waits at most `timeout` seconds (negative: forever). 1 acquired, 0 timed out, -1 error
  // pending (KeyboardInterrupt). Call with the GIL held.
  int acquire(double timeout);
  void release();
  bool locked();
  // In a fork child: unlocked again, whatever the vanished threads were doing with it.
  void reinitialize();

 private:
  sem_t semaphore_;
};

// The layout of _thread.lock objects (stdlib/thread_module.cpp defines the type).
struct LockObject : Object {
  ThreadLock lock;
};

// The longest wait a lock accepts, in seconds (_thread.TIMEOUT_MAX).
inline constexpr double lock_timeout_max = 9223372036.0;

// Starts an OS thread that calls callable(*args, **kwargs) (args a tuple, kwargs a dict or
// null) with the GIL held, in a fresh ThreadState attached to the current interpreter.
// Returns the new thread's ident (as _thread.get_ident() will give it), or null with
// RuntimeError("can't start new thread") pending.
Ref start_thread(Value callable, Value args, Value kwargs);

// _thread.get_ident() and get_native_id() of the calling thread.
uint64_t current_thread_ident();
uint64_t current_native_thread_id();

// Stack size for threads started from now on (0: the default of 8 MiB); false when
// `bytes` is neither 0 nor at least 32 KiB. The previous setting comes back in `previous`.
bool set_thread_stack_size(size_t bytes, size_t& previous);

// Threads started by start_thread that are still running (_thread._count()).
size_t running_thread_count();

// Where the calling OS thread's stack ends, minus a margin for native frames below the last
// check: ThreadState::stack_limit for a thread that is not the main one (null when unknown).
const char* current_stack_limit();

}  // namespace chaipy
