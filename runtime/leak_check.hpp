// LeakSanitizer support: what LSan must be told so that it sees every reference the interpreter holds.
#pragma once

namespace chaipy {

// Called once per process (interpreter_create). Under ASan, installs a fork hook: a child
// forked from a thread other than the main one has only that thread, but the stacks of the
// others (the main thread's holds the interpreter, the running code and main()'s locals; a
// script thread's holds its frames and its thread-local storage) are still mapped in the
// child; the hook registers them with LSan as roots, so the leak check at the child's exit
// does not report everything only they refer to. Without ASan it does nothing.
void install_leak_check_fork_hook();

// Lives on the stack of each thread that runs script code (runtime/threads.cpp), from its start
// to its end: records the thread's stack for the fork hook above. Without ASan it does nothing.
class LeakCheckThreadStack {
 public:
  LeakCheckThreadStack();
  ~LeakCheckThreadStack();
  LeakCheckThreadStack(const LeakCheckThreadStack&) = delete;
  LeakCheckThreadStack& operator=(const LeakCheckThreadStack&) = delete;
};

}  // namespace chaipy
