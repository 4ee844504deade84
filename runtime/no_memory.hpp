// C++ exceptions out of natives: allocation failures become MemoryError (native code sizes std::string / std::vector buffers from script values, and those throw std::bad_alloc), and PendingException abandons a long operation whose Python exception is already raised.
#pragma once
#include <cstdint>
#include <new>
#include <stdexcept>

#include "runtime/errors.hpp"

namespace chaipy {

// Thrown from deep inside a long native computation (charge_native_work in big-int arithmetic)
// once the Python exception that stops it is pending: unwinding is all that is left to do.
struct PendingException {};

// How many `interruptible` operations the thread is inside: charge_native_work throws only there,
// so no other caller of the same arithmetic (the compiler, pickle, hashing) meets the exception.
extern thread_local constinit int interruptible_depth;

// For native code whose one operation can run long (big-int arithmetic): runs the embedding
// host's check as the eval breaker would (runtime/gil.cpp), charging `checks` instruction-budget
// checks, and throws PendingException when the host stops the script (interrupt(), budget,
// hook). Only inside `interruptible`; elsewhere the work goes on unchecked.
void charge_native_work(uint64_t checks);

// Runs native work that may be long (big-int arithmetic) where the embedding host's interrupts
// and instruction budget can stop it: null with their exception pending.
template <class Operation> inline Ref interruptible(Operation&& operation) {
  struct Depth {
    Depth() { ++interruptible_depth; }
    ~Depth() { --interruptible_depth; }
  } depth;
  try {
    return operation();
  } catch (const PendingException&) {
    return Ref();
  }
}

// Runs a native operation; a failed C++ allocation inside it becomes a pending MemoryError (as
// CPython raises for 'x' * 10**12) instead of terminating the process. Wrapped at the few
// dispatch points every native is reached through (calls, binary operators, format()), so
// the innermost native that threw is the one whose operation fails; its RAII Refs unwind.
template <class Operation> inline Ref memory_error_on_bad_alloc(Operation&& operation) {
  try {
    return operation();
  } catch (const std::bad_alloc&) {
    return raise_no_memory();
  } catch (const std::length_error&) {
    return raise_no_memory();
  }
}

}  // namespace chaipy
