// The global interpreter lock: FIFO hand-off with priority for threads returning from blocking calls, forced switching, signals, shutdown and fork.
#pragma once
#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/interpreter.hpp"

namespace chaipy {

// Bits of Interpreter::eval_breaker.
enum EvalBreakerBit : uint32_t {
  eval_breaker_gil_drop_request = 1u << 0,  // a waiter wants the GIL: the holder hands it over
  eval_breaker_signal_pending = 1u << 1,    // a signal arrived (or _thread.interrupt_main): the main thread runs its handler
  eval_breaker_host_check = 1u << 2,        // the embedding host wants Interpreter::host_check run
};

// Where a thread is with respect to the GIL.
enum class GilActivity : uint8_t { away, waiting, holding };  // away: in a blocking call, or not started

// What one thread's time with the GIL looked like (for -X gilstats and the pictures).
struct GilThreadStats {
  uint64_t acquisitions = 0;
  uint64_t forced_drops = 0;  // times the thread was made to hand the GIL over
  std::chrono::nanoseconds time_in[3] = {};  // per GilActivity, while Gil::recording
};

// A change of a thread's activity: nanoseconds since the recording began.
struct GilEvent {
  int64_t at;
  GilActivity activity;
};

// One thread as the GIL pictures show it.
struct GilThreadRecord {
  uint64_t number = 0;  // the order threads attached in: 0 for the main thread
  std::string name;     // threading's name for the thread (empty: unnamed)
  GilThreadStats stats;
  std::vector<GilEvent> events;  // while Gil::recording
};

// One attached thread's record: its place in the GIL's wait queue, and the per-thread data
// the threading runtime keeps (released when the thread detaches).
struct GilWaiter {
  Gil* gil = nullptr;
  ThreadState* thread = nullptr;
  std::condition_variable wake;  // used with Gil::mutex
  GilWaiter* next_in_queue = nullptr;
  bool granted = false;    // the GIL has been handed to this thread (under Gil::mutex)
  bool waiting = false;    // in one of the GIL's queues
  bool voluntary = false;  // the last release was around a blocking call: queue with priority
  bool started_by_thread_module = false;  // counted by _thread._count() (under Gil::threads_mutex)
  GilActivity activity = GilActivity::away;
  std::chrono::steady_clock::time_point activity_since;
  GilThreadRecord record;  // under Gil::mutex
  // Owned by the threading runtime (null when unused): a lock released when the thread has
  // finished (_thread._set_sentinel), and the thread's dicts of _thread._local objects.
  Value sentinel_lock;
  Value local_dicts;
};

// A FIFO of waiters linked through GilWaiter::next_in_queue (no allocation while waiting).
class GilQueue {
 public:
  bool empty() const { return head_ == nullptr; }
  GilWaiter* front() const { return head_; }
  void push(GilWaiter* waiter);
  GilWaiter* pop();
  void clear() { head_ = tail_ = nullptr; }

 private:
  GilWaiter* head_ = nullptr;
  GilWaiter* tail_ = nullptr;
};

struct Gil {
  Interpreter* interp = nullptr;
  std::mutex mutex;  // guards everything below except `threads`
  GilWaiter* holder = nullptr;
  // Threads back from a blocking call wait in `returning`; it is served before `queued`
  // (threads forced off the GIL or starting).
  GilQueue returning, queued;
  uint64_t switches = 0;  // hand-overs so far: the timing waiter's proof that the holder changed
  std::chrono::steady_clock::time_point held_since;     // when the holder got the GIL
  std::chrono::nanoseconds switch_interval{5'000'000};  // interp.switch_interval, copied by holders
  // Recording for the pictures: every activity change is timed (a clock read each).
  bool recording = false;
  std::chrono::steady_clock::time_point recording_start;
  std::vector<GilThreadRecord> finished_threads;  // records of the threads that have ended
  GilWaiter* shutdown_owner = nullptr;  // after gil_begin_shutdown only this thread may run
  GilWaiter* main = nullptr;            // the thread that gets KeyboardInterrupt
  pthread_t main_os_thread = {};        // ...and its OS thread, to wake its blocking calls

  std::mutex threads_mutex;  // guards `threads`
  std::vector<GilWaiter*> threads;  // every attached thread, the main one first
  uint64_t threads_attached = 0;    // numbers the threads for the pictures
};

// Creates the interpreter's GIL and attaches interp.main_thread, which holds it afterwards.
void gil_create(Interpreter& interp);
// Frees the GIL unless threads are still attached (daemon threads blocked at shutdown keep
// using it until the process ends).
void gil_destroy(Interpreter& interp);

// Gives `thread` its GilWaiter and registers it; the thread does not hold the GIL yet.
void gil_attach_thread(Interpreter& interp, ThreadState& thread);
// Releases the GIL if the thread holds it, unregisters the thread and frees its GilWaiter.
// The thread must have released its per-thread values (sentinel_lock, local_dicts) first.
void gil_detach_thread(ThreadState& thread);

// Blocks until the thread holds the GIL. After gil_begin_shutdown, blocks forever in every
// thread but the one shutting down.
void gil_acquire(ThreadState& thread);
// Hands the GIL to the next waiter (or frees it). The thread queues as an ordinary waiter
// when it wants the GIL again.
void gil_release(ThreadState& thread);

// Py_BEGIN/END_ALLOW_THREADS around a blocking call that touches no objects:
//   { ReleaseGil unlocked; n = ::read(fd, buffer, size); }
// The thread comes back with priority over threads that were forced off the GIL.
class ReleaseGil {
 public:
  explicit ReleaseGil(ThreadState& thread = thread_state());
  ~ReleaseGil();
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;

 private:
  ThreadState& thread_;
};

// Holds `mutex` for the scope, for native state shared by threads (a stream's buffer). A thread
// holding the GIL must never block on a mutex whose holder may be waiting for the GIL (a
// deadlock): when the mutex is busy, this waits for it with the GIL released, as CPython's
// buffered I/O does. Every taker of such a mutex must go through this class.
class LockReleasingGil {
 public:
  explicit LockReleasingGil(std::mutex& mutex, ThreadState& thread = thread_state());
  ~LockReleasingGil() { mutex_.unlock(); }
  LockReleasingGil(const LockReleasingGil&) = delete;
  LockReleasingGil& operator=(const LockReleasingGil&) = delete;

 private:
  std::mutex& mutex_;
};

// Called by the evaluation loop when eval_breaker != 0: hands the GIL over when asked to and,
// in the main thread, runs the handlers of pending signals (check_signals). False with an
// exception pending.
bool handle_eval_breaker(ThreadState& thread);
// For blocking calls that were interrupted (EINTR) or wait in slices, and between bytecodes:
// in the main thread, runs the Python handler of each pending signal (SIGINT without one
// raises KeyboardInterrupt). False with the handler's exception pending; other threads: true.
bool check_signals(ThreadState& thread);
// True in the thread that receives KeyboardInterrupt (the main thread, or the forking one).
bool is_main_thread(const ThreadState& thread);
// Simulates SIGINT for the main thread (_thread.interrupt_main). Where the SIGINT handler is
// installed, a real SIGINT also wakes the main thread from a blocking call, as Ctrl-C does.
void interrupt_main_thread(Interpreter& interp);
// Installs the SIGINT handler and ignores SIGPIPE and SIGXFSZ (writes then fail with EPIPE /
// EFBIG, as in CPython); called once by the CLI for the main interpreter.
void install_signal_handlers(Interpreter& interp);

// ---- The signal module's runtime side ----
// The C handler of every signal caught for Python code (async-signal-safe): marks the signal
// pending, sets the eval breaker, and when it runs on another thread re-sends the signal to
// the main thread so that a blocking call there returns EINTR and the handler runs promptly.
void trip_signal(int signum);
// The Python handler check_signals runs for `signum` (borrowed; null when none: SIGINT then
// raises KeyboardInterrupt). Only the main thread of the signal interpreter sets and runs them.
Value python_signal_handler(int signum);
// Stores `handler` (incref'd; null clears) for `signum`, releasing the previous one.
void set_python_signal_handler(int signum, Value handler);
// The interpreter that owns the process's signal handling (the one install_signal_handlers
// was called for), or null.
Interpreter* signal_handling_interpreter();

// Sleeps `seconds` without the GIL (time.sleep); the main thread wakes up on SIGINT and
// returns false with KeyboardInterrupt pending.
bool sleep_releasing_gil(double seconds);

// From now on only the calling thread (holding the GIL) runs: others block forever when
// they next want the GIL, so daemon threads cannot touch objects being torn down.
void gil_begin_shutdown(Interpreter& interp);
// In the child of fork(): a fresh GIL held by the calling thread, every other thread gone.
void gil_after_fork_child(Interpreter& interp);

// Attached threads (a snapshot under the registry lock).
size_t gil_thread_count(Interpreter& interp);

// ---- Seeing the GIL: -X gilstats, --gil-trace, --gil-timeline ----
// From now on every thread's changes between running, waiting for the GIL and blocked in a
// call are timed and kept (call at start-up, with the GIL held).
void gil_start_recording(Interpreter& interp);
// The calling thread's name in the pictures (threading passes each Thread's name).
void gil_set_thread_name(ThreadState& thread, std::string_view name);
// What was recorded, as of now (call with the GIL held, at exit after threading._shutdown):
// a table per thread of time holding and waiting for the GIL, acquisitions and forced drops;
void gil_write_stats(Interpreter& interp, std::ostream& out);
// a Chrome Trace Event Format file (Perfetto, chrome://tracing): a track per thread;
void gil_write_trace(Interpreter& interp, std::ostream& out);
// a self-contained SVG timeline: a row per thread, time along x, a colour per activity.
void gil_write_timeline(Interpreter& interp, std::ostream& out);

}  // namespace chaipy
