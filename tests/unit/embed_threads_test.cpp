// Embedding API tests: GilRelease / GilAcquire with script threads and host threads, and independent interpreters running in parallel.
#include <gtest/gtest.h>

#include <atomic>
#include <chaipy/chaipy.hpp>
#include <chrono>
#include <thread>

namespace {

using namespace std::chrono_literals;

TEST(EmbedThreads, GilReleaseLetsScriptThreadsRun) {
  chaipy::Interpreter vm;
  std::atomic<bool> ticked{false};
  vm.def("host_wait", [&] {
    chaipy::GilRelease unlocked;  // the script thread below runs meanwhile
    for (int i = 0; i < 2000 && !ticked; ++i) std::this_thread::sleep_for(1ms);
    return bool(ticked);
  });
  vm.def("tick", [&] { ticked = true; });
  vm.exec(
      "import threading\n"
      "t = threading.Thread(target=tick)\n"
      "t.start()\n"
      "saw_tick = host_wait()\n"
      "t.join()\n");
  EXPECT_TRUE(vm.get("saw_tick").cast<bool>());
}

TEST(EmbedThreads, GilAcquireFromHostThreads) {
  chaipy::Interpreter vm;
  vm.exec("log = []\n");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&vm, t] {
      for (int i = 0; i < 50; ++i) {
        chaipy::GilAcquire inside(vm);
        vm.get("log").attr("append")(t * 100 + i);
      }
    });
  // Meanwhile the creating thread runs a script that waits in time.sleep (GIL released).
  vm.exec("import time\nwhile len(log) < 200:\n    time.sleep(0.001)\n");
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(vm.eval("len(log)").cast<int>(), 200);
  EXPECT_EQ(vm.eval("sorted(log) == sorted(t * 100 + i for t in range(4) for i in range(50))").cast<bool>(), true);
}

TEST(EmbedThreads, AnyHostThreadMayCallWithoutAGuard) {
  chaipy::Interpreter vm;
  vm.exec("def square(x):\n    return x * x\n");
  int result = 0;
  std::thread other([&] { result = vm.call("square", 12).cast<int>(); });
  other.join();
  EXPECT_EQ(result, 144);
}

TEST(EmbedThreads, ScriptThreadsCallBoundFunctions) {
  chaipy::Interpreter vm;
  std::atomic<int> calls{0};
  vm.def("record", [&](int) { ++calls; });
  vm.exec(
      "import threading\n"
      "def work(n):\n"
      "    for i in range(100):\n"
      "        record(i)\n"
      "threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]\n"
      "for t in threads: t.start()\n"
      "for t in threads: t.join()\n");
  EXPECT_EQ(calls.load(), 300);
}

const char* const cpu_bound_script =
    "def work(n):\n"
    "    total = 0\n"
    "    for i in range(n):\n"
    "        total += i * i % 7\n"
    "    return total\n"
    "d = {}\n"
    "for k in range(200):\n"
    "    d[str(k)] = [k, k * 2.5, 'x' * (k % 5)]\n"
    "result = work(300000) + len(d)\n";

TEST(EmbedThreads, TwoInterpretersRunInParallel) {
  std::vector<int64_t> results(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&results, i] {
      chaipy::Interpreter vm;
      vm.set("which", i);
      vm.exec(cpu_bound_script);
      vm.exec("import json\nencoded = json.dumps({'which': which, 'result': result})\n");
      results[size_t(i)] = vm.get("result").cast<int64_t>();
    });
  for (auto& thread : threads) thread.join();
  chaipy::Interpreter reference;
  reference.exec(cpu_bound_script);
  int64_t expected = reference.get("result").cast<int64_t>();
  EXPECT_EQ(results[0], expected);
  EXPECT_EQ(results[1], expected);
}

TEST(EmbedThreads, InterpretersAreIndependent) {
  chaipy::Interpreter a, b;
  a.exec("import sys\nsys.shared = 'a'\nx = 1\n");
  b.exec("import sys\nx = 2\n");
  EXPECT_EQ(a.get("x").cast<int>(), 1);
  EXPECT_EQ(b.get("x").cast<int>(), 2);
  EXPECT_FALSE(b.eval("hasattr(sys, 'shared')").cast<bool>());
  // A value of one interpreter handed to the other's function goes through C++.
  a.def("from_b", [&b] { return b.get("x").cast<int>() * 10; });
  EXPECT_EQ(a.eval("from_b()").cast<int>(), 20);
}

}  // namespace
