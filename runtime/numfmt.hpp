// runtime/numfmt.hpp — number <-> text: float repr and parsing, format() mini-language, %-formatting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chaipy {

class BigInt;

// ---------------------------------------------------------------------------------------------
// Floats as text
// ---------------------------------------------------------------------------------------------

// repr(float) == str(float): shortest round-trip digits; '1e+16', '1.5e-05', '0.0001', '-0.0',
// 'inf', 'nan'.
std::string float_repr(double value);
void append_float_repr(std::string& out, double value);

// Flags for append_double (CPython's Py_DTSF_* flags).
enum DoubleFormatFlags : unsigned {
    kDoubleAlwaysSign = 1u << 0,      // '+' before non-negative values
    kDoubleAddDotZero = 1u << 1,      // integral values in fixed notation get '.0' (repr style)
    kDoubleAlternate = 1u << 2,       // '#': keep trailing zeros and the decimal point
    kDoubleNoNegativeZero = 1u << 3,  // 'z': a result that rounds to zero loses its '-'
};

// CPython's PyOS_double_to_string: code is one of e E f F g G (precision digits) or r (shortest
// repr digits; precision must be 0). Appends to out. complex's repr uses ('r', 0, 0).
void append_double(std::string& out, double value, char code, int precision, unsigned flags);

// float(text): surrounding ASCII whitespace, sign, digits with '_' between digits, '.', exponent,
// 'inf'/'infinity'/'nan' in any case. Out-of-range values become inf or 0.0 as in CPython.
// nullopt when float() raises "could not convert string to float". Callers translate non-ASCII
// digits and spaces to ASCII first, as CPython does.
std::optional<double> parse_float(std::string_view text);

// float.hex() and float.fromhex(). parse_float_hex returns nullopt with overflow == false for
// "invalid hexadecimal floating-point string" (ValueError) and with overflow == true for
// "hexadecimal value too large to represent as a float" (OverflowError).
std::string float_hex(double value);
std::optional<double> parse_float_hex(std::string_view text, bool& overflow);

// round(x, ndigits) for a float, correctly rounded half to even on the exact binary value, as
// CPython. nullopt means OverflowError "rounded value too large to represent".
// (round(x) with no ndigits is std::nearbyint plus the int conversion.)
std::optional<double> round_double(double value, int64_t ndigits);

// ---------------------------------------------------------------------------------------------
// format() mini-language: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// ---------------------------------------------------------------------------------------------

struct FormatSpec {
    char32_t fill = U' ';
    bool fill_given = false;
    char align = 0;         // '<' '>' '^' '=' or 0 for the type's default
    char sign = 0;          // '+' '-' ' ' or 0
    bool no_negative_zero = false;  // 'z'
    bool alternate = false;         // '#'
    bool zero_pad = false;          // a '0' before the width (only when no fill was given)
    int64_t width = -1;
    char grouping = 0;      // ',' '_' or 0
    int64_t precision = -1;
    char32_t type = 0;      // 0 when omitted
};

// Parses a spec as CPython's parse_internal_render_format_spec; type_name appears in the
// "Invalid format specifier '...' for object of type '...'" message. All errors are ValueError.
bool parse_format_spec(std::string_view spec, std::string_view type_name, FormatSpec& out, std::string& error);

struct FormatError {
    enum class Kind : uint8_t { value_error, overflow_error };
    Kind kind = Kind::value_error;
    std::string message;
};

// Each formatter appends to out and returns true, or fills error and returns false (out may then
// hold a partial result). type_name is the value's type for "Unknown format code" messages. An
// empty spec formats like str(); callers formatting subclasses (bool) must use str() themselves.
// The 'n' type uses the C locale (no grouping), as CPython does until locale.setlocale is called.
bool format_int(const BigInt& value, const FormatSpec& spec, std::string_view type_name, std::string& out,
                FormatError& error);
bool format_int(int64_t value, const FormatSpec& spec, std::string_view type_name, std::string& out,
                FormatError& error);
bool format_float(double value, const FormatSpec& spec, std::string_view type_name, std::string& out,
                  FormatError& error);
bool format_str(std::string_view utf8, const FormatSpec& spec, std::string_view type_name, std::string& out,
                FormatError& error);

// ---------------------------------------------------------------------------------------------
// printf-style '%' conversions (the caller parses the template and picks the argument)
// ---------------------------------------------------------------------------------------------

struct PercentSpec {
    bool left_adjust = false;  // '-'
    bool plus = false;         // '+'
    bool blank = false;        // ' '
    bool alternate = false;    // '#'
    bool zero_pad = false;     // '0'
    int64_t width = -1;
    int precision = -1;
    char conversion = 'd';
};

// d i u o x X for ints; e E f F g G for floats. The caller converts the argument first (int()
// of a float for %d, float() of an int for %f) and raises its own TypeErrors.
void percent_format_int(const BigInt& value, const PercentSpec& spec, std::string& out);
void percent_format_int(int64_t value, const PercentSpec& spec, std::string& out);
void percent_format_float(double value, const PercentSpec& spec, std::string& out);
// s r a c: pads the already converted text (UTF-8, width in code points); precision truncates
// for s, r and a.
void percent_format_str(std::string_view utf8, const PercentSpec& spec, std::string& out);

}  // namespace chaipy
