// Embedding example: a memory cap, an instruction budget and an interrupt from another thread; the host survives each.
#include <chaipy/chaipy.hpp>
#include <chrono>
#include <iostream>
#include <thread>

int main() {
  chaipy::Options options;
  options.memory_limit = 16u << 20;  // bytes of script objects
  chaipy::Interpreter vm(options);

  try {
    vm.exec("hoard = []\nwhile True:\n    hoard.append(str(len(hoard)) * 100)\n");
  } catch (const chaipy::Error& error) {
    std::cout << "memory cap: " << error.type_name() << "\n";
  }
  vm.exec("del hoard");

  vm.set_instruction_budget(1'000'000);
  try {
    vm.exec("while True:\n    pass\n");
  } catch (const chaipy::Error& error) {
    std::cout << "budget: " << error.what() << "\n";
  }
  vm.set_instruction_budget(0);

  std::thread watchdog([&vm] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    vm.interrupt();
  });
  try {
    vm.exec("while True:\n    pass\n");
  } catch (const chaipy::Error& error) {
    std::cout << "interrupt: " << error.what() << "\n";
  }
  watchdog.join();
  std::cout << "still alive: " << vm.eval("6 * 7").cast<int>() << "\n";
}
