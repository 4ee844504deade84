// Floats: IEEE doubles with Python's arithmetic (floor division and modulo signs, pow corner cases), exact comparison with ints, CPython's hash, parsing and printing.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "runtime/builtin_types.hpp"
#include "runtime/int_ops.hpp"
#include "runtime/numfmt.hpp"
#include "runtime/protocols.hpp"
#include "runtime/str_format.hpp"
#include "runtime/type_init.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

TypeObject float_type;

namespace {

Ref new_float_object(TypeObject* type, double d) {
  // Exact floats may be made before float_type is set up (constants built during start-up).
  Object* object = type == &float_type ? alloc_var_object(type, sizeof(FloatObject)) : alloc_object(type);
  if (!object) return nullptr;
  static_cast<FloatObject*>(object)->value = d;
  return Ref::steal(Value(object));
}

// Exact floats freed by this thread, reused by float_new: float arithmetic makes and drops a
// float per operation, and reuse halves its cost. Chained through the value field. Kept
// trivially destructible so the hot path reads it without a TLS guard; the releaser below
// frees what is left when the thread ends.
struct FloatFreeList {
  FloatObject* head;
  int count;
};
constexpr int float_free_list_limit = 256;
thread_local FloatFreeList float_free_list;

inline FloatObject* next_free(FloatObject* object) {
  FloatObject* next;
  memcpy(&next, &object->value, sizeof next);
  return next;
}

struct FloatFreeListReleaser {
  bool armed = false;
  ~FloatFreeListReleaser() {
    FloatFreeList& list = float_free_list;
    while (FloatObject* object = list.head) {
      list.head = next_free(object);
      free_object(object);
    }
    list.count = 0;
  }
};
thread_local FloatFreeListReleaser float_free_list_releaser;

void float_dealloc(Object* object) {
  FloatFreeList& list = float_free_list;
  if (object->type != &float_type || list.count >= float_free_list_limit) {
    free_object(object);
    return;
  }
  if (list.count == 0) float_free_list_releaser.armed = true;
  auto* f = static_cast<FloatObject*>(object);
  memcpy(&f->value, &list.head, sizeof list.head);
  list.head = f;
  ++list.count;
}

}  // namespace

Ref float_new(double d) {
  FloatFreeList& list = float_free_list;
  if (FloatObject* reused = list.head) {
    list.head = next_free(reused);
    --list.count;
    reused->refcount = 1;
    reused->value = d;
    return Ref::steal(Value(reused));
  }
  return new_float_object(&float_type, d);
}

bool number_to_double(Value v, double& out) {
  if (v.is_small_int()) {
    out = static_cast<double>(v.as_small_int());
    return true;
  }
  if (is_float(v)) {
    out = float_value(v);
    return true;
  }
  if (is_int(v)) {
    int64_t n;
    if (int_to_i64(v, n)) {
      out = static_cast<double>(n);
      return true;
    }
    bool overflow = false;
    out = v.as<IntObject>()->value.to_double(overflow);
    if (!overflow) return true;
    raise(&OverflowError_type, "int too large to convert to float");
    return false;
  }
  raise_format(&TypeError_type, "must be real number, not %s", type_name(v));
  return false;
}

namespace {

// Floats and small ints, the operands float arithmetic meets almost always.
[[gnu::always_inline]] inline bool quick_double(Value v, double& out) {
  if (v.is_small_int()) {
    out = static_cast<double>(v.as_small_int());
    return true;
  }
  if (v.is_object() && v.as_object()->type == &float_type) {
    out = float_value(v);
    return true;
  }
  return false;
}

// Any other operand: a float subclass or an int (converted); false with nothing pending when
// it is neither, with OverflowError pending when an int is too large.
bool float_operand(Value v, double& out, bool& failed) {
  failed = false;
  if (quick_double(v, out)) return true;
  if (!is_float(v) && !is_int(v)) return false;
  failed = !number_to_double(v, out);
  return true;
}

[[gnu::noinline]] bool general_float_operands(Value a, Value b, double& x, double& y, Ref& result) {
  bool failed;
  if (!float_operand(a, x, failed) || (!failed && !float_operand(b, y, failed))) {
    result = failed ? Ref() : new_not_implemented();
    return false;
  }
  if (failed) {
    result = Ref();
    return false;
  }
  return true;
}

// Converts both operands; when it returns false, `result` is what the slot returns
// (NotImplemented, or null with an error pending).
[[gnu::always_inline]] inline bool float_operands(Value a, Value b, double& x, double& y, Ref& result) {
  if (quick_double(a, x) && quick_double(b, y)) return true;
  return general_float_operands(a, b, x, y, result);
}

Ref float_add(Value a, Value b) {
  double x, y;
  Ref result;
  if (!float_operands(a, b, x, y, result)) return result;
  return float_new(x + y);
}

Ref float_sub(Value a, Value b) {
  double x, y;
  Ref result;
  if (!float_operands(a, b, x, y, result)) return result;
  return float_new(x - y);
}

Ref float_mul(Value a, Value b) {
  double x, y;
  Ref result;
  if (!float_operands(a, b, x, y, result)) return result;
  return float_new(x * y);
}

Ref float_true_div(Value a, Value b) {
  double x, y;
  Ref result;
  if (!float_operands(a, b, x, y, result)) return result;
  if (y == 0.0) return raise(&ZeroDivisionError_type, "float division by zero");
  return float_new(x / y);
}

// CPython's float_rem: the result takes the divisor's sign.
double python_fmod(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

// CPython's _float_div_mod.
void python_divmod(double x, double y, double& floordiv, double& mod) {
  mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
}

Ref float_floor_div(Value a, Value b) {
  double x, y;
  Ref result;
  if (!float_operands(a, b, x, y, result)) return result;
  if (y == 0.0) return raise(&ZeroDivisionError_type, "float floor division by zero");
  double floordiv, mod;
  python_divmod(x, y, floordiv, mod);
  return float_new(floordiv);
}

Ref float_mod(Value a, Value b) {
  double x, y;
  Ref result;
  if (!float_operands(a, b, x, y, result)) return result;
  if (y == 0.0) return raise(&ZeroDivisionError_type, "float modulo");
  return float_new(python_fmod(x, y));
}

Ref float_divmod(Value a, Value b) {
  double x, y;
  Ref result;
  if (!float_operands(a, b, x, y, result)) return result;
  if (y == 0.0) return raise(&ZeroDivisionError_type, "float divmod()");
  double floordiv, mod;
  python_divmod(x, y, floordiv, mod);
  Ref quotient = float_new(floordiv);
  Ref remainder = float_new(mod);
  if (!quotient || !remainder) return nullptr;
  return tuple_pack({*quotient, *remainder});
}

bool is_odd_integer(double d) { return std::fmod(std::fabs(d), 2.0) == 1.0; }

// CPython's float_pow. A negative base with a fractional exponent would give a complex in
// CPython; chaipy has no complex type and raises ValueError instead.
Ref float_pow(Value a, Value b) {
  double x, y;
  Ref result;
  if (!float_operands(a, b, x, y, result)) return result;
  if (y == 0.0) return float_new(1.0);
  if (std::isnan(x)) return float_new(x);
  if (std::isnan(y)) return float_new(x == 1.0 ? 1.0 : y);
  if (std::isinf(y)) {
    double magnitude = std::fabs(x);
    if (magnitude == 1.0) return float_new(1.0);
    if ((y > 0.0) == (magnitude > 1.0)) return float_new(std::fabs(y));
    return float_new(0.0);
  }
  if (std::isinf(x)) {
    bool odd = is_odd_integer(y);
    if (y > 0.0) return float_new(odd ? x : std::fabs(x));
    return float_new(odd ? std::copysign(0.0, x) : 0.0);
  }
  if (x == 0.0) {
    if (y < 0.0) return raise(&ZeroDivisionError_type, "0.0 cannot be raised to a negative power");
    return float_new(is_odd_integer(y) ? x : 0.0);
  }
  if (x == 1.0) return float_new(1.0);
  bool negate = false;
  if (x < 0.0) {
    if (y != std::floor(y)) return raise(&ValueError_type, "negative number cannot be raised to a fractional power");
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) return float_new(negate ? -1.0 : 1.0);
  double power = std::pow(x, y);
  if (std::isinf(power)) return raise(&OverflowError_type, "(34, 'Numerical result out of range')");
  return float_new(negate ? -power : power);
}

template <BinarySlot forward>
Ref reflected(Value self, Value other) {
  return forward(other, self);
}

// ---- unary slots and conversions ----

Ref float_negative(Value self) { return float_new(-float_value(self)); }
Ref float_absolute(Value self) { return float_new(std::fabs(float_value(self))); }
Ref float_positive(Value self) {
  if (self.as_object()->type == &float_type) return Ref::borrow(self);
  return float_new(float_value(self));
}
int float_truth(Value self) { return float_value(self) != 0.0; }

// int(d): truncation toward zero.
Ref int_from_double(double d) {
  if (std::isnan(d)) return raise(&ValueError_type, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise(&OverflowError_type, "cannot convert float infinity to integer");
  if (std::fabs(d) < 4.0e18) return int_from_i64(static_cast<int64_t>(d));
  return int_from_bigint(*BigInt::from_double(d));
}

Ref float_to_int(Value self) { return int_from_double(float_value(self)); }

// ---- comparison, hash, repr ----

bool compare_doubles(double x, double y, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return x < y;
    case CompareOp::Le: return x <= y;
    case CompareOp::Eq: return x == y;
    case CompareOp::Ne: return x != y;
    case CompareOp::Gt: return x > y;
    default: return x >= y;
  }
}

bool ordering_satisfies(int order, CompareOp op) { return compare_doubles(order, 0, op); }

// x <op> n exactly, for a finite or infinite x and any int n (CPython's float_richcompare).
Ref compare_with_int(double x, Value n, CompareOp op) {
  int64_t small;
  if (std::isnan(x)) return Ref::boolean(op == CompareOp::Ne);
  if (int_to_i64(n, small) && small > -(int64_t(1) << 53) && small < (int64_t(1) << 53))
    return Ref::boolean(compare_doubles(x, static_cast<double>(small), op));
  if (std::isinf(x)) return Ref::boolean(ordering_satisfies(x > 0 ? 1 : -1, op));
  double whole = std::trunc(x);
  BigInt truncated = *BigInt::from_double(whole);
  BigInt value = int_to_bigint(n);
  auto order = truncated <=> value;
  if (order != 0) return Ref::boolean(ordering_satisfies(order < 0 ? -1 : 1, op));
  double fraction = x - whole;
  return Ref::boolean(ordering_satisfies(fraction > 0 ? 1 : fraction < 0 ? -1 : 0, op));
}

Ref float_richcompare(Value self, Value other, CompareOp op) {
  double x = float_value(self);
  if (is_float(other)) return Ref::boolean(compare_doubles(x, float_value(other), op));
  if (is_int(other)) return compare_with_int(x, other, op);
  return new_not_implemented();
}

// CPython's _Py_HashDouble, so hash(2.0) == hash(2) and hash(0.5) matches CPython.
int64_t hash_double(Value self, double v) {
  constexpr int hash_bits = 61;
  constexpr uint64_t modulus = (uint64_t(1) << hash_bits) - 1;
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    uintptr_t address = self.bits();
    auto h = static_cast<int64_t>((address >> 4) | (address << (8 * sizeof(address) - 4)));
    return h == -1 ? -2 : h;
  }
  if (v == std::trunc(v) && std::fabs(v) < 9.0e18) return hash_i64(static_cast<int64_t>(v));
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & modulus) | x >> (hash_bits - 28);
    m *= 268435456.0;
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= modulus) x -= modulus;
  }
  e = e >= 0 ? e % hash_bits : hash_bits - 1 - ((-1 - e) % hash_bits);
  x = ((x << e) & modulus) | x >> (hash_bits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  if (x == static_cast<uint64_t>(-1)) x = static_cast<uint64_t>(-2);
  return static_cast<int64_t>(x);
}

int64_t float_hash(Value self) { return hash_double(self, float_value(self)); }

Ref float_repr_slot(Value self) { return str_new(float_repr(float_value(self))); }

// ---- construction ----

Ref parse_float_text(std::string_view text, Value original) {
  std::string translated;
  if (!is_ascii(text)) {
    translated = ascii_numeric_text(text);
    text = translated;
  }
  std::optional<double> parsed = parse_float(text);
  if (!parsed) return raise_format(&ValueError_type, "could not convert string to float: %R", original);
  return float_new(*parsed);
}

// float(x) for one argument.
Ref float_from_object(Value x) {
  if (x.is_object() && x.as_object()->type == &float_type) return Ref::borrow(x);
  TypeObject* type = type_of(x);
  if (is_str(x)) return parse_float_text(str_view(x), x);
  if (is_bytes(x)) return parse_float_text(bytes_view(x), x);
  if (is_subtype(type, &bytearray_type)) return parse_float_text(*x.as<ByteArrayObject>()->buffer, x);
  if (type->to_float) {
    Ref result = type->to_float(x);
    if (!result) return nullptr;
    if (!is_float(*result))
      return raise_format(&TypeError_type, "%s.__float__ returned non-float (type %s)", type->name.c_str(),
                          type_name(*result));
    return float_new(float_value(*result));
  }
  if (type->index) {
    Ref index = type->index(x);
    if (!index) return nullptr;
    if (!is_int(*index))
      return raise_format(&TypeError_type, "__index__ returned non-int (type %s)", type_name(*index));
    double d;
    if (!number_to_double(*index, d)) return nullptr;
    return float_new(d);
  }
  return raise_format(&TypeError_type, "float() argument must be a string or a real number, not '%s'", type_name(x));
}

Ref float_type_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "float() takes no keyword arguments");
  if (nargs > 1) return raise_format(&TypeError_type, "float expected at most 1 argument, got %zu", nargs);
  Ref value = nargs ? float_from_object(args[0]) : float_new(0.0);
  if (!value || type == &float_type) return value;
  return new_float_object(type, float_value(*value));
}

// ---- methods ----

Ref float_method_is_integer(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("is_integer", nargs, kwnames, 0, 0)) return nullptr;
  double d = float_value(self);
  return Ref::boolean(std::isfinite(d) && std::floor(d) == d);
}

Ref float_method_hex(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("hex", nargs, kwnames, 0, 0)) return nullptr;
  return str_new(float_hex(float_value(self)));
}

Ref float_method_fromhex(Value cls, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("fromhex", nargs, kwnames, 1, 1)) return nullptr;
  if (!is_str(args[0]))
    return raise_format(&TypeError_type, "fromhex() argument must be str, not %s", type_name(args[0]));
  bool overflow = false;
  std::optional<double> parsed = parse_float_hex(str_view(args[0]), overflow);
  if (!parsed) {
    if (overflow) return raise(&OverflowError_type, "hexadecimal value too large to represent as a float");
    return raise(&ValueError_type, "invalid hexadecimal floating-point string");
  }
  Ref value = float_new(*parsed);
  if (!value || cls == Value(&float_type)) return value;
  return call1(cls, *value);
}

Ref float_method_as_integer_ratio(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("as_integer_ratio", nargs, kwnames, 0, 0)) return nullptr;
  double d = float_value(self);
  if (std::isinf(d)) return raise(&OverflowError_type, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) return raise(&ValueError_type, "cannot convert NaN to integer ratio");
  int exponent;
  double part = std::frexp(d, &exponent);
  for (int i = 0; i < 300 && part != std::floor(part); ++i) {
    part *= 2.0;
    --exponent;
  }
  BigInt numerator = *BigInt::from_double(part);
  BigInt denominator(1);
  if (exponent > 0) numerator = numerator << static_cast<uint64_t>(exponent);
  else denominator = denominator << static_cast<uint64_t>(-exponent);
  Ref n = int_from_bigint(std::move(numerator));
  Ref m = int_from_bigint(std::move(denominator));
  if (!n || !m) return nullptr;
  return tuple_pack({*n, *m});
}

// round(x) (half to even, an int) and round(x, ndigits) (a float, correctly rounded).
Ref float_method_round(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__round__", nargs, kwnames, 0, 1)) return nullptr;
  double d = float_value(self);
  if (nargs == 0 || args[0].is_none()) {
    double rounded = std::round(d);
    if (std::fabs(d - rounded) == 0.5) rounded = 2.0 * std::round(d / 2.0);
    return int_from_double(rounded);
  }
  int64_t ndigits;
  if (!index_to_i64(args[0], ndigits)) {
    if (!error_matches(&IndexError_type)) return nullptr;
    clear_error();
    ndigits = int_to_bigint(args[0]).is_negative() ? INT64_MIN : INT64_MAX;
  }
  std::optional<double> rounded = round_double(d, ndigits);
  if (!rounded) return raise(&OverflowError_type, "rounded value too large to represent");
  return float_new(*rounded);
}

Ref float_method_trunc(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__trunc__", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_double(float_value(self));
}

Ref float_method_floor(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__floor__", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_double(std::floor(float_value(self)));
}

Ref float_method_ceil(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__ceil__", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_double(std::ceil(float_value(self)));
}

Ref float_method_conjugate(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("conjugate", nargs, kwnames, 0, 0)) return nullptr;
  return float_positive(self);
}

Ref float_method_getnewargs(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__getnewargs__", nargs, kwnames, 0, 0)) return nullptr;
  Ref value = float_positive(self);
  if (!value) return nullptr;
  return tuple_pack({*value});
}

Ref float_method_pow(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__pow__", nargs, kwnames, 1, 2)) return nullptr;
  if (nargs == 2 && !args[1].is_none())
    return raise(&TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
  return float_pow(self, args[0]);
}

Ref float_method_rpow(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__rpow__", nargs, kwnames, 1, 2)) return nullptr;
  if (nargs == 2 && !args[1].is_none())
    return raise(&TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
  return float_pow(args[0], self);
}

Ref float_method_divmod(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__divmod__", nargs, kwnames, 1, 1)) return nullptr;
  return float_divmod(self, args[0]);
}

Ref float_method_rdivmod(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__rdivmod__", nargs, kwnames, 1, 1)) return nullptr;
  return float_divmod(args[0], self);
}

Ref float_get_imag(Value) { return float_new(0.0); }

const MethodDef float_methods[] = {
    {"is_integer", float_method_is_integer},
    {"hex", float_method_hex},
    {"fromhex", float_method_fromhex, MethodKind::Class},
    {"as_integer_ratio", float_method_as_integer_ratio},
    {"conjugate", float_method_conjugate},
    {"__round__", float_method_round},
    {"__trunc__", float_method_trunc},
    {"__floor__", float_method_floor},
    {"__ceil__", float_method_ceil},
    {"__pow__", float_method_pow},
    {"__rpow__", float_method_rpow},
    {"__divmod__", float_method_divmod},
    {"__rdivmod__", float_method_rdivmod},
    {"__getnewargs__", float_method_getnewargs},
    {"__format__", float_format_method},
    {nullptr, nullptr},
};

}  // namespace

void init_float_type() {
  init_static_type(&float_type, "float", &object_type, sizeof(FloatObject), type_flag_base_type);
  float_type.dealloc = float_dealloc;
  float_type.repr = float_repr_slot;
  float_type.hash = float_hash;
  float_type.richcompare = float_richcompare;
  float_type.truth = float_truth;
  float_type.negative = float_negative;
  float_type.positive = float_positive;
  float_type.absolute = float_absolute;
  float_type.to_int = float_to_int;
  float_type.to_float = float_positive;
  float_type.new_ = float_type_new;
  auto set_binary = [](BinaryOp op, BinarySlot forward, BinarySlot backward) {
    float_type.binary[static_cast<int>(op)] = forward;
    float_type.reflected[static_cast<int>(op)] = backward;
  };
  set_binary(BinaryOp::Add, float_add, reflected<float_add>);
  set_binary(BinaryOp::Sub, float_sub, reflected<float_sub>);
  set_binary(BinaryOp::Mul, float_mul, reflected<float_mul>);
  set_binary(BinaryOp::TrueDiv, float_true_div, reflected<float_true_div>);
  set_binary(BinaryOp::FloorDiv, float_floor_div, reflected<float_floor_div>);
  set_binary(BinaryOp::Mod, float_mod, reflected<float_mod>);
  set_binary(BinaryOp::Pow, float_pow, reflected<float_pow>);
  add_methods(&float_type, float_methods);
  add_property(&float_type, "real", float_positive);
  add_property(&float_type, "imag", float_get_imag);
  finish_static_type(&float_type);
}

}  // namespace chaipy
