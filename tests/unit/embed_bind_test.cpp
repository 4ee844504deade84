// Embedding API tests: binding functions (defaults, keywords, CPython's wrong-call messages), native modules, classes, C++ exceptions in scripts.
#include <gtest/gtest.h>

#include <chaipy/chaipy.hpp>
#include <stdexcept>

namespace {

// The message of the exception the statement raises, as the script sees it.
std::string script_error(chaipy::Interpreter& vm, const std::string& statement) {
  vm.exec("try:\n    " + statement + "\n    _message = 'no error'\nexcept BaseException as e:\n"
          "    _message = type(e).__name__ + ': ' + str(e)\n");
  return vm.get("_message").cast<std::string>();
}

TEST(EmbedBind, FunctionsWithDefaultsAndKeywords) {
  chaipy::Interpreter vm;
  vm.def("clamp", [](double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }, chaipy::arg("x"),
         chaipy::arg("lo") = 0.0, chaipy::arg("hi") = 1.0);
  EXPECT_EQ(vm.eval("clamp(2.5)").cast<double>(), 1.0);
  EXPECT_EQ(vm.eval("clamp(-3, hi=5)").cast<double>(), 0.0);
  EXPECT_EQ(vm.eval("clamp(x=7, lo=1, hi=6)").cast<double>(), 6.0);
  EXPECT_EQ(vm.eval("repr(clamp)").cast<std::string>(), "<built-in function clamp>");
  EXPECT_EQ(script_error(vm, "clamp()"), "TypeError: clamp() missing 1 required positional argument: 'x'");
  EXPECT_EQ(script_error(vm, "clamp(1, 2, 3, 4)"),
            "TypeError: clamp() takes from 1 to 3 positional arguments but 4 were given");
  EXPECT_EQ(script_error(vm, "clamp(1, y=2)"), "TypeError: clamp() got an unexpected keyword argument 'y'");
  EXPECT_EQ(script_error(vm, "clamp(1, x=2)"), "TypeError: clamp() got multiple values for argument 'x'");
  EXPECT_EQ(script_error(vm, "clamp('a')"), "TypeError: clamp() argument 'x' must be float, not str");
}

TEST(EmbedBind, PositionalOnlyFunctionsAndReturnTypes) {
  chaipy::Interpreter vm;
  vm.def("two", [](int a, const std::string& b) { return std::vector<std::string>(size_t(a), b); });
  vm.def("nothing", [] {});
  vm.def("pair", [](std::optional<int> x) { return std::make_tuple(x.value_or(-1), std::string("ok")); });
  EXPECT_EQ(vm.eval("two(2, 'ab')").repr(), "['ab', 'ab']");
  EXPECT_TRUE(vm.eval("nothing()").is_none());
  EXPECT_EQ(vm.eval("pair(None)").repr(), "(-1, 'ok')");
  EXPECT_EQ(script_error(vm, "two(1)"), "TypeError: two() takes exactly 2 arguments (1 given)");
  EXPECT_EQ(script_error(vm, "two(1, b='x')"), "TypeError: two() takes no keyword arguments");
  EXPECT_EQ(script_error(vm, "two(1, 2)"), "TypeError: two() argument 2 must be str, not int");
  EXPECT_EQ(script_error(vm, "two(2**70, 'x')"), "OverflowError: Python int too large to convert to C int");
}

TEST(EmbedBind, CallbacksBothWays) {
  chaipy::Interpreter vm;
  vm.def("apply", [](const std::function<int(int)>& f, int x) { return f(x) + 1; });
  vm.def("adder", [](int n) { return std::function<int(int)>([n](int x) { return x + n; }); });
  EXPECT_EQ(vm.eval("apply(lambda v: v * 10, 4)").cast<int>(), 41);
  EXPECT_EQ(vm.eval("adder(5)(6)").cast<int>(), 11);
  EXPECT_EQ(script_error(vm, "apply(lambda v: 'x', 1)"), "TypeError: cannot convert str to int");
}

TEST(EmbedBind, CppExceptionsBecomeScriptExceptions) {
  chaipy::Interpreter vm;
  vm.def("fail", [](int kind) {
    switch (kind) {
      case 0: throw std::invalid_argument("bad value");
      case 1: throw std::out_of_range("no such index");
      case 2: throw std::bad_alloc();
      case 3: throw std::runtime_error("boom");
      default: throw 42;
    }
  });
  EXPECT_EQ(script_error(vm, "fail(0)"), "ValueError: bad value");
  EXPECT_EQ(script_error(vm, "fail(1)"), "IndexError: no such index");
  EXPECT_EQ(script_error(vm, "fail(2)"), "MemoryError: ");
  EXPECT_EQ(script_error(vm, "fail(3)"), "RuntimeError: boom");
  EXPECT_EQ(script_error(vm, "fail(4)"), "RuntimeError: unknown C++ exception");
  // A script exception passing through C++ keeps its identity.
  vm.exec("class Custom(Exception):\n    pass\ndef thrower():\n    raise Custom('mine')\n");
  chaipy::Object thrower = vm.get("thrower");
  vm.def("relay", [thrower]() { thrower(); });
  EXPECT_EQ(script_error(vm, "relay()"), "Custom: mine");
  try {
    vm.exec("fail(0)");
    FAIL();
  } catch (const chaipy::Error& error) {
    EXPECT_EQ(error.type_name(), "ValueError");
  }
}

TEST(EmbedBind, NativeModules) {
  chaipy::Interpreter vm;
  vm.module("host").def("greet", [](const std::string& who) { return "hello " + who; }, chaipy::arg("who"))
      .add("version", 3);
  vm.exec("import host\nfrom host import greet\nresult = greet(who='you') + ' ' + str(host.version)\n");
  EXPECT_EQ(vm.get("result").cast<std::string>(), "hello you 3");
  EXPECT_EQ(script_error(vm, "import nohost"), "ModuleNotFoundError: No module named 'nohost'");
}

struct Counter {
  explicit Counter(int start) : value(start) {}
  int incr(int by) { return value += by; }
  int get() const { return value; }
  void set(int v) { value = v; }
  int value;
  std::string label = "c";
};

int counters_alive = 0;
struct Tracked {
  Tracked() { ++counters_alive; }
  Tracked(const Tracked&) { ++counters_alive; }
  ~Tracked() { --counters_alive; }
};

TEST(EmbedBind, Classes) {
  chaipy::Interpreter vm;
  chaipy::class_<Counter>(vm, "Counter")
      .def_init<int>(chaipy::arg("start") = 0)
      .def("incr", &Counter::incr, chaipy::arg("by") = 1)
      .def_property("value", &Counter::get, &Counter::set)
      .def_readwrite("label", &Counter::label)
      .def("twice", [](const Counter& self) { return self.value * 2; })
      .repr([](const Counter& self) { return "Counter(" + std::to_string(self.value) + ")"; });
  vm.exec("c = Counter(5)\nc.incr()\nc.incr(by=10)\nc.value += 1\nc.label = 'main'\n");
  EXPECT_EQ(vm.eval("c.value").cast<int>(), 17);
  EXPECT_EQ(vm.eval("repr(c)").cast<std::string>(), "Counter(17)");
  EXPECT_EQ(vm.eval("c.twice()").cast<int>(), 34);
  EXPECT_EQ(vm.eval("c.label").cast<std::string>(), "main");
  EXPECT_EQ(vm.eval("Counter().value").cast<int>(), 0);
  EXPECT_EQ(vm.eval("type(c).__name__ + ' ' + type(c).__module__").cast<std::string>(), "Counter __main__");
  Counter& native = vm.get("c").cast<Counter&>();
  EXPECT_EQ(native.value, 17);
  vm.def("bump", [](Counter& c) { c.value += 100; });
  vm.exec("bump(c)");
  EXPECT_EQ(native.value, 117);
  EXPECT_EQ(script_error(vm, "c.incr('x')"), "TypeError: Counter.incr() argument 'by' must be int, not str");
  EXPECT_EQ(script_error(vm, "c.incr(1, 2)"), "TypeError: Counter.incr() takes from 1 to 2 positional arguments but 3 were given");
  EXPECT_EQ(script_error(vm, "bump(3)"), "TypeError: bump() argument 1 must be Counter, not int");
  EXPECT_EQ(script_error(vm, "Counter.incr(3)"),
            "TypeError: descriptor 'incr' for 'Counter' objects doesn't apply to a 'int' object");
  vm.exec("class Sub(Counter):\n    def triple(self):\n        return self.value * 3\ns = Sub(2)\n");
  EXPECT_EQ(vm.eval("s.triple() + s.incr()").cast<int>(), 9);
  // Returned by value: the script object owns a copy.
  vm.def("make", [](int v) { return Counter(v); });
  EXPECT_EQ(vm.eval("make(8).incr(2)").cast<int>(), 10);
}

TEST(EmbedBind, ScriptObjectsOwnTheirCppObjects) {
  {
    chaipy::Interpreter vm;
    chaipy::class_<Tracked>(vm, "Tracked").def_init<>();
    vm.exec("a = Tracked()\nb = [Tracked() for _ in range(3)]\n");
    EXPECT_EQ(counters_alive, 4);
    vm.exec("del b\n");
    EXPECT_EQ(counters_alive, 1);
  }
  EXPECT_EQ(counters_alive, 0);
}

TEST(EmbedBind, ModuleClasses) {
  chaipy::Interpreter vm;
  chaipy::Module geometry = vm.module("geometry");
  chaipy::class_<Counter>(geometry, "Counter").def_init<int>().def("get", &Counter::get);
  vm.exec("import geometry\nc = geometry.Counter(4)\n");
  EXPECT_EQ(vm.eval("c.get()").cast<int>(), 4);
  EXPECT_EQ(vm.eval("type(c).__module__").cast<std::string>(), "geometry");
}

}  // namespace
