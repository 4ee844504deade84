// Embedding example: two independent interpreters, each with its own GIL, running CPU-bound scripts in parallel on two host threads.
#include <chaipy/chaipy.hpp>
#include <iostream>
#include <thread>

int main() {
  const char* script =
      "def fib(n):\n"
      "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
      "result = fib(22)\n";
  long results[2] = {};
  std::thread workers[2];
  for (int i = 0; i < 2; ++i)
    workers[i] = std::thread([&, i] {
      chaipy::Interpreter vm;  // created, used and destroyed on this thread
      vm.set("which", i);
      vm.exec(script);
      results[i] = vm.get("result").cast<long>();
    });
  for (auto& worker : workers) worker.join();
  std::cout << "interpreter 0: " << results[0] << ", interpreter 1: " << results[1] << "\n";
}
