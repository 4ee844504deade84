// Embedding example: a bound function that blocks with GilRelease while script threads run, and host threads calling in with GilAcquire.
#include <chaipy/chaipy.hpp>
#include <chrono>
#include <iostream>
#include <thread>
#include <vector>

int main() {
  chaipy::Interpreter vm;
  vm.def("host_io", [](int milliseconds) {
    chaipy::GilRelease unlocked;  // script threads keep running while the host waits
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  });
  vm.exec(
      "import threading\n"
      "progress = []\n"
      "def worker():\n"
      "    for i in range(5):\n"
      "        progress.append(i)\n"
      "t = threading.Thread(target=worker)\n"
      "t.start()\n"
      "host_io(20)\n"
      "t.join()\n"
      "print('worker ran during host_io:', progress)\n");

  vm.exec("results = []\n");
  std::vector<std::thread> hosts;
  for (int id = 0; id < 3; ++id)
    hosts.emplace_back([&vm, id] {
      chaipy::GilAcquire inside(vm);  // this host thread may now use the interpreter
      vm.get("results").attr("append")(id * id);
    });
  for (auto& host : hosts) host.join();
  std::cout << "host threads appended: " << vm.eval("sorted(results)").repr() << "\n";
}
