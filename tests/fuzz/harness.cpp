// Shared set-up of the libFuzzer targets: the interpreter, and running a Python check(data) function on each input.
#include "tests/fuzz/harness.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy::fuzz {

namespace {

// Far above what any seed needs, far below libFuzzer's default -rss_limit_mb of 2048.
constexpr size_t fuzz_memory_limit = 512u << 20;

[[noreturn]] void abort_with_pending_error(const char* what) {
  Ref exception = fetch_error();
  std::string text = exception ? format_exception(*exception) : std::string("(no exception set)\n");
  std::fprintf(stderr, "chaipy fuzz harness: %s\n%s", what, text.c_str());
  std::abort();
}

}  // namespace

void ensure_interpreter() {
  static Interpreter* interp = [] {
    InterpreterConfig config;
    config.argv = {"chaipy-fuzz"};
    Interpreter* created = interpreter_create(config);
    created->memory_limit = fuzz_memory_limit;
    return created;
  }();
  (void)interp;
}

void run_python_check(const char* source, const uint8_t* data, size_t size) {
  ensure_interpreter();
  static Value check = [source] {
    Ref module = module_new("__fuzz__");
    if (!exec_source_in_module(source, "<fuzz harness>", *module)) abort_with_pending_error("harness did not load");
    Value function = dict_get_str(module_dict(*module), "check");
    if (!function) abort_with_pending_error("harness defines no check()");
    incref(function);  // kept for the life of the process, like the interpreter
    return function;
  }();
  Ref input = bytes_new(std::string_view(reinterpret_cast<const char*>(data), size));
  Ref result = call1(check, *input);
  if (!result) abort_with_pending_error("unexpected exception");
}

}  // namespace chaipy::fuzz
