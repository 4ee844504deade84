// Embedding example: bind a C++ function (keywords, defaults) and a C++ class, then use both from a script.
#include <chaipy/chaipy.hpp>
#include <string>

struct Counter {
  explicit Counter(int start) : value(start) {}
  int incr(int by) { return value += by; }
  int value;
};

int main() {
  chaipy::Interpreter vm;
  vm.def("clamp", [](double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; },
         chaipy::arg("x"), chaipy::arg("lo") = 0.0, chaipy::arg("hi") = 1.0);
  chaipy::class_<Counter>(vm, "Counter")
      .def_init<int>(chaipy::arg("start") = 0)
      .def("incr", &Counter::incr, chaipy::arg("by") = 1)
      .def_readwrite("value", &Counter::value)
      .repr([](const Counter& c) { return "Counter(" + std::to_string(c.value) + ")"; });
  vm.exec(
      "print(clamp(1.5), clamp(-2, lo=-1), clamp(0.25))\n"
      "c = Counter(10)\n"
      "c.incr()\n"
      "c.incr(by=5)\n"
      "print(c, c.value)\n"
      "try:\n"
      "    clamp()\n"
      "except TypeError as e:\n"
      "    print('TypeError:', e)\n");
}
