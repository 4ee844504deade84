// LeakSanitizer support: what LSan must be told so that it sees every reference the interpreter holds.
#pragma once

namespace chaipy {

// Called once per process (interpreter_create). Under ASan, installs a fork hook: a child forked
// from a thread other than the main one has no main thread, but that thread's stack (which
// holds the interpreter, the running code and main()'s locals) is still mapped in the child;
// the hook registers it with LSan as a root, so the leak check at the child's exit does not
// report everything only that stack refers to. Without ASan it does nothing.
void install_leak_check_fork_hook();

}  // namespace chaipy
