// String formatting: format() and FORMAT_VALUE, the __format__ methods of str/int/float, str.format/format_map, and printf-style '%' formatting of str and bytes.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/object.hpp"

namespace chaipy {

// format(v, spec): type(v).__format__(spec), with direct paths for exact str, int and float.
// `spec` is a str or null (null and '' both mean no spec). Returns a str.
Ref format_value(Value v, Value spec);

// The __format__ methods (NativeMethod-shaped; one positional argument, the spec str).
// int.cpp and float.cpp register the first two; str.cpp the third.
Ref int_format_method(Value self, const Value* args, size_t nargs, Value kwnames);
Ref float_format_method(Value self, const Value* args, size_t nargs, Value kwnames);
Ref str_dunder_format_method(Value self, const Value* args, size_t nargs, Value kwnames);

// str.format(*args, **kwargs) and str.format_map(mapping).
Ref str_format_method(Value self, const Value* args, size_t nargs, Value kwnames);
Ref str_format_map_method(Value self, const Value* args, size_t nargs, Value kwnames);

// format % args for a str `format`: a tuple supplies the arguments in order, a mapping serves
// %(key)s, anything else is the single argument.
Ref percent_format(Value format, Value args);
// bytes % args: the same conversions over bytes, with %b/%s taking bytes-like objects or
// __bytes__, %r/%a giving ascii(), and %c one byte. Appends the result to out; false on error.
bool bytes_percent_format(std::string_view format, Value args, std::string& out);

}  // namespace chaipy
