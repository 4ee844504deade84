// Embedding example: run a string of code, read a result back, catch a script error.
#include <chaipy/chaipy.hpp>
#include <iostream>

int main() {
  chaipy::Interpreter vm;
  vm.exec("greeting = 'hello from ' + 'chaipy'\nprint(greeting)\n");
  std::cout << "squares: " << vm.eval("[i * i for i in range(5)]").repr() << "\n";
  try {
    vm.exec("int('seven')");
  } catch (const chaipy::Error& error) {
    std::cout << "caught " << error.what() << "\n";
  }
}
