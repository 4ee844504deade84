// Integers and booleans: small-int immediates that overflow into BigInt, Python's arithmetic and bit operations, hashing, parsing and printing.
#include <atomic>
#include <charconv>
#include <cmath>
#include <new>
#include <string>

#include "runtime/builtin_types.hpp"
#include "runtime/int_ops.hpp"
#include "runtime/no_memory.hpp"
#include "runtime/protocols.hpp"
#include "runtime/str_format.hpp"
#include "runtime/type_init.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

TypeObject int_type, bool_type;

namespace {

std::atomic<int64_t> max_str_digits{4300};

// Results beyond this many bits are refused with MemoryError rather than attempted.
constexpr uint64_t max_result_bits = uint64_t(1) << 36;

Ref new_int_object(TypeObject* type, BigInt value) {
  // Exact ints may be made before int_type is set up (constants built during start-up).
  Object* object = type == &int_type ? alloc_var_object(type, sizeof(IntObject)) : alloc_object(type);
  if (!object) return nullptr;
  new (&static_cast<IntObject*>(object)->value) BigInt(std::move(value));
  return Ref::steal(Value(object));
}

inline bool is_int_object(Value v) { return v.is_object() && (v.as_object()->type->flags & type_flag_int_subclass); }

// The BigInt of an int: the object's own for IntObjects, else `scratch` filled in.
const BigInt& bigint_of(Value v, BigInt& scratch) {
  if (is_int_object(v)) return v.as<IntObject>()->value;
  int64_t n = 0;
  int_to_i64(v, n);
  scratch = BigInt(n);
  return scratch;
}

// Both operands as int64 when they fit.
inline bool both_i64(Value a, Value b, int64_t& x, int64_t& y) {
  if (a.is_small_int() && b.is_small_int()) {
    x = a.as_small_int();
    y = b.as_small_int();
    return true;
  }
  return int_to_i64(a, x) && int_to_i64(b, y);
}

Ref zero_division(const char* message) { return raise(&ZeroDivisionError_type, message); }

inline bool is_exact_float(Value v) { return v.is_object() && v.as_object()->type == &float_type; }

// An int and a float in either order: float's arithmetic at once, without the NotImplemented
// round trip through the generic dispatch.
template <BinaryOp op>
Ref mixed_with_float(Value a, Value b) {
  constexpr auto index = static_cast<uint32_t>(op);
  if (is_exact_float(b) && is_int(a)) return float_type.reflected[index](b, a);
  if (is_exact_float(a) && is_int(b)) return float_type.binary[index](a, b);
  return new_not_implemented();
}

}  // namespace

// ---- the C++ API ----

Ref int_from_i64(int64_t n) {
  if (Value::fits_small_int(n)) return Ref::steal(Value::small_int(n));
  return new_int_object(&int_type, BigInt(n));
}

Ref int_from_bigint(BigInt value) {
  if (value.fits_int64()) {
    int64_t n = value.to_int64();
    if (Value::fits_small_int(n)) return Ref::steal(Value::small_int(n));
  }
  return new_int_object(&int_type, std::move(value));
}

bool int_to_i64(Value v, int64_t& out) {
  if (v.is_small_int()) {
    out = v.as_small_int();
    return true;
  }
  if (v.is_bool()) {
    out = v.is_true();
    return true;
  }
  const BigInt& value = v.as<IntObject>()->value;
  if (!value.fits_int64()) return false;
  out = value.to_int64();
  return true;
}

BigInt int_to_bigint(Value v) {
  BigInt scratch;
  return bigint_of(v, scratch);
}

int64_t int_max_str_digits() { return max_str_digits.load(std::memory_order_relaxed); }
void set_int_max_str_digits(int64_t limit) { max_str_digits.store(limit, std::memory_order_relaxed); }

std::string ascii_numeric_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    size_t start = pos;
    uint32_t cp = utf8_decode_next(utf8, pos);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (char_is(cp, char_space)) {
      out += ' ';
    } else if (char_is(cp, char_decimal)) {
      // Unicode decimal digits come in runs of whole blocks of ten starting at a zero.
      uint32_t first = cp;
      while (first > 0 && char_is(first - 1, char_decimal)) --first;
      out += static_cast<char>('0' + (cp - first) % 10);
    } else {
      out.append(utf8.substr(start, pos - start));
    }
  }
  return out;
}

namespace {

// Decimal digits that a parse in a base that is not a power of two would read.
bool exceeds_digit_limit(std::string_view text, int base, int64_t& digits) {
  int64_t limit = int_max_str_digits();
  if (limit <= 0 || base == 2 || base == 4 || base == 8 || base == 16 || base == 32) return false;
  digits = 0;
  for (char c : text) digits += (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return digits > limit;
}

// int(text, base) where `original` (a str, bytes or bytearray) is what error messages show.
Ref parse_int_text(std::string_view text, int base, Value original) {
  if (base != 0 && (base < 2 || base > 36)) return raise(&ValueError_type, "int() base must be >= 2 and <= 36, or 0");
  std::string translated;
  if (!is_ascii(text)) {
    translated = ascii_numeric_text(text);
    text = translated;
  }
  int64_t digits;
  if (exceeds_digit_limit(text, base, digits))
    return raise_format(&ValueError_type,
                        "Exceeds the limit (%lld digits) for integer string conversion: value has %lld digits; "
                        "use sys.set_int_max_str_digits() to increase the limit",
                        static_cast<long long>(int_max_str_digits()), static_cast<long long>(digits));
  return interruptible([&] {
    std::optional<BigInt> parsed = BigInt::parse(text, base);
    if (!parsed) return raise_format(&ValueError_type, "invalid literal for int() with base %d: %R", base, original);
    return int_from_bigint(std::move(*parsed));
  });
}

}  // namespace

Ref int_from_string(std::string_view text, int base) {
  // Bytes that are not UTF-8 (a corrupt pickle's line) are no number, and no str either: the
  // message shows them with U+FFFD for the faults.
  if (!utf8_is_wellformed(text)) {
    std::string shown;
    utf8_append_replacing(shown, text);
    Ref original = str_new(shown);
    if (!original) return nullptr;
    return raise_format(&ValueError_type, "invalid literal for int() with base %d: %R", base, *original);
  }
  Ref original = str_new(text);
  if (!original) return nullptr;
  return parse_int_text(text, base, *original);
}

namespace {

// ---- arithmetic slots (either operand may be the int; NotImplemented for non-ints) ----

Ref int_add(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return mixed_with_float<BinaryOp::Add>(a, b);
  int64_t x, y, r;
  if (both_i64(a, b, x, y) && !__builtin_add_overflow(x, y, &r)) return int_from_i64(r);
  BigInt sa, sb;
  return int_from_bigint(bigint_of(a, sa) + bigint_of(b, sb));
}

Ref int_sub(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return mixed_with_float<BinaryOp::Sub>(a, b);
  int64_t x, y, r;
  if (both_i64(a, b, x, y) && !__builtin_sub_overflow(x, y, &r)) return int_from_i64(r);
  BigInt sa, sb;
  return int_from_bigint(bigint_of(a, sa) - bigint_of(b, sb));
}

Ref int_mul(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return mixed_with_float<BinaryOp::Mul>(a, b);
  int64_t x, y, r;
  if (both_i64(a, b, x, y) && !__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
  return interruptible([&] {
    BigInt sa, sb;
    return int_from_bigint(bigint_of(a, sa) * bigint_of(b, sb));
  });
}

bool is_zero_int(Value v) {
  int64_t n;
  return int_to_i64(v, n) && n == 0;
}

Ref int_floor_div(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return mixed_with_float<BinaryOp::FloorDiv>(a, b);
  if (is_zero_int(b)) return zero_division("integer division or modulo by zero");
  int64_t x, y, r;
  if (both_i64(a, b, x, y) && floordiv_i64(x, y, r)) return int_from_i64(r);
  return interruptible([&] {
    BigInt sa, sb;
    return int_from_bigint(BigInt::floordiv(bigint_of(a, sa), bigint_of(b, sb)));
  });
}

Ref int_mod(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return mixed_with_float<BinaryOp::Mod>(a, b);
  if (is_zero_int(b)) return zero_division("integer modulo by zero");
  int64_t x, y;
  if (both_i64(a, b, x, y)) return int_from_i64(mod_i64(x, y));
  return interruptible([&] {
    BigInt sa, sb;
    return int_from_bigint(BigInt::mod(bigint_of(a, sa), bigint_of(b, sb)));
  });
}

Ref int_true_div(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return mixed_with_float<BinaryOp::TrueDiv>(a, b);
  if (is_zero_int(b)) return zero_division("division by zero");
  int64_t x, y;
  if (both_i64(a, b, x, y)) return float_new(true_divide_i64(x, y));
  BigInt sa, sb;
  bool overflow = false;
  double result = BigInt::true_divide(bigint_of(a, sa), bigint_of(b, sb), overflow);
  if (overflow) return raise(&OverflowError_type, "integer division result too large for a float");
  return float_new(result);
}

Ref int_pow_slot(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return mixed_with_float<BinaryOp::Pow>(a, b);
  return int_pow(a, b, Value());
}

Ref int_lshift(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return new_not_implemented();
  BigInt sa, sb;
  const BigInt& shift_big = bigint_of(b, sb);
  if (shift_big.is_negative()) return raise(&ValueError_type, "negative shift count");
  int64_t x, r;
  bool small = int_to_i64(a, x);
  if (small && x == 0) return int_from_i64(0);
  if (!shift_big.fits_int64()) return raise(&OverflowError_type, "too many digits in integer");
  int64_t shift = shift_big.to_int64();
  if (small && lshift_i64(x, static_cast<uint64_t>(shift), r)) return int_from_i64(r);
  const BigInt& value = bigint_of(a, sa);
  if (value.bit_length() + static_cast<uint64_t>(shift) > max_result_bits) return raise_no_memory();
  return int_from_bigint(value << static_cast<uint64_t>(shift));
}

Ref int_rshift(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return new_not_implemented();
  BigInt sa, sb;
  const BigInt& shift_big = bigint_of(b, sb);
  if (shift_big.is_negative()) return raise(&ValueError_type, "negative shift count");
  const BigInt& value = bigint_of(a, sa);
  if (!shift_big.fits_int64()) return int_from_i64(value.is_negative() ? -1 : 0);
  auto shift = static_cast<uint64_t>(shift_big.to_int64());
  int64_t x;
  if (int_to_i64(a, x)) return int_from_i64(rshift_i64(x, shift));
  return int_from_bigint(value >> shift);
}

Ref int_and(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return new_not_implemented();
  int64_t x, y;
  if (both_i64(a, b, x, y)) return int_from_i64(x & y);
  BigInt sa, sb;
  return int_from_bigint(bigint_of(a, sa) & bigint_of(b, sb));
}

Ref int_or(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return new_not_implemented();
  int64_t x, y;
  if (both_i64(a, b, x, y)) return int_from_i64(x | y);
  BigInt sa, sb;
  return int_from_bigint(bigint_of(a, sa) | bigint_of(b, sb));
}

Ref int_xor(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return new_not_implemented();
  int64_t x, y;
  if (both_i64(a, b, x, y)) return int_from_i64(x ^ y);
  BigInt sa, sb;
  return int_from_bigint(bigint_of(a, sa) ^ bigint_of(b, sb));
}

template <BinarySlot forward>
Ref reflected(Value self, Value other) {
  return forward(other, self);
}

// ---- unary slots ----

Ref int_negative(Value self) {
  int64_t n;
  if (int_to_i64(self, n) && n != INT64_MIN) return int_from_i64(-n);
  return int_from_bigint(-int_to_bigint(self));
}

// The value as an exact int (int(), __index__, +x, real, numerator...).
Ref int_exact(Value self) {
  if (self.is_small_int() || (self.is_object() && self.as_object()->type == &int_type)) return Ref::borrow(self);
  int64_t n;
  if (int_to_i64(self, n)) return int_from_i64(n);
  return int_from_bigint(int_to_bigint(self));
}

Ref int_invert(Value self) {
  int64_t n;
  if (int_to_i64(self, n)) return int_from_i64(~n);
  return int_from_bigint(~int_to_bigint(self));
}

Ref int_absolute(Value self) {
  int64_t n;
  if (int_to_i64(self, n) && n != INT64_MIN) return int_from_i64(n < 0 ? -n : n);
  return int_from_bigint(int_to_bigint(self).abs());
}

Ref int_to_float(Value self) {
  double d;
  if (!number_to_double(self, d)) return nullptr;
  return float_new(d);
}

int int_truth(Value self) {
  int64_t n;
  if (int_to_i64(self, n)) return n != 0;
  return 1;
}

// ---- comparison, hash, repr ----

bool ordering_satisfies(std::strong_ordering order, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return order < 0;
    case CompareOp::Le: return order <= 0;
    case CompareOp::Eq: return order == 0;
    case CompareOp::Ne: return order != 0;
    case CompareOp::Gt: return order > 0;
    default: return order >= 0;
  }
}

Ref int_richcompare(Value self, Value other, CompareOp op) {
  if (!is_int(other)) {
    if (!is_exact_float(other)) return new_not_implemented();
    static constexpr CompareOp swapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                            CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
    return float_type.richcompare(other, self, swapped[static_cast<int>(op)]);
  }
  int64_t x, y;
  if (both_i64(self, other, x, y)) return Ref::boolean(ordering_satisfies(x <=> y, op));
  BigInt sa, sb;
  return Ref::boolean(ordering_satisfies(bigint_of(self, sa) <=> bigint_of(other, sb), op));
}

int64_t int_hash(Value self) {
  int64_t n;
  if (int_to_i64(self, n)) return hash_i64(n);
  return self.as<IntObject>()->value.hash();
}

Ref int_repr(Value self) {
  int64_t n;
  if (int_to_i64(self, n)) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
    return str_new({buffer, static_cast<size_t>(end - buffer)});
  }
  const BigInt& value = self.as<IntObject>()->value;
  int64_t limit = int_max_str_digits();
  // 3.33 bits per digit: beyond this many bits the digits surely exceed the limit.
  bool too_long = limit > 0 && value.bit_length() > static_cast<uint64_t>(limit) * 10 / 3 + 64;
  return interruptible([&] {
    std::string text;
    if (!too_long) {
      text = value.to_string(10);
      too_long = limit > 0 && static_cast<int64_t>(text.size() - value.is_negative()) > limit;
    }
    if (too_long)
      return raise_format(&ValueError_type,
                          "Exceeds the limit (%lld digits) for integer string conversion; "
                          "use sys.set_int_max_str_digits() to increase the limit",
                          static_cast<long long>(limit));
    return str_new(text);
  });
}

// ---- construction ----

// int(x) for one argument: __int__, __index__, __trunc__, then text.
Ref int_from_object(Value x) {
  if (x.is_small_int() || (x.is_object() && x.as_object()->type == &int_type)) return Ref::borrow(x);
  TypeObject* type = type_of(x);
  if (type->to_int) {
    Ref result = type->to_int(x);
    if (!result) return nullptr;
    if (!is_int(*result))
      return raise_format(&TypeError_type, "__int__ returned non-int (type %s)", type_name(*result));
    return int_exact(*result);
  }
  if (type->index) {
    Ref result = type->index(x);
    if (!result) return nullptr;
    if (!is_int(*result))
      return raise_format(&TypeError_type, "__index__ returned non-int (type %s)", type_name(*result));
    return int_exact(*result);
  }
  if (type_lookup(type, str_intern("__trunc__"))) {
    Ref result = call_method(x, "__trunc__", nullptr, 0);
    if (!result) return nullptr;
    if (is_int(*result)) return int_exact(*result);
    if (!type_of(*result)->index)
      return raise_format(&TypeError_type, "__trunc__ returned non-Integral (type %s)", type_name(*result));
    return int_from_object(*result);
  }
  if (is_str(x)) return parse_int_text(str_view(x), 10, x);
  if (is_bytes(x)) return parse_int_text(bytes_view(x), 10, x);
  if (is_subtype(type, &bytearray_type)) return parse_int_text(*x.as<ByteArrayObject>()->buffer, 10, x);
  return raise_format(&TypeError_type, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                      type_name(x));
}

Ref int_from_text_and_base(Value x, Value base_value) {
  int64_t base;
  if (!index_to_i64(base_value, base)) {
    if (!error_matches(&IndexError_type)) return nullptr;
    clear_error();
    base = -1;
  }
  if (base < INT32_MIN || base > INT32_MAX) base = -1;
  int b = static_cast<int>(base);
  if (is_str(x)) return parse_int_text(str_view(x), b, x);
  if (is_bytes(x)) return parse_int_text(bytes_view(x), b, x);
  if (is_subtype(type_of(x), &bytearray_type)) return parse_int_text(*x.as<ByteArrayObject>()->buffer, b, x);
  return raise(&TypeError_type, "int() can't convert non-string with explicit base");
}

Ref int_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  size_t total = nargs + (kwnames ? tuple_size(kwnames) : 0);
  if (total > 2) return raise_format(&TypeError_type, "int() takes at most 2 arguments (%zu given)", total);
  Value x = nargs > 0 ? args[0] : Value();
  Value base = nargs > 1 ? args[1] : Value();
  if (kwnames) {
    for (int64_t i = 0, n = tuple_size(kwnames); i < n; ++i) {
      std::string_view name = str_view(tuple_item(kwnames, i));
      if (name != "base")
        return raise_format(&TypeError_type, "'%s' is an invalid keyword argument for int()",
                            std::string(name).c_str());
      if (base) return raise(&TypeError_type, "argument for int() given by name ('base') and position (2)");
      base = args[nargs + i];
    }
  }
  Ref value;
  if (!x) {
    if (base) return raise(&TypeError_type, "int() missing string argument");
    value = int_from_i64(0);
  } else {
    value = base ? int_from_text_and_base(x, base) : int_from_object(x);
  }
  if (!value || type == &int_type) return value;
  return new_int_object(type, int_to_bigint(*value));
}

void int_dealloc(Object* object) {
  static_cast<IntObject*>(object)->value.~BigInt();
  free_object(object);
}

// ---- methods ----

Ref int_method_pow(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__pow__", nargs, kwnames, 1, 2)) return nullptr;
  return int_pow(self, args[0], nargs == 2 ? args[1] : Value());
}

Ref int_method_rpow(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__rpow__", nargs, kwnames, 1, 2)) return nullptr;
  return int_pow(args[0], self, nargs == 2 ? args[1] : Value());
}

Ref int_method_divmod(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__divmod__", nargs, kwnames, 1, 1)) return nullptr;
  return int_divmod(self, args[0]);
}

Ref int_method_rdivmod(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__rdivmod__", nargs, kwnames, 1, 1)) return nullptr;
  return int_divmod(args[0], self);
}

Ref int_method_exact(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("conjugate", nargs, kwnames, 0, 0)) return nullptr;
  return int_exact(self);
}

// round(n, ndigits): half to even at a power of ten when ndigits is negative.
Ref int_method_round(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__round__", nargs, kwnames, 0, 1)) return nullptr;
  if (nargs == 0) return int_exact(self);
  int64_t ndigits;
  if (!index_to_i64(args[0], ndigits)) {
    if (!error_matches(&IndexError_type)) return nullptr;
    clear_error();
    ndigits = int_to_bigint(args[0]).is_negative() ? INT64_MIN : 0;
  }
  if (ndigits >= 0) return int_exact(self);
  BigInt value = int_to_bigint(self);
  // 10**k exceeds any int this size when k is past its digit count.
  if (static_cast<uint64_t>(-(ndigits + 1)) + 1 > value.bit_length() / 3 + 1) return int_from_i64(0);
  return interruptible([&] {
    BigInt power = BigInt::pow(BigInt(10), static_cast<uint64_t>(-(ndigits + 1)) + 1);
    BigInt quotient, remainder;
    BigInt::divmod(value, power, quotient, remainder);
    BigInt twice = remainder + remainder;
    auto order = twice <=> power;
    if (order > 0 || (order == 0 && quotient.is_odd())) quotient += BigInt(1);
    return int_from_bigint(quotient * power);
  });
}

Ref int_method_bit_length(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("bit_length", nargs, kwnames, 0, 0)) return nullptr;
  int64_t n;
  if (int_to_i64(self, n)) {
    uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    return int_from_i64(magnitude ? 64 - __builtin_clzll(magnitude) : 0);
  }
  return int_from_i64(static_cast<int64_t>(int_to_bigint(self).bit_length()));
}

Ref int_method_bit_count(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("bit_count", nargs, kwnames, 0, 0)) return nullptr;
  int64_t n;
  if (int_to_i64(self, n)) {
    uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    return int_from_i64(__builtin_popcountll(magnitude));
  }
  return int_from_i64(static_cast<int64_t>(int_to_bigint(self).bit_count()));
}

// The byteorder and signed arguments of to_bytes/from_bytes; false with an error pending.
bool byte_order_arguments(const char* method, Value order, Value is_signed, bool& little, bool& sign) {
  little = false;
  if (order) {
    if (!is_str(order)) {
      raise_format(&TypeError_type, "%s() argument 'byteorder' must be str, not %s", method, type_name(order));
      return false;
    }
    std::string_view text = str_view(order);
    if (text != "little" && text != "big") {
      raise(&ValueError_type, "byteorder must be either 'little' or 'big'");
      return false;
    }
    little = text == "little";
  }
  sign = false;
  if (is_signed) {
    int truth = object_truth(is_signed);
    if (truth < 0) return false;
    sign = truth;
  }
  return true;
}

Ref int_method_to_bytes(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 2)
    return raise_format(&TypeError_type, "to_bytes() takes at most 2 positional arguments (%zu given)", nargs);
  Value bound[3];
  if (!bind_args("to_bytes", args, nargs, kwnames, {"length", "byteorder", "signed"}, 0, bound)) return nullptr;
  int64_t length = 1;
  if (bound[0] && !index_to_i64(bound[0], length)) return nullptr;
  if (length < 0) return raise(&ValueError_type, "length argument must be non-negative");
  bool little, sign;
  if (!byte_order_arguments("to_bytes", bound[1], bound[2], little, sign)) return nullptr;
  BigInt value = int_to_bigint(self);
  if (value.is_negative() && !sign) return raise(&OverflowError_type, "can't convert negative int to unsigned");
  bool overflow = false;
  std::vector<uint8_t> data = value.to_bytes(static_cast<size_t>(length), little, sign, overflow);
  if (overflow) return raise(&OverflowError_type, "int too big to convert");
  return bytes_new({reinterpret_cast<const char*>(data.data()), data.size()});
}

Ref int_method_from_bytes(Value cls, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 2)
    return raise_format(&TypeError_type, "from_bytes() takes at most 2 positional arguments (%zu given)", nargs);
  Value bound[3];
  if (!bind_args("from_bytes", args, nargs, kwnames, {"bytes", "byteorder", "signed"}, 1, bound)) return nullptr;
  bool little, sign;
  if (!byte_order_arguments("from_bytes", bound[1], bound[2], little, sign)) return nullptr;
  Ref data = is_bytes(bound[0]) ? Ref::borrow(bound[0]) : call1(Value(&bytes_type), bound[0]);
  if (!data) return nullptr;
  std::string_view bytes = bytes_view(*data);
  Ref value = int_from_bigint(
      BigInt::from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), little, sign));
  if (!value || cls == Value(&int_type)) return value;
  return call1(cls, *value);
}

Ref int_method_as_integer_ratio(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("as_integer_ratio", nargs, kwnames, 0, 0)) return nullptr;
  Ref numerator = int_exact(self);
  if (!numerator) return nullptr;
  return tuple_pack({*numerator, Value::small_int(1)});
}

Ref int_method_getnewargs(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__getnewargs__", nargs, kwnames, 0, 0)) return nullptr;
  Ref value = int_exact(self);
  if (!value) return nullptr;
  return tuple_pack({*value});
}

// The dunders of the operators whose slots take a float shortcut (mixed_with_float): as
// methods they keep CPython's answer for a non-int operand, NotImplemented.
constexpr const char* arithmetic_names[][2] = {
    {"__add__", "__radd__"}, {"__sub__", "__rsub__"}, {"__mul__", "__rmul__"}, {},
    {"__truediv__", "__rtruediv__"}, {"__floordiv__", "__rfloordiv__"}, {"__mod__", "__rmod__"}};
constexpr const char* compare_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

template <BinaryOp op, bool is_reflected>
Ref int_arithmetic_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  constexpr auto index = static_cast<uint32_t>(op);
  if (!check_positional(arithmetic_names[index][is_reflected], nargs, kwnames, 1, 1)) return nullptr;
  if (!is_int(args[0])) return new_not_implemented();
  return is_reflected ? int_type.reflected[index](self, args[0]) : int_type.binary[index](self, args[0]);
}

template <CompareOp op>
Ref int_compare_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional(compare_names[static_cast<int>(op)], nargs, kwnames, 1, 1)) return nullptr;
  if (!is_int(args[0])) return new_not_implemented();
  return int_richcompare(self, args[0], op);
}

Ref int_get_zero(Value) { return int_from_i64(0); }
Ref int_get_one(Value) { return int_from_i64(1); }

const MethodDef int_methods[] = {
    {"conjugate", int_method_exact},
    {"bit_length", int_method_bit_length},
    {"bit_count", int_method_bit_count},
    {"to_bytes", int_method_to_bytes},
    {"from_bytes", int_method_from_bytes, MethodKind::Class},
    {"as_integer_ratio", int_method_as_integer_ratio},
    {"__trunc__", int_method_exact},
    {"__floor__", int_method_exact},
    {"__ceil__", int_method_exact},
    {"__round__", int_method_round},
    {"__pow__", int_method_pow},
    {"__rpow__", int_method_rpow},
    {"__divmod__", int_method_divmod},
    {"__rdivmod__", int_method_rdivmod},
    {"__getnewargs__", int_method_getnewargs},
    {"__format__", int_format_method},
    {"__add__", int_arithmetic_method<BinaryOp::Add, false>},
    {"__radd__", int_arithmetic_method<BinaryOp::Add, true>},
    {"__sub__", int_arithmetic_method<BinaryOp::Sub, false>},
    {"__rsub__", int_arithmetic_method<BinaryOp::Sub, true>},
    {"__mul__", int_arithmetic_method<BinaryOp::Mul, false>},
    {"__rmul__", int_arithmetic_method<BinaryOp::Mul, true>},
    {"__truediv__", int_arithmetic_method<BinaryOp::TrueDiv, false>},
    {"__rtruediv__", int_arithmetic_method<BinaryOp::TrueDiv, true>},
    {"__floordiv__", int_arithmetic_method<BinaryOp::FloorDiv, false>},
    {"__rfloordiv__", int_arithmetic_method<BinaryOp::FloorDiv, true>},
    {"__mod__", int_arithmetic_method<BinaryOp::Mod, false>},
    {"__rmod__", int_arithmetic_method<BinaryOp::Mod, true>},
    {"__lt__", int_compare_method<CompareOp::Lt>},
    {"__le__", int_compare_method<CompareOp::Le>},
    {"__eq__", int_compare_method<CompareOp::Eq>},
    {"__ne__", int_compare_method<CompareOp::Ne>},
    {"__gt__", int_compare_method<CompareOp::Gt>},
    {"__ge__", int_compare_method<CompareOp::Ge>},
    {nullptr, nullptr},
};

// ---- bool ----

Ref bool_repr(Value self) { return Ref::steal(str_intern(self.is_true() ? "True" : "False")); }

Ref bool_type_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "bool() takes no keyword arguments");
  if (nargs > 1) return raise_format(&TypeError_type, "bool expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return Ref::boolean(false);
  int truth = object_truth(args[0]);
  if (truth < 0) return nullptr;
  return Ref::boolean(truth);
}

bool logical_and(bool a, bool b) { return a && b; }
bool logical_or(bool a, bool b) { return a || b; }
bool logical_xor(bool a, bool b) { return a != b; }

// & | ^ of two bools is a bool; with any other int they are int's.
template <BinarySlot int_op, bool (*combine)(bool, bool)>
Ref bool_bitwise(Value a, Value b) {
  if (a.is_bool() && b.is_bool()) return Ref::boolean(combine(a.is_true(), b.is_true()));
  return int_op(a, b);
}

}  // namespace

// ---- shared with the VM and builtins ----

Ref int_divmod(Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return new_not_implemented();
  if (is_zero_int(b)) return zero_division("integer division or modulo by zero");
  int64_t x, y, q;
  if (both_i64(a, b, x, y) && floordiv_i64(x, y, q)) {
    Ref quotient = int_from_i64(q);
    Ref remainder = int_from_i64(mod_i64(x, y));
    if (!quotient || !remainder) return nullptr;
    return tuple_pack({*quotient, *remainder});
  }
  return interruptible([&]() -> Ref {
    BigInt sa, sb, quotient_big, remainder_big;
    BigInt::divmod(bigint_of(a, sa), bigint_of(b, sb), quotient_big, remainder_big);
    Ref quotient = int_from_bigint(std::move(quotient_big));
    Ref remainder = int_from_bigint(std::move(remainder_big));
    if (!quotient || !remainder) return nullptr;
    return tuple_pack({*quotient, *remainder});
  });
}

namespace {

// base ** exp % mod for int64 operands with |mod| < 2**62 and exp >= 0.
int64_t powmod_i64(int64_t base, int64_t exp, int64_t mod) {
  auto m = static_cast<unsigned __int128>(mod < 0 ? -mod : mod);
  auto b = static_cast<unsigned __int128>(mod_i64(base, static_cast<int64_t>(m)));
  unsigned __int128 result = 1 % m;
  for (; exp; exp >>= 1) {
    if (exp & 1) result = result * b % m;
    b = b * b % m;
  }
  auto r = static_cast<int64_t>(result);
  return mod < 0 && r != 0 ? r - static_cast<int64_t>(m) : r;
}

Ref negative_exponent_pow(Value base, Value exp) {
  double x, y;
  if (!number_to_double(base, x) || !number_to_double(exp, y)) return nullptr;
  if (x == 0.0) return zero_division("0.0 cannot be raised to a negative power");
  return float_new(std::pow(x, y));
}

Ref positive_pow(Value base, Value exp) {
  BigInt sb, se;
  const BigInt& exponent = bigint_of(exp, se);
  const BigInt& value = bigint_of(base, sb);
  if (!exponent.fits_int64()) {
    if (value.is_zero() || value == BigInt(1)) return int_exact(base);
    if (value == BigInt(-1)) return int_from_i64(exponent.is_odd() ? -1 : 1);
    return raise_no_memory();
  }
  auto e = static_cast<uint64_t>(exponent.to_int64());
  int64_t x, r;
  if (int_to_i64(base, x) && pow_i64(x, e, r)) return int_from_i64(r);
  uint64_t bits = value.bit_length();
  if (bits > 1 && e > max_result_bits / bits) return raise_no_memory();
  return interruptible([&] { return int_from_bigint(BigInt::pow(value, e)); });
}

}  // namespace

Ref int_pow(Value base, Value exp, Value mod) {
  if (!is_int(base) || !is_int(exp)) return new_not_implemented();
  if (!mod || mod.is_none()) {
    int64_t e;
    bool negative = int_to_i64(exp, e) ? e < 0 : int_to_bigint(exp).is_negative();
    return negative ? negative_exponent_pow(base, exp) : positive_pow(base, exp);
  }
  if (!is_int(mod)) return raise(&TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
  if (is_zero_int(mod)) return raise(&ValueError_type, "pow() 3rd argument cannot be 0");
  int64_t b, e, m;
  if (int_to_i64(base, b) && int_to_i64(exp, e) && int_to_i64(mod, m) && e >= 0 && Value::fits_small_int(m))
    return int_from_i64(powmod_i64(b, e, m));
  return interruptible([&] {
    BigInt sb, se, sm;
    std::optional<BigInt> result = BigInt::powmod(bigint_of(base, sb), bigint_of(exp, se), bigint_of(mod, sm));
    if (!result) return raise(&ValueError_type, "base is not invertible for the given modulus");
    return int_from_bigint(std::move(*result));
  });
}

void init_int_types() {
  init_static_type(&int_type, "int", &object_type, sizeof(IntObject), type_flag_base_type | type_flag_int_subclass);
  int_type.dealloc = int_dealloc;
  int_type.repr = int_repr;
  int_type.hash = int_hash;
  int_type.richcompare = int_richcompare;
  int_type.truth = int_truth;
  int_type.negative = int_negative;
  int_type.positive = int_exact;
  int_type.invert = int_invert;
  int_type.absolute = int_absolute;
  int_type.index = int_exact;
  int_type.to_int = int_exact;
  int_type.to_float = int_to_float;
  int_type.new_ = int_type_new;
  auto set_binary = [](BinaryOp op, BinarySlot forward, BinarySlot backward) {
    int_type.binary[static_cast<int>(op)] = forward;
    int_type.reflected[static_cast<int>(op)] = backward;
  };
  set_binary(BinaryOp::Add, int_add, reflected<int_add>);
  set_binary(BinaryOp::Sub, int_sub, reflected<int_sub>);
  set_binary(BinaryOp::Mul, int_mul, reflected<int_mul>);
  set_binary(BinaryOp::TrueDiv, int_true_div, reflected<int_true_div>);
  set_binary(BinaryOp::FloorDiv, int_floor_div, reflected<int_floor_div>);
  set_binary(BinaryOp::Mod, int_mod, reflected<int_mod>);
  set_binary(BinaryOp::Pow, int_pow_slot, reflected<int_pow_slot>);
  set_binary(BinaryOp::LShift, int_lshift, reflected<int_lshift>);
  set_binary(BinaryOp::RShift, int_rshift, reflected<int_rshift>);
  set_binary(BinaryOp::And, int_and, reflected<int_and>);
  set_binary(BinaryOp::Or, int_or, reflected<int_or>);
  set_binary(BinaryOp::Xor, int_xor, reflected<int_xor>);
  add_methods(&int_type, int_methods);
  add_property(&int_type, "real", int_exact);
  add_property(&int_type, "imag", int_get_zero);
  add_property(&int_type, "numerator", int_exact);
  add_property(&int_type, "denominator", int_get_one);
  finish_static_type(&int_type);

  init_static_type(&bool_type, "bool", &int_type, sizeof(IntObject), 0);
  bool_type.repr = bool_repr;
  bool_type.new_ = bool_type_new;
  auto set_bool_binary = [](BinaryOp op, BinarySlot forward, BinarySlot backward) {
    bool_type.binary[static_cast<int>(op)] = forward;
    bool_type.reflected[static_cast<int>(op)] = backward;
  };
  set_bool_binary(BinaryOp::And, bool_bitwise<int_and, logical_and>, reflected<bool_bitwise<int_and, logical_and>>);
  set_bool_binary(BinaryOp::Or, bool_bitwise<int_or, logical_or>, reflected<bool_bitwise<int_or, logical_or>>);
  set_bool_binary(BinaryOp::Xor, bool_bitwise<int_xor, logical_xor>, reflected<bool_bitwise<int_xor, logical_xor>>);
  finish_static_type(&bool_type);
}

}  // namespace chaipy
