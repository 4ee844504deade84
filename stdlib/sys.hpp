// The sys module's construction and the uncaught-exception printer it owns.
#pragma once
#include "runtime/interpreter.hpp"

namespace chaipy {

void init_sys_types();  // once per process, with the builtin types
Ref create_sys_module(Interpreter& interp);
// Writes format_exception(exception) to sys.stderr (or the C stderr when that fails).
void print_exception_to_stderr(Value exception);
// As CPython's PyErr_WriteUnraisable: takes the pending exception and writes
// "<prefix>: repr(culprit)" and its traceback to sys.stderr (code that cannot propagate it:
// callbacks, hooks, threads).
void write_unraisable(const char* prefix, Value culprit);

}  // namespace chaipy
