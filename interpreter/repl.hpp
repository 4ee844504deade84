// The interactive REPL: what `chaipy` does with no arguments on a terminal.
#pragma once
#include "runtime/object.hpp"

namespace chaipy {

// Reads statements from the terminal with GNU readline and runs each in `globals` (the
// __main__ namespace) until Ctrl-D. Prints the banner first; keeps the history in
// ~/.chaipy_history. Returns true at end of input, false with the exception pending that
// ended the session (SystemExit from exit(), sys.exit() or quit()).
bool run_repl(Value globals);

}  // namespace chaipy
