// Embedding example: a native module scripts import by name, with a function and a constant.
#include <chaipy/chaipy.hpp>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

int main() {
  chaipy::Interpreter vm;
  vm.module("host")
      .def("word_lengths", [](const std::vector<std::string>& words) {
        std::vector<size_t> lengths;
        for (const auto& word : words) lengths.push_back(word.size());
        return lengths;
      })
      .def("checked_sqrt", [](double x) {
        if (x < 0) throw std::invalid_argument("negative input");
        return std::sqrt(x);
      })
      .add("version", std::string("1.0"));
  vm.exec(
      "import host\n"
      "print(host.version, host.word_lengths(['a', 'bcd', 'ef']))\n"
      "try:\n"
      "    host.checked_sqrt(-1)\n"
      "except ValueError as e:\n"
      "    print('ValueError:', e)\n");
}
