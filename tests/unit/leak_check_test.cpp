// LeakSanitizer checks of interpreter start-up and teardown (meaningful in the ASan build, skipped elsewhere).
#include <gtest/gtest.h>

#include "runtime/interpreter.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace chaipy {
namespace {

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

}  // namespace
}  // namespace chaipy
