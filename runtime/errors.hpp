// Raising and inspecting exceptions: the pending-exception API and the builtin exception types.
#pragma once
#include <string>
#include <string_view>

#include "runtime/type.hpp"

namespace chaipy {

// The builtin exception hierarchy (CPython 3.11's), as static types.
#define CHAIPY_EXCEPTION_TYPES(X)                     \
  X(BaseException, nullptr)                           \
  X(SystemExit, BaseException)                        \
  X(KeyboardInterrupt, BaseException)                 \
  X(GeneratorExit, BaseException)                     \
  X(Exception, BaseException)                         \
  X(StopIteration, Exception)                         \
  X(ArithmeticError, Exception)                       \
  X(FloatingPointError, ArithmeticError)              \
  X(OverflowError, ArithmeticError)                   \
  X(ZeroDivisionError, ArithmeticError)               \
  X(AssertionError, Exception)                        \
  X(AttributeError, Exception)                        \
  X(BufferError, Exception)                           \
  X(EOFError, Exception)                              \
  X(ImportError, Exception)                           \
  X(ModuleNotFoundError, ImportError)                 \
  X(LookupError, Exception)                           \
  X(IndexError, LookupError)                          \
  X(KeyError, LookupError)                            \
  X(MemoryError, Exception)                           \
  X(NameError, Exception)                             \
  X(UnboundLocalError, NameError)                     \
  X(OSError, Exception)                               \
  X(BlockingIOError, OSError)                         \
  X(ChildProcessError, OSError)                       \
  X(ConnectionError, OSError)                         \
  X(BrokenPipeError, ConnectionError)                 \
  X(ConnectionAbortedError, ConnectionError)          \
  X(ConnectionRefusedError, ConnectionError)          \
  X(ConnectionResetError, ConnectionError)            \
  X(FileExistsError, OSError)                         \
  X(FileNotFoundError, OSError)                       \
  X(InterruptedError, OSError)                        \
  X(IsADirectoryError, OSError)                       \
  X(NotADirectoryError, OSError)                      \
  X(PermissionError, OSError)                         \
  X(ProcessLookupError, OSError)                      \
  X(TimeoutError, OSError)                            \
  X(ReferenceError, Exception)                        \
  X(RuntimeError, Exception)                          \
  X(NotImplementedError, RuntimeError)                \
  X(RecursionError, RuntimeError)                     \
  X(SyntaxError, Exception)                           \
  X(IndentationError, SyntaxError)                    \
  X(TabError, IndentationError)                       \
  X(SystemError, Exception)                           \
  X(TypeError, Exception)                             \
  X(ValueError, Exception)                            \
  X(UnicodeError, ValueError)                         \
  X(UnicodeDecodeError, UnicodeError)                 \
  X(UnicodeEncodeError, UnicodeError)                 \
  X(Warning, Exception)                               \
  X(DeprecationWarning, Warning)                      \
  X(RuntimeWarning, Warning)                          \
  X(UserWarning, Warning)

#define CHAIPY_DECLARE_EXCEPTION_TYPE(name, base) extern TypeObject name##_type;
CHAIPY_EXCEPTION_TYPES(CHAIPY_DECLARE_EXCEPTION_TYPE)
#undef CHAIPY_DECLARE_EXCEPTION_TYPE

// Sets the pending exception to type(message) and returns null, so `return raise(...)` works
// from any function returning Ref.
Ref raise(TypeObject* type, std::string_view message);
// printf-style convenience; %s takes const char*, %R takes a Value (its repr), %S a Value (its str),
// %T a Value (its type name), %d int, %ld long, %zd/%zu size_t, %lld long long.
Ref raise_format(TypeObject* type, const char* format, ...);
// Raises `exception` (an instance) or, when it is a type, an instance made with no arguments.
Ref raise_value(Value exception);
// Sets OSError (or the errno-specific subclass) from errno, with an optional filename.
Ref raise_from_errno(int error_number, Value filename = Value());
Ref raise_no_memory();
// KeyError(key) with the key as its only argument (its str is repr(key)).
Ref raise_key_error(Value key);

bool error_pending();
// True when the pending exception is an instance of `type` (or one of a tuple of types).
bool error_matches(TypeObject* type);
void clear_error();
// Takes the pending exception out (normalised to an instance); null when none.
Ref fetch_error();
// Makes `exception` (an instance) the pending exception again.
void restore_error(Ref exception);

// Integer-returning slots signal errors with -1; these keep call sites short.
inline int fail() { return -1; }

}  // namespace chaipy
