// Tests of the GIL (runtime/gil.cpp): hand-off, forced switching, priority of threads back from blocking calls, signals, shutdown and fork.
#include "runtime/gil.hpp"

#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "runtime/errors.hpp"

namespace chaipy {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// A bare interpreter: just what the GIL needs (no modules), with this thread as its main thread.
// A full interpreter is made once beforehand so that the builtin types (KeyboardInterrupt) exist.
class GilTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static Interpreter* runtime = interpreter_create(InterpreterConfig{});
    ASSERT_NE(runtime, nullptr);
  }

  void SetUp() override {
    interp_ = std::make_unique<Interpreter>();
    interp_->main_thread.interp = interp_.get();
    saved_thread_ = current_thread;
    current_thread = &interp_->main_thread;
    gil_create(*interp_);
  }
  void TearDown() override {
    gil_destroy(*interp_);
    current_thread = saved_thread_;
    // Threads left blocked for good keep using the GIL, so the interpreter must outlive them.
    if (interp_->gil) interp_.release();
  }

  Gil& gil() { return *interp_->gil; }
  Interpreter& interp() { return *interp_; }
  ThreadState& main_thread() { return interp_->main_thread; }

  // Runs `body` on a new OS thread attached to the interpreter, holding the GIL while it runs.
  std::thread spawn(std::function<void(ThreadState&)> body) {
    auto* thread = new ThreadState();
    thread->interp = interp_.get();
    gil_attach_thread(*interp_, *thread);
    return std::thread([thread, body] {
      current_thread = thread;
      gil_acquire(*thread);
      body(*thread);
      gil_detach_thread(*thread);
      current_thread = nullptr;
      delete thread;
    });
  }

  size_t waiting_count() {
    std::lock_guard<std::mutex> guard(gil().mutex);
    size_t waiting = 0;
    for (GilWaiter* waiter : gil().threads) waiting += waiter->waiting;
    return waiting;
  }
  // Waits (without the GIL) until `count` threads sit in the GIL's queues.
  void wait_for_waiters(size_t count) {
    while (waiting_count() < count) std::this_thread::sleep_for(100us);
  }

  // What the evaluation loop does at backward jumps.
  static bool check_breaker(ThreadState& thread) {
    return thread.interp->eval_breaker.load(std::memory_order_relaxed) == 0 || handle_eval_breaker(thread);
  }

  std::unique_ptr<Interpreter> interp_;
  ThreadState* saved_thread_ = nullptr;
};

TEST_F(GilTest, MainThreadHoldsTheGilAfterCreate) {
  EXPECT_EQ(gil().holder, main_thread().gil_waiter);
  EXPECT_TRUE(is_main_thread(main_thread()));
  EXPECT_EQ(gil_thread_count(interp()), 1u);
  gil_release(main_thread());
  EXPECT_EQ(gil().holder, nullptr);
  gil_acquire(main_thread());
  EXPECT_EQ(gil().holder, main_thread().gil_waiter);
  EXPECT_EQ(interp().eval_breaker.load(), 0u);
}

TEST_F(GilTest, ReleaseHandsTheGilToTheWaiter) {
  std::atomic<bool> ran{false};
  std::thread worker = spawn([&](ThreadState&) { ran = true; });
  wait_for_waiters(1);
  EXPECT_FALSE(ran);
  {
    ReleaseGil unlocked(main_thread());
    worker.join();
  }
  EXPECT_TRUE(ran);
  EXPECT_EQ(gil().holder, main_thread().gil_waiter);
  EXPECT_EQ(gil_thread_count(interp()), 1u);
}

TEST_F(GilTest, HoldersAreServedInArrivalOrder) {
  std::vector<int> order;
  std::vector<std::thread> workers;
  for (int i = 0; i < 5; ++i) {
    workers.push_back(spawn([&order, i](ThreadState&) { order.push_back(i); }));
    wait_for_waiters(i + 1);
  }
  {
    ReleaseGil unlocked(main_thread());
    for (auto& worker : workers) worker.join();
  }
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST_F(GilTest, WaiterAsksTheHolderToDropAfterTheSwitchInterval) {
  interp().switch_interval = 0.002;
  std::atomic<bool> ran{false};
  std::thread worker = spawn([&](ThreadState&) { ran = true; });
  Clock::time_point start = Clock::now();
  while (!(interp().eval_breaker.load() & eval_breaker_gil_drop_request)) std::this_thread::sleep_for(100us);
  EXPECT_GE(Clock::now() - start, 1ms);
  ASSERT_TRUE(handle_eval_breaker(main_thread()));  // hands over and waits until it is back
  EXPECT_TRUE(ran);
  EXPECT_EQ(main_thread().gil_waiter->record.stats.forced_drops, 1u);
  worker.join();
}

TEST_F(GilTest, ForcedSwitchingAlternatesCpuBoundThreads) {
  interp().switch_interval = 0.001;
  std::vector<int> holders;  // who ran after each switch (appended while holding the GIL)
  std::atomic<size_t> switches{0};
  std::atomic<bool> stop{false};
  uint64_t acquisitions[2] = {0, 0};
  auto spinner = [&](int id) {
    return [&, id](ThreadState& thread) {
      while (!stop.load(std::memory_order_relaxed)) {
        if (holders.empty() || holders.back() != id) {
          holders.push_back(id);
          switches.fetch_add(1, std::memory_order_relaxed);
        }
        check_breaker(thread);
      }
      acquisitions[id] = thread.gil_waiter->record.stats.acquisitions;
    };
  };
  std::thread a = spawn(spinner(0));
  std::thread b = spawn(spinner(1));
  {
    ReleaseGil unlocked(main_thread());
    // Enough switches to see the pattern; on a loaded machine that can take longer than usual.
    auto deadline = std::chrono::steady_clock::now() + 10s;
    while (switches.load() <= 40 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(50ms);
    stop = true;
    a.join();
    b.join();
  }
  // Each forced drop gives the GIL to the other thread, so the holders strictly alternate
  // and both got it as often (within the one turn that ends the run).
  ASSERT_GT(holders.size(), 20u);
  for (size_t i = 1; i < holders.size(); ++i) ASSERT_NE(holders[i], holders[i - 1]);
  EXPECT_LE(std::max(acquisitions[0], acquisitions[1]) - std::min(acquisitions[0], acquisitions[1]), 1u);
}

TEST_F(GilTest, ThreadsBackFromBlockingCallsGoFirst) {
  // Long enough that the forced waiter cannot ask for a drop by itself, even on a loaded
  // machine (it did once at load 7 with the default 5 ms, before the check below).
  interp().switch_interval = 1.0;
  { ReleaseGil unlocked(main_thread()); }  // the holder's interval is read as it takes the GIL
  std::vector<const char*> order;
  std::thread forced = spawn([&](ThreadState&) { order.push_back("forced"); });
  wait_for_waiters(1);
  EXPECT_EQ(interp().eval_breaker.load() & eval_breaker_gil_drop_request, 0u);
  auto* returning = new ThreadState();
  returning->interp = &interp();
  gil_attach_thread(interp(), *returning);
  returning->gil_waiter->voluntary = true;  // as when ReleaseGil's destructor takes the GIL back
  std::thread back([&] {
    current_thread = returning;
    gil_acquire(*returning);
    order.push_back("returning");
    gil_detach_thread(*returning);
    delete returning;
  });
  wait_for_waiters(2);
  // It does not wait for the switch interval: the holder is asked to drop after the shortest
  // hold (a fiftieth of the interval), long before the interval is over.
  auto deadline = std::chrono::steady_clock::now() + 500ms;
  while (!(interp().eval_breaker.load() & eval_breaker_gil_drop_request) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(1ms);
  EXPECT_NE(interp().eval_breaker.load() & eval_breaker_gil_drop_request, 0u);
  ASSERT_TRUE(handle_eval_breaker(main_thread()));
  forced.join();
  back.join();
  EXPECT_EQ(order, (std::vector<const char*>{"returning", "forced"}));
}

// The convoy effect: a thread that blocks briefly many times beside a CPU-bound thread must
// get the GIL back at once each time instead of waiting for the switch interval (5 ms). The
// median is what is checked: on a loaded machine the OS may preempt the holder now and then.
TEST_F(GilTest, ThreadBackFromABlockingCallDoesNotWaitForTheSwitchInterval) {
  std::atomic<bool> stop{false};
  std::vector<Clock::duration> delays;
  std::thread cpu = spawn([&](ThreadState& thread) {
    while (!stop.load(std::memory_order_relaxed)) check_breaker(thread);
  });
  std::thread io = spawn([&](ThreadState& thread) {
    for (int i = 0; i < 100; ++i) {
      Clock::time_point woke;
      {
        ReleaseGil unlocked(thread);
        std::this_thread::sleep_for(500us);
        woke = Clock::now();
      }
      delays.push_back(Clock::now() - woke);
    }
    stop = true;
  });
  {
    ReleaseGil unlocked(main_thread());
    io.join();
    cpu.join();
  }
  std::sort(delays.begin(), delays.end());
  EXPECT_LT(delays[delays.size() / 2], 1ms);
}

TEST_F(GilTest, ManyThreadsShareTheGil) {
  interp().switch_interval = 0.0005;
  int64_t counter = 0;  // plain int: the GIL is its only protection
  std::vector<std::thread> workers;
  for (int i = 0; i < 32; ++i)
    workers.push_back(spawn([&](ThreadState& thread) {
      for (int n = 0; n < 20000; ++n) {
        ++counter;
        check_breaker(thread);
        if (n % 1000 == 0) ReleaseGil unlocked(thread);
      }
    }));
  {
    ReleaseGil unlocked(main_thread());
    for (auto& worker : workers) worker.join();
  }
  EXPECT_EQ(counter, 32 * 20000);
  EXPECT_EQ(gil_thread_count(interp()), 1u);
}

TEST_F(GilTest, InterruptMainRaisesKeyboardInterruptInTheMainThreadOnly) {
  interrupt_main_thread(interp());
  bool other_ok = false;
  std::thread other = spawn([&](ThreadState& thread) { other_ok = check_signals(thread) && handle_eval_breaker(thread); });
  {
    ReleaseGil unlocked(main_thread());
    other.join();
  }
  EXPECT_TRUE(other_ok);
  EXPECT_FALSE(handle_eval_breaker(main_thread()));
  EXPECT_TRUE(error_matches(&KeyboardInterrupt_type));
  clear_error();
  EXPECT_EQ(interp().eval_breaker.load() & eval_breaker_signal_pending, 0u);
  EXPECT_TRUE(handle_eval_breaker(main_thread()));
}

TEST_F(GilTest, SigintWakesTheMainThreadFromSleep) {
  install_signal_handlers(interp());
  pthread_t main_id = pthread_self();
  std::thread sender([main_id] {
    std::this_thread::sleep_for(50ms);
    pthread_kill(main_id, SIGINT);
  });
  Clock::time_point start = Clock::now();
  EXPECT_FALSE(sleep_releasing_gil(10.0));
  EXPECT_LT(Clock::now() - start, 5s);
  EXPECT_TRUE(error_matches(&KeyboardInterrupt_type));
  clear_error();
  sender.join();
  EXPECT_EQ(gil().holder, main_thread().gil_waiter);
  signal(SIGINT, SIG_DFL);
}

TEST_F(GilTest, SleepReleasesTheGil) {
  std::atomic<bool> ran{false};
  std::thread worker = spawn([&](ThreadState&) { ran = true; });
  wait_for_waiters(1);
  EXPECT_TRUE(sleep_releasing_gil(0.01));
  EXPECT_TRUE(ran);
  worker.join();
}

TEST_F(GilTest, AfterShutdownOtherThreadsNeverRunAgain) {
  std::atomic<bool> ran{false};
  std::thread daemon = spawn([&](ThreadState&) { ran = true; });
  wait_for_waiters(1);
  gil_begin_shutdown(interp());
  {
    ReleaseGil unlocked(main_thread());
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_FALSE(ran);
  EXPECT_EQ(gil().holder, main_thread().gil_waiter);
  daemon.detach();  // blocked for good, as a daemon thread at exit
}

TEST_F(GilTest, ForkChildGetsAFreshGilHeldByTheForkingThread) {
  std::atomic<bool> stop{false};
  std::atomic<int> rounds{0};
  std::thread other = spawn([&](ThreadState& thread) {
    while (!stop.load()) {
      ReleaseGil unlocked(thread);
      rounds.fetch_add(1);
      std::this_thread::sleep_for(100us);
    }
  });
  // Fork only once the other thread runs its loop: GCC 12's ASan has no fork handler, so a
  // child forked while a starting thread holds one of the sanitizer's locks can deadlock.
  {
    ReleaseGil unlocked(main_thread());
    while (rounds.load() < 3) std::this_thread::sleep_for(100us);
  }
  pid_t child = fork();
  if (child == 0) {
    gil_after_fork_child(interp());
    bool ok = gil().holder == main_thread().gil_waiter && gil_thread_count(interp()) == 1;
    gil_release(main_thread());
    gil_acquire(main_thread());
    ok = ok && sleep_releasing_gil(0.001) && gil().holder == main_thread().gil_waiter;
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  {
    ReleaseGil unlocked(main_thread());
    // A stuck child fails the test rather than hang it.
    Clock::time_point deadline = Clock::now() + 60s;
    pid_t ended = 0;
    while ((ended = waitpid(child, &status, WNOHANG)) == 0 && Clock::now() < deadline) std::this_thread::sleep_for(1ms);
    if (ended == 0) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
    }
    stop = true;
    other.join();
    ASSERT_EQ(ended, child) << "the forked child did not end within 60 s";
  }
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// The pictures: one row per thread with its name, a time axis and a legend; and, the GIL being
// what it is, no two threads ever run at the same time.
TEST_F(GilTest, TimelineShowsEveryThreadAndRunningSpansNeverOverlap) {
  gil_start_recording(interp());
  interp().switch_interval = 0.0005;
  gil_set_thread_name(main_thread(), "MainThread");
  auto worker = [](const char* name, bool blocks) {
    return [name, blocks](ThreadState& thread) {
      gil_set_thread_name(thread, name);
      Clock::time_point end = Clock::now() + 30ms;
      while (Clock::now() < end) {
        check_breaker(thread);
        if (blocks) {
          ReleaseGil unlocked(thread);
          std::this_thread::sleep_for(200us);
        }
      }
    };
  };
  std::thread cpu = spawn(worker("Barista-1", false));
  std::thread io = spawn(worker("Barista-2 <&>", true));
  {
    ReleaseGil unlocked(main_thread());
    cpu.join();
    io.join();
  }
  std::ostringstream svg, trace, stats;
  gil_write_timeline(interp(), svg);
  gil_write_trace(interp(), trace);
  gil_write_stats(interp(), stats);

  // Rows: <g class="thread" data-name="..."> ... </g>, spans: data-activity/data-start/data-end.
  struct Run {
    double start, end;
    size_t row;
  };
  std::vector<std::string> rows;
  std::vector<Run> runs;
  std::string text = svg.str();
  auto attribute = [](const std::string& element, const std::string& name) {
    size_t at = element.find(" " + name + "=\"");
    if (at == std::string::npos) return std::string();
    at += name.size() + 3;
    return element.substr(at, element.find('"', at) - at);
  };
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("<g class=\"thread\"", 0) == 0) rows.push_back(attribute(line, "data-name"));
    if (line.rfind("<rect class=\"span\"", 0) == 0 && attribute(line, "data-activity") == "running")
      runs.push_back({std::stod(attribute(line, "data-start")), std::stod(attribute(line, "data-end")), rows.size() - 1});
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"MainThread", "Barista-1", "Barista-2 &lt;&amp;&gt;"}));
  EXPECT_NE(text.find(">Barista-1</text>"), std::string::npos);
  EXPECT_NE(text.find(" ms</text>"), std::string::npos);  // the scale
  for (const char* legend : {">running</text>", ">waiting for the GIL</text>", ">blocked</text>"})
    EXPECT_NE(text.find(legend), std::string::npos) << legend;
  ASSERT_GT(runs.size(), 10u);
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.start < b.start; });
  for (size_t i = 1; i < runs.size(); ++i) EXPECT_LE(runs[i - 1].end, runs[i].start) << "rows " << runs[i - 1].row << " and " << runs[i].row;

  EXPECT_NE(trace.str().find("\"args\": {\"name\": \"Barista-2 <&>\"}"), std::string::npos);
  EXPECT_NE(trace.str().find("\"name\": \"waiting for the GIL\""), std::string::npos);
  EXPECT_NE(stats.str().find("Barista-1"), std::string::npos);
  EXPECT_NE(stats.str().find("forced drops"), std::string::npos);
}


// A thread that ends while the statistics are being taken is one row, never two (its record once
// among the finished threads and once, emptied, among the live ones).
TEST_F(GilTest, StatsListAnEndingThreadOnce) {
  gil_start_recording(interp());
  gil_set_thread_name(main_thread(), "MainThread");
  ReleaseGil unlocked(main_thread());
  for (size_t started = 1; started <= 100; ++started) {
    std::atomic<bool> done = false;
    std::thread worker = spawn([&done](ThreadState& thread) {
      gil_set_thread_name(thread, "worker");
      done = true;
    });
    // Keep taking pictures while the worker runs and for a while after, as it detaches.
    for (int after_done = 0; after_done < 20; after_done += done) {
      std::ostringstream out;
      gil_write_stats(interp(), out);
      std::string stats = out.str();
      // Lines: the title, the column names, one row per thread, the total.
      ASSERT_EQ(size_t(std::count(stats.begin(), stats.end(), '\n')), 3 + 1 + started) << stats;
    }
    worker.join();
  }
}

}  // namespace
}  // namespace chaipy
