// An embedder built outside the chaipy tree against the installed package: binds a function and runs a script.
#include <chaipy/chaipy.hpp>
#include <iostream>

int main() {
  chaipy::Interpreter vm;
  vm.def("twice", [](int x) { return 2 * x; });
  std::cout << "consumer: " << vm.eval("twice(21)").cast<int>() << "\n";
}
