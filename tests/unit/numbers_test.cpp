// Unit tests of the number types: int (immediates and big ints), bool and float, through their C++ API, slots and methods.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/int_ops.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {
namespace {

class NumbersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InterpreterConfig config;
    config.argv = {"test"};
    interp = interpreter_create(config);
    ASSERT_NE(interp, nullptr);
  }
  void TearDown() override { interpreter_destroy(interp); }

  // repr() of a result, or the pending exception as "Type: message".
  std::string show(const Ref& result) {
    if (!result) {
      Ref error = fetch_error();
      std::string text = error ? format_exception_only(*error) : "<no error>";
      while (!text.empty() && text.back() == '\n') text.pop_back();
      return text;
    }
    Ref text = object_repr(*result);
    return text ? std::string(str_view(*text)) : show(nullptr);
  }
  std::string op(Value a, Value b, BinaryOp which) { return show(binary_op(a, b, which)); }
  static Value i(int64_t n) { return Value::small_int(n); }
  Ref big(const char* digits) { return int_from_bigint(*BigInt::parse(digits, 10)); }
  Ref f(double d) { return float_new(d); }

  Interpreter* interp = nullptr;
};

TEST_F(NumbersTest, SmallIntsStayImmediate) {
  EXPECT_TRUE(int_from_i64(Value::small_int_max).get().is_small_int());
  EXPECT_TRUE(int_from_i64(Value::small_int_min).get().is_small_int());
  Ref above = int_from_i64(Value::small_int_max + 1);
  EXPECT_TRUE(above.get().is_object());
  EXPECT_EQ(show(above), "4611686018427387904");
  EXPECT_TRUE(int_from_bigint(BigInt(int64_t(5))).get().is_small_int());
  int64_t out = 0;
  EXPECT_TRUE(int_to_i64(Value::true_(), out));
  EXPECT_EQ(out, 1);
  EXPECT_FALSE(int_to_i64(*big("18446744073709551616"), out));
}

TEST_F(NumbersTest, IntArithmeticOverflowsIntoBigInts) {
  EXPECT_EQ(op(i(Value::small_int_max), i(1), BinaryOp::Add), "4611686018427387904");
  EXPECT_EQ(op(i(Value::small_int_min), i(1), BinaryOp::Sub), "-4611686018427387905");
  EXPECT_EQ(op(*int_from_i64(int64_t(1) << 62), i(3), BinaryOp::Mul), "13835058055282163712");
  EXPECT_EQ(op(i(3037000500), i(3037000500), BinaryOp::Mul), "9223372037000250000");
  EXPECT_EQ(op(*int_from_i64(INT64_MIN), i(-1), BinaryOp::FloorDiv), "9223372036854775808");
  EXPECT_EQ(op(i(-7), i(2), BinaryOp::FloorDiv), "-4");
  EXPECT_EQ(op(i(-7), i(2), BinaryOp::Mod), "1");
  EXPECT_EQ(op(i(7), i(-3), BinaryOp::Mod), "-2");
  Ref two_100 = big("1267650600228229401496703205376");
  EXPECT_EQ(op(*two_100, i(3), BinaryOp::FloorDiv), "422550200076076467165567735125");
  EXPECT_EQ(op(*binary_op(i(0), *two_100, BinaryOp::Sub), i(7), BinaryOp::Mod), "5");
  EXPECT_EQ(op(i(7), i(2), BinaryOp::TrueDiv), "3.5");
  EXPECT_EQ(op(i(2), i(-2), BinaryOp::Pow), "0.25");
  EXPECT_EQ(op(i(-2), i(63), BinaryOp::Pow), "-9223372036854775808");
  EXPECT_EQ(op(i(3), i(40), BinaryOp::Pow), "12157665459056928801");
  EXPECT_EQ(op(i(1), i(70), BinaryOp::LShift), "1180591620717411303424");
  EXPECT_EQ(op(i(-1), i(100), BinaryOp::RShift), "-1");
  EXPECT_EQ(op(*big("-1180591620717411303424"), i(5), BinaryOp::Or), "-1180591620717411303419");
}

TEST_F(NumbersTest, IntErrorsAreCPythons) {
  EXPECT_EQ(op(i(1), i(0), BinaryOp::FloorDiv), "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(op(i(1), i(0), BinaryOp::Mod), "ZeroDivisionError: integer modulo by zero");
  EXPECT_EQ(op(i(1), i(0), BinaryOp::TrueDiv), "ZeroDivisionError: division by zero");
  EXPECT_EQ(op(i(0), i(-1), BinaryOp::Pow), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(op(i(1), i(-1), BinaryOp::LShift), "ValueError: negative shift count");
  Ref text = str_new("a");
  EXPECT_EQ(op(i(1), *text, BinaryOp::Add), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(show(int_from_string("abc", 10)), "ValueError: invalid literal for int() with base 10: 'abc'");
  EXPECT_EQ(show(int_from_string("12", 1)), "ValueError: int() base must be >= 2 and <= 36, or 0");
  EXPECT_EQ(show(int_from_string(std::string(5000, '1'), 10)),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
            "use sys.set_int_max_str_digits() to increase the limit");
  Ref huge = binary_op(i(10), i(5000), BinaryOp::Pow);
  EXPECT_EQ(show(object_str(*huge)),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
            "use sys.set_int_max_str_digits() to increase the limit");
}

TEST_F(NumbersTest, IntParsing) {
  EXPECT_EQ(show(int_from_string("  0x_ff  ", 0)), "255");
  EXPECT_EQ(show(int_from_string("-1_000", 10)), "-1000");
  EXPECT_EQ(show(int_from_string("\xd9\xa1\xd9\xa2", 10)), "12");
  EXPECT_EQ(show(int_from_string("010", 0)), "ValueError: invalid literal for int() with base 0: '010'");
}

TEST_F(NumbersTest, PowWithModulus) {
  EXPECT_EQ(show(int_pow(i(2), i(100), i(1000000007))), "976371285");
  EXPECT_EQ(show(int_pow(i(3), i(-1), i(7))), "5");
  EXPECT_EQ(show(int_pow(*big("1180591620717411303424"), i(5), i(-97))), "-9");
  EXPECT_EQ(show(int_pow(i(2), i(-1), i(4))), "ValueError: base is not invertible for the given modulus");
  EXPECT_EQ(show(int_pow(i(2), i(3), i(0))), "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_EQ(show(int_pow(i(2), i(3), *f(1.0))),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  EXPECT_EQ(show(int_divmod(i(-7), i(2))), "(-4, 1)");
}

TEST_F(NumbersTest, HashesMatchCPython) {
  EXPECT_EQ(object_hash(*big("1000000000000000000000000000000")), 465258685558744706);
  EXPECT_EQ(object_hash(*big("-1000000000000000000000000000000")), -465258685558744706);
  EXPECT_EQ(object_hash(*big("2305843009213693952")), 1);
  EXPECT_EQ(object_hash(i(-1)), -2);
  EXPECT_EQ(object_hash(*f(0.5)), 1152921504606846976);
  EXPECT_EQ(object_hash(*f(1e100)), 1822893315824342674);
  EXPECT_EQ(object_hash(*f(-2.5)), -1152921504606846978);
  EXPECT_EQ(object_hash(*f(2.0)), object_hash(i(2)));
  EXPECT_EQ(object_hash(*f(1e300)), object_hash(*int_from_bigint(*BigInt::from_double(1e300))));
}

TEST_F(NumbersTest, BoolsAreInts) {
  EXPECT_EQ(show(Ref::boolean(true)), "True");
  EXPECT_EQ(op(Value::true_(), Value::false_(), BinaryOp::And), "False");
  EXPECT_EQ(op(Value::true_(), Value::true_(), BinaryOp::Xor), "False");
  EXPECT_EQ(op(Value::true_(), i(2), BinaryOp::Or), "3");
  EXPECT_EQ(op(Value::true_(), Value::true_(), BinaryOp::Add), "2");
  EXPECT_EQ(show(unary_invert(Value::true_())), "-2");
  EXPECT_EQ(show(object_compare(Value::true_(), i(1), CompareOp::Eq)), "True");
  EXPECT_EQ(show(call1(Value(&bool_type), i(0))), "False");
  Ref empty = list_new(0);
  EXPECT_EQ(show(call1(Value(&bool_type), *empty)), "False");
}

TEST_F(NumbersTest, FloatArithmetic) {
  EXPECT_EQ(op(*f(-5.5), i(2), BinaryOp::FloorDiv), "-3.0");
  EXPECT_EQ(op(*f(-5.5), i(2), BinaryOp::Mod), "0.5");
  EXPECT_EQ(op(*f(5.5), i(-2), BinaryOp::Mod), "-0.5");
  EXPECT_EQ(op(*f(0.1), *f(0.2), BinaryOp::Add), "0.30000000000000004");
  EXPECT_EQ(op(i(1), *f(1e16), BinaryOp::Mul), "1e+16");
  EXPECT_EQ(op(*f(1.0), i(0), BinaryOp::TrueDiv), "ZeroDivisionError: float division by zero");
  EXPECT_EQ(op(*f(1.0), *f(0.0), BinaryOp::FloorDiv), "ZeroDivisionError: float floor division by zero");
  EXPECT_EQ(op(*f(1.0), *f(0.0), BinaryOp::Mod), "ZeroDivisionError: float modulo");
  EXPECT_EQ(op(*f(10.0), i(400), BinaryOp::Pow), "OverflowError: (34, 'Numerical result out of range')");
  Ref huge = binary_op(i(10), i(400), BinaryOp::Pow);
  EXPECT_EQ(op(*huge, *f(1.0), BinaryOp::Add), "OverflowError: int too large to convert to float");
  double d = 0;
  EXPECT_FALSE(number_to_double(*huge, d));
  EXPECT_EQ(show(nullptr), "OverflowError: int too large to convert to float");
}

TEST_F(NumbersTest, FloatComparesExactlyWithInts) {
  Ref two_53_plus_1 = int_from_i64((int64_t(1) << 53) + 1);
  Ref two_53 = f(9007199254740992.0);
  EXPECT_EQ(show(object_compare(*two_53_plus_1, *two_53, CompareOp::Eq)), "False");
  EXPECT_EQ(show(object_compare(*two_53_plus_1, *two_53, CompareOp::Gt)), "True");
  Ref huge = binary_op(i(10), i(400), BinaryOp::Pow);
  EXPECT_EQ(show(object_compare(*huge, *f(1e308), CompareOp::Gt)), "True");
  Ref nan = f(std::nan(""));
  EXPECT_EQ(show(object_compare(*nan, *huge, CompareOp::Ne)), "True");
  EXPECT_EQ(show(object_compare(*f(2.5), i(2), CompareOp::Gt)), "True");
  EXPECT_EQ(show(object_compare(*f(-2.5), i(-2), CompareOp::Lt)), "True");
}

TEST_F(NumbersTest, NumberMethods) {
  Value one_thousand = i(1000);
  EXPECT_EQ(show(call_method(one_thousand, "to_bytes", std::vector<Value>{i(4), *str_new("little")}.data(), 2)),
            "b'\\xe8\\x03\\x00\\x00'");
  EXPECT_EQ(show(call_method(i(-255), "bit_count", nullptr, 0)), "8");
  EXPECT_EQ(show(call_method(*big("18446744073709551616"), "bit_length", nullptr, 0)), "65");
  EXPECT_EQ(show(call_method(i(25), "__round__", std::vector<Value>{i(-1)}.data(), 1)), "20");
  EXPECT_EQ(show(call_method(*f(2.675), "__round__", std::vector<Value>{i(2)}.data(), 1)), "2.67");
  EXPECT_EQ(show(call_method(*f(-2.5), "__round__", nullptr, 0)), "-2");
  EXPECT_EQ(show(call_method(*f(0.75), "as_integer_ratio", nullptr, 0)), "(3, 4)");
  EXPECT_EQ(show(call_method(*f(3.0), "is_integer", nullptr, 0)), "True");
  EXPECT_EQ(show(call_method(*f(std::nan("")), "__int__", nullptr, 0)), "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(show(call1(Value(&float_type), *str_new("x"))), "ValueError: could not convert string to float: 'x'");
  EXPECT_EQ(show(call1(Value(&float_type), *str_new(" 1_0.5 "))), "10.5");
  EXPECT_EQ(show(call1(Value(&int_type), *f(-3.99))), "-3");
}

}  // namespace
}  // namespace chaipy
