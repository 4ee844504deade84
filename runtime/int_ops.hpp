// Integer operations shared with the VM, the builtins and float: pow and divmod, the str-conversion digit limit, numeric text normalisation.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.hpp"

namespace chaipy {

// pow(base, exp, mod) for ints; mod null or None means two-argument pow (a negative exponent
// gives a float). NotImplemented when base or exp is not an int. Errors as CPython's:
// "pow() 3rd argument cannot be 0", "base is not invertible for the given modulus",
// "pow() 3rd argument not allowed unless all arguments are integers",
// "0.0 cannot be raised to a negative power".
Ref int_pow(Value base, Value exp, Value mod);

// divmod(a, b) for ints: the tuple (a // b, a % b); NotImplemented when either is not an int.
Ref int_divmod(Value a, Value b);

// sys.get_int_max_str_digits() / sys.set_int_max_str_digits(): the most decimal digits str(int)
// and int(str) handle (CPython 3.11's default 4300; 0 means no limit). Process-wide.
int64_t int_max_str_digits();
void set_int_max_str_digits(int64_t limit);

// Text for int() and float() with Unicode decimal digits made ASCII digits and Unicode
// whitespace made spaces (CPython accepts int('١٢') and float('\u2003 1.5')); other
// characters are kept, so the parse still fails where CPython's does.
std::string ascii_numeric_text(std::string_view utf8);

}  // namespace chaipy
