// libFuzzer target: source bytes through the lexer, parser, symbol table and compiler; any input must give a code unit or a SyntaxError, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interpreter/compiler.hpp"
#include "tests/fuzz/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // With an interpreter attached the front end also guards the native stack, as in real use.
  chaipy::fuzz::ensure_interpreter();
  std::string_view source(reinterpret_cast<const char*>(data), size);
  // The first byte picks the mode, so that eval and single (REPL) parsing are covered too.
  chaipy::ParseMode mode = chaipy::ParseMode::Exec;
  if (!source.empty() && source.front() == '\x01') mode = chaipy::ParseMode::Eval;
  if (!source.empty() && source.front() == '\x02') mode = chaipy::ParseMode::Single;
  if (mode != chaipy::ParseMode::Exec) source.remove_prefix(1);
  (void)chaipy::compile_source(source, "<fuzz>", mode);
  return 0;
}
