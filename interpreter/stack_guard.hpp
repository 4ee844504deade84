// Native stack check for the recursive front end (parser, symbol table, compiler) and deallocation.
#pragma once
#include "runtime/thread_state.hpp"

namespace chaipy {

// True when the C++ stack of this thread (or generator fiber) has grown past the limit its
// thread state sets: nesting depth caps alone do not fit a generator's small stack, so deep
// source compiled there must fail with an error before it overflows. With a `reserve`: true
// already when fewer bytes than that are left above the limit. Without an attached
// thread state (a front end used on its own, as by the fuzzers) nothing is known: false.
inline bool native_stack_exhausted(size_t reserve = 0) {
  char marker;
  const ThreadState* state = current_thread;
  return state && state->stack_limit && &marker < state->stack_limit + reserve;
}

// The text CPython gives the RecursionError raised when compiling nests too deeply.
inline constexpr const char* compile_recursion_message = "maximum recursion depth exceeded during compilation";

}  // namespace chaipy
