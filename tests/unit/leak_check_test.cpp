// LeakSanitizer checks of interpreter start-up and teardown (meaningful in the ASan build, skipped elsewhere).
#include <gtest/gtest.h>

#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace chaipy {
namespace {

// Runs `source` as module `name` in an interpreter made for it, then tears that down.
void run_in_fresh_interpreter(const char* source, const char* name) {
  InterpreterConfig config;
  config.argv = {"test"};
  Interpreter* interp = interpreter_create(config);
  ASSERT_NE(interp, nullptr);
  {
    Ref module = module_new(name);
    ASSERT_TRUE(module);
    Ref result = exec_source_in_module(source, "<" + std::string(name) + ">", *module);
    EXPECT_TRUE(result) << "the script raised";
    if (!result) clear_error();
  }
  interpreter_destroy(interp);
}

// Regression test for two leaks: the builtins module and its own functions (exec, __import__,
// ...) formed a cycle teardown did not break, and io.UnsupportedOperation's first bases and mro
// tuples were replaced without being freed. Several interpreters, so a per-interpreter leak
// cannot hide behind a one-time set-up.
TEST(LeakCheck, InterpretersLeaveNothingUnreachableAfterTeardown) {
#if !defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "needs LeakSanitizer: tools/sanitize.sh address,undefined";
#else
  for (int i = 0; i < 3; ++i) {
    InterpreterConfig config;
    config.argv = {"test"};
    Interpreter* interp = interpreter_create(config);
    ASSERT_NE(interp, nullptr);
    interpreter_destroy(interp);
  }
  EXPECT_EQ(__lsan_do_recoverable_leak_check(), 0) << "LeakSanitizer's report is on standard error";
#endif
}

// Regression test: staticmethod, classmethod, property and super had no traverse slot, so a
// cycle through one of them (very common: a method using __class__ or zero-argument super())
// outlived its interpreter. Teardown's collection must free them all.
TEST(LeakCheck, DescriptorCyclesAreFreedByTeardown) {
#if !defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "needs LeakSanitizer: tools/sanitize.sh address,undefined";
#else
  static const char source[] =
      "class Base:\n"
      "    def __new__(cls):\n"
      "        return super().__new__(cls)\n"
      "    @staticmethod\n"
      "    def make():\n"
      "        return __class__\n"
      "    @classmethod\n"
      "    def build(cls):\n"
      "        return __class__\n"
      "    @property\n"
      "    def value(self):\n"
      "        return super().__class__\n"
      "class Derived(Base):\n"
      "    pass\n"
      "instance = Derived()\n"
      "instance.parent = super(Derived, instance)\n"
      "def getter(self):\n"
      "    return prop\n"
      "prop = property(getter)\n"
      "del Base, Derived, instance, getter, prop\n";
  run_in_fresh_interpreter(source, "cycles");
  // Freed blocks this thread keeps for reuse (runtime/typeobject.cpp) may still point at leaked
  // objects and hide them here; LSan's check at the exit of the test process (CTest runs each
  // test in its own) sees them once the thread's cache is released.
  EXPECT_EQ(__lsan_do_recoverable_leak_check(), 0) << "LeakSanitizer's report is on standard error";
#endif
}

// Weak references at teardown: referents still alive (kept by module globals, by a cycle), a
// callback that runs while the module dicts are cleared, a reference inside its referent's
// cycle. Runs everywhere (no crash, no stale table entry); LeakSanitizer checks the memory.
TEST(LeakCheck, WeakReferencesAreReleasedByTeardown) {
  static const char source[] =
      "import weakref\n"
      "class Thing:\n"
      "    pass\n"
      "kept = Thing()\n"
      "plain = weakref.ref(kept)\n"
      "with_callback = weakref.ref(kept, lambda ref: None)\n"
      "looped = Thing()\n"
      "looped.self = looped\n"
      "looped.ref = weakref.ref(looped, lambda ref: None)\n"
      "orphan = weakref.ref(Thing(), print)\n"
      "final = weakref.finalize(kept, len, 'at exit')\n";
  for (int i = 0; i < 2; ++i) run_in_fresh_interpreter(source, "weak");
#if defined(__SANITIZE_ADDRESS__)
  EXPECT_EQ(__lsan_do_recoverable_leak_check(), 0) << "LeakSanitizer's report is on standard error";
#endif
}

}  // namespace
}  // namespace chaipy
