// Exception objects and tracebacks: the BaseException layout, traceback entries, and formatting as CPython prints them.
#pragma once
#include <string_view>
#include <string>

#include "runtime/errors.hpp"

namespace chaipy {

struct BaseExceptionObject : Object {
  Value dict;       // owned or null: attributes (errno, filename, value, code, ...)
  Value args;       // owned tuple
  Value traceback;  // owned TracebackObject or null
  Value cause;      // owned or null
  Value context;    // owned or null
  bool suppress_context;
};
inline bool is_exception_instance(Value v) {
  return v.is_object() && (v.as_object()->type->flags & type_flag_exception);
}
inline bool is_exception_type(Value v) {
  return v.is_object() && (v.as_object()->type->flags & type_flag_type_subclass) &&
         (v.as<TypeObject>()->flags & type_flag_exception);
}

extern TypeObject traceback_type;
// One frame's entry in a traceback, innermost last (as CPython's tb_next chain).
struct TracebackObject : Object {
  Value next;  // owned or null
  Value code;  // owned CodeObject
  uint32_t instruction;  // index of the failing instruction
};
// Adds an entry for (code, instruction) at the front of exc's traceback chain (the outermost frame).
void traceback_add(Value exception, Value code, uint32_t instruction);

// Creates an instance of an exception type with the given args tuple (borrowed).
Ref exception_new(TypeObject* type, Value args);
// The exception's attribute stored at creation (value of StopIteration, code of SystemExit...).
Value exception_attribute(Value exception, const char* name);
// Raise UnicodeDecodeError / UnicodeEncodeError with CPython's five attributes (encoding,
// object, start, end, reason), from which their message is made; always null.
Ref raise_unicode_decode_error(std::string_view encoding, std::string_view object, size_t start, size_t end,
                               std::string_view reason);
Ref raise_unicode_encode_error(std::string_view encoding, Value object, size_t start, size_t end,
                               std::string_view reason);

// The full text CPython prints for an uncaught exception: chained causes/contexts, each with
// "Traceback (most recent call last):", the frames with their source lines, and "Type: message".
std::string format_exception(Value exception);
// "ValueError: message" (or just "ValueError" when the message is empty).
std::string format_exception_only(Value exception);

// Source lines for tracebacks: files read from disk on demand; code compiled from strings
// (exec, -c, the REPL) registers its text here, and the embedded stdlib its static text.
void register_source(const std::string& filename, std::string text);
void register_static_source(const std::string& filename, std::string_view text);
std::string source_line(const std::string& filename, int line);

}  // namespace chaipy
