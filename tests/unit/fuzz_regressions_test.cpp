// Regression tests for what the fuzzers of tests/fuzz found: hostile scripts must not get past the memory cap or the instruction budget (run_fuzzer), odd literals must compile right (compile_fuzzer).
#include <gtest/gtest.h>

#include <chaipy/chaipy.hpp>
#include <string>

namespace {

constexpr size_t cap = 16u << 20;

// `s += chunk` on a str only a local holds grows it in place (realloc); the growth escaped the
// cap: a loop took a gigabyte under a 64 MiB cap (here it would reach 200 MB under 16 MiB).
TEST(FuzzRegressions, InPlaceStrGrowthCountsAgainstTheCap) {
  chaipy::Options options;
  options.memory_limit = cap;
  chaipy::Interpreter vm(options);
  try {
    vm.exec("def grow():\n    s = ''\n    for _ in range(200):\n        s += 'x' * 1000000\n    return len(s)\n"
            "grown = grow()\n");
    FAIL() << "grew to " << vm.get("grown").cast<long long>() << " bytes under a " << cap << "-byte cap";
  } catch (const chaipy::Error& error) {
    EXPECT_EQ(error.type_name(), "MemoryError");
  }
  EXPECT_LT(vm.memory_used(), cap);
  // What the str held is given back: the same interpreter can grow one again below the cap.
  vm.exec("def grow_small():\n    s = ''\n    for _ in range(100):\n        s += 'y' * 10000\n    return len(s)\n");
  EXPECT_EQ(vm.eval("grow_small()").cast<int>(), 1000000);
  EXPECT_LT(vm.memory_used(), cap);
}

// The budget stops a script whose every step is a big in-place append, and the str it built
// is accounted for when it goes.
TEST(FuzzRegressions, BudgetStopsAppendLoopAndMemoryReturns) {
  chaipy::Options options;
  options.memory_limit = cap;
  options.instruction_budget = 2000;
  chaipy::Interpreter vm(options);
  size_t before = vm.memory_used();
  try {
    vm.exec("def grow():\n    s = ''\n    while True:\n        s += 'z' * 1000\n"
            "grow()\n");
    FAIL();
  } catch (const chaipy::Error& error) {
    EXPECT_EQ(error.type_name(), "Interrupted");  // the budget, well below the cap
  }
  EXPECT_LT(vm.memory_used(), before + (1u << 20));
}

// Squaring in a loop: each step is one instruction but twice the work of all before it, so the
// budget alone let one input run for minutes (a timeout of the run fuzzer, in CI). Big-int work
// now charges the budget as it goes; the settings are run_fuzzer's.
TEST(FuzzRegressions, BudgetStopsRepeatedBigIntSquaring) {
  chaipy::Options options;
  options.memory_limit = 64u << 20;
  options.instruction_budget = 20000;
  chaipy::Interpreter vm(options);
  size_t before = vm.memory_used();
  try {
    vm.exec("x = 7\nwhile True:\n    x = x * x\n");
    FAIL();
  } catch (const chaipy::Error& error) {
    EXPECT_EQ(error.type_name(), "Interrupted");
  }
  vm.set_instruction_budget(0);
  EXPECT_GT(vm.eval("x.bit_length()").cast<long long>(), 1000000);  // it did square for a while
  EXPECT_LT(vm.memory_used(), before + (8u << 20));
}

// A float literal whose exponent overflows a long (strtol saturates) made the parser's range
// check overflow too (UBSan: signed overflow; in practice 1e9999999999999999999999 gave 0.0).
TEST(FuzzRegressions, FloatLiteralsWithHugeExponents) {
  chaipy::Interpreter vm;
  EXPECT_TRUE(vm.eval("1e9999999999999999999999999 == float('inf')").cast<bool>());
  EXPECT_TRUE(vm.eval("10e9223372036854775808 == float('inf')").cast<bool>());
  EXPECT_TRUE(vm.eval("-1e+9223372036854775807 == -float('inf')").cast<bool>());
  EXPECT_TRUE(vm.eval("0.001e99999999999999999999999999999 == float('inf')").cast<bool>());
  EXPECT_EQ(vm.eval("1.5e-9999999999999999999999").cast<double>(), 0.0);
  EXPECT_EQ(vm.eval("1e-9223372036854775809").cast<double>(), 0.0);
}

}  // namespace
