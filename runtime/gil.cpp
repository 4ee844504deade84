// The global interpreter lock: FIFO hand-off with priority for threads returning from blocking calls, forced switching, signals, shutdown and fork.
//
// The GIL is passed from hand to hand: a thread that lets go while others wait gives it to
// the first of them, so nobody can barge in and the thread letting go cannot take it straight
// back (forced switching). The first waiter times the holder and asks it to drop (through the
// eval breaker) after the switch interval. Waiters back from a blocking call (ReleaseGil) are
// served before threads that were forced off, and ask the holder to drop as soon as it has had
// the GIL for a fiftieth of the interval: this keeps an I/O-bound thread from waiting a whole
// interval per call beside a CPU-bound one (the convoy effect CPython still has), while a
// holder still gets work done when such returns follow each other closely. With nobody
// waiting, taking and letting go is a mutex round trip.
#include "runtime/gil.hpp"

#include <pthread.h>
#include <signal.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>

#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/no_memory.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

using Clock = std::chrono::steady_clock;

void GilQueue::push(GilWaiter* waiter) {
  waiter->next_in_queue = nullptr;
  if (tail_) tail_->next_in_queue = waiter;
  else head_ = waiter;
  tail_ = waiter;
}

GilWaiter* GilQueue::pop() {
  GilWaiter* waiter = head_;
  if (waiter) {
    head_ = waiter->next_in_queue;
    if (!head_) tail_ = nullptr;
    waiter->next_in_queue = nullptr;
  }
  return waiter;
}

namespace {

// Signals are process-wide: the handler only flips these (lock-free atomics are
// async-signal-safe). One pending flag per signal, and one for "any".
std::atomic<bool> signal_tripped[NSIG];
std::atomic<bool> any_signal_tripped{false};
std::atomic<Interpreter*> signal_interpreter{nullptr};
std::atomic<pthread_t> signal_main_os_thread{};
// The Python handlers (owned references), set and read by the signal interpreter's main thread.
Value python_signal_handlers[NSIG];

void mark_signal_pending(int signum) {
  signal_tripped[signum].store(true, std::memory_order_relaxed);
  any_signal_tripped.store(true, std::memory_order_release);
  if (Interpreter* interp = signal_interpreter.load(std::memory_order_relaxed))
    interp->eval_breaker.fetch_or(eval_breaker_signal_pending, std::memory_order_relaxed);
}

// Not after shutdown began: the interpreter may be gone while daemon threads still wait.
void request_drop(Gil& gil) {
  if (!gil.shutdown_owner) gil.interp->eval_breaker.fetch_or(eval_breaker_gil_drop_request, std::memory_order_relaxed);
}
void clear_drop_request(Gil& gil) {
  gil.interp->eval_breaker.fetch_and(~uint32_t(eval_breaker_gil_drop_request), std::memory_order_relaxed);
}

GilWaiter* first_waiter(Gil& gil) {
  return gil.returning.empty() ? gil.queued.front() : gil.returning.front();
}

void set_activity(Gil& gil, GilWaiter* waiter, GilActivity activity) {
  if (gil.recording) {
    Clock::time_point now = Clock::now();
    GilThreadRecord& record = waiter->record;
    if (!record.events.empty()) record.stats.time_in[int(waiter->activity)] += now - waiter->activity_since;
    record.events.push_back({(now - gil.recording_start).count(), activity});
    waiter->activity_since = now;
  }
  waiter->activity = activity;
}

std::chrono::nanoseconds interval_of(const Interpreter& interp) {
  return std::chrono::nanoseconds(int64_t(interp.switch_interval * 1e9));
}

// A thread back from a blocking call may take the GIL from a holder that has had it this
// long (a fraction of the switch interval): enough for the holder to get work done when
// lock hand-offs follow each other closely, short enough not to delay the returning thread.
std::chrono::nanoseconds shortest_hold(const Gil& gil) { return gil.switch_interval / 50; }

// Mutex held, by a thread that is taking the GIL: reading interp.switch_interval here is
// ordered after any sys.setswitchinterval, which ran under the GIL.
void become_holder(Gil& gil, GilWaiter* waiter) {
  gil.holder = waiter;
  gil.switch_interval = interval_of(*gil.interp);
  ++waiter->record.stats.acquisitions;
  set_activity(gil, waiter, GilActivity::holding);
}

// Gives the GIL to the next waiter, or frees it. Mutex held.
void hand_over(Gil& gil, GilWaiter* from) {
  set_activity(gil, from, GilActivity::away);
  GilWaiter* next = gil.shutdown_owner ? nullptr : (gil.returning.empty() ? gil.queued.pop() : gil.returning.pop());
  if (!next) {
    gil.holder = nullptr;
    clear_drop_request(gil);
    return;
  }
  gil.holder = next;
  gil.held_since = Clock::now();
  next->granted = true;
  next->waiting = false;
  ++gil.switches;
  clear_drop_request(gil);
  next->wake.notify_one();
  // The new first waiter starts timing the new holder.
  if (GilWaiter* first = first_waiter(gil)) first->wake.notify_one();
}

[[noreturn]] void block_forever(std::unique_lock<std::mutex>& lock, GilWaiter* waiter) {
  for (;;) waiter->wake.wait(lock);
}

// Queues `waiter` and sleeps until the GIL is handed to it. Mutex held.
void wait_for_gil(Gil& gil, GilWaiter* waiter, std::unique_lock<std::mutex>& lock) {
  set_activity(gil, waiter, GilActivity::waiting);
  waiter->waiting = true;
  (waiter->voluntary ? gil.returning : gil.queued).push(waiter);
  while (!waiter->granted) {
    if (gil.shutdown_owner && gil.shutdown_owner != waiter) block_forever(lock, waiter);
    if (first_waiter(gil) != waiter) {
      waiter->wake.wait(lock);
      continue;
    }
    // First in line: ask the holder to drop once it has had the GIL for the switch interval,
    // or, for a thread back from a blocking call, for the shortest hold.
    uint64_t switches = gil.switches;
    Clock::time_point deadline =
        gil.held_since + (gil.returning.front() == waiter ? shortest_hold(gil) : gil.switch_interval);
    bool holder_changed = waiter->wake.wait_until(lock, deadline, [&] {
      return waiter->granted || gil.switches != switches || first_waiter(gil) != waiter;
    });
    if (holder_changed) continue;
    request_drop(gil);
    waiter->wake.wait(lock, [&] { return waiter->granted || gil.switches != switches; });
  }
  waiter->granted = false;
  become_holder(gil, waiter);
}

GilWaiter* new_waiter(Gil& gil, ThreadState& thread) {
  auto* waiter = new GilWaiter();
  waiter->gil = &gil;
  waiter->thread = &thread;
  thread.gil_waiter = waiter;
  return waiter;
}

}  // namespace

void gil_create(Interpreter& interp) {
  auto* gil = new Gil();
  gil->interp = &interp;
  interp.gil = gil;
  GilWaiter* main = new_waiter(*gil, interp.main_thread);
  gil->main = main;
  gil->main_os_thread = pthread_self();
  gil->threads.push_back(main);
  main->record.number = gil->threads_attached++;
  gil->held_since = Clock::now();
  become_holder(*gil, main);
}

void gil_destroy(Interpreter& interp) {
  Gil* gil = interp.gil;
  if (!gil) return;
  GilWaiter* main = interp.main_thread.gil_waiter;
  {
    std::lock_guard<std::mutex> guard(gil->threads_mutex);
    if (main) std::erase(gil->threads, main);
    // Daemon threads blocked for good still point at the GIL: it must outlive them.
    if (!gil->threads.empty()) {
      interp.main_thread.gil_waiter = nullptr;
      return;
    }
  }
  if (main) {
    decref(main->sentinel_lock);
    decref(main->local_dicts);
    delete main;
  }
  interp.main_thread.gil_waiter = nullptr;
  Interpreter* expected = &interp;
  signal_interpreter.compare_exchange_strong(expected, nullptr);
  interp.gil = nullptr;
  delete gil;
}

void gil_attach_thread(Interpreter& interp, ThreadState& thread) {
  Gil& gil = *interp.gil;
  GilWaiter* waiter = new_waiter(gil, thread);
  std::lock_guard<std::mutex> guard(gil.threads_mutex);
  gil.threads.push_back(waiter);
  waiter->record.number = gil.threads_attached++;
}

void gil_detach_thread(ThreadState& thread) {
  GilWaiter* waiter = thread.gil_waiter;
  Gil& gil = *waiter->gil;
  {
    // The record moves to finished_threads and the waiter leaves `threads` in one step under both
    // locks: take_pictures must never see the thread in both lists (a second, emptied row).
    std::lock_guard<std::mutex> threads_guard(gil.threads_mutex);
    std::lock_guard<std::mutex> guard(gil.mutex);
    if (gil.holder == waiter) hand_over(gil, waiter);
    if (gil.recording) gil.finished_threads.push_back(std::move(waiter->record));
    std::erase(gil.threads, waiter);
  }
  thread.gil_waiter = nullptr;
  delete waiter;
}

void gil_acquire(ThreadState& thread) {
  GilWaiter* waiter = thread.gil_waiter;
  Gil& gil = *waiter->gil;
  std::unique_lock<std::mutex> lock(gil.mutex);
  if (gil.shutdown_owner && gil.shutdown_owner != waiter) block_forever(lock, waiter);
  if (!gil.holder) {
    gil.held_since = Clock::now();
    become_holder(gil, waiter);
  } else {
    wait_for_gil(gil, waiter, lock);
  }
  waiter->voluntary = false;
}

void gil_release(ThreadState& thread) {
  GilWaiter* waiter = thread.gil_waiter;
  Gil& gil = *waiter->gil;
  std::lock_guard<std::mutex> guard(gil.mutex);
  hand_over(gil, waiter);
}

// A thread without a GilWaiter (start-up before gil_create) has no GIL to let go of.
ReleaseGil::ReleaseGil(ThreadState& thread) : thread_(thread) {
  if (!thread.gil_waiter) return;
  thread.gil_waiter->voluntary = true;
  gil_release(thread);
}

// errno survives: callers read it after the blocking call's scope.
ReleaseGil::~ReleaseGil() {
  if (!thread_.gil_waiter) return;
  int saved_errno = errno;
  gil_acquire(thread_);
  errno = saved_errno;
}

LockReleasingGil::LockReleasingGil(std::mutex& mutex, ThreadState& thread) : mutex_(mutex) {
  if (mutex.try_lock()) return;
  ReleaseGil unlocked(thread);
  mutex.lock();
}

bool is_main_thread(const ThreadState& thread) {
  return thread.gil_waiter && thread.gil_waiter == thread.gil_waiter->gil->main;
}

bool check_signals(ThreadState& thread) {
  if (!is_main_thread(thread)) return true;
  thread.interp->eval_breaker.fetch_and(~uint32_t(eval_breaker_signal_pending), std::memory_order_relaxed);
  if (!any_signal_tripped.exchange(false, std::memory_order_acquire)) return true;
  // Python handlers belong to the signal interpreter; another interpreter only sees SIGINT.
  Interpreter* owner = signal_interpreter.load(std::memory_order_relaxed);
  bool runs_handlers = !owner || owner == thread.interp;
  for (int signum = 1; signum < NSIG; ++signum) {
    if (!signal_tripped[signum].exchange(false, std::memory_order_relaxed)) continue;
    Value handler = runs_handlers ? python_signal_handlers[signum] : Value();
    bool ok;
    if (handler && !is_int(handler) && !handler.is_none()) {
      Ref number = int_from_i64(signum);
      Ref result = number ? call2(handler, *number, Value::none()) : Ref();
      ok = bool(result);
    } else {
      // No Python handler (or SIG_DFL/SIG_IGN set since the signal came): only SIGINT means something.
      ok = signum != SIGINT || handler;
      if (!ok) raise_value(Value(&KeyboardInterrupt_type));
    }
    if (!ok) {
      // The signals not looked at yet stay pending for the next check.
      for (int later = signum + 1; later < NSIG; ++later)
        if (signal_tripped[later].load(std::memory_order_relaxed)) {
          any_signal_tripped.store(true, std::memory_order_release);
          thread.interp->eval_breaker.fetch_or(eval_breaker_signal_pending, std::memory_order_relaxed);
          break;
        }
      return false;
    }
  }
  return true;
}

bool handle_eval_breaker(ThreadState& thread) {
  GilWaiter* waiter = thread.gil_waiter;
  if (!waiter) return true;
  std::atomic<uint32_t>& breaker = thread.interp->eval_breaker;
  bool main_thread = is_main_thread(thread);
  if (main_thread && (breaker.load(std::memory_order_relaxed) & eval_breaker_signal_pending) && !check_signals(thread))
    return false;
  if ((breaker.load(std::memory_order_relaxed) & eval_breaker_host_check) && thread.interp->host_check &&
      !thread.interp->host_check(thread, 1))
    return false;
  uint32_t bits = breaker.load(std::memory_order_relaxed) & ~uint32_t(eval_breaker_host_check);
  if (!bits) return true;
  Gil& gil = *waiter->gil;
  std::unique_lock<std::mutex> lock(gil.mutex);
  // Another thread seeing a pending signal lets the queue turn towards the waiting main thread.
  bool asked = (bits & eval_breaker_gil_drop_request) ||
               (!main_thread && (bits & eval_breaker_signal_pending) && gil.main && gil.main->waiting);
  if (!asked) return true;
  if (gil.shutdown_owner || (gil.returning.empty() && gil.queued.empty())) {
    clear_drop_request(gil);
    return true;
  }
  ++waiter->record.stats.forced_drops;
  hand_over(gil, waiter);
  wait_for_gil(gil, waiter, lock);
  return true;
}

thread_local constinit int interruptible_depth = 0;

void charge_native_work(uint64_t checks) {
  ThreadState* thread = current_thread;
  if (interruptible_depth == 0 || !thread || !thread->gil_waiter) return;
  Interpreter& interp = *thread->interp;
  if ((interp.eval_breaker.load(std::memory_order_relaxed) & eval_breaker_host_check) && interp.host_check &&
      !interp.host_check(*thread, checks))
    throw PendingException();
}

void interrupt_main_thread(Interpreter& interp) {
  if (signal_interpreter.load() == &interp) {
    pthread_kill(interp.gil->main_os_thread, SIGINT);
    return;
  }
  signal_tripped[SIGINT].store(true, std::memory_order_relaxed);
  any_signal_tripped.store(true, std::memory_order_release);
  interp.eval_breaker.fetch_or(eval_breaker_signal_pending, std::memory_order_relaxed);
}

void trip_signal(int signum) {
  int saved_errno = errno;
  if (signum > 0 && signum < NSIG) {
    mark_signal_pending(signum);
    pthread_t main = signal_main_os_thread.load(std::memory_order_relaxed);
    if (signal_interpreter.load(std::memory_order_relaxed) && !pthread_equal(pthread_self(), main))
      pthread_kill(main, signum);
  }
  errno = saved_errno;
}

void install_signal_handlers(Interpreter& interp) {
  signal_main_os_thread.store(pthread_self());
  signal_interpreter.store(&interp);
  struct sigaction action = {};
  action.sa_handler = trip_signal;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking call in the main thread returns EINTR and checks for the interrupt.
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);
}

Value python_signal_handler(int signum) {
  return signum > 0 && signum < NSIG ? python_signal_handlers[signum] : Value();
}

void set_python_signal_handler(int signum, Value handler) {
  if (signum <= 0 || signum >= NSIG) return;
  if (handler) incref(handler);
  Value old = python_signal_handlers[signum];
  python_signal_handlers[signum] = handler;
  if (old) decref(old);
}

Interpreter* signal_handling_interpreter() { return signal_interpreter.load(); }

bool sleep_releasing_gil(double seconds) {
  ThreadState& thread = thread_state();
  if (!check_signals(thread)) return false;
  if (!(seconds > 0)) {
    ReleaseGil unlocked(thread);
    return true;
  }
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  double whole = std::floor(seconds);
  deadline.tv_sec += time_t(whole);
  deadline.tv_nsec += long((seconds - whole) * 1e9);
  if (deadline.tv_nsec >= 1'000'000'000) {
    deadline.tv_sec += 1;
    deadline.tv_nsec -= 1'000'000'000;
  }
  for (;;) {
    int result;
    {
      ReleaseGil unlocked(thread);
      result = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr);
    }
    if (result != EINTR) return true;
    if (!check_signals(thread)) return false;
  }
}

void gil_begin_shutdown(Interpreter& interp) {
  Gil& gil = *interp.gil;
  std::lock_guard<std::mutex> guard(gil.mutex);
  gil.shutdown_owner = thread_state().gil_waiter;
  clear_drop_request(gil);
}

void gil_after_fork_child(Interpreter& interp) {
  Gil& gil = *interp.gil;
  GilWaiter* self = thread_state().gil_waiter;
  // The mutexes may have been held by threads that do not exist in the child.
  new (&gil.mutex) std::mutex();
  new (&gil.threads_mutex) std::mutex();
  new (&self->wake) std::condition_variable();
  gil.returning.clear();
  gil.queued.clear();
  gil.holder = self;
  gil.held_since = Clock::now();
  gil.main = self;
  gil.main_os_thread = pthread_self();
  if (signal_interpreter.load() == &interp) signal_main_os_thread.store(pthread_self());
  self->granted = false;
  // The other threads' records stay allocated: their stacks (and whatever they were doing
  // with them) are gone, so nothing they own can be released safely.
  gil.threads.assign(1, self);
  clear_drop_request(gil);
  // The forking thread may have been started with SIGINT blocked; now it is the main thread.
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &interrupt, nullptr);
}

size_t gil_thread_count(Interpreter& interp) {
  Gil& gil = *interp.gil;
  std::lock_guard<std::mutex> guard(gil.threads_mutex);
  return gil.threads.size();
}

// ---- Seeing the GIL ----

void gil_start_recording(Interpreter& interp) {
  Gil& gil = *interp.gil;
  std::lock_guard<std::mutex> threads_guard(gil.threads_mutex);
  std::lock_guard<std::mutex> guard(gil.mutex);
  gil.recording = true;
  gil.recording_start = Clock::now();
  for (GilWaiter* waiter : gil.threads) set_activity(gil, waiter, waiter->activity);
}

void gil_set_thread_name(ThreadState& thread, std::string_view name) {
  GilWaiter* waiter = thread.gil_waiter;
  if (!waiter) return;
  std::lock_guard<std::mutex> guard(waiter->gil->mutex);
  waiter->record.name = name;
}

namespace {

struct Span {
  int64_t start, end;  // nanoseconds since the recording began
  GilActivity activity;
};

struct ThreadPicture {
  uint64_t number;
  std::string name;
  GilThreadStats stats;
  std::vector<Span> spans;
};

const char* activity_label(GilActivity activity) {
  switch (activity) {
    case GilActivity::holding: return "running";
    case GilActivity::waiting: return "waiting for the GIL";
    case GilActivity::away: break;
  }
  return "blocked";
}

ThreadPicture picture_of(const GilThreadRecord& record, int64_t now, GilActivity current, bool live) {
  ThreadPicture picture{record.number, record.name, record.stats, {}};
  if (picture.name.empty()) picture.name = record.number == 0 ? "MainThread" : "thread " + std::to_string(record.number);
  const std::vector<GilEvent>& events = record.events;
  for (size_t i = 0; i < events.size(); ++i) {
    int64_t end = i + 1 < events.size() ? events[i + 1].at : (live ? now : events[i].at);
    if (end > events[i].at) picture.spans.push_back({events[i].at, end, events[i].activity});
  }
  // A live thread's current activity has lasted until now.
  if (live && !events.empty()) picture.stats.time_in[int(current)] += std::chrono::nanoseconds(now - events.back().at);
  return picture;
}

// Every thread recorded, ended or not, in the order they started.
std::vector<ThreadPicture> take_pictures(Gil& gil, int64_t& now) {
  std::lock_guard<std::mutex> threads_guard(gil.threads_mutex);
  std::lock_guard<std::mutex> guard(gil.mutex);
  now = (Clock::now() - gil.recording_start).count();
  std::vector<ThreadPicture> pictures;
  for (const GilThreadRecord& record : gil.finished_threads) pictures.push_back(picture_of(record, now, {}, false));
  for (GilWaiter* waiter : gil.threads) pictures.push_back(picture_of(waiter->record, now, waiter->activity, true));
  std::sort(pictures.begin(), pictures.end(),
            [](const ThreadPicture& a, const ThreadPicture& b) { return a.number < b.number; });
  return pictures;
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

std::string json_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char code[8];
      snprintf(code, sizeof code, "\\u%04x", c);
      out += code;
    } else {
      out += c;
    }
  }
  return out;
}

double milliseconds(std::chrono::nanoseconds duration) { return double(duration.count()) / 1e6; }

std::string fixed(double value, int decimals) {
  char buffer[64];
  snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

void gil_write_stats(Interpreter& interp, std::ostream& out) {
  int64_t now;
  std::vector<ThreadPicture> pictures = take_pictures(*interp.gil, now);
  char line[256];
  out << "GIL statistics over " << fixed(double(now) / 1e6, 1) << " ms\n";
  snprintf(line, sizeof line, "%-28s %12s %12s %12s %13s %13s\n", "thread", "holding (ms)", "waiting (ms)",
           "blocked (ms)", "acquisitions", "forced drops");
  out << line;
  GilThreadStats total;
  auto row = [&](const std::string& name, const GilThreadStats& stats) {
    snprintf(line, sizeof line, "%-28.28s %12.1f %12.1f %12.1f %13llu %13llu\n", name.c_str(),
             milliseconds(stats.time_in[int(GilActivity::holding)]), milliseconds(stats.time_in[int(GilActivity::waiting)]),
             milliseconds(stats.time_in[int(GilActivity::away)]), (unsigned long long)stats.acquisitions,
             (unsigned long long)stats.forced_drops);
    out << line;
  };
  for (const ThreadPicture& picture : pictures) {
    row(picture.name, picture.stats);
    for (int i = 0; i < 3; ++i) total.time_in[i] += picture.stats.time_in[i];
    total.acquisitions += picture.stats.acquisitions;
    total.forced_drops += picture.stats.forced_drops;
  }
  row("total", total);
}

void gil_write_trace(Interpreter& interp, std::ostream& out) {
  int64_t now;
  std::vector<ThreadPicture> pictures = take_pictures(*interp.gil, now);
  out << "{\"displayTimeUnit\": \"ms\", \"traceEvents\": [\n";
  out << "{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": 1, \"args\": {\"name\": \"chaipy\"}}";
  for (size_t tid = 0; tid < pictures.size(); ++tid) {
    const ThreadPicture& picture = pictures[tid];
    out << ",\n{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": 1, \"tid\": " << tid + 1
        << ", \"args\": {\"name\": \"" << json_escaped(picture.name) << "\"}}";
    out << ",\n{\"name\": \"thread_sort_index\", \"ph\": \"M\", \"pid\": 1, \"tid\": " << tid + 1
        << ", \"args\": {\"sort_index\": " << tid << "}}";
    for (const Span& span : picture.spans)
      out << ",\n{\"name\": \"" << activity_label(span.activity) << "\", \"cat\": \"gil\", \"ph\": \"X\", \"pid\": 1, \"tid\": "
          << tid + 1 << ", \"ts\": " << fixed(double(span.start) / 1e3, 3) << ", \"dur\": "
          << fixed(double(span.end - span.start) / 1e3, 3) << "}";
  }
  out << "\n]}\n";
}

// The SVG: a label column, then the time axis; a row per thread. Each span is a rect carrying
// its exact times (data-start/data-end, microseconds) so that tools and tests can read them.
void gil_write_timeline(Interpreter& interp, std::ostream& out) {
  int64_t now;
  std::vector<ThreadPicture> pictures = take_pictures(*interp.gil, now);
  const double label_width = 180, plot_width = 960, row_height = 26, bar_height = 18, top = 50;
  const double duration_ms = std::max(double(now) / 1e6, 1e-3);
  const double plot_left = label_width + 10;
  const double rows_bottom = top + row_height * double(pictures.size());
  const double height = rows_bottom + 80;
  const double width = plot_left + plot_width + 30;
  const struct {
    GilActivity activity;
    const char* colour;
  } palette[] = {{GilActivity::holding, "#2e9e48"}, {GilActivity::waiting, "#e4572e"}, {GilActivity::away, "#a9b4c2"}};
  auto colour_of = [&](GilActivity activity) {
    for (const auto& entry : palette)
      if (entry.activity == activity) return entry.colour;
    return "#000";
  };
  auto x_of = [&](int64_t ns) { return plot_left + double(ns) / 1e6 / duration_ms * plot_width; };

  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height << "\" font-family=\"sans-serif\" font-size=\"13\">\n";
  out << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  out << "<text x=\"" << plot_left << "\" y=\"24\" font-size=\"16\" font-weight=\"bold\">GIL timeline ("
      << fixed(duration_ms, 1) << " ms)</text>\n";
  for (size_t row = 0; row < pictures.size(); ++row) {
    const ThreadPicture& picture = pictures[row];
    double y = top + row_height * double(row);
    out << "<g class=\"thread\" data-name=\"" << xml_escaped(picture.name) << "\">\n";
    out << "<text class=\"label\" x=\"" << label_width << "\" y=\"" << y + bar_height - 4
        << "\" text-anchor=\"end\">" << xml_escaped(picture.name) << "</text>\n";
    out << "<rect x=\"" << plot_left << "\" y=\"" << y << "\" width=\"" << plot_width << "\" height=\"" << bar_height
        << "\" fill=\"#f4f6f8\"/>\n";
    for (const Span& span : picture.spans) {
      // Even the shortest run or wait stays visible; blocked spans are the background.
      double x = x_of(span.start), w = std::max(x_of(span.end) - x, span.activity == GilActivity::away ? 0.3 : 1.0);
      out << "<rect class=\"span\" data-activity=\"" << activity_label(span.activity) << "\" data-start=\""
          << fixed(double(span.start) / 1e3, 3) << "\" data-end=\"" << fixed(double(span.end) / 1e3, 3) << "\" x=\""
          << fixed(x, 2) << "\" y=\"" << y << "\" width=\"" << fixed(w, 2) << "\" height=\"" << bar_height
          << "\" fill=\"" << colour_of(span.activity) << "\"/>\n";
    }
    out << "</g>\n";
  }
  // The time axis: ticks at a round step giving at most about ten of them.
  double step = std::pow(10.0, std::floor(std::log10(duration_ms / 10)));
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (duration_ms / (step * factor) <= 10) {
      step *= factor;
      break;
    }
  bool in_seconds = step >= 1000;
  out << "<line x1=\"" << plot_left << "\" y1=\"" << rows_bottom + 4 << "\" x2=\"" << plot_left + plot_width
      << "\" y2=\"" << rows_bottom + 4 << "\" stroke=\"#333\"/>\n";
  for (double tick = 0; tick <= duration_ms + step * 1e-9; tick += step) {
    double x = plot_left + tick / duration_ms * plot_width;
    std::string label = in_seconds ? fixed(tick / 1000, step >= 10000 ? 0 : 1) + " s"
                                   : fixed(tick, step >= 1 ? 0 : (step >= 0.1 ? 1 : 2)) + " ms";
    out << "<line x1=\"" << fixed(x, 2) << "\" y1=\"" << rows_bottom + 4 << "\" x2=\"" << fixed(x, 2) << "\" y2=\""
        << rows_bottom + 10 << "\" stroke=\"#333\"/>\n";
    out << "<text class=\"tick\" x=\"" << fixed(x, 2) << "\" y=\"" << rows_bottom + 24
        << "\" text-anchor=\"middle\">" << label << "</text>\n";
  }
  double legend_y = rows_bottom + 50, legend_x = plot_left;
  for (const auto& entry : palette) {
    out << "<rect class=\"legend\" x=\"" << legend_x << "\" y=\"" << legend_y - 11 << "\" width=\"14\" height=\"14\" fill=\""
        << entry.colour << "\"/>\n";
    out << "<text x=\"" << legend_x + 20 << "\" y=\"" << legend_y << "\">" << activity_label(entry.activity)
        << "</text>\n";
    legend_x += 190;
  }
  out << "</svg>\n";
}

}  // namespace chaipy
