// The math module: float functions with CPython's domain/range error rules, integer functions on big ints (factorial, comb, perm, gcd, lcm, isqrt), and exact summation (fsum).
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <numeric>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

bool init_math_module(Value module);

// ---- conversions ----

// float(x) as math functions take it: floats, ints, then __float__, then __index__.
static bool real_argument(Value v, double& out) {
  if (is_float(v)) {
    out = float_value(v);
    return true;
  }
  if (is_int(v)) return number_to_double(v, out);
  TypeObject* type = type_of(v);
  if (type->to_float) {
    Ref result = type->to_float(v);
    if (!result) return false;
    if (!is_float(*result)) {
      raise_format(&TypeError_type, "%s.__float__ returned non-float (type %s)", type->name.c_str(),
                   type_name(*result));
      return false;
    }
    out = float_value(*result);
    return true;
  }
  if (type->index) {
    Ref result = type->index(v);
    return result && number_to_double(*result, out);
  }
  raise_format(&TypeError_type, "must be real number, not %s", type->name.c_str());
  return false;
}

// An int argument (via __index__) as a BigInt.
static bool integer_argument(Value v, BigInt& out) {
  if (is_int(v)) {
    out = int_to_bigint(v);
    return true;
  }
  TypeObject* type = type_of(v);
  if (!type->index) {
    raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type->name.c_str());
    return false;
  }
  Ref result = type->index(v);
  if (!result) return false;
  if (!is_int(*result)) {
    raise_format(&TypeError_type, "__index__ returned non-int (type %s)", type_name(*result));
    return false;
  }
  out = int_to_bigint(*result);
  return true;
}

static Ref domain_error() { return raise(&ValueError_type, "math domain error"); }
static Ref range_error() { return raise(&OverflowError_type, "math range error"); }

// CPython's is_error(): EDOM is a ValueError, ERANGE an OverflowError unless it was an underflow.
static Ref float_result(double r, int error) {
  if (error == EDOM) return domain_error();
  if (error == ERANGE && std::fabs(r) >= 1.5) return range_error();
  return float_new(r);
}

// CPython's math_1: a nan from a non-nan is a domain error; an infinity from a finite value a
// range error (functions that can overflow) or a domain error (poles).
static Ref math_1(double x, double r, bool can_overflow) {
  int error = 0;
  if (std::isnan(r) && !std::isnan(x)) error = EDOM;
  else if (std::isinf(r) && std::isfinite(x)) error = can_overflow ? ERANGE : EDOM;
  return float_result(r, error);
}

// ---- one-argument float functions ----

// How a one-argument function's non-finite results are judged.
enum class Checks { Domain, Overflow, None };

template <class F>
static Ref math_unary(const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional(F::qualified_name, nargs, kwnames, 1, 1)) return nullptr;
  double x;
  if (!real_argument(args[0], x)) return nullptr;
  if (F::checks == Checks::None) return float_new(F::apply(x));
  return math_1(x, F::apply(x), F::checks == Checks::Overflow);
}

#define CHAIPY_MATH_UNARY(name, expression, error_checks)                                 \
  struct Math_##name {                                                                    \
    static constexpr const char* qualified_name = "math." #name;                          \
    static constexpr Checks checks = Checks::error_checks;                                \
    static double apply(double x) { return expression; }                                  \
  };                                                                                      \
  static Ref math_##name(Value, const Value* args, size_t nargs, Value kwnames) {          \
    return math_unary<Math_##name>(args, nargs, kwnames);                                 \
  }

CHAIPY_MATH_UNARY(sqrt, std::sqrt(x), Domain)
CHAIPY_MATH_UNARY(exp, std::exp(x), Overflow)
CHAIPY_MATH_UNARY(exp2, std::exp2(x), Overflow)
CHAIPY_MATH_UNARY(expm1, std::expm1(x), Overflow)
CHAIPY_MATH_UNARY(cbrt, std::cbrt(x), Domain)
CHAIPY_MATH_UNARY(sin, std::sin(x), Domain)
CHAIPY_MATH_UNARY(cos, std::cos(x), Domain)
CHAIPY_MATH_UNARY(tan, std::tan(x), Domain)
CHAIPY_MATH_UNARY(asin, std::asin(x), Domain)
CHAIPY_MATH_UNARY(acos, std::acos(x), Domain)
CHAIPY_MATH_UNARY(atan, std::atan(x), Domain)
CHAIPY_MATH_UNARY(sinh, std::sinh(x), Overflow)
CHAIPY_MATH_UNARY(cosh, std::cosh(x), Overflow)
CHAIPY_MATH_UNARY(tanh, std::tanh(x), Domain)
CHAIPY_MATH_UNARY(asinh, std::asinh(x), Domain)
CHAIPY_MATH_UNARY(acosh, std::acosh(x), Domain)
CHAIPY_MATH_UNARY(atanh, std::fabs(x) == 1.0 ? NAN : std::atanh(x), Domain)
CHAIPY_MATH_UNARY(log1p, x == -1.0 ? NAN : std::log1p(x), Domain)
CHAIPY_MATH_UNARY(fabs, std::fabs(x), Domain)
CHAIPY_MATH_UNARY(erf, std::erf(x), Domain)
CHAIPY_MATH_UNARY(erfc, std::erfc(x), Domain)
CHAIPY_MATH_UNARY(degrees, x * (180.0 / M_PI), None)
CHAIPY_MATH_UNARY(radians, x * (M_PI / 180.0), None)
#undef CHAIPY_MATH_UNARY

// ---- gamma and lgamma: CPython's own Lanczos implementation, so results match to the last bit ----

static constexpr int lanczos_n = 13;
static constexpr double lanczos_g = 6.024680040776729583740234375;
static constexpr double lanczos_g_minus_half = 5.524680040776729583740234375;
static constexpr double lanczos_num_coeffs[lanczos_n] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// The denominator is x*(x+1)*...*(x+lanczos_n-2).
static constexpr double lanczos_den_coeffs[lanczos_n] = {0.0,      39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                                         45995730.0, 13339535.0, 2637558.0,  357423.0,    32670.0,
                                                         1925.0,   66.0,       1.0};
static constexpr double gamma_integral[] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
    6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
    121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0};
static constexpr double pi = 3.141592653589793238462643383279502884197;
static constexpr double log_pi = 1.144729885849400174143427351353058711647;

static double lanczos_sum(double x) {
  double numerator = 0.0, denominator = 0.0;
  // Small x: Horner in x; larger x: in 1/x, which avoids overflow and is more accurate there.
  if (x < 5.0) {
    for (int i = lanczos_n; --i >= 0;) {
      numerator = numerator * x + lanczos_num_coeffs[i];
      denominator = denominator * x + lanczos_den_coeffs[i];
    }
  } else {
    for (int i = 0; i < lanczos_n; i++) {
      numerator = numerator / x + lanczos_num_coeffs[i];
      denominator = denominator / x + lanczos_den_coeffs[i];
    }
  }
  return numerator / denominator;
}

// sin(pi * x), exact at the integers and half-integers.
static double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(pi * y); break;
    case 1: r = std::cos(pi * (y - 0.5)); break;
    case 2: r = std::sin(pi * (1.0 - y)); break;  // not -sin(pi*(y-1)): that gives -0.0 at y == 1
    case 3: r = -std::cos(pi * (y - 1.5)); break;
    default: r = std::sin(pi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

static double gamma_function(double x, int& error) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    error = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    error = EDOM;
    return 1.0 / x;
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      error = EDOM;
      return NAN;
    }
    if (x <= sizeof gamma_integral / sizeof gamma_integral[0]) return gamma_integral[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) error = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sin_pi(x);
    error = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + lanczos_g_minus_half;
  // The rounding error of y, folded into a correction factor (see CPython's mathmodule.c).
  double z = absx > lanczos_g_minus_half ? (y - absx) - lanczos_g_minus_half : (y - lanczos_g_minus_half) - absx;
  z = z * lanczos_g / y;
  double r;
  if (x < 0.0) {
    r = -pi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double root = std::pow(y, absx / 2.0 - 0.25);
      r /= root;
      r /= root;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double root = std::pow(y, absx / 2.0 - 0.25);
      r *= root;
      r *= root;
    }
  }
  if (std::isinf(r)) error = ERANGE;
  return r;
}

static double log_gamma_function(double x, int& error) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      error = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - lanczos_g;
  r += (absx - 0.5) * (std::log(absx + lanczos_g - 0.5) - 1);
  if (x < 0.0) r = log_pi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;  // reflection
  if (std::isinf(r)) error = ERANGE;
  return r;
}

static Ref gamma_like(const char* name, const Value* args, size_t nargs, Value kwnames, double (*f)(double, int&)) {
  if (!check_positional(name, nargs, kwnames, 1, 1)) return nullptr;
  double x;
  if (!real_argument(args[0], x)) return nullptr;
  int error = 0;
  double r = f(x, error);
  return float_result(r, error);
}
static Ref math_gamma(Value, const Value* args, size_t nargs, Value kwnames) {
  return gamma_like("math.gamma", args, nargs, kwnames, gamma_function);
}
static Ref math_lgamma(Value, const Value* args, size_t nargs, Value kwnames) {
  return gamma_like("math.lgamma", args, nargs, kwnames, log_gamma_function);
}

// ---- predicates and simple two-argument functions ----

static Ref math_predicate(const char* name, const Value* args, size_t nargs, Value kwnames, bool (*test)(double)) {
  if (!check_positional(name, nargs, kwnames, 1, 1)) return nullptr;
  double x;
  if (!real_argument(args[0], x)) return nullptr;
  return Ref::boolean(test(x));
}
static Ref math_isnan(Value, const Value* args, size_t nargs, Value kwnames) {
  return math_predicate("math.isnan", args, nargs, kwnames, [](double x) { return std::isnan(x); });
}
static Ref math_isinf(Value, const Value* args, size_t nargs, Value kwnames) {
  return math_predicate("math.isinf", args, nargs, kwnames, [](double x) { return std::isinf(x); });
}
static Ref math_isfinite(Value, const Value* args, size_t nargs, Value kwnames) {
  return math_predicate("math.isfinite", args, nargs, kwnames, [](double x) { return std::isfinite(x); });
}

static bool two_reals(const char* name, const Value* args, size_t nargs, Value kwnames, double& x, double& y) {
  return check_positional(name, nargs, kwnames, 2, 2) && real_argument(args[0], x) && real_argument(args[1], y);
}

static Ref math_atan2(Value, const Value* args, size_t nargs, Value kwnames) {
  double y, x;
  if (!two_reals("atan2", args, nargs, kwnames, y, x)) return nullptr;
  return float_new(std::atan2(y, x));
}

static Ref math_copysign(Value, const Value* args, size_t nargs, Value kwnames) {
  double x, y;
  if (!two_reals("copysign", args, nargs, kwnames, x, y)) return nullptr;
  return float_new(std::copysign(x, y));
}

static Ref math_fmod(Value, const Value* args, size_t nargs, Value kwnames) {
  double x, y;
  if (!two_reals("fmod", args, nargs, kwnames, x, y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_new(x);
  double r = std::fmod(x, y);
  return float_result(r, std::isnan(r) && !std::isnan(x) && !std::isnan(y) ? EDOM : 0);
}

static Ref math_remainder(Value, const Value* args, size_t nargs, Value kwnames) {
  double x, y;
  if (!two_reals("remainder", args, nargs, kwnames, x, y)) return nullptr;
  if (std::isnan(x) || std::isnan(y)) return float_new(NAN);
  if (std::isinf(x) || y == 0.0) return domain_error();
  if (std::isinf(y)) return float_new(x);
  return float_new(std::remainder(x, y));
}

static Ref math_nextafter(Value, const Value* args, size_t nargs, Value kwnames) {
  double x, y;
  if (!two_reals("nextafter", args, nargs, kwnames, x, y)) return nullptr;
  return float_new(std::nextafter(x, y));
}

static Ref math_ulp(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("math.ulp", nargs, kwnames, 1, 1)) return nullptr;
  double x;
  if (!real_argument(args[0], x)) return nullptr;
  if (std::isnan(x) || std::isinf(x)) return float_new(std::fabs(x));
  x = std::fabs(x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return float_new(x - std::nextafter(x, -INFINITY));
  return float_new(next - x);
}

// CPython's math_pow, with its explicit handling of non-finite arguments.
static Ref math_pow(Value, const Value* args, size_t nargs, Value kwnames) {
  double x, y;
  if (!two_reals("pow", args, nargs, kwnames, x, y)) return nullptr;
  double r;
  int error = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) r = odd_y ? x : std::fabs(x);
      else if (y == 0.0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else if (std::fabs(x) == 1.0) {
      r = 1.0;
    } else if (y > 0.0 && std::fabs(x) > 1.0) {
      r = y;
    } else if (y < 0.0 && std::fabs(x) < 1.0) {
      r = -y;
    } else {
      r = 0.0;
    }
  } else {
    r = std::pow(x, y);
    if (std::isnan(r)) error = EDOM;
    else if (std::isinf(r)) error = x == 0.0 ? EDOM : ERANGE;
  }
  return float_result(r, error);
}

// ---- logarithms (big ints beyond float range are handled through their bit length) ----

static bool log_argument(Value v, double (*log_function)(double), double& out) {
  if (is_int(v)) {
    BigInt n = int_to_bigint(v);
    if (n.sign() <= 0) {
      domain_error();
      return false;
    }
    bool overflow = false;
    double x = n.to_double(overflow);
    if (!overflow) {
      out = log_function(x);
      return true;
    }
    // As CPython's _PyLong_Frexp: n = m * 2**e with m in [0.5, 1) correctly rounded; the bits
    // below the top 64 only matter as a sticky bit for that rounding.
    uint64_t bits = n.bit_length();
    uint64_t shift = bits - 64;
    BigInt top = n >> shift;
    if ((top << shift) != n) top = top | BigInt(1);
    int exponent;
    double mantissa = std::frexp(std::ldexp(top.to_double(overflow), -64), &exponent);
    out = log_function(mantissa) + log_function(2.0) * static_cast<double>(bits + exponent);
    return true;
  }
  double x;
  if (!real_argument(v, x)) return false;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) {
    out = x;
    return true;
  }
  if (!(x > 0.0)) {
    domain_error();
    return false;
  }
  out = log_function(x);
  return true;
}

static double natural_log(double x) { return std::log(x); }
static double binary_log(double x) { return std::log2(x); }
static double decimal_log(double x) { return std::log10(x); }

static Ref math_log(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "math.log() takes no keyword arguments");
  if (nargs < 1 || nargs > 2) return raise(&TypeError_type, "math.log requires 1 to 2 arguments");
  double numerator;
  if (!log_argument(args[0], natural_log, numerator)) return nullptr;
  if (nargs == 1) return float_new(numerator);
  double denominator;
  if (!log_argument(args[1], natural_log, denominator)) return nullptr;
  if (denominator == 0.0) return raise(&ZeroDivisionError_type, "float division by zero");
  return float_new(numerator / denominator);
}

static Ref math_log2(Value, const Value* args, size_t nargs, Value kwnames) {
  double r;
  if (!check_positional("math.log2", nargs, kwnames, 1, 1) || !log_argument(args[0], binary_log, r)) return nullptr;
  return float_new(r);
}

static Ref math_log10(Value, const Value* args, size_t nargs, Value kwnames) {
  double r;
  if (!check_positional("math.log10", nargs, kwnames, 1, 1) || !log_argument(args[0], decimal_log, r)) return nullptr;
  return float_new(r);
}

// ---- float decomposition ----

static Ref math_modf(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("math.modf", nargs, kwnames, 1, 1)) return nullptr;
  double x, integral;
  if (!real_argument(args[0], x)) return nullptr;
  double fractional = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &integral);
  if (std::isinf(x)) integral = x;
  Ref a = float_new(fractional), b = float_new(integral);
  if (!a || !b) return nullptr;
  return tuple_pack({*a, *b});
}

static Ref math_frexp(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("math.frexp", nargs, kwnames, 1, 1)) return nullptr;
  double x;
  if (!real_argument(args[0], x)) return nullptr;
  int exponent = 0;
  double mantissa = (std::isnan(x) || std::isinf(x) || x == 0.0) ? x : std::frexp(x, &exponent);
  Ref m = float_new(mantissa);
  if (!m) return nullptr;
  return tuple_pack({*m, Value::small_int(exponent)});
}

static Ref math_ldexp(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("ldexp", nargs, kwnames, 2, 2)) return nullptr;
  double x;
  if (!real_argument(args[0], x)) return nullptr;
  if (!is_int(args[1])) return raise(&TypeError_type, "Expected an int as second argument to ldexp.");
  int64_t exponent;
  if (!int_to_i64(args[1], exponent)) exponent = int_to_bigint(args[1]).is_negative() ? INT64_MIN : INT64_MAX;
  if (x == 0.0 || !std::isfinite(x)) return float_new(x);
  if (exponent > INT_MAX) return range_error();
  if (exponent < INT_MIN) return float_new(std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(exponent));
  return float_result(r, std::isinf(r) ? ERANGE : 0);
}

// ---- rounding to ints ----

// An exact int from a finite double; CPython's errors for nan and infinities.
static Ref int_from_double(double d) {
  if (std::isnan(d)) return raise(&ValueError_type, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise(&OverflowError_type, "cannot convert float infinity to integer");
  if (std::fabs(d) < 9.0e18) return int_from_i64(static_cast<int64_t>(d));
  return int_from_bigint(*BigInt::from_double(d));
}

// floor/ceil: exact ints pass through, floats round, other types use their dunder method (or
// their float value).
static Ref round_to_int(const char* name, const char* dunder, const Value* args, size_t nargs, Value kwnames,
                        double (*round)(double)) {
  if (!check_positional(name, nargs, kwnames, 1, 1)) return nullptr;
  Value x = args[0];
  if (x.is_small_int() || type_of(x) == &int_type) return Ref::borrow(x);
  if (type_of(x) == &float_type) return int_from_double(round(float_value(x)));
  if (type_lookup(type_of(x), str_intern(dunder))) return call_method(x, dunder, nullptr, 0);
  double d;
  if (!real_argument(x, d)) return nullptr;
  return int_from_double(round(d));
}

static double floor_double(double x) { return std::floor(x); }
static double ceil_double(double x) { return std::ceil(x); }

static Ref math_floor(Value, const Value* args, size_t nargs, Value kwnames) {
  return round_to_int("math.floor", "__floor__", args, nargs, kwnames, floor_double);
}
static Ref math_ceil(Value, const Value* args, size_t nargs, Value kwnames) {
  return round_to_int("math.ceil", "__ceil__", args, nargs, kwnames, ceil_double);
}

static Ref math_trunc(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("math.trunc", nargs, kwnames, 1, 1)) return nullptr;
  Value x = args[0];
  if (type_of(x) == &float_type) return int_from_double(std::trunc(float_value(x)));
  if (!type_lookup(type_of(x), str_intern("__trunc__")))
    return raise_format(&TypeError_type, "type %s doesn't define __trunc__ method", type_name(x));
  return call_method(x, "__trunc__", nullptr, 0);
}

// ---- several arguments ----

static bool coordinates(Value point, std::vector<double>& out) {
  Ref items = list_from_iterable(point);
  if (!items) return false;
  out.resize(list_size(*items));
  for (size_t i = 0; i < out.size(); ++i)
    if (!real_argument(list_item(*items, i), out[i])) return false;
  return true;
}

// A double-length value: hi + lo exactly.
struct DoubleLength {
  double hi, lo;
};
static DoubleLength exact_product(double x, double y) {
  double product = x * y;
  return {product, std::fma(x, y, -product)};
}
static DoubleLength exact_sum_ordered(double a, double b) {  // requires |a| >= |b|
  double sum = a + b;
  return {sum, b - (sum - a)};
}

// CPython's vector_norm for hypot() and dist() (values are magnitudes): lossless scaling by a
// power of two, exact squares, compensated summation and a differentially corrected root, so
// that results are correctly rounded as CPython's.
static double vector_norm(std::vector<double>& values, double largest, bool found_nan) {
  if (std::isinf(largest)) return largest;
  if (found_nan) return NAN;
  if (largest == 0.0 || values.size() <= 1) return largest;
  int largest_exponent;
  std::frexp(largest, &largest_exponent);
  if (largest_exponent < -1023) {  // subnormals: ldexp(1.0, -exponent) would overflow
    for (double& v : values) v /= DBL_MIN;
    return DBL_MIN * vector_norm(values, largest / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -largest_exponent);
  double sum = 1.0, fraction1 = 0.0, fraction2 = 0.0;
  for (double v : values) {
    double x = v * scale;
    DoubleLength square = exact_product(x, x);
    DoubleLength total = exact_sum_ordered(sum, square.hi);
    sum = total.hi;
    fraction1 += square.lo;
    fraction2 += total.lo;
  }
  double root = std::sqrt(sum - 1.0 + (fraction1 + fraction2));
  DoubleLength square = exact_product(-root, root);
  DoubleLength total = exact_sum_ordered(sum, square.hi);
  sum = total.hi;
  fraction1 += square.lo;
  fraction2 += total.lo;
  double difference = sum - 1.0 + (fraction1 + fraction2);
  root += difference / (2.0 * root);
  return root / scale;
}

// Magnitudes of the values, with their maximum and whether a nan is among them.
static double magnitudes(std::vector<double>& values, bool& found_nan) {
  double largest = 0.0;
  found_nan = false;
  for (double& v : values) {
    v = std::fabs(v);
    found_nan |= std::isnan(v);
    if (v > largest) largest = v;
  }
  return largest;
}

static Ref math_hypot(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "hypot() takes no keyword arguments");
  std::vector<double> values(nargs);
  for (size_t i = 0; i < nargs; ++i)
    if (!real_argument(args[i], values[i])) return nullptr;
  bool found_nan;
  double largest = magnitudes(values, found_nan);
  return float_new(vector_norm(values, largest, found_nan));
}

static Ref math_dist(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("dist", nargs, kwnames, 2, 2)) return nullptr;
  std::vector<double> p, q;
  if (!coordinates(args[0], p) || !coordinates(args[1], q)) return nullptr;
  if (p.size() != q.size()) return raise(&ValueError_type, "both points must have the same number of dimensions");
  for (size_t i = 0; i < p.size(); ++i) p[i] -= q[i];
  bool found_nan;
  double largest = magnitudes(p, found_nan);
  return float_new(vector_norm(p, largest, found_nan));
}

static Ref math_isclose(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 2)
    return raise_format(&TypeError_type, "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
  Value bound[4];
  if (!bind_args("isclose", args, nargs, kwnames, {"a", "b", "rel_tol", "abs_tol"}, 2, bound)) return nullptr;
  double a, b, rel_tol = 1e-09, abs_tol = 0.0;
  if (!real_argument(bound[0], a) || !real_argument(bound[1], b)) return nullptr;
  if (bound[2] && !real_argument(bound[2], rel_tol)) return nullptr;
  if (bound[3] && !real_argument(bound[3], abs_tol)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(&ValueError_type, "tolerances must be non-negative");
  if (a == b) return Ref::boolean(true);
  if (std::isinf(a) || std::isinf(b)) return Ref::boolean(false);
  double difference = std::fabs(b - a);
  return Ref::boolean(difference <= std::fabs(rel_tol * b) || difference <= std::fabs(rel_tol * a) ||
                      difference <= abs_tol);
}

// Shewchuk's exact summation, exactly as CPython's math_fsum (same partials, same rounding fix-up).
static Ref math_fsum(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("math.fsum", nargs, kwnames, 1, 1)) return nullptr;
  Ref iterator = get_iter(args[0]);
  if (!iterator) return nullptr;
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Ref item = iter_next(*iterator);
    if (!item) {
      if (error_pending()) return nullptr;
      break;
    }
    double x;
    if (!real_argument(*item, x)) return nullptr;
    double original = x;
    size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double high = x + y;
      double low = y - (high - x);
      if (low != 0.0) partials[kept++] = low;
      x = high;
    }
    partials.resize(kept);
    if (x == 0.0) continue;
    if (!std::isfinite(x)) {
      if (std::isfinite(original)) return raise(&OverflowError_type, "intermediate overflow in fsum");
      if (std::isinf(original)) inf_sum += original;
      special_sum += original;
      partials.clear();
    } else {
      partials.push_back(x);
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(&ValueError_type, "-inf + inf in fsum");
    return float_new(special_sum);
  }
  double high = 0.0, low = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    high = partials[--n];
    while (n > 0) {
      double x = high;
      double y = partials[--n];
      high = x + y;
      low = y - (high - x);
      if (low != 0.0) break;
    }
    if (n > 0 && ((low < 0.0 && partials[n - 1] < 0.0) || (low > 0.0 && partials[n - 1] > 0.0))) {
      double y = low * 2.0;
      double x = high + y;
      if (y == x - high) high = x;
    }
  }
  return float_new(high);
}

static Ref math_prod(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1)
    return raise_format(&TypeError_type, "prod() takes exactly 1 positional argument (%zu given)", nargs);
  Value bound[2];
  if (!bind_args("prod", args, nargs, kwnames, {"iterable", "start"}, 1, bound)) return nullptr;
  Ref iterator = get_iter(bound[0]);
  if (!iterator) return nullptr;
  Ref result = bound[1] ? Ref::borrow(bound[1]) : Ref::steal(Value::small_int(1));
  for (;;) {
    Ref item = iter_next(*iterator);
    if (!item) return error_pending() ? nullptr : result;
    int64_t product;
    if (result.get().is_small_int() && item.get().is_small_int() &&
        !__builtin_mul_overflow(result.get().as_small_int(), item.get().as_small_int(), &product)) {
      result = int_from_i64(product);
      continue;
    }
    result = binary_op(*result, *item, BinaryOp::Mul);
    if (!result) return nullptr;
  }
}

// ---- integer functions ----

static Ref math_gcd(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "gcd() takes no keyword arguments");
  BigInt result;
  for (size_t i = 0; i < nargs; ++i) {
    BigInt value;
    if (!integer_argument(args[i], value)) return nullptr;
    result = BigInt::gcd(result, value);
  }
  return int_from_bigint(std::move(result));
}

static Ref math_lcm(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "lcm() takes no keyword arguments");
  BigInt result(1);
  for (size_t i = 0; i < nargs; ++i) {
    BigInt value;
    if (!integer_argument(args[i], value)) return nullptr;
    if (result.is_zero() || value.is_zero()) {
      result = BigInt(0);
      continue;
    }
    result = (BigInt::floordiv(result, BigInt::gcd(result, value)) * value).abs();
  }
  return int_from_bigint(std::move(result));
}

// The product low * (low + 1) * ... * high, split in halves so the big multiplications balance.
static BigInt range_product(uint64_t low, uint64_t high) {
  if (low > high) return BigInt(1);
  if (high - low < 8) {
    BigInt result(1);
    uint64_t chunk = 1;
    for (uint64_t k = low; k <= high; ++k) {
      uint64_t next;
      if (__builtin_mul_overflow(chunk, k, &next)) {
        result *= BigInt(chunk);
        chunk = k;
      } else {
        chunk = next;
      }
    }
    return result * BigInt(chunk);
  }
  uint64_t middle = low + (high - low) / 2;
  return range_product(low, middle) * range_product(middle + 1, high);
}

static Ref math_factorial(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("math.factorial", nargs, kwnames, 1, 1)) return nullptr;
  BigInt n;
  if (!integer_argument(args[0], n)) return nullptr;
  if (n.is_negative()) return raise(&ValueError_type, "factorial() not defined for negative values");
  if (!n.fits_int64()) return raise(&OverflowError_type, "factorial() argument should not exceed 9223372036854775807");
  return int_from_bigint(range_product(1, static_cast<uint64_t>(n.to_int64())));
}

static bool non_negative_pair(const char* name, const Value* args, size_t nargs, Value kwnames, BigInt& n, BigInt& k,
                              bool k_optional) {
  if (!check_positional(name, nargs, kwnames, k_optional ? 1 : 2, 2)) return false;
  if (!integer_argument(args[0], n)) return false;
  if (nargs == 2 && !args[1].is_none() && !integer_argument(args[1], k)) return false;
  if (n.is_negative()) {
    raise(&ValueError_type, "n must be a non-negative integer");
    return false;
  }
  if (nargs == 2 && !args[1].is_none() && k.is_negative()) {
    raise(&ValueError_type, "k must be a non-negative integer");
    return false;
  }
  return true;
}

// n * (n - 1) * ... * (n - k + 1) for big n and a k that fits a machine word.
static BigInt falling_product(const BigInt& n, uint64_t k) {
  if (n.fits_int64()) return range_product(static_cast<uint64_t>(n.to_int64()) - k + 1, static_cast<uint64_t>(n.to_int64()));
  BigInt result(1);
  for (uint64_t i = 0; i < k; ++i) result *= n - BigInt(i);
  return result;
}

static Ref math_perm(Value, const Value* args, size_t nargs, Value kwnames) {
  BigInt n, k;
  if (!non_negative_pair("perm", args, nargs, kwnames, n, k, true)) return nullptr;
  if (nargs == 1 || args[1].is_none()) k = n;
  if (k > n) return Ref::steal(Value::small_int(0));
  if (!k.fits_int64()) return raise(&OverflowError_type, "k must not exceed 9223372036854775807");
  return int_from_bigint(falling_product(n, static_cast<uint64_t>(k.to_int64())));
}

static Ref math_comb(Value, const Value* args, size_t nargs, Value kwnames) {
  BigInt n, k;
  if (!non_negative_pair("comb", args, nargs, kwnames, n, k, false)) return nullptr;
  if (k > n) return Ref::steal(Value::small_int(0));
  BigInt other = n - k;
  if (other < k) k = other;
  if (!k.fits_int64())
    return raise(&OverflowError_type, "min(n - k, k) must not exceed 9223372036854775807");
  uint64_t count = static_cast<uint64_t>(k.to_int64());
  return int_from_bigint(BigInt::floordiv(falling_product(n, count), range_product(1, count)));
}

static Ref math_isqrt(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("math.isqrt", nargs, kwnames, 1, 1)) return nullptr;
  BigInt n;
  if (!integer_argument(args[0], n)) return nullptr;
  if (n.is_negative()) return raise(&ValueError_type, "isqrt() argument must be nonnegative");
  if (n.is_zero()) return Ref::steal(Value::small_int(0));
  if (n.fits_int64()) {
    auto value = static_cast<uint64_t>(n.to_int64());
    auto root = static_cast<uint64_t>(std::sqrt(static_cast<long double>(value)));
    while (root > 0 && root > value / root) --root;
    while ((root + 1) <= value / (root + 1)) ++root;
    return int_from_i64(static_cast<int64_t>(root));
  }
  // Newton's iteration from above: x_{k+1} = (x_k + n / x_k) / 2 decreases to isqrt(n).
  BigInt x = BigInt(1) << ((n.bit_length() + 1) / 2);
  for (;;) {
    BigInt y = (x + BigInt::floordiv(n, x)) >> 1;
    if (y >= x) break;
    x = std::move(y);
  }
  return int_from_bigint(std::move(x));
}

// ---- the module ----

bool init_math_module(Value module) {
  const struct {
    const char* name;
    NativeFunction fn;
  } functions[] = {
      {"sqrt", math_sqrt},         {"exp", math_exp},           {"exp2", math_exp2},
      {"expm1", math_expm1},       {"cbrt", math_cbrt},         {"log", math_log},
      {"log2", math_log2},         {"log10", math_log10},       {"log1p", math_log1p},
      {"pow", math_pow},           {"sin", math_sin},           {"cos", math_cos},
      {"tan", math_tan},           {"asin", math_asin},         {"acos", math_acos},
      {"atan", math_atan},         {"atan2", math_atan2},       {"sinh", math_sinh},
      {"cosh", math_cosh},         {"tanh", math_tanh},         {"asinh", math_asinh},
      {"acosh", math_acosh},       {"atanh", math_atanh},       {"erf", math_erf},
      {"erfc", math_erfc},         {"gamma", math_gamma},       {"lgamma", math_lgamma},
      {"floor", math_floor},       {"ceil", math_ceil},         {"trunc", math_trunc},
      {"fabs", math_fabs},         {"fmod", math_fmod},         {"remainder", math_remainder},
      {"modf", math_modf},         {"frexp", math_frexp},       {"ldexp", math_ldexp},
      {"hypot", math_hypot},       {"dist", math_dist},         {"copysign", math_copysign},
      {"isnan", math_isnan},       {"isinf", math_isinf},       {"isfinite", math_isfinite},
      {"isclose", math_isclose},   {"nextafter", math_nextafter}, {"ulp", math_ulp},
      {"gcd", math_gcd},           {"lcm", math_lcm},           {"factorial", math_factorial},
      {"comb", math_comb},         {"perm", math_perm},         {"isqrt", math_isqrt},
      {"prod", math_prod},         {"fsum", math_fsum},         {"degrees", math_degrees},
      {"radians", math_radians},
  };
  for (const auto& function : functions)
    if (!module_add_function(module, function.name, function.fn)) return false;
  const struct {
    const char* name;
    double value;
  } constants[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
  for (const auto& constant : constants) {
    Ref value = float_new(constant.value);
    if (!value || !module_add_object(module, constant.name, *value)) return false;
  }
  return true;
}

}  // namespace chaipy
