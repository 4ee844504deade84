// Benchmark: two interpreters on two host threads against one thread running both scripts in turn (the GIL-per-interpreter speed-up).
#include <chaipy/chaipy.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace {

const char* const script =
    "def fib(n):\n"
    "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
    "total = 0\n"
    "for i in range(2000000):\n"
    "    total += i % 7\n"
    "result = fib(25) + total\n";

void run_one() {
  chaipy::Interpreter vm;
  vm.exec(script);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 3;
  double best_serial = 1e9, best_parallel = 1e9;
  for (int round = 0; round < rounds; ++round) {
    auto start = std::chrono::steady_clock::now();
    run_one();
    run_one();
    best_serial = std::min(best_serial, seconds_since(start));

    start = std::chrono::steady_clock::now();
    std::thread a(run_one), b(run_one);
    a.join();
    b.join();
    best_parallel = std::min(best_parallel, seconds_since(start));
  }
  std::printf("two scripts, one thread:            %.3f s\n", best_serial);
  std::printf("two interpreters, two host threads: %.3f s\n", best_parallel);
  std::printf("speed-up: %.2fx (best of %d)\n", best_serial / best_parallel, rounds);
}
