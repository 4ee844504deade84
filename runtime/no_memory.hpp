// MemoryError for C++ allocation failures: native code sizes std::string / std::vector buffers from script values (repeat counts, widths), and those throw std::bad_alloc instead of returning null.
#pragma once
#include <new>
#include <stdexcept>

#include "runtime/errors.hpp"

namespace chaipy {

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
