// Shared set-up of the libFuzzer targets: one interpreter per fuzzing process and a driver for targets written as a Python check(data) function.
#pragma once
#include <cstddef>
#include <cstdint>

namespace chaipy::fuzz {

// Creates the interpreter on first use (memory capped so a huge width or length in the input
// ends in MemoryError rather than the fuzzer's out-of-memory report) and returns with its GIL held.
void ensure_interpreter();

// Runs `check(data)` from the Python `source` (compiled once, on the first call) on the input
// as a bytes object. The Python code catches the exceptions its operation documents; anything
// else escaping it is a bug: the traceback goes to stderr and the process aborts, which
// libFuzzer reports as a crash with the input saved.
void run_python_check(const char* source, const uint8_t* data, size_t size);

}  // namespace chaipy::fuzz
