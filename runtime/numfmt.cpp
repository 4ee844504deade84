// runtime/numfmt.cpp — number <-> text: float repr and parsing, format() mini-language, %-formatting.
#include "runtime/numfmt.hpp"

#include <algorithm>
#include <cassert>
#include <cfloat>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include "runtime/bigint.hpp"

namespace chaipy {

namespace {

// ---------------------------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------------------------

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

void append_repeated(std::string& out, char32_t code_point, int64_t count) {
    if (count <= 0) return;
    if (code_point < 0x80) {
        out.append(static_cast<size_t>(count), static_cast<char>(code_point));
        return;
    }
    std::string one;
    append_utf8(one, code_point);
    out.reserve(out.size() + one.size() * static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) out += one;
}

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Length in bytes of the UTF-8 sequence starting with `lead`.
size_t utf8_sequence_length(char lead) {
    const auto byte = static_cast<unsigned char>(lead);
    if (byte < 0x80) return 1;
    if (byte >= 0xF0) return 4;
    if (byte >= 0xE0) return 3;
    return 2;
}

char32_t decode_utf8_at(std::string_view text, size_t pos, size_t& length) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    length = std::min(utf8_sequence_length(text[pos]), text.size() - pos);
    if (length == 1) return lead;
    char32_t code_point = lead & (0xFF >> (length + 1));
    for (size_t i = 1; i < length; ++i) code_point = (code_point << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    return code_point;
}

int64_t count_code_points(std::string_view text) {
    int64_t count = 0;
    for (const char c : text) count += !is_continuation_byte(c);
    return count;
}

// The byte length of the first `count` code points.
size_t prefix_bytes(std::string_view text, int64_t count) {
    size_t pos = 0;
    for (int64_t seen = 0; pos < text.size() && seen < count; ++seen) {
        ++pos;
        while (pos < text.size() && is_continuation_byte(text[pos])) ++pos;
    }
    return pos;
}

bool is_python_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// ---------------------------------------------------------------------------------------------
// Decimal digits of a double (the role of Gay's _Py_dg_dtoa), produced with std::to_chars.
// ---------------------------------------------------------------------------------------------

// A double's exact expansion has at most 767 significant digits and 1074 fractional ones, so
// requesting more only appends zeros, which the digit strings drop anyway.
constexpr int kMaxSignificantDigits = 800;
constexpr int kMaxFractionDigits = 1100;

enum class DigitMode {
    shortest,     // dtoa mode 0: shortest string that round-trips
    significant,  // dtoa mode 2: `ndigits` significant digits, correctly rounded
    fixed,        // dtoa mode 3: `ndigits` digits after the point, correctly rounded
};

// value = 0.d1d2d3... * 10**decpt, with no trailing zeros (zero is "0" with decpt 1).
struct DecimalDigits {
    char digits[kMaxFractionDigits + 400];
    int length = 0;
    int decpt = 0;
    bool negative = false;
};

void strip_trailing_zeros(DecimalDigits& d) {
    while (d.length > 0 && d.digits[d.length - 1] == '0') --d.length;
    if (d.length == 0) {
        d.digits[0] = '0';
        d.length = 1;
        d.decpt = 1;
    }
}

// Reads to_chars scientific output "d[.ddd]e±XX".
void read_scientific(const char* begin, const char* end, DecimalDigits& d) {
    const char* e = end - 1;
    while (*e != 'e') --e;
    d.digits[0] = *begin;
    d.length = 1;
    if (e - begin > 1) {
        const auto fraction = static_cast<int>(e - begin - 2);
        std::memcpy(d.digits + 1, begin + 2, static_cast<size_t>(fraction));
        d.length += fraction;
    }
    const char* p = e + 1;
    const bool negative_exponent = *p++ == '-';
    int exponent = 0;
    for (; p < end; ++p) exponent = exponent * 10 + (*p - '0');
    d.decpt = (negative_exponent ? -exponent : exponent) + 1;
}

void generate_digits(double value, DigitMode mode, int ndigits, DecimalDigits& d) {
    d.negative = std::signbit(value);
    const double magnitude = std::fabs(value);
    if (magnitude == 0.0) {
        d.digits[0] = '0';
        d.length = 1;
        d.decpt = 1;
        return;
    }
    char buffer[kMaxFractionDigits + 400];
    std::to_chars_result result;
    switch (mode) {
        case DigitMode::shortest:
            result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific);
            read_scientific(buffer, result.ptr, d);
            return;
        case DigitMode::significant:
            result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific,
                                   std::min(ndigits, kMaxSignificantDigits) - 1);
            read_scientific(buffer, result.ptr, d);
            strip_trailing_zeros(d);
            return;
        case DigitMode::fixed: {
            result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::fixed,
                                   std::min(ndigits, kMaxFractionDigits));
            d.length = 0;
            d.decpt = 0;
            bool seen_point = false;
            for (const char* p = buffer; p < result.ptr; ++p) {
                if (*p == '.') {
                    seen_point = true;
                    continue;
                }
                if (d.length == 0 && *p == '0') {
                    // Leading zeros move the decimal point instead of becoming digits.
                    if (seen_point) --d.decpt;
                    continue;
                }
                d.digits[d.length++] = *p;
                if (!seen_point) ++d.decpt;
            }
            strip_trailing_zeros(d);
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// PyOS_double_to_string / format_float_short
// ---------------------------------------------------------------------------------------------

void append_double_impl(std::string& out, double value, char code, int precision, unsigned flags) {
    bool upper = false;
    switch (code) {
        case 'E':
        case 'F':
        case 'G':
            upper = true;
            code = static_cast<char>(code - 'A' + 'a');
            break;
        default:
            break;
    }
    const bool always_sign = flags & kDoubleAlwaysSign;
    const bool add_dot_zero = flags & kDoubleAddDotZero;
    const bool alternate = flags & kDoubleAlternate;

    if (std::isnan(value) || std::isinf(value)) {
        if (std::isinf(value) && value < 0) {
            out.push_back('-');
        } else if (always_sign) {
            out.push_back('+');
        }
        if (std::isnan(value)) {
            out += upper ? "NAN" : "nan";
        } else {
            out += upper ? "INF" : "inf";
        }
        return;
    }

    DigitMode mode = DigitMode::shortest;
    switch (code) {
        case 'e':
            mode = DigitMode::significant;
            ++precision;
            break;
        case 'f':
            mode = DigitMode::fixed;
            break;
        case 'g':
            mode = DigitMode::significant;
            if (precision == 0) precision = 1;
            break;
        default:
            assert(code == 'r' && precision == 0);
            break;
    }
    DecimalDigits d;
    generate_digits(value, mode, precision, d);
    bool negative = d.negative;
    if ((flags & kDoubleNoNegativeZero) && negative && d.length == 1 && d.digits[0] == '0') negative = false;

    // Emit a slice [start, end) of the digit string padded with zeros on both sides, with the
    // decimal point after position decpt (CPython's "vdigits" scheme).
    int64_t decpt = d.decpt;
    const int64_t length = d.length;
    int64_t end = length;
    bool use_exponent = false;
    int64_t exponent = 0;
    switch (code) {
        case 'e':
            use_exponent = true;
            end = precision;
            break;
        case 'f':
            end = decpt + precision;
            break;
        case 'g':
            if (decpt <= -4 || decpt > (add_dot_zero ? precision - 1 : precision)) use_exponent = true;
            if (alternate) end = precision;
            break;
        default:  // 'r': exponent notation from 1e16 on
            if (decpt <= -4 || decpt > 16) use_exponent = true;
            break;
    }
    if (use_exponent) {
        exponent = decpt - 1;
        decpt = 1;
    }
    const int64_t start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exponent && add_dot_zero) {
        end = std::max(end, decpt + 1);
    } else {
        end = std::max(end, decpt);
    }

    // Bound: sign, the padded digits, a point, "e+308". Short results go through a stack buffer.
    const size_t bound = 3 + static_cast<size_t>(end - start) + (use_exponent ? 6 : 0);
    char local[128];
    std::string large;
    if (bound > sizeof local) large.resize(bound);
    char* const begin = bound > sizeof local ? large.data() : local;
    char* p = begin;
    if (negative) {
        *p++ = '-';
    } else if (always_sign) {
        *p++ = '+';
    }
    auto zeros = [&p](int64_t count) {
        std::memset(p, '0', static_cast<size_t>(count));
        p += count;
    };
    auto copy = [&p](const char* from, int64_t count) {
        std::memcpy(p, from, static_cast<size_t>(count));
        p += count;
    };
    if (decpt <= 0) {
        zeros(decpt - start);
        *p++ = '.';
        zeros(-decpt);
    } else {
        zeros(-start);
    }
    if (0 < decpt && decpt <= length) {
        copy(d.digits, decpt);
        *p++ = '.';
        copy(d.digits + decpt, length - decpt);
    } else {
        copy(d.digits, length);
    }
    if (length < decpt) {
        zeros(decpt - length);
        *p++ = '.';
        zeros(end - decpt);
    } else {
        zeros(end - length);
    }
    if (p[-1] == '.' && !alternate) --p;
    if (use_exponent) {
        *p++ = upper ? 'E' : 'e';
        *p++ = exponent < 0 ? '-' : '+';
        const int64_t magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude >= 100) *p++ = static_cast<char>('0' + magnitude / 100);
        *p++ = static_cast<char>('0' + magnitude / 10 % 10);
        *p++ = static_cast<char>('0' + magnitude % 10);
    }
    out.append(begin, p);
}

}  // namespace

void append_double(std::string& out, double value, char code, int precision, unsigned flags) {
    append_double_impl(out, value, code, precision, flags);
}

void append_float_repr(std::string& out, double value) {
    append_double_impl(out, value, 'r', 0, kDoubleAddDotZero);
}

std::string float_repr(double value) {
    std::string out;
    append_float_repr(out, value);
    return out;
}

// ---------------------------------------------------------------------------------------------
// float(str)
// ---------------------------------------------------------------------------------------------

namespace {

bool matches_ignoring_case(std::string_view text, size_t pos, std::string_view word) {
    if (text.size() - pos < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
        if ((text[pos + i] | 0x20) != word[i]) return false;
    }
    return true;
}

}  // namespace

std::optional<double> parse_float(std::string_view text) {
    size_t pos = 0;
    size_t end = text.size();
    while (pos < end && is_python_space(text[pos])) ++pos;
    while (end > pos && is_python_space(text[end - 1])) --end;
    if (pos == end) return std::nullopt;
    const std::string_view body = text.substr(pos, end - pos);

    size_t i = 0;
    bool negative = false;
    if (body[0] == '+' || body[0] == '-') {
        negative = body[0] == '-';
        ++i;
    }
    // inf, infinity, nan (no underscores allowed there).
    const std::string_view word = body.substr(i);
    if (word.size() == 3 && matches_ignoring_case(word, 0, "inf")) return negative ? -HUGE_VAL : HUGE_VAL;
    if (word.size() == 8 && matches_ignoring_case(word, 0, "infinity")) return negative ? -HUGE_VAL : HUGE_VAL;
    if (word.size() == 3 && matches_ignoring_case(word, 0, "nan")) return negative ? -std::nan("") : std::nan("");

    // Validate [digits][.digits][e[sign]digits] with '_' only between two digits, and copy the
    // number without underscores for from_chars (which also takes no leading '+').
    char small[128];
    std::string large;
    char* copy = small;
    if (body.size() > sizeof small) {
        large.resize(body.size());
        copy = large.data();
    }
    size_t copied = 0;
    if (negative) copy[copied++] = '-';
    size_t mantissa_digits = 0;
    // The decimal exponent of the leading significant digit, for telling overflow from underflow.
    int64_t leading_position = 0;
    bool seen_significant = false;
    bool seen_point = false;
    int64_t integer_digits = 0;
    for (; i < body.size(); ++i) {
        const char c = body[i];
        if (is_digit(c)) {
            copy[copied++] = c;
            ++mantissa_digits;
            if (!seen_point) ++integer_digits;
            if (c != '0' && !seen_significant) {
                seen_significant = true;
                leading_position = seen_point ? -static_cast<int64_t>(mantissa_digits - integer_digits) : integer_digits;
            }
        } else if (c == '_') {
            if (i == 0 || !is_digit(body[i - 1]) || i + 1 >= body.size() || !is_digit(body[i + 1])) return std::nullopt;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
            copy[copied++] = c;
        } else {
            break;
        }
    }
    if (mantissa_digits == 0) return std::nullopt;
    if (i < body.size()) {
        if (body[i] != 'e' && body[i] != 'E') return std::nullopt;
        copy[copied++] = 'e';
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) copy[copied++] = body[i++];
        size_t exponent_digits = 0;
        for (; i < body.size(); ++i) {
            const char c = body[i];
            if (is_digit(c)) {
                copy[copied++] = c;
                ++exponent_digits;
            } else if (c == '_') {
                if (!is_digit(body[i - 1]) || i + 1 >= body.size() || !is_digit(body[i + 1])) return std::nullopt;
            } else {
                return std::nullopt;
            }
        }
        if (exponent_digits == 0) return std::nullopt;
    }
    double value = 0.0;
    const auto result = std::from_chars(copy, copy + copied, value, std::chars_format::general);
    if (result.ptr != copy + copied) return std::nullopt;
    if (result.ec == std::errc::result_out_of_range) {
        // from_chars leaves the value alone when out of range; CPython yields inf or 0.0.
        const char* exponent_start = std::find(copy, copy + copied, 'e');
        int64_t exponent = 0;
        if (exponent_start != copy + copied) {
            const char* p = exponent_start + 1;
            const bool exponent_negative = *p == '-';
            if (*p == '+' || *p == '-') ++p;
            // Saturate: any exponent this large already decides the outcome.
            for (; p < copy + copied && exponent < (INT64_C(1) << 40); ++p) exponent = exponent * 10 + (*p - '0');
            if (exponent_negative) exponent = -exponent;
        }
        const bool overflow = seen_significant && leading_position + exponent > 0;
        value = overflow ? HUGE_VAL : 0.0;
        if (negative) value = -value;
    }
    return value;
}

// ---------------------------------------------------------------------------------------------
// float.hex / float.fromhex
// ---------------------------------------------------------------------------------------------

std::string float_hex(double value) {
    if (std::isnan(value) || std::isinf(value)) return float_repr(value);
    if (value == 0.0) return std::signbit(value) ? "-0x0.0p+0" : "0x0.0p+0";
    // 13 hex digits after the point hold the 52 fraction bits; subnormals keep a leading 0.
    constexpr int kFractionDigits = (DBL_MANT_DIG - 1 + 3) / 4;
    int exponent = 0;
    double mantissa = std::frexp(std::fabs(value), &exponent);
    const int shift = 1 - std::max(DBL_MIN_EXP - exponent, 0);
    mantissa = std::ldexp(mantissa, shift);
    exponent -= shift;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = value < 0 ? "-0x" : "0x";
    out.push_back(kHex[static_cast<int>(mantissa)]);
    mantissa -= static_cast<int>(mantissa);
    out.push_back('.');
    for (int i = 0; i < kFractionDigits; ++i) {
        mantissa *= 16.0;
        out.push_back(kHex[static_cast<int>(mantissa)]);
        mantissa -= static_cast<int>(mantissa);
    }
    out.push_back('p');
    out.push_back(exponent < 0 ? '-' : '+');
    out += std::to_string(exponent < 0 ? -exponent : exponent);
    return out;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<double> parse_float_hex(std::string_view text, bool& overflow) {
    overflow = false;
    size_t pos = 0;
    const size_t size = text.size();
    auto at = [&](size_t i) { return i < size ? text[i] : '\0'; };
    while (pos < size && is_python_space(text[pos])) ++pos;
    auto finish = [&](double value) -> std::optional<double> {
        while (pos < size && is_python_space(text[pos])) ++pos;
        if (pos != size) return std::nullopt;
        return value;
    };

    // Infinities and nans, as _Py_parse_inf_or_nan.
    {
        size_t p = pos;
        bool negative = false;
        if (at(p) == '-' || at(p) == '+') negative = at(p++) == '-';
        if (matches_ignoring_case(text, std::min(p, size), "inf")) {
            p += 3;
            if (matches_ignoring_case(text, p, "inity")) p += 5;
            pos = p;
            return finish(negative ? -HUGE_VAL : HUGE_VAL);
        }
        if (matches_ignoring_case(text, std::min(p, size), "nan")) {
            pos = p + 3;
            return finish(negative ? -std::nan("") : std::nan(""));
        }
    }

    bool negate = false;
    if (at(pos) == '-' || at(pos) == '+') negate = at(pos++) == '-';
    if (at(pos) == '0' && (at(pos + 1) | 0x20) == 'x') pos += 2;

    // Coefficient digits, most significant first, and how many follow the point.
    std::vector<int> digits;
    while (hex_value(at(pos)) >= 0) digits.push_back(hex_value(text[pos++]));
    int64_t fraction_digits = 0;
    if (at(pos) == '.') {
        ++pos;
        while (hex_value(at(pos)) >= 0) {
            digits.push_back(hex_value(text[pos++]));
            ++fraction_digits;
        }
    }
    if (digits.empty()) return std::nullopt;

    // The exponent saturates like strtol: anything this large over- or underflows anyway.
    constexpr int64_t kExponentLimit = INT64_MAX / 4;
    int64_t exponent = 0;
    if ((at(pos) | 0x20) == 'p') {
        ++pos;
        bool exponent_negative = false;
        if (at(pos) == '-' || at(pos) == '+') exponent_negative = at(pos++) == '-';
        if (!is_digit(at(pos))) return std::nullopt;
        while (is_digit(at(pos))) {
            const int digit = text[pos++] - '0';
            exponent = exponent > kExponentLimit / 10 ? kExponentLimit : std::min(exponent * 10 + digit, kExponentLimit);
        }
        if (exponent_negative) exponent = -exponent;
    }

    // Leading zeros dropped; significant(j) is the j-th least significant remaining digit.
    size_t ndigits = digits.size();
    while (ndigits > 0 && digits[digits.size() - ndigits] == 0) --ndigits;
    auto significant = [&](int64_t j) { return digits[digits.size() - 1 - static_cast<size_t>(j)]; };
    if (ndigits == 0 || exponent < -kExponentLimit / 2) return finish(negate ? -0.0 : 0.0);
    if (exponent > kExponentLimit / 2) {
        overflow = true;
        return std::nullopt;
    }
    exponent -= 4 * fraction_digits;
    int64_t top_exponent = exponent + 4 * (static_cast<int64_t>(ndigits) - 1);
    for (int d = significant(static_cast<int64_t>(ndigits) - 1); d != 0; d /= 2) ++top_exponent;
    if (top_exponent < DBL_MIN_EXP - DBL_MANT_DIG) return finish(negate ? -0.0 : 0.0);
    if (top_exponent > DBL_MAX_EXP) {
        overflow = true;
        return std::nullopt;
    }
    const int64_t lsb = std::max<int64_t>(top_exponent, DBL_MIN_EXP) - DBL_MANT_DIG;
    double x = 0.0;
    if (exponent >= lsb) {
        for (int64_t j = static_cast<int64_t>(ndigits) - 1; j >= 0; --j) x = 16.0 * x + significant(j);
        return finish(negate ? -std::ldexp(x, static_cast<int>(exponent)) : std::ldexp(x, static_cast<int>(exponent)));
    }
    // Round half to even at bit lsb: key_digit holds the first bit rounded away.
    const int half_eps = 1 << static_cast<int>((lsb - exponent - 1) % 4);
    const int64_t key_digit = (lsb - exponent - 1) / 4;
    for (int64_t j = static_cast<int64_t>(ndigits) - 1; j > key_digit; --j) x = 16.0 * x + significant(j);
    const int key = significant(key_digit);
    x = 16.0 * x + static_cast<double>(key & (16 - 2 * half_eps));
    if ((key & half_eps) != 0) {
        bool round_up = (key & (3 * half_eps - 1)) != 0 ||
                        (half_eps == 8 && key_digit + 1 < static_cast<int64_t>(ndigits) &&
                         (significant(key_digit + 1) & 1) != 0);
        for (int64_t j = key_digit - 1; j >= 0 && !round_up; --j) round_up = significant(j) != 0;
        if (round_up) {
            x += 2 * half_eps;
            if (top_exponent == DBL_MAX_EXP && x == std::ldexp(static_cast<double>(2 * half_eps), DBL_MANT_DIG)) {
                overflow = true;
                return std::nullopt;
            }
        }
    }
    x = std::ldexp(x, static_cast<int>(exponent + 4 * key_digit));
    return finish(negate ? -x : x);
}

// ---------------------------------------------------------------------------------------------
// round(x, ndigits)
// ---------------------------------------------------------------------------------------------

std::optional<double> round_double(double value, int64_t ndigits) {
    // Beyond these bounds x rounds to itself or to a signed zero (0.30103 bounds log10(2)).
    constexpr int64_t kMaxDigits = static_cast<int64_t>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    constexpr int64_t kMinDigits = -static_cast<int64_t>((DBL_MAX_EXP + 1) * 0.30103);
    if (!std::isfinite(value) || ndigits > kMaxDigits) return value;
    if (ndigits < kMinDigits) return 0.0 * value;
    if (ndigits >= 0) {
        // to_chars rounds the exact binary value half to even, as dtoa mode 3 does.
        char buffer[DBL_MAX_10_EXP + kMaxDigits + 8];
        const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                                           static_cast<int>(ndigits));
        double rounded = 0.0;
        std::from_chars(buffer, written.ptr, rounded);
        return std::copysign(rounded, value);
    }
    // Negative ndigits: round the exact value m * 2**e to a multiple of 10**k with integers.
    int binary_exponent = 0;
    const double fraction = std::frexp(std::fabs(value), &binary_exponent);
    const BigInt mantissa(static_cast<int64_t>(std::ldexp(fraction, DBL_MANT_DIG)));
    binary_exponent -= DBL_MANT_DIG;
    const BigInt power = BigInt::pow(BigInt(10), static_cast<uint64_t>(-ndigits));
    BigInt numerator = mantissa;
    BigInt denominator = power;
    if (binary_exponent >= 0) {
        numerator = numerator << static_cast<uint64_t>(binary_exponent);
    } else {
        denominator = denominator << static_cast<uint64_t>(-binary_exponent);
    }
    BigInt quotient;
    BigInt remainder;
    BigInt::divmod(numerator, denominator, quotient, remainder);
    const auto twice = (remainder << 1) <=> denominator;
    if (twice > 0 || (twice == 0 && quotient.is_odd())) quotient += BigInt(1);
    bool overflow = false;
    const double rounded = (quotient * power).to_double(overflow);
    if (overflow) return std::nullopt;
    return std::copysign(rounded, value);
}

// ---------------------------------------------------------------------------------------------
// Format spec parsing
// ---------------------------------------------------------------------------------------------

namespace {

bool is_alignment(char32_t c) {
    return c == U'<' || c == U'>' || c == U'=' || c == U'^';
}

// A presentation type as CPython prints it in messages: 'd', or '\x1' for unprintable ones.
std::string describe_type_code(char32_t code) {
    std::string text;
    if (code > 32 && code < 128) {
        text.push_back(static_cast<char>(code));
    } else {
        char buffer[16];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<uint32_t>(code), 16);
        text = "\\x";
        text.append(buffer, result.ptr);
    }
    return text;
}

std::string grouping_error(char grouping, char32_t type) {
    std::string message = "Cannot specify '";
    message.push_back(grouping);
    message += "' with '";
    message += describe_type_code(type);
    message += "'.";
    return message;
}

// Reads decimal digits at pos; false on overflow ("Too many decimal digits in format string").
bool read_count(std::string_view spec, size_t& pos, int64_t& value, bool& any) {
    value = 0;
    any = false;
    while (pos < spec.size() && is_digit(spec[pos])) {
        const int digit = spec[pos] - '0';
        if (value > (INT64_MAX - digit) / 10) return false;
        value = value * 10 + digit;
        any = true;
        ++pos;
    }
    return true;
}

}  // namespace

bool parse_format_spec(std::string_view spec, std::string_view type_name, FormatSpec& out, std::string& error) {
    out = FormatSpec{};
    size_t pos = 0;
    // Fill may be any code point; everything after it is ASCII or invalid.
    if (!spec.empty()) {
        size_t first_length = 0;
        const char32_t first = decode_utf8_at(spec, 0, first_length);
        if (first_length < spec.size() && is_alignment(static_cast<unsigned char>(spec[first_length]))) {
            out.fill = first;
            out.fill_given = true;
            out.align = spec[first_length];
            pos = first_length + 1;
        } else if (is_alignment(first)) {
            out.align = static_cast<char>(first);
            pos = 1;
        }
    }
    auto peek = [&]() { return pos < spec.size() ? spec[pos] : '\0'; };
    if (peek() == '+' || peek() == '-' || peek() == ' ') out.sign = spec[pos++];
    if (peek() == 'z') {
        out.no_negative_zero = true;
        ++pos;
    }
    if (peek() == '#') {
        out.alternate = true;
        ++pos;
    }
    if (!out.fill_given && peek() == '0') {
        out.zero_pad = true;
        ++pos;
    }
    bool any = false;
    if (!read_count(spec, pos, out.width, any)) {
        error = "Too many decimal digits in format string";
        return false;
    }
    if (!any) out.width = -1;
    if (peek() == ',') {
        out.grouping = ',';
        ++pos;
    }
    if (peek() == '_') {
        if (out.grouping != 0) {
            error = "Cannot specify both ',' and '_'.";
            return false;
        }
        out.grouping = '_';
        ++pos;
    }
    if (peek() == ',' && out.grouping == '_') {
        error = "Cannot specify both ',' and '_'.";
        return false;
    }
    if (peek() == '.') {
        ++pos;
        if (!read_count(spec, pos, out.precision, any)) {
            error = "Too many decimal digits in format string";
            return false;
        }
        if (!any) {
            error = "Format specifier missing precision";
            return false;
        }
    }
    if (pos < spec.size()) {
        size_t type_length = 0;
        const char32_t type = decode_utf8_at(spec, pos, type_length);
        if (pos + type_length != spec.size()) {
            error = "Invalid format specifier '";
            error += spec;
            error += "' for object of type '";
            error += type_name;
            error += "'";
            return false;
        }
        out.type = type;
    }
    if (out.grouping != 0) {
        switch (out.type) {
            case 0:
            case U'd':
            case U'e':
            case U'f':
            case U'g':
            case U'E':
            case U'G':
            case U'%':
            case U'F':
                break;
            case U'b':
            case U'o':
            case U'x':
            case U'X':
                if (out.grouping == '_') break;
                [[fallthrough]];
            default:
                error = grouping_error(out.grouping, out.type);
                return false;
        }
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Number layout (CPython's calc_number_widths / fill_number)
// ---------------------------------------------------------------------------------------------

namespace {

struct Layout {
    char32_t fill;
    char align;
    char sign;
    int64_t width;
    int group_size;  // 0: no grouping, 3 or 4
    char separator;
};

Layout resolve_layout(const FormatSpec& spec, char default_align) {
    Layout layout{};
    layout.fill = spec.fill_given ? spec.fill : (spec.zero_pad ? U'0' : U' ');
    layout.align = spec.align != 0 ? spec.align : (spec.zero_pad && default_align == '>' ? '=' : default_align);
    layout.sign = spec.sign;
    layout.width = spec.width;
    layout.separator = spec.grouping;
    return layout;
}

// Grouped digits, padded with leading zeros up to min_width, as _PyUnicode_InsertThousandsGrouping.
void append_grouped_digits(std::string& out, std::string_view digits, int64_t min_width, int group_size, char separator) {
    min_width = std::max<int64_t>(0, min_width);
    int64_t remaining = static_cast<int64_t>(digits.size());
    if (group_size == 0) {
        const int64_t length = std::max<int64_t>(std::max(remaining, min_width), 1);
        out.append(static_cast<size_t>(std::max<int64_t>(0, length - remaining)), '0');
        out.append(digits);
        return;
    }
    std::string reversed;
    size_t digit_end = digits.size();
    bool use_separator = false;
    while (true) {
        const int64_t length = std::min<int64_t>(group_size, std::max<int64_t>(std::max(remaining, min_width), 1));
        const int64_t zeros = std::max<int64_t>(0, length - remaining);
        const int64_t chars = std::max<int64_t>(0, std::min(remaining, length));
        if (use_separator) reversed.push_back(separator);
        for (int64_t i = 0; i < chars; ++i) reversed.push_back(digits[--digit_end]);
        reversed.append(static_cast<size_t>(zeros), '0');
        use_separator = true;
        remaining -= chars;
        min_width -= length;
        if (remaining <= 0 && min_width <= 0) break;
        min_width -= 1;
    }
    out.append(reversed.rbegin(), reversed.rend());
}

int64_t grouped_length(int64_t digit_count, int64_t min_width, int group_size) {
    min_width = std::max<int64_t>(0, min_width);
    if (group_size == 0) return std::max<int64_t>(std::max(digit_count, min_width), 1);
    int64_t count = 0;
    int64_t remaining = digit_count;
    bool use_separator = false;
    while (true) {
        const int64_t length = std::min<int64_t>(group_size, std::max<int64_t>(std::max(remaining, min_width), 1));
        const int64_t zeros = std::max<int64_t>(0, length - remaining);
        const int64_t chars = std::max<int64_t>(0, std::min(remaining, length));
        count += (use_separator ? 1 : 0) + zeros + chars;
        use_separator = true;
        remaining -= chars;
        min_width -= length;
        if (remaining <= 0 && min_width <= 0) break;
        min_width -= 1;
    }
    return count;
}

// Writes <lpad><sign><prefix><spad><grouped digits><remainder><rpad>. `negative` comes from the
// number; the remainder (decimal part, exponent, '%', a 'c' character, "inf") is copied as is
// and is remainder_width code points wide.
void append_number(std::string& out, const Layout& layout, bool negative, std::string_view prefix,
                   std::string_view digits, std::string_view remainder, int64_t remainder_width) {
    char sign = 0;
    if (negative) {
        sign = '-';
    } else if (layout.sign == '+') {
        sign = '+';
    } else if (layout.sign == ' ') {
        sign = ' ';
    }
    const int64_t non_digits = (sign ? 1 : 0) + static_cast<int64_t>(prefix.size()) + remainder_width;
    const int64_t min_width = layout.fill == U'0' && layout.align == '=' ? layout.width - non_digits : 0;
    const int64_t digits_width = digits.empty() ? 0 : grouped_length(static_cast<int64_t>(digits.size()), min_width, layout.group_size);
    const int64_t padding = layout.width - (non_digits + digits_width);
    int64_t left = 0;
    int64_t middle = 0;
    int64_t right = 0;
    if (padding > 0) {
        switch (layout.align) {
            case '<':
                right = padding;
                break;
            case '^':
                left = padding / 2;
                right = padding - left;
                break;
            case '=':
                middle = padding;
                break;
            default:
                left = padding;
                break;
        }
    }
    append_repeated(out, layout.fill, left);
    if (sign) out.push_back(sign);
    out.append(prefix);
    append_repeated(out, layout.fill, middle);
    if (!digits.empty()) append_grouped_digits(out, digits, min_width, layout.group_size, layout.separator);
    out.append(remainder);
    append_repeated(out, layout.fill, right);
}

void set_error(FormatError& error, FormatError::Kind kind, std::string message) {
    error.kind = kind;
    error.message = std::move(message);
}

void set_unknown_code(FormatError& error, char32_t code, std::string_view type_name) {
    std::string message = "Unknown format code '";
    message += describe_type_code(code);
    message += "' for object of type '";
    message += type_name;
    message += "'";
    set_error(error, FormatError::Kind::value_error, std::move(message));
}

bool format_float_internal(double value, const FormatSpec& spec, std::string& out, FormatError& error) {
    if (spec.precision > INT_MAX) {
        set_error(error, FormatError::Kind::value_error, "precision too big");
        return false;
    }
    int precision = static_cast<int>(spec.precision);
    unsigned flags = 0;
    if (spec.alternate) flags |= kDoubleAlternate;
    if (spec.no_negative_zero) flags |= kDoubleNoNegativeZero;
    char type = static_cast<char>(spec.type);
    int default_precision = 6;
    if (type == 0) {
        // Like repr without a precision, else like 'g' that keeps at least one decimal.
        flags |= kDoubleAddDotZero;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool add_percent = false;
    if (type == '%') {
        type = 'f';
        value *= 100;
        add_percent = true;
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (type == 'r') {
        type = 'g';
    }
    // Without width, grouping or an explicit sign the text needs no layout.
    if (spec.width < 0 && spec.grouping == 0 && spec.sign != '+' && spec.sign != ' ') {
        append_double_impl(out, value, type, precision, flags);
        if (add_percent) out.push_back('%');
        return true;
    }
    std::string text;
    append_double_impl(text, value, type, precision, flags);
    if (add_percent) text.push_back('%');

    std::string_view body = text;
    bool negative = false;
    if (!body.empty() && body[0] == '-') {
        negative = true;
        body.remove_prefix(1);
    }
    size_t digit_count = 0;
    while (digit_count < body.size() && is_digit(body[digit_count])) ++digit_count;
    Layout layout = resolve_layout(spec, '>');
    layout.group_size = spec.grouping != 0 ? 3 : 0;
    const std::string_view remainder = body.substr(digit_count);
    append_number(out, layout, negative, {}, body.substr(0, digit_count), remainder,
                  static_cast<int64_t>(remainder.size()));
    return true;
}

// The integer being formatted: an int64 or a BigInt, with the few views the formatter needs.
class IntegerView {
public:
    explicit IntegerView(int64_t small) : small_(small), big_(nullptr) {}
    explicit IntegerView(const BigInt& big) : small_(0), big_(&big) {}

    bool negative() const { return big_ ? big_->is_negative() : small_ < 0; }

    // Digits of the magnitude in base 2, 8, 10 or 16, lowercase.
    void append_magnitude(std::string& out, int base) const {
        if (big_) {
            const size_t start = out.size();
            big_->append_string(out, base);
            if (big_->is_negative()) out.erase(start, 1);
            return;
        }
        const uint64_t magnitude = small_ < 0 ? 0 - static_cast<uint64_t>(small_) : static_cast<uint64_t>(small_);
        char buffer[72];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, base);
        out.append(buffer, result.ptr);
    }

    bool to_double(double& value) const {
        if (!big_) {
            value = static_cast<double>(small_);
            return true;
        }
        bool overflow = false;
        value = big_->to_double(overflow);
        return !overflow;
    }

    // As PyLong_AsLong: false when the value does not fit in a C long.
    bool to_long(int64_t& value) const {
        if (big_ && !big_->fits_int64()) return false;
        value = big_ ? big_->to_int64() : small_;
        return true;
    }

private:
    int64_t small_;
    const BigInt* big_;
};

bool format_integer(const IntegerView& value, const FormatSpec& spec, std::string_view type_name, std::string& out,
                    FormatError& error) {
    const char32_t type = spec.type == 0 ? U'd' : spec.type;
    switch (type) {
        case U'e':
        case U'E':
        case U'f':
        case U'F':
        case U'g':
        case U'G':
        case U'%': {
            double converted = 0.0;
            if (!value.to_double(converted)) {
                set_error(error, FormatError::Kind::overflow_error, "int too large to convert to float");
                return false;
            }
            return format_float_internal(converted, spec, out, error);
        }
        case U'b':
        case U'c':
        case U'd':
        case U'o':
        case U'x':
        case U'X':
        case U'n':
            break;
        default:
            set_unknown_code(error, type, type_name);
            return false;
    }
    if (spec.precision != -1) {
        set_error(error, FormatError::Kind::value_error, "Precision not allowed in integer format specifier");
        return false;
    }
    if (spec.no_negative_zero) {
        set_error(error, FormatError::Kind::value_error,
                  "Negative zero coercion (z) not allowed in integer format specifier");
        return false;
    }
    Layout layout = resolve_layout(spec, '>');
    if (type == U'c') {
        if (spec.sign != 0) {
            set_error(error, FormatError::Kind::value_error, "Sign not allowed with integer format specifier 'c'");
            return false;
        }
        if (spec.alternate) {
            set_error(error, FormatError::Kind::value_error,
                      "Alternate form (#) not allowed with integer format specifier 'c'");
            return false;
        }
        int64_t code_point = 0;
        if (!value.to_long(code_point)) {
            set_error(error, FormatError::Kind::overflow_error, "Python int too large to convert to C long");
            return false;
        }
        if (code_point < 0 || code_point > 0x10FFFF) {
            set_error(error, FormatError::Kind::overflow_error, "%c arg not in range(0x110000)");
            return false;
        }
        std::string character;
        append_utf8(character, static_cast<char32_t>(code_point));
        append_number(out, layout, false, {}, {}, character, 1);
        return true;
    }
    int base = 10;
    std::string_view prefix;
    switch (type) {
        case U'b':
            base = 2;
            prefix = "0b";
            break;
        case U'o':
            base = 8;
            prefix = "0o";
            break;
        case U'x':
            base = 16;
            prefix = "0x";
            break;
        case U'X':
            base = 16;
            prefix = "0X";
            break;
        default:
            break;
    }
    if (!spec.alternate) prefix = {};
    const bool needs_layout = spec.width >= 0 || spec.grouping != 0 || spec.sign == '+' || spec.sign == ' ';
    std::string scratch;
    std::string& target = needs_layout ? scratch : out;
    if (!needs_layout) {
        if (value.negative()) out.push_back('-');
        out.append(prefix);
    }
    const size_t digits_start = target.size();
    value.append_magnitude(target, base);
    if (type == U'X') {
        for (size_t i = digits_start; i < target.size(); ++i) {
            const char c = target[i];
            target[i] = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
        }
    }
    if (!needs_layout) return true;
    const std::string& digits = scratch;
    if (spec.grouping != 0) layout.group_size = spec.grouping == '_' && base != 10 ? 4 : 3;
    append_number(out, layout, value.negative(), prefix, digits, {}, 0);
    return true;
}

}  // namespace

bool format_int(const BigInt& value, const FormatSpec& spec, std::string_view type_name, std::string& out,
                FormatError& error) {
    return format_integer(IntegerView(value), spec, type_name, out, error);
}

bool format_int(int64_t value, const FormatSpec& spec, std::string_view type_name, std::string& out,
                FormatError& error) {
    return format_integer(IntegerView(value), spec, type_name, out, error);
}

bool format_float(double value, const FormatSpec& spec, std::string_view type_name, std::string& out,
                  FormatError& error) {
    switch (spec.type) {
        case 0:
        case U'e':
        case U'E':
        case U'f':
        case U'F':
        case U'g':
        case U'G':
        case U'n':
        case U'%':
            return format_float_internal(value, spec, out, error);
        default:
            set_unknown_code(error, spec.type, type_name);
            return false;
    }
}

bool format_str(std::string_view utf8, const FormatSpec& spec, std::string_view type_name, std::string& out,
                FormatError& error) {
    if (spec.type != 0 && spec.type != U's') {
        set_unknown_code(error, spec.type, type_name);
        return false;
    }
    // Grouping was only checked against explicit types while parsing; str's implied type is 's'.
    if (spec.grouping != 0) {
        set_error(error, FormatError::Kind::value_error, grouping_error(spec.grouping, U's'));
        return false;
    }
    if (spec.sign == ' ') {
        set_error(error, FormatError::Kind::value_error, "Space not allowed in string format specifier");
        return false;
    }
    if (spec.sign != 0) {
        set_error(error, FormatError::Kind::value_error, "Sign not allowed in string format specifier");
        return false;
    }
    if (spec.no_negative_zero) {
        set_error(error, FormatError::Kind::value_error,
                  "Negative zero coercion (z) not allowed in string format specifier");
        return false;
    }
    if (spec.alternate) {
        set_error(error, FormatError::Kind::value_error, "Alternate form (#) not allowed in string format specifier");
        return false;
    }
    const Layout layout = resolve_layout(spec, '<');
    if (layout.align == '=') {
        set_error(error, FormatError::Kind::value_error, "'=' alignment not allowed in string format specifier");
        return false;
    }
    int64_t length = count_code_points(utf8);
    std::string_view text = utf8;
    if (spec.precision >= 0 && length > spec.precision) {
        text = utf8.substr(0, prefix_bytes(utf8, spec.precision));
        length = spec.precision;
    }
    const int64_t padding = layout.width > length ? layout.width - length : 0;
    int64_t left = 0;
    if (layout.align == '>') {
        left = padding;
    } else if (layout.align == '^') {
        left = padding / 2;
    }
    append_repeated(out, layout.fill, left);
    out.append(text);
    append_repeated(out, layout.fill, padding - left);
    return true;
}

// ---------------------------------------------------------------------------------------------
// printf-style formatting (CPython's unicode_format_arg_output)
// ---------------------------------------------------------------------------------------------

namespace {

// `text` is the converted value: for numbers an optional '-' and, for alternate o/x/X, the
// "0o"/"0x"/"0X" prefix, which the zero padding goes after.
void append_percent_field(std::string& out, std::string_view text, const PercentSpec& spec, bool numeric) {
    int64_t length = count_code_points(text);
    int64_t width = spec.width;
    if (!numeric && (spec.conversion == 's' || spec.conversion == 'r' || spec.conversion == 'a') &&
        spec.precision >= 0 && length > spec.precision) {
        text = text.substr(0, prefix_bytes(text, spec.precision));
        length = spec.precision;
    }
    const char fill = numeric && spec.zero_pad ? '0' : ' ';
    char sign = 0;
    if (numeric) {
        if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
            sign = text[0];
            text.remove_prefix(1);
            --length;
        } else if (spec.plus) {
            sign = '+';
        } else if (spec.blank) {
            sign = ' ';
        }
    }
    if (width < length) width = length;
    if (sign) {
        if (fill != ' ') out.push_back(sign);
        if (width > length) --width;
    }
    const bool has_prefix = numeric && spec.alternate &&
                            (spec.conversion == 'x' || spec.conversion == 'X' || spec.conversion == 'o');
    std::string_view prefix;
    if (has_prefix) {
        prefix = text.substr(0, 2);
        text.remove_prefix(2);
        if (fill != ' ') out.append(prefix);
        width = std::max<int64_t>(width - 2, 0);
        length -= 2;
    }
    if (width > length && !spec.left_adjust) {
        out.append(static_cast<size_t>(width - length), fill);
        width = length;
    }
    if (fill == ' ') {
        if (sign) out.push_back(sign);
        if (has_prefix) out.append(prefix);
    }
    out.append(text);
    if (width > length) out.append(static_cast<size_t>(width - length), ' ');
}

void percent_format_integer(const IntegerView& value, const PercentSpec& spec, std::string& out) {
    const bool decimal = spec.conversion == 'd' || spec.conversion == 'i' || spec.conversion == 'u';
    if (decimal && spec.width < 0 && spec.precision < 0 && !spec.plus && !spec.blank) {
        if (value.negative()) out.push_back('-');
        value.append_magnitude(out, 10);
        return;
    }
    int base = 10;
    switch (spec.conversion) {
        case 'o':
            base = 8;
            break;
        case 'x':
        case 'X':
            base = 16;
            break;
        default:
            break;
    }
    std::string text;
    if (value.negative()) text.push_back('-');
    if (spec.alternate && base != 10) {
        text.push_back('0');
        text.push_back(spec.conversion);
    }
    std::string digits;
    value.append_magnitude(digits, base);
    // The precision is a minimum digit count.
    if (spec.precision > static_cast<int64_t>(digits.size())) {
        text.append(static_cast<size_t>(spec.precision) - digits.size(), '0');
    }
    text += digits;
    if (spec.conversion == 'X') {
        for (char& c : text) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
    }
    append_percent_field(out, text, spec, true);
}

}  // namespace

void percent_format_int(const BigInt& value, const PercentSpec& spec, std::string& out) {
    percent_format_integer(IntegerView(value), spec, out);
}

void percent_format_int(int64_t value, const PercentSpec& spec, std::string& out) {
    percent_format_integer(IntegerView(value), spec, out);
}

void percent_format_float(double value, const PercentSpec& spec, std::string& out) {
    std::string text;
    append_double_impl(text, value, spec.conversion, spec.precision < 0 ? 6 : spec.precision,
                       spec.alternate ? unsigned{kDoubleAlternate} : 0u);
    append_percent_field(out, text, spec, true);
}

void percent_format_str(std::string_view utf8, const PercentSpec& spec, std::string& out) {
    append_percent_field(out, utf8, spec, false);
}

}  // namespace chaipy
