// OS threads running script code: starting them with their own ThreadState, their stack size, and the lock primitive every blocking wait of the threading modules is built on.
#include "runtime/threads.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/gil.hpp"
#include "runtime/leak_check.hpp"
#include "runtime/protocols.hpp"
#include "stdlib/sys.hpp"

namespace chaipy {

ThreadLock::ThreadLock() { sem_init(&semaphore_, 0, 1); }
ThreadLock::~ThreadLock() { sem_destroy(&semaphore_); }

bool ThreadLock::try_acquire() {
  while (sem_trywait(&semaphore_) != 0)
    if (errno != EINTR) return false;
  return true;
}

int ThreadLock::acquire(double timeout) {
  if (try_acquire()) return 1;
  if (timeout == 0) return 0;
  ThreadState& thread = thread_state();
  struct timespec deadline;
  if (timeout > 0) {
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    double whole = std::floor(timeout);
    deadline.tv_sec += time_t(whole);
    deadline.tv_nsec += long((timeout - whole) * 1e9);
    if (deadline.tv_nsec >= 1'000'000'000) {
      deadline.tv_sec += 1;
      deadline.tv_nsec -= 1'000'000'000;
    }
  }
  for (;;) {
    int result, error;
    {
      ReleaseGil unlocked(thread);
      result = timeout < 0 ? sem_wait(&semaphore_) : sem_clockwait(&semaphore_, CLOCK_MONOTONIC, &deadline);
      error = errno;
    }
    if (result == 0) return 1;
    if (error == ETIMEDOUT) return 0;
    if (error == EINTR && !check_signals(thread)) return -1;
  }
}

void ThreadLock::release() { sem_post(&semaphore_); }

bool ThreadLock::locked() {
  int value = 0;
  sem_getvalue(&semaphore_, &value);
  return value <= 0;
}

void ThreadLock::reinitialize() {
  sem_destroy(&semaphore_);
  sem_init(&semaphore_, 0, 1);
}

namespace {

constexpr size_t default_stack_size = 8u << 20;
constexpr size_t minimum_stack_size = 32u << 10;
std::atomic<size_t> requested_stack_size{0};

// What the new thread needs, handed over from the thread starting it.
struct ThreadStart {
  ThreadState* thread;
  Value callable;  // owned
  Value args;      // owned tuple
  Value kwargs;    // owned dict or null
};


Ref call_with_tuple_and_dict(Value callable, Value args, Value kwargs) {
  std::vector<Value> arguments(args.as<TupleObject>()->items, args.as<TupleObject>()->items + tuple_size(args));
  Ref kwnames;
  if (kwargs && dict_size(kwargs) > 0) {
    kwnames = tuple_new(size_t(dict_size(kwargs)));
    if (!kwnames) return nullptr;
    size_t pos = 0, index = 0;
    Value key, value;
    while (dict_next(kwargs, pos, key, value)) {
      incref(key);
      tuple_set(*kwnames, index++, key);
      arguments.push_back(value);
    }
  }
  return call(callable, arguments.data(), tuple_size(args), kwnames.get());
}

// As CPython's thread_run: SystemExit ends the thread quietly, anything else is reported
// through the unraisable-exception format.
void report_uncaught(Value callable) {
  if (error_matches(&SystemExit_type)) {
    clear_error();
    return;
  }
  write_unraisable("Exception ignored in thread started by", callable);
}

void* run_thread(void* raw_start) {
  LeakCheckThreadStack recorded_for_leak_check;
  auto* start = static_cast<ThreadStart*>(raw_start);
  ThreadState* thread = start->thread;
  current_thread = thread;
  thread->thread_id = uint64_t(pthread_self());
  thread->native_id = uint64_t(syscall(SYS_gettid));
  thread->stack_limit = current_stack_limit();
  gil_acquire(*thread);
  {
    Ref result = call_with_tuple_and_dict(start->callable, start->args, start->kwargs);
    if (!result) report_uncaught(start->callable);
  }
  decref(start->callable);
  decref(start->args);
  decref(start->kwargs);
  delete start;
  decref(thread->handled_exception);
  thread->handled_exception = Value();
  GilWaiter* waiter = thread->gil_waiter;
  decref(waiter->local_dicts);
  waiter->local_dicts = Value();
  {
    Gil& gil = *waiter->gil;
    std::lock_guard<std::mutex> guard(gil.threads_mutex);
    waiter->started_by_thread_module = false;
  }
  // Last: join() returns once the sentinel is released, and the thread is done with objects.
  if (Value sentinel = waiter->sentinel_lock) {
    waiter->sentinel_lock = Value();
    ThreadLock& lock = sentinel.as<LockObject>()->lock;
    if (lock.locked()) lock.release();
    decref(sentinel);
  }
  gil_detach_thread(*thread);
  current_thread = nullptr;
  delete thread;
  return nullptr;
}

}  // namespace

// Where this thread's stack ends, minus a margin for the native frames below the last check.
// The margin is a share of what is left below this frame: the top of a thread's stack also
// holds its thread-local storage, which can be large (ThreadSanitizer's is most of a MiB).
const char* current_stack_limit() {
  pthread_attr_t attributes;
  void* low = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attributes) != 0) return nullptr;
  pthread_attr_getstack(&attributes, &low, &size);
  pthread_attr_destroy(&attributes);
  char here;
  size_t available = size_t(&here - static_cast<const char*>(low));
  return static_cast<const char*>(low) + std::min<size_t>(256u << 10, available / 4);
}

Ref start_thread(Value callable, Value args, Value kwargs) {
  Interpreter& interp = current_interpreter();
  auto* thread = new ThreadState();
  thread->interp = &interp;
  gil_attach_thread(interp, *thread);
  {
    std::lock_guard<std::mutex> guard(interp.gil->threads_mutex);
    thread->gil_waiter->started_by_thread_module = true;
  }
  incref(callable);
  incref(args);
  incref(kwargs);
  auto* start = new ThreadStart{thread, callable, args, kwargs};

  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  size_t stack_size = requested_stack_size.load();
  pthread_attr_setstacksize(&attributes, stack_size ? stack_size : default_stack_size);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  // SIGINT is for the main thread: new threads inherit a mask that blocks it.
  sigset_t blocked, previous;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGINT);
  pthread_sigmask(SIG_BLOCK, &blocked, &previous);
  pthread_t id;
  int error = pthread_create(&id, &attributes, run_thread, start);
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  pthread_attr_destroy(&attributes);
  if (error != 0) {
    decref(callable);
    decref(args);
    decref(kwargs);
    delete start;
    gil_detach_thread(*thread);
    delete thread;
    return raise(&RuntimeError_type, "can't start new thread");
  }
  return int_from_i64(int64_t(uint64_t(id)));
}

uint64_t current_thread_ident() { return uint64_t(pthread_self()); }
uint64_t current_native_thread_id() { return uint64_t(syscall(SYS_gettid)); }

bool set_thread_stack_size(size_t bytes, size_t& previous) {
  if (bytes != 0 && bytes < minimum_stack_size) return false;
  previous = requested_stack_size.exchange(bytes);
  return true;
}

size_t running_thread_count() {
  Gil& gil = *current_interpreter().gil;
  std::lock_guard<std::mutex> guard(gil.threads_mutex);
  return size_t(std::count_if(gil.threads.begin(), gil.threads.end(),
                              [](GilWaiter* waiter) { return waiter->started_by_thread_module; }));
}

}  // namespace chaipy
