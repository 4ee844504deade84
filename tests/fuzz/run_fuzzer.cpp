// libFuzzer target: source text run by a fresh embedded interpreter under an instruction budget and a memory cap; scripts may fail any way they like, the host must survive and stay in control.
#include <chaipy/chaipy.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// Scripts must not reach the file system, other processes or the host's stdin: every way to
// a module or a file goes through one of these names (dunder attributes lead to __import__).
constexpr std::array<std::string_view, 17> forbidden = {
    "import", "__",   "open",     "exit",    "quit",   "input",   "exec",  "eval",  "compile",
    "breakpoint", "help", "getattr", "setattr", "delattr", "globals", "vars", "locals",
};

bool is_sandboxed(std::string_view source) {
  for (std::string_view word : forbidden) {
    if (source.find(word) != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  if (!is_sandboxed(source)) return -1;  // not added to the corpus
  // Both limits are what this target shows to hold. The budget also bounds the time per input:
  // under ASan every realloc moves, so a loop of in-place `s += t` costs the square of its steps.
  chaipy::Options options;
  options.instruction_budget = 20000;
  options.memory_limit = 64u << 20;
  options.stdout_callback = [](std::string_view) {};
  options.stderr_callback = [](std::string_view) {};
  chaipy::Interpreter interpreter(options);
  try {
    interpreter.exec(source, "<fuzz>");
  } catch (const chaipy::Error&) {
    // Any script exception (the budget's Interrupted included) is a fine outcome.
  }
  return 0;
}
