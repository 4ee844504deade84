// Unit tests of str, bytes, bytearray and string formatting: the C++ API, and the methods and operators with expected values recorded from CPython 3.11.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/protocols.hpp"
#include "runtime/str_format.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {
namespace {

class TextTypesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { interpreter = interpreter_create(InterpreterConfig{}); }
  static void TearDownTestSuite() {
    interpreter_destroy(interpreter);
    interpreter = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(interpreter, nullptr);
    current_thread = &interpreter->main_thread;
  }
  void TearDown() override { EXPECT_FALSE(error_pending()); }

  static Interpreter* interpreter;
};
Interpreter* TextTypesTest::interpreter = nullptr;

// What python3 prints for repr(result), or "ExceptionType: message" when the call raised.
std::string Show(Ref result) {
  if (!result) {
    Ref exception = fetch_error();
    if (!exception) return "<null without an exception>";
    Ref message = object_str(*exception);
    if (!message) return "<unprintable exception>";
    return std::string(type_name(*exception)) + ": " + std::string(str_view(*message));
  }
  Ref repr = object_repr(*result);
  if (!repr) return "<repr failed>";
  return std::string(str_view(*repr));
}

// ---- value builders (the arguments are borrowed from the Refs for the duration of a call) ----

// Literals may hold NULs: their length comes from the array, not from strlen.
template <size_t N> Ref S(const char (&text)[N]) { return str_new({text, N - 1}); }
template <size_t N> Ref B(const char (&data)[N]) { return bytes_new({data, N - 1}); }
Ref I(int64_t n) { return int_from_i64(n); }
Ref BigI(const char* digits) { return int_from_string(digits, 10); }
Ref F(double d) { return float_new(d); }
Ref T(std::initializer_list<Ref> items) {
  Ref tuple = tuple_new(items.size());
  size_t i = 0;
  for (const Ref& item : items) tuple_set(*tuple, i++, Ref(item).release());
  return tuple;
}
Ref L(std::initializer_list<Ref> items) {
  Ref list = list_new(0);
  for (const Ref& item : items) list_append(*list, *item);
  return list;
}
Ref D(std::initializer_list<std::pair<Ref, Ref>> items) {
  Ref dict = dict_new();
  for (const auto& [key, value] : items) dict_set(*dict, *key, *value);
  return dict;
}
Ref Slice(const Ref& start, const Ref& stop, const Ref& step) { return slice_new(*start, *stop, *step); }

using Keywords = std::initializer_list<std::pair<const char*, Ref>>;

Ref Call(const Ref& callable, std::initializer_list<Ref> args, Keywords keywords = {}) {
  if (!callable) return nullptr;
  std::vector<Value> values;
  for (const Ref& arg : args) values.push_back(*arg);
  Ref names;
  if (keywords.size()) {
    names = tuple_new(keywords.size());
    size_t i = 0;
    for (const auto& [name, value] : keywords) {
      tuple_set(*names, i++, str_new(name).release());
      values.push_back(*value);
    }
  }
  return call(*callable, values.data(), args.size(), *names);
}
Ref Attr(const Ref& object, const char* name) { return get_attr(*object, name); }
Ref Type(TypeObject* type) { return Ref::borrow(Value(type)); }
Ref Method(const Ref& self, const char* name, std::initializer_list<Ref> args) {
  std::vector<Value> values;
  for (const Ref& arg : args) values.push_back(*arg);
  return call_method(*self, name, values.data(), values.size());
}
Ref Construct(TypeObject* type, std::initializer_list<Ref> args, Keywords keywords = {}) {
  return Call(Type(type), args, keywords);
}
Ref Op(const Ref& a, const Ref& b, BinaryOp op) { return binary_op(*a, *b, op); }
Ref Cmp(const Ref& a, const Ref& b, CompareOp op) { return object_compare(*a, *b, op); }
Ref In(const Ref& item, const Ref& container) {
  int found = contains(*container, *item);
  return found < 0 ? nullptr : Ref::boolean(found);
}
Ref Item(const Ref& container, const Ref& key) { return get_item(*container, *key); }
Ref Repr(const Ref& v) { return object_repr(*v); }
Ref Ascii(const Ref& v) { return object_ascii(*v); }
Ref Format(const Ref& v, const Ref& spec) { return format_value(*v, *spec); }
Ref Len(const Ref& v) {
  int64_t n = object_length(*v);
  return n < 0 ? nullptr : int_from_i64(n);
}
Ref List(const Ref& v) { return list_from_iterable(*v); }

// ---- the C++ API ----

TEST_F(TextTypesTest, StrNewCachesLengthAndAsciiFlag) {
  Ref ascii = S("hello");
  auto* s = ascii.as<StrObject>();
  EXPECT_EQ(s->length, 5u);
  EXPECT_EQ(s->byte_length, 5u);
  EXPECT_TRUE(s->ascii);
  EXPECT_EQ(std::string(s->data, 6), std::string("hello\0", 6));
  Ref wide = S("h\xc3\xa9llo \xf0\x9f\x98\x80");
  EXPECT_EQ(wide.as<StrObject>()->length, 7u);
  EXPECT_EQ(wide.as<StrObject>()->byte_length, 11u);
  EXPECT_FALSE(wide.as<StrObject>()->ascii);
}

TEST_F(TextTypesTest, SingleCharactersAndEmptyStrAreShared) {
  EXPECT_EQ(*S(""), *S(""));
  EXPECT_EQ(*S("a"), *str_from_code_point('a'));
  EXPECT_EQ(*S("\xc3\xa9"), *str_from_code_point(0xE9));
  EXPECT_LT(S("a")->refcount, 0);  // immortal
  Ref euro = str_from_code_point(0x20AC);
  EXPECT_EQ(str_view(*euro), "\xe2\x82\xac");
  EXPECT_EQ(euro.as<StrObject>()->length, 1u);
}

TEST_F(TextTypesTest, InternReturnsOneImmortalObjectPerText) {
  Value first = str_intern("some_identifier");
  Value second = str_intern(std::string("some_") + "identifier");
  EXPECT_EQ(first, second);
  EXPECT_LT(first.as_object()->refcount, 0);
  EXPECT_TRUE(first.as<StrObject>()->interned);
  EXPECT_NE(first.as<StrObject>()->hash, -1);  // computed up front: shared across threads
}

TEST_F(TextTypesTest, HashAndEquality) {
  Ref a = S("abcdefghijklmnopqrstuvwxyz");
  Ref b = S("abcdefghijklmnopqrstuvwxyz");
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(str_equal(*a, *b));
  EXPECT_EQ(str_hash(*a), str_hash(*b));
  EXPECT_NE(str_hash(*a), -1);
  EXPECT_EQ(object_hash(*a), str_hash(*a));
  EXPECT_FALSE(str_equal(*a, *S("abcdefghijklmnopqrstuvwxyZ")));
  EXPECT_NE(str_hash(*S("ab")), str_hash(*S("ba")));
  EXPECT_EQ(object_hash(*B("abc")), object_hash(*B("abc")));
  EXPECT_EQ(Show(Op(S("ab"), S("ab"), BinaryOp::Add)), "'abab'");
}

TEST_F(TextTypesTest, ConcatAndJoin) {
  Ref joined = str_concat(*S("h\xc3\xa9"), *S("llo"));
  EXPECT_EQ(str_view(*joined), "h\xc3\xa9llo");
  EXPECT_EQ(joined.as<StrObject>()->length, 5u);
  EXPECT_FALSE(joined.as<StrObject>()->ascii);
  Ref parts = L({S("a"), S("\xc3\xa9"), S("c")});
  Ref result = str_join(*S(", "), *parts);
  EXPECT_EQ(str_view(*result), "a, \xc3\xa9, c");
  EXPECT_EQ(result.as<StrObject>()->length, 7u);
  EXPECT_EQ(Show(str_join(*S(""), *L({S("x"), I(1)}))), "TypeError: sequence item 1: expected str instance, int found");
}

TEST_F(TextTypesTest, IterationYieldsCodePoints) {
  Ref iterator = get_iter(*S("a\xc3\xa9\xf0\x9f\x98\x80"));
  std::vector<std::string> seen;
  while (Ref item = iter_next(*iterator)) seen.emplace_back(str_view(*item));
  EXPECT_FALSE(error_pending());
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "\xc3\xa9", "\xf0\x9f\x98\x80"}));
  Ref bytes_iterator = get_iter(*B("\x01\xff"));
  EXPECT_EQ(Show(iter_next(*bytes_iterator)), "1");
  EXPECT_EQ(Show(iter_next(*bytes_iterator)), "255");
  EXPECT_TRUE(iter_next(*bytes_iterator).is_null());
  EXPECT_FALSE(error_pending());
}

TEST_F(TextTypesTest, FormatValueAndPercentFormat) {
  EXPECT_EQ(Show(format_value(*I(255), *S("#06x"))), "'0x00ff'");
  EXPECT_EQ(Show(format_value(*F(3.14159), *S(".2f"))), "'3.14'");
  EXPECT_EQ(Show(format_value(*S("ab"), Value())), "'ab'");
  EXPECT_EQ(Show(format_value(Value::true_(), *S(""))), "'True'");
  EXPECT_EQ(Show(format_value(*BigI("123456789012345678901234567890"), *S(","))),
            "'123,456,789,012,345,678,901,234,567,890'");
  EXPECT_EQ(Show(percent_format(*S("%s=%d"), *T({S("x"), I(3)}))), "'x=3'");
  EXPECT_EQ(Show(percent_format(*S("%(k)05.1f"), *D({{S("k"), F(2.25)}}))), "'002.2'");
}

TEST_F(TextTypesTest, BytesAndByteArrayConstruction) {
  Ref b = bytes_new(std::string_view("a\0b", 3));
  EXPECT_EQ(bytes_view(*b).size(), 3u);
  EXPECT_EQ(Show(Ref(b)), "b'a\\x00b'");
  Ref array = bytearray_new("xyz");
  EXPECT_EQ(*array.as<ByteArrayObject>()->buffer, "xyz");
  EXPECT_EQ(Show(Ref(array)), "bytearray(b'xyz')");
  EXPECT_EQ(*B(""), *B(""));
  EXPECT_EQ(*B("q"), *B("q"));
}

TEST_F(TextTypesTest, ByteArrayMutation) {
  Ref array = bytearray_new("abcdef");
  ASSERT_EQ(del_item(*array, *Slice(Ref::none(), Ref::none(), I(2))), 0);
  EXPECT_EQ(Show(Ref(array)), "bytearray(b'bdf')");
  ASSERT_EQ(set_item(*array, *Slice(I(1), I(2), Ref::none()), *B("XYZ")), 0);
  EXPECT_EQ(Show(Ref(array)), "bytearray(b'bXYZf')");
  ASSERT_EQ(set_item(*array, *I(0), *I(65)), 0);
  ASSERT_EQ(set_item(*array, *Slice(Ref::none(), Ref::none(), I(-1)), *L({I(49), I(50), I(51), I(52), I(53)})), 0);
  EXPECT_EQ(Show(Ref(array)), "bytearray(b'54321')");
  EXPECT_EQ(Show(Method(array, "append", {I(33)})), "None");
  EXPECT_EQ(Show(Method(array, "extend", {B("xy")})), "None");
  EXPECT_EQ(Show(Method(array, "insert", {I(-1), I(66)})), "None");
  EXPECT_EQ(Show(Ref(array)), "bytearray(b'54321!xBy')");
  EXPECT_EQ(Show(Method(array, "pop", {})), "121");
  EXPECT_EQ(Show(Method(array, "remove", {I(66)})), "None");
  EXPECT_EQ(Show(Method(array, "reverse", {})), "None");
  EXPECT_EQ(Show(Ref(array)), "bytearray(b'x!12345')");
  Ref grown = inplace_op(*array, *B("+"), BinaryOp::Add);
  EXPECT_EQ(*grown, *array);
  Ref repeated = inplace_op(*array, *I(2), BinaryOp::Mul);
  EXPECT_EQ(Show(Ref(array)), "bytearray(b'x!12345+x!12345+')");
  EXPECT_EQ(set_item(*array, *Slice(Ref::none(), Ref::none(), I(2)), *B("x")), -1);
  EXPECT_EQ(Show(nullptr), "ValueError: attempt to assign bytes of size 1 to extended slice of size 8");
  EXPECT_EQ(set_item(*array, *I(0), *I(256)), -1);
  EXPECT_EQ(Show(nullptr), "ValueError: byte must be in range(0, 256)");
  EXPECT_EQ(object_hash(*array), -1);
  EXPECT_EQ(Show(nullptr), "TypeError: unhashable type: 'bytearray'");
  Ref self_assign = bytearray_new("abc");
  ASSERT_EQ(set_item(*self_assign, *Slice(I(0), I(2), Ref::none()), *self_assign), 0);
  EXPECT_EQ(Show(Ref(self_assign)), "bytearray(b'abcc')");
}

TEST_F(TextTypesTest, Utf8Helpers) {
  Utf8Error error;
  EXPECT_TRUE(utf8_check("h\xc3\xa9 \xf0\x9f\x98\x80", error));
  EXPECT_FALSE(utf8_check("ab\xe4\xb8", error));
  EXPECT_EQ(error.start, 2u);
  EXPECT_EQ(error.end, 4u);
  EXPECT_STREQ(error.reason, "unexpected end of data");
  EXPECT_FALSE(utf8_check("\xed\xa0\x80", error));
  EXPECT_STREQ(error.reason, "invalid continuation byte");
  EXPECT_TRUE(utf8_is_wellformed("\xed\xa0\x80"));  // a lone surrogate, as strs may hold
  EXPECT_EQ(utf8_count_code_points("h\xc3\xa9llo w\xc3\xb6rld \xf0\x9f\x98\x80 abcdefghij"), 24u);
  EXPECT_EQ(utf8_offset_of_index("h\xc3\xa9llo", 2), 3u);
  size_t pos = 0;
  EXPECT_EQ(utf8_decode_next("\xf0\x9f\x98\x80", pos), 0x1F600u);
  EXPECT_EQ(pos, 4u);
  EXPECT_EQ(utf8_decode_prev("a\xc3\xa9", pos = 3), 0xE9u);
  EXPECT_EQ(pos, 1u);
}

TEST_F(TextTypesTest, CharacterClassesAndCaseMapping) {
  EXPECT_TRUE(char_is(0x3000, char_space));
  EXPECT_TRUE(char_is(0x661, char_decimal));
  EXPECT_TRUE(char_is(0xB2, char_digit));
  EXPECT_FALSE(char_is(0xB2, char_decimal));
  EXPECT_TRUE(char_is(0x1C5, char_title));
  EXPECT_TRUE(char_is(0x300, char_case_ignorable));
  EXPECT_FALSE(char_is(0x200B, char_printable));
  EXPECT_TRUE(is_identifier("_\xc3\xa9t\xc3\xa9"));
  EXPECT_FALSE(is_identifier("1a"));
  std::string mapped;
  append_case_mapped(mapped, 0xDF, CaseMapping::Upper);
  append_case_mapped(mapped, 0x1C6, CaseMapping::Title);
  append_case_mapped(mapped, 0x130, CaseMapping::Lower);
  EXPECT_EQ(mapped, "SS\xc7\x85i\xcc\x87");
  EXPECT_EQ(simple_case_map(0x3C3, CaseMapping::Upper), 0x3A3u);
  EXPECT_EQ(simple_case_map(0x410, CaseMapping::Lower), 0x430u);
}

// ---- methods and operators (expected values recorded from python3) ----

TEST_F(TextTypesTest, StrSlicesAndItems) {
  EXPECT_EQ(Show(Item(S("hello"), I(1))), "'e'") << "'hello'[1]";
  EXPECT_EQ(Show(Item(S("hello"), I(-1))), "'o'") << "'hello'[-1]";
  EXPECT_EQ(Show(Item(S("hello"), I(5))), "IndexError: string index out of range") << "'hello'[5]";
  EXPECT_EQ(Show(Item(S("h\xc3\xa9llo"), I(-2))), "'l'") << "'h\xc3\xa9llo'[-2]";
  EXPECT_EQ(Show(Item(S("h\xc3\xa9llo"), I(1))), "'\xc3\xa9'") << "'h\xc3\xa9llo'[1]";
  EXPECT_EQ(Show(Item(S("hello"), Slice(I(1), I(4), Ref::none()))), "'ell'") << "'hello'[1:4]";
  EXPECT_EQ(Show(Item(S("hello"), Slice(Ref::none(), Ref::none(), I(-1)))), "'olleh'") << "'hello'[::-1]";
  EXPECT_EQ(Show(Item(S("hello"), Slice(Ref::none(), Ref::none(), I(2)))), "'hlo'") << "'hello'[::2]";
  EXPECT_EQ(Show(Item(S("h\xc3\xa9llo"), Slice(Ref::none(), Ref::none(), I(-2)))), "'olh'") << "'h\xc3\xa9llo'[::-2]";
  EXPECT_EQ(Show(Item(S("h\xc3\xa9llo"), Slice(I(1), I(-1), Ref::none()))), "'\xc3\xa9ll'") << "'h\xc3\xa9llo'[1:-1]";
  EXPECT_EQ(Show(Item(S("h\xc3\xa9llo"), Slice(I(10), Ref::none(), Ref::none()))), "''") << "'h\xc3\xa9llo'[10:]";
  EXPECT_EQ(Show(Item(S("abc"), Slice(I(-4), I(2), Ref::none()))), "'ab'") << "'abc'[-4:2]";
  EXPECT_EQ(Show(Item(S("abc"), Slice(Ref::none(), Ref::none(), I(0)))), "ValueError: slice step cannot be zero") << "'abc'[::0]";
  EXPECT_EQ(Show(Item(S("abc"), F(1.0))), "TypeError: string indices must be integers, not 'float'") << "'abc'[1.0]";
  EXPECT_EQ(Show(Item(S("a\xe2\x82\xac\xf0\x9f\x98\x80" "b"), I(2))), "'\xf0\x9f\x98\x80'") << "'a\xe2\x82\xac\xf0\x9f\x98\x80" "b'[2]";
  EXPECT_EQ(Show(Item(S("a\xe2\x82\xac\xf0\x9f\x98\x80" "b"), Slice(I(1), I(3), Ref::none()))), "'\xe2\x82\xac\xf0\x9f\x98\x80'") << "'a\xe2\x82\xac\xf0\x9f\x98\x80" "b'[1:3]";
  EXPECT_EQ(Show(Len(S("a\xe2\x82\xac\xf0\x9f\x98\x80" "b"))), "4") << "len('a\xe2\x82\xac\xf0\x9f\x98\x80" "b')";
  EXPECT_EQ(Show(Len(S(""))), "0") << "len('')";
  EXPECT_EQ(Show(List(S("a\xe2\x82\xac" "b"))), "['a', '\xe2\x82\xac', 'b']") << "list('a\xe2\x82\xac" "b')";
}

TEST_F(TextTypesTest, StrOperators) {
  EXPECT_EQ(Show(Op(S("ab"), S("cd"), BinaryOp::Add)), "'abcd'") << "'ab' + 'cd'";
  EXPECT_EQ(Show(Op(S("ab"), S(""), BinaryOp::Add)), "'ab'") << "'ab' + ''";
  EXPECT_EQ(Show(Op(S(""), S("\xc3\xa9"), BinaryOp::Add)), "'\xc3\xa9'") << "'' + '\xc3\xa9'";
  EXPECT_EQ(Show(Op(S("ab"), I(1), BinaryOp::Add)), "TypeError: can only concatenate str (not \"int\") to str") << "'ab' + 1";
  EXPECT_EQ(Show(Op(S("\xc3\xa9"), I(3), BinaryOp::Mul)), "'\xc3\xa9\xc3\xa9\xc3\xa9'") << "'\xc3\xa9' * 3";
  EXPECT_EQ(Show(Op(I(3), S("ab"), BinaryOp::Mul)), "'ababab'") << "3 * 'ab'";
  EXPECT_EQ(Show(Op(S("ab"), I(-1), BinaryOp::Mul)), "''") << "'ab' * -1";
  EXPECT_EQ(Show(Op(S("ab"), I(0), BinaryOp::Mul)), "''") << "'ab' * 0";
  EXPECT_EQ(Show(Op(S("a"), F(1.5), BinaryOp::Mul)), "TypeError: can't multiply sequence by non-int of type 'float'") << "'a' * 1.5";
  EXPECT_EQ(Show(Cmp(S("\xc3\xa9"), S("z"), CompareOp::Lt)), "False") << "'\xc3\xa9' < 'z'";
  EXPECT_EQ(Show(Cmp(S("abc"), S("abd"), CompareOp::Lt)), "True") << "'abc' < 'abd'";
  EXPECT_EQ(Show(Cmp(S("a"), S("\xc3\xa9"), CompareOp::Lt)), "True") << "'a' < '\xc3\xa9'";
  EXPECT_EQ(Show(Cmp(S("\xef\xbf\xbf"), S("\xf0\x90\x80\x80"), CompareOp::Lt)), "True") << "'\\uffff' < '\\U00010000'";
  EXPECT_EQ(Show(Cmp(S("abc"), S("abc"), CompareOp::Eq)), "True") << "'abc' == 'abc'";
  EXPECT_EQ(Show(Cmp(S("abc"), S("abd"), CompareOp::Ne)), "True") << "'abc' != 'abd'";
  EXPECT_EQ(Show(Cmp(S("abc"), S("abc"), CompareOp::Ge)), "True") << "'abc' >= 'abc'";
  EXPECT_EQ(Show(Cmp(S("a"), I(1), CompareOp::Lt)), "TypeError: '<' not supported between instances of 'str' and 'int'") << "'a' < 1";
  EXPECT_EQ(Show(In(S("b"), S("abc"))), "True") << "'b' in 'abc'";
  EXPECT_EQ(Show(In(S(""), S("abc"))), "True") << "'' in 'abc'";
  EXPECT_EQ(Show(In(S("\xc3\xa9"), S("a\xc3\xa9" "b"))), "True") << "'\xc3\xa9' in 'a\xc3\xa9" "b'";
  EXPECT_EQ(Show(In(I(1), S("abc"))), "TypeError: 'in <string>' requires string as left operand, not int") << "1 in 'abc'";
  EXPECT_EQ(Show(Cmp(S("abc"), I(1), CompareOp::Eq)), "False") << "'abc' == 1";
}

TEST_F(TextTypesTest, StrRepr) {
  EXPECT_EQ(Show(Repr(S("it's \"x\""))), "'\\'it\\\\\\'s \"x\"\\''") << "repr('it\\'s \"x\"')";
  EXPECT_EQ(Show(Repr(S("it's"))), "'\"it\\'s\"'") << "repr('it\\'s')";
  EXPECT_EQ(Show(Repr(S("\""))), "'\\'\"\\''") << "repr('\"')";
  EXPECT_EQ(Show(Repr(S("\x00\x1f\x7f\xc2\x80\xc2\xa0\xc2\xad \xc3\xa9\xe2\x80\x8b\xe2\x80\xa8\xf0\x9f\x98\x80\\\t\n\r"))), "\"'\\\\x00\\\\x1f\\\\x7f\\\\x80\\\\xa0\\\\xad \xc3\xa9\\\\u200b\\\\u2028\xf0\x9f\x98\x80\\\\\\\\\\\\t\\\\n\\\\r'\"") << "repr('\\x00\\x1f\\x7f\\x80\\xa0\\xad \xc3\xa9\\u200b\\u2028\\U0001f600\\\\\\t\\n\\r')";
  EXPECT_EQ(Show(Repr(S("\xf3\xa0\x80\x81"))), "\"'\\\\U000e0001'\"") << "repr('\\U000e0001')";
  EXPECT_EQ(Show(Repr(S(""))), "\"''\"") << "repr('')";
  EXPECT_EQ(Show(Repr(S("ascii only"))), "\"'ascii only'\"") << "repr('ascii only')";
  EXPECT_EQ(Show(Ascii(S("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"))), "\"'\\\\xe9\\\\u20ac\\\\U0001f600'\"") << "ascii('\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80')";
}

TEST_F(TextTypesTest, StrConstructor) {
  EXPECT_EQ(Show(Construct(&str_type, {}, {})), "''") << "str()";
  EXPECT_EQ(Show(Construct(&str_type, {S("abc")}, {})), "'abc'") << "str('abc')";
  EXPECT_EQ(Show(Construct(&str_type, {I(12)}, {})), "'12'") << "str(12)";
  EXPECT_EQ(Show(Construct(&str_type, {F(1.5)}, {})), "'1.5'") << "str(1.5)";
  EXPECT_EQ(Show(Construct(&str_type, {Ref::none()}, {})), "'None'") << "str(None)";
  EXPECT_EQ(Show(Construct(&str_type, {B("ab")}, {})), "\"b'ab'\"") << "str(b'ab')";
  EXPECT_EQ(Show(Construct(&str_type, {B("ab"), S("ascii")}, {})), "'ab'") << "str(b'ab', 'ascii')";
  EXPECT_EQ(Show(Construct(&str_type, {Construct(&bytearray_type, {B("ab")}, {}), S("utf-8")}, {})), "'ab'") << "str(bytearray(b'ab'), 'utf-8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xc3\xa9"), S("utf-8")}, {})), "'\xc3\xa9'") << "str(b'\\xc3\\xa9', 'utf-8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xff"), S("utf-8")}, {})), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte") << "str(b'\\xff', 'utf-8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xe4\xb8"), S("utf-8")}, {})), "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data") << "str(b'\\xe4\\xb8', 'utf-8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xe4\xb8" "a"), S("utf-8")}, {})), "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte") << "str(b'\\xe4\\xb8a', 'utf-8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("a\x80"), S("utf8")}, {})), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0x80 in position 1: invalid start byte") << "str(b'a\\x80', 'utf8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xed\xa0\x80"), S("utf-8")}, {})), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte") << "str(b'\\xed\\xa0\\x80', 'utf-8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xff"), S("ascii")}, {})), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 0: ordinal not in range(128)") << "str(b'\\xff', 'ascii')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xff"), S("latin-1")}, {})), "'\xc3\xbf'") << "str(b'\\xff', 'latin-1')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xff" "ab"), S("utf-8"), S("replace")}, {})), "'\xef\xbf\xbd" "ab'") << "str(b'\\xffab', 'utf-8', 'replace')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xff" "ab"), S("utf-8"), S("ignore")}, {})), "'ab'") << "str(b'\\xffab', 'utf-8', 'ignore')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xff" "ab"), S("utf-8"), S("backslashreplace")}, {})), "'\\\\xffab'") << "str(b'\\xffab', 'utf-8', 'backslashreplace')";
  EXPECT_EQ(Show(Construct(&str_type, {B("\xff"), S("utf-8"), S("bogus")}, {})), "LookupError: unknown error handler name 'bogus'") << "str(b'\\xff', 'utf-8', 'bogus')";
  EXPECT_EQ(Show(Construct(&str_type, {B("a")}, {{"encoding", S("foo")}})), "LookupError: unknown encoding: foo") << "str(b'a', encoding='foo')";
  EXPECT_EQ(Show(Construct(&str_type, {B("a")}, {{"errors", S("strict")}})), "'a'") << "str(b'a', errors='strict')";
  EXPECT_EQ(Show(Construct(&str_type, {}, {{"object", I(1)}})), "'1'") << "str(object=1)";
  EXPECT_EQ(Show(Construct(&str_type, {I(1), S("utf-8")}, {})), "TypeError: decoding to str: need a bytes-like object, int found") << "str(1, 'utf-8')";
  EXPECT_EQ(Show(Construct(&str_type, {S("a"), S("utf-8")}, {})), "TypeError: decoding str is not supported") << "str('a', 'utf-8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("a"), I(1)}, {})), "TypeError: str() argument 'encoding' must be str, not int") << "str(b'a', 1)";
  EXPECT_EQ(Show(Construct(&str_type, {B("abc"), S("UTF-8")}, {})), "'abc'") << "str(b'abc', 'UTF-8')";
  EXPECT_EQ(Show(Construct(&str_type, {B("abc"), S("Latin_1")}, {})), "'abc'") << "str(b'abc', 'Latin_1')";
}

TEST_F(TextTypesTest, StrEncode) {
  EXPECT_EQ(Show(Method(S("abc"), "encode", {})), "b'abc'") << "'abc'.encode()";
  EXPECT_EQ(Show(Method(S("\xc3\xa9\xe2\x82\xac"), "encode", {})), "b'\\xc3\\xa9\\xe2\\x82\\xac'") << "'\xc3\xa9\xe2\x82\xac'.encode()";
  EXPECT_EQ(Show(Method(S("\xc3\xa9"), "encode", {S("latin-1")})), "b'\\xe9'") << "'\xc3\xa9'.encode('latin-1')";
  EXPECT_EQ(Show(Method(S("\xc3\xa9"), "encode", {S("ascii")})), "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)") << "'\xc3\xa9'.encode('ascii')";
  EXPECT_EQ(Show(Method(S("abc\xc3\xa9\xe2\x82\xac"), "encode", {S("latin-1")})), "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 4: ordinal not in range(256)") << "'abc\xc3\xa9\xe2\x82\xac'.encode('latin-1')";
  EXPECT_EQ(Show(Method(S("ab\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"), "encode", {S("latin-1")})), "UnicodeEncodeError: 'latin-1' codec can't encode characters in position 2-4: ordinal not in range(256)") << "'ab\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac'.encode('latin-1')";
  EXPECT_EQ(Show(Method(S("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), "encode", {S("ascii"), S("backslashreplace")})), "b'\\\\xe9\\\\u20ac\\\\U0001f600'") << "'\xc3\xa9\xe2\x82\xac\\U0001f600'.encode('ascii', 'backslashreplace')";
  EXPECT_EQ(Show(Method(S("\xc3\xa9\xe2\x82\xac"), "encode", {S("ascii"), S("xmlcharrefreplace")})), "b'&#233;&#8364;'") << "'\xc3\xa9\xe2\x82\xac'.encode('ascii', 'xmlcharrefreplace')";
  EXPECT_EQ(Show(Method(S("\xc3\xa9\xe2\x82\xac"), "encode", {S("ascii"), S("replace")})), "b'\?\?'") << "'\xc3\xa9\xe2\x82\xac'.encode('ascii', 'replace')";
  EXPECT_EQ(Show(Method(S("a\xc3\xa9"), "encode", {S("ascii"), S("ignore")})), "b'a'") << "'a\xc3\xa9'.encode('ascii', 'ignore')";
  EXPECT_EQ(Show(Method(S("a"), "encode", {S("foo")})), "LookupError: unknown encoding: foo") << "'a'.encode('foo')";
  EXPECT_EQ(Show(Method(S("a"), "encode", {I(1)})), "TypeError: encode() argument 'encoding' must be str, not int") << "'a'.encode(1)";
  EXPECT_EQ(Show(Call(Attr(S("a"), "encode"), {}, {{"errors", I(1)}})), "TypeError: encode() argument 'errors' must be str, not int") << "'a'.encode(errors=1)";
  EXPECT_EQ(Show(Call(Attr(S("\xc3\xa9"), "encode"), {}, {{"encoding", S("ascii")}, {"errors", S("replace")}})), "b'\?'") << "'\xc3\xa9'.encode(encoding='ascii', errors='replace')";
}

TEST_F(TextTypesTest, StrSearch) {
  EXPECT_EQ(Show(Method(S("abc"), "find", {S("c")})), "2") << "'abc'.find('c')";
  EXPECT_EQ(Show(Method(S("abc"), "find", {S("")})), "0") << "'abc'.find('')";
  EXPECT_EQ(Show(Method(S("abc"), "find", {S(""), I(3)})), "3") << "'abc'.find('', 3)";
  EXPECT_EQ(Show(Method(S("abc"), "find", {S(""), I(4)})), "-1") << "'abc'.find('', 4)";
  EXPECT_EQ(Show(Method(S("abc"), "find", {S("x")})), "-1") << "'abc'.find('x')";
  EXPECT_EQ(Show(Method(S("abcabc"), "rfind", {S("b"), I(0), I(4)})), "1") << "'abcabc'.rfind('b', 0, 4)";
  EXPECT_EQ(Show(Method(S("h\xc3\xa9llo w\xc3\xb6rld"), "find", {S("\xc3\xb6")})), "7") << "'h\xc3\xa9llo w\xc3\xb6rld'.find('\xc3\xb6')";
  EXPECT_EQ(Show(Method(S("h\xc3\xa9llo w\xc3\xb6rld"), "rfind", {S("l")})), "9") << "'h\xc3\xa9llo w\xc3\xb6rld'.rfind('l')";
  EXPECT_EQ(Show(Method(S("h\xc3\xa9llo w\xc3\xb6rld"), "index", {S("w"), I(2), I(-1)})), "6") << "'h\xc3\xa9llo w\xc3\xb6rld'.index('w', 2, -1)";
  EXPECT_EQ(Show(Method(S("abc"), "find", {S("a"), Ref::none(), Ref::none()})), "0") << "'abc'.find('a', None, None)";
  EXPECT_EQ(Show(Method(S("abc"), "find", {S("a"), I(-100), I(100)})), "0") << "'abc'.find('a', -100, 100)";
  EXPECT_EQ(Show(Method(S("abc"), "find", {S("b"), BigI("1000000000000000000000000000000")})), "-1") << "'abc'.find('b', 10**30)";
  EXPECT_EQ(Show(Method(S("a"), "find", {I(1)})), "TypeError: must be str, not int") << "'a'.find(1)";
  EXPECT_EQ(Show(Method(S("a"), "find", {})), "TypeError: find() takes at least 1 argument (0 given)") << "'a'.find()";
  EXPECT_EQ(Show(Method(S("a"), "find", {S("a"), S("b")})), "TypeError: slice indices must be integers or None or have an __index__ method") << "'a'.find('a', 'b')";
  EXPECT_EQ(Show(Method(S("a"), "find", {S("a"), I(1), I(2), I(3)})), "TypeError: find() takes at most 3 arguments (4 given)") << "'a'.find('a', 1, 2, 3)";
  EXPECT_EQ(Show(Method(S("a"), "index", {S("b")})), "ValueError: substring not found") << "'a'.index('b')";
  EXPECT_EQ(Show(Method(S("a"), "rindex", {S("b")})), "ValueError: substring not found") << "'a'.rindex('b')";
  EXPECT_EQ(Show(Method(S("abcb"), "rindex", {S("b")})), "3") << "'abcb'.rindex('b')";
  EXPECT_EQ(Show(Method(S("abc"), "count", {S("")})), "4") << "'abc'.count('')";
  EXPECT_EQ(Show(Method(S("abc"), "count", {S(""), I(4)})), "0") << "'abc'.count('', 4)";
  EXPECT_EQ(Show(Method(S("abc"), "count", {S(""), I(2)})), "2") << "'abc'.count('', 2)";
  EXPECT_EQ(Show(Method(S("h\xc3\xa9llo"), "count", {S("l"), I(-3)})), "2") << "'h\xc3\xa9llo'.count('l', -3)";
  EXPECT_EQ(Show(Method(S("aaaa"), "count", {S("aa")})), "2") << "'aaaa'.count('aa')";
  EXPECT_EQ(Show(Method(S("a"), "count", {I(1)})), "TypeError: must be str, not int") << "'a'.count(1)";
  EXPECT_EQ(Show(Method(S("a"), "count", {})), "TypeError: count() takes at least 1 argument (0 given)") << "'a'.count()";
}

TEST_F(TextTypesTest, StrAffixes) {
  EXPECT_EQ(Show(Method(S("abc"), "startswith", {S("a")})), "True") << "'abc'.startswith('a')";
  EXPECT_EQ(Show(Method(S("abc"), "startswith", {S(""), I(3)})), "True") << "'abc'.startswith('', 3)";
  EXPECT_EQ(Show(Method(S("abc"), "startswith", {S(""), I(4)})), "False") << "'abc'.startswith('', 4)";
  EXPECT_EQ(Show(Method(S("abc"), "endswith", {T({S("x"), S("c")})})), "True") << "'abc'.endswith(('x', 'c'))";
  EXPECT_EQ(Show(Method(S("abc"), "startswith", {S("b"), I(1)})), "True") << "'abc'.startswith('b', 1)";
  EXPECT_EQ(Show(Method(S("abc"), "endswith", {S("b"), I(0), I(2)})), "True") << "'abc'.endswith('b', 0, 2)";
  EXPECT_EQ(Show(Method(S("h\xc3\xa9llo"), "endswith", {S("lo"), I(-2)})), "True") << "'h\xc3\xa9llo'.endswith('lo', -2)";
  EXPECT_EQ(Show(Method(S("a"), "startswith", {I(1)})), "TypeError: startswith first arg must be str or a tuple of str, not int") << "'a'.startswith(1)";
  EXPECT_EQ(Show(Method(S("a"), "endswith", {T({I(1)})})), "TypeError: tuple for endswith must only contain str, not int") << "'a'.endswith((1,))";
  EXPECT_EQ(Show(Method(S("a"), "startswith", {})), "TypeError: startswith() takes at least 1 argument (0 given)") << "'a'.startswith()";
  EXPECT_EQ(Show(Method(S("a"), "startswith", {S("a"), S("x")})), "TypeError: slice indices must be integers or None or have an __index__ method") << "'a'.startswith('a', 'x')";
  EXPECT_EQ(Show(Method(S("TestHook"), "removeprefix", {S("Test")})), "'Hook'") << "'TestHook'.removeprefix('Test')";
  EXPECT_EQ(Show(Method(S("abc"), "removesuffix", {S("bc")})), "'a'") << "'abc'.removesuffix('bc')";
  EXPECT_EQ(Show(Method(S("abc"), "removeprefix", {S("x")})), "'abc'") << "'abc'.removeprefix('x')";
  EXPECT_EQ(Show(Method(S("abc"), "removesuffix", {S("")})), "'abc'") << "'abc'.removesuffix('')";
  EXPECT_EQ(Show(Method(S("a"), "removeprefix", {I(1)})), "TypeError: removeprefix() argument must be str, not int") << "'a'.removeprefix(1)";
}

TEST_F(TextTypesTest, StrSplit) {
  EXPECT_EQ(Show(Method(S("a b  c"), "split", {S(" ")})), "['a', 'b', '', 'c']") << "'a b  c'.split(' ')";
  EXPECT_EQ(Show(Method(S("  a b  c  "), "split", {})), "['a', 'b', 'c']") << "'  a b  c  '.split()";
  EXPECT_EQ(Show(Method(S("  a b  c  "), "split", {Ref::none(), I(1)})), "['a', 'b  c  ']") << "'  a b  c  '.split(None, 1)";
  EXPECT_EQ(Show(Method(S("  a b  c  "), "rsplit", {Ref::none(), I(1)})), "['  a b', 'c']") << "'  a b  c  '.rsplit(None, 1)";
  EXPECT_EQ(Show(Method(S("a,b,,c"), "split", {S(","), I(2)})), "['a', 'b', ',c']") << "'a,b,,c'.split(',', 2)";
  EXPECT_EQ(Show(Method(S("a,b,,c"), "rsplit", {S(","), I(2)})), "['a,b', '', 'c']") << "'a,b,,c'.rsplit(',', 2)";
  EXPECT_EQ(Show(Method(S("a\xe3\x80\x80" "b\xc2\x85" "c"), "split", {})), "['a', 'b', 'c']") << "'a\\u3000b\\x85c'.split()";
  EXPECT_EQ(Show(Method(S("ab\ncd"), "split", {S("\n")})), "['ab', 'cd']") << "'ab\\ncd'.split('\\n')";
  EXPECT_EQ(Show(Method(S(""), "split", {})), "[]") << "''.split()";
  EXPECT_EQ(Show(Method(S(""), "split", {S(",")})), "['']") << "''.split(',')";
  EXPECT_EQ(Show(Method(S("  "), "split", {S(" ")})), "['', '', '']") << "'  '.split(' ')";
  EXPECT_EQ(Show(Method(S("a::b::c"), "split", {S("::")})), "['a', 'b', 'c']") << "'a::b::c'.split('::')";
  EXPECT_EQ(Show(Method(S("a::b::c"), "rsplit", {S("::"), I(1)})), "['a::b', 'c']") << "'a::b::c'.rsplit('::', 1)";
  EXPECT_EQ(Show(Call(Attr(S("a b c"), "split"), {}, {{"maxsplit", I(1)}})), "['a', 'b c']") << "'a b c'.split(maxsplit=1)";
  EXPECT_EQ(Show(Call(Attr(S("a b c"), "rsplit"), {}, {{"sep", S(" ")}, {"maxsplit", I(1)}})), "['a b', 'c']") << "'a b c'.rsplit(sep=' ', maxsplit=1)";
  EXPECT_EQ(Show(Method(S("a"), "split", {I(1)})), "TypeError: must be str or None, not int") << "'a'.split(1)";
  EXPECT_EQ(Show(Method(S("a"), "split", {S("")})), "ValueError: empty separator") << "'a'.split('')";
  EXPECT_EQ(Show(Method(S("a"), "rsplit", {S("")})), "ValueError: empty separator") << "'a'.rsplit('')";
  EXPECT_EQ(Show(Call(Attr(S("a"), "split"), {}, {{"maxsplit", S("x")}})), "TypeError: 'str' object cannot be interpreted as an integer") << "'a'.split(maxsplit='x')";
  EXPECT_EQ(Show(Call(Attr(S("a"), "split"), {}, {{"x", I(1)}})), "TypeError: 'x' is an invalid keyword argument for split()") << "'a'.split(x=1)";
  EXPECT_EQ(Show(Method(S("a"), "split", {S("a"), I(1), I(2)})), "TypeError: split() takes at most 2 arguments (3 given)") << "'a'.split('a', 1, 2)";
  EXPECT_EQ(Show(Method(S("a\nb\r\nc\rd\x0b" "e\x0c" "f\x1cg\xc2\x85h\xe2\x80\xa8i"), "splitlines", {})), "['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']") << "'a\\nb\\r\\nc\\rd\\x0be\\x0cf\\x1cg\\x85h\\u2028i'.splitlines()";
  EXPECT_EQ(Show(Method(S("a\nb\r\n"), "splitlines", {Ref::boolean(true)})), "['a\\n', 'b\\r\\n']") << "'a\\nb\\r\\n'.splitlines(True)";
  EXPECT_EQ(Show(Call(Attr(S("a\n\nb"), "splitlines"), {}, {{"keepends", Ref::boolean(true)}})), "['a\\n', '\\n', 'b']") << "'a\\n\\nb'.splitlines(keepends=True)";
  EXPECT_EQ(Show(Method(S(""), "splitlines", {})), "[]") << "''.splitlines()";
  EXPECT_EQ(Show(Call(Attr(S("a"), "splitlines"), {}, {{"keepends", S("a")}})), "TypeError: 'str' object cannot be interpreted as an integer") << "'a'.splitlines(keepends='a')";
  EXPECT_EQ(Show(Method(S("a-b_c"), "partition", {S("-")})), "('a', '-', 'b_c')") << "'a-b_c'.partition('-')";
  EXPECT_EQ(Show(Method(S("a-b-c"), "rpartition", {S("-")})), "('a-b', '-', 'c')") << "'a-b-c'.rpartition('-')";
  EXPECT_EQ(Show(Method(S("abc"), "partition", {S("x")})), "('abc', '', '')") << "'abc'.partition('x')";
  EXPECT_EQ(Show(Method(S("abc"), "rpartition", {S("x")})), "('', '', 'abc')") << "'abc'.rpartition('x')";
  EXPECT_EQ(Show(Method(S("a"), "partition", {S("")})), "ValueError: empty separator") << "'a'.partition('')";
  EXPECT_EQ(Show(Method(S("a"), "partition", {I(1)})), "TypeError: must be str, not int") << "'a'.partition(1)";
}

TEST_F(TextTypesTest, StrJoin) {
  EXPECT_EQ(Show(Method(S("x"), "join", {L({S("a"), S("b"), S("c")})})), "'axbxc'") << "'x'.join(['a', 'b', 'c'])";
  EXPECT_EQ(Show(Method(S(", "), "join", {S("abc")})), "'a, b, c'") << "', '.join('abc')";
  EXPECT_EQ(Show(Method(S(""), "join", {L({})})), "''") << "''.join([])";
  EXPECT_EQ(Show(Method(S("-"), "join", {T({S("\xc3\xa9"), S("b")})})), "'\xc3\xa9-b'") << "'-'.join(('\xc3\xa9', 'b'))";
  EXPECT_EQ(Show(Method(S("-"), "join", {L({S("solo")})})), "'solo'") << "'-'.join(['solo'])";
  EXPECT_EQ(Show(Method(S("a"), "join", {L({I(1)})})), "TypeError: sequence item 0: expected str instance, int found") << "'a'.join([1])";
  EXPECT_EQ(Show(Method(S("a"), "join", {L({S("x"), I(2)})})), "TypeError: sequence item 1: expected str instance, int found") << "'a'.join(['x', 2])";
  EXPECT_EQ(Show(Method(S("a"), "join", {I(1)})), "TypeError: can only join an iterable") << "'a'.join(1)";
}

TEST_F(TextTypesTest, StrStripReplace) {
  EXPECT_EQ(Show(Method(S("www.example.com"), "strip", {S("cmowz.")})), "'example'") << "'www.example.com'.strip('cmowz.')";
  EXPECT_EQ(Show(Method(S("  \t hi \n"), "strip", {})), "'hi'") << "'  \\t hi \\n'.strip()";
  EXPECT_EQ(Show(Method(S("a\xc3\xa9" "a"), "strip", {S("a")})), "'\xc3\xa9'") << "'a\xc3\xa9" "a'.strip('a')";
  EXPECT_EQ(Show(Method(S("\xc3\xa9" "a\xc3\xa9"), "strip", {S("\xc3\xa9")})), "'a'") << "'\xc3\xa9" "a\xc3\xa9'.strip('\xc3\xa9')";
  EXPECT_EQ(Show(Method(S("  x  "), "lstrip", {})), "'x  '") << "'  x  '.lstrip()";
  EXPECT_EQ(Show(Method(S("  x  "), "rstrip", {})), "'  x'") << "'  x  '.rstrip()";
  EXPECT_EQ(Show(Method(S("xxaxx"), "lstrip", {S("x")})), "'axx'") << "'xxaxx'.lstrip('x')";
  EXPECT_EQ(Show(Method(S("xxaxx"), "rstrip", {S("x")})), "'xxa'") << "'xxaxx'.rstrip('x')";
  EXPECT_EQ(Show(Method(S("abc"), "strip", {Ref::none()})), "'abc'") << "'abc'.strip(None)";
  EXPECT_EQ(Show(Method(S("a"), "strip", {I(1)})), "TypeError: strip arg must be None or str") << "'a'.strip(1)";
  EXPECT_EQ(Show(Method(S("a"), "lstrip", {I(1)})), "TypeError: lstrip arg must be None or str") << "'a'.lstrip(1)";
  EXPECT_EQ(Show(Method(S("a"), "strip", {S("a"), S("b")})), "TypeError: strip expected at most 1 argument, got 2") << "'a'.strip('a', 'b')";
  EXPECT_EQ(Show(Method(S("aaa"), "replace", {S("a"), S("bb"), I(2)})), "'bbbba'") << "'aaa'.replace('a', 'bb', 2)";
  EXPECT_EQ(Show(Method(S("abc"), "replace", {S(""), S("-")})), "'-a-b-c-'") << "'abc'.replace('', '-')";
  EXPECT_EQ(Show(Method(S("abc"), "replace", {S(""), S("-"), I(2)})), "'-a-bc'") << "'abc'.replace('', '-', 2)";
  EXPECT_EQ(Show(Method(S("h\xc3\xa9\xc3\xa9"), "replace", {S(""), S("|")})), "'|h|\xc3\xa9|\xc3\xa9|'") << "'h\xc3\xa9\xc3\xa9'.replace('', '|')";
  EXPECT_EQ(Show(Method(S("abcabc"), "replace", {S("bc"), S("X")})), "'aXaX'") << "'abcabc'.replace('bc', 'X')";
  EXPECT_EQ(Show(Method(S("abc"), "replace", {S("x"), S("y")})), "'abc'") << "'abc'.replace('x', 'y')";
  EXPECT_EQ(Show(Method(S("abc"), "replace", {S("a"), S("b"), I(0)})), "'abc'") << "'abc'.replace('a', 'b', 0)";
  EXPECT_EQ(Show(Method(S("a"), "replace", {I(1), S("b")})), "TypeError: replace() argument 1 must be str, not int") << "'a'.replace(1, 'b')";
  EXPECT_EQ(Show(Method(S("a"), "replace", {S("a"), I(1)})), "TypeError: replace() argument 2 must be str, not int") << "'a'.replace('a', 1)";
  EXPECT_EQ(Show(Method(S("a"), "replace", {S("a")})), "TypeError: replace expected at least 2 arguments, got 1") << "'a'.replace('a')";
  EXPECT_EQ(Show(Method(S("a"), "replace", {S("a"), S("b"), S("c")})), "TypeError: 'str' object cannot be interpreted as an integer") << "'a'.replace('a', 'b', 'c')";
}

TEST_F(TextTypesTest, StrPadding) {
  EXPECT_EQ(Show(Method(S("a"), "center", {I(6), S("*")})), "'**a***'") << "'a'.center(6, '*')";
  EXPECT_EQ(Show(Method(S("abc"), "center", {I(6)})), "' abc  '") << "'abc'.center(6)";
  EXPECT_EQ(Show(Method(S("abc"), "center", {I(8), S("-")})), "'--abc---'") << "'abc'.center(8, '-')";
  EXPECT_EQ(Show(Method(S("ab"), "center", {I(5)})), "'  ab '") << "'ab'.center(5)";
  EXPECT_EQ(Show(Method(S("ab"), "center", {I(7)})), "'   ab  '") << "'ab'.center(7)";
  EXPECT_EQ(Show(Method(S("\xc3\xa9"), "center", {I(4), S("\xe2\x82\xac")})), "'\xe2\x82\xac\xc3\xa9\xe2\x82\xac\xe2\x82\xac'") << "'\xc3\xa9'.center(4, '\xe2\x82\xac')";
  EXPECT_EQ(Show(Method(S("abc"), "ljust", {I(2)})), "'abc'") << "'abc'.ljust(2)";
  EXPECT_EQ(Show(Method(S("abc"), "ljust", {I(5), S(".")})), "'abc..'") << "'abc'.ljust(5, '.')";
  EXPECT_EQ(Show(Method(S("abc"), "rjust", {I(5)})), "'  abc'") << "'abc'.rjust(5)";
  EXPECT_EQ(Show(Method(S("a"), "center", {S("x")})), "TypeError: 'str' object cannot be interpreted as an integer") << "'a'.center('x')";
  EXPECT_EQ(Show(Method(S("a"), "center", {I(5), S("ab")})), "TypeError: The fill character must be exactly one character long") << "'a'.center(5, 'ab')";
  EXPECT_EQ(Show(Method(S("a"), "center", {})), "TypeError: center expected at least 1 argument, got 0") << "'a'.center()";
  EXPECT_EQ(Show(Method(S("a"), "ljust", {I(5), I(1)})), "TypeError: The fill character must be a unicode character, not int") << "'a'.ljust(5, 1)";
  EXPECT_EQ(Show(Method(S("-12"), "zfill", {I(6)})), "'-00012'") << "'-12'.zfill(6)";
  EXPECT_EQ(Show(Method(S("+12"), "zfill", {I(6)})), "'+00012'") << "'+12'.zfill(6)";
  EXPECT_EQ(Show(Method(S("12"), "zfill", {I(1)})), "'12'") << "'12'.zfill(1)";
  EXPECT_EQ(Show(Method(S("\xc3\xa9"), "zfill", {I(3)})), "'00\xc3\xa9'") << "'\xc3\xa9'.zfill(3)";
  EXPECT_EQ(Show(Method(S("a"), "zfill", {S("a")})), "TypeError: 'str' object cannot be interpreted as an integer") << "'a'.zfill('a')";
  EXPECT_EQ(Show(Method(S("a"), "zfill", {})), "TypeError: str.zfill() takes exactly one argument (0 given)") << "'a'.zfill()";
  EXPECT_EQ(Show(Method(S("a\tb\tc"), "expandtabs", {I(4)})), "'a   b   c'") << "'a\\tb\\tc'.expandtabs(4)";
  EXPECT_EQ(Show(Method(S("a\tb"), "expandtabs", {})), "'a       b'") << "'a\\tb'.expandtabs()";
  EXPECT_EQ(Show(Method(S("ab\n\tc"), "expandtabs", {I(3)})), "'ab\\n   c'") << "'ab\\n\\tc'.expandtabs(3)";
  EXPECT_EQ(Show(Method(S("\xc3\xa9\tb"), "expandtabs", {I(4)})), "'\xc3\xa9   b'") << "'\xc3\xa9\\tb'.expandtabs(4)";
  EXPECT_EQ(Show(Method(S("ab"), "expandtabs", {I(-1)})), "'ab'") << "'ab'.expandtabs(-1)";
  EXPECT_EQ(Show(Call(Attr(S("a\tb"), "expandtabs"), {}, {{"tabsize", I(2)}})), "'a b'") << "'a\\tb'.expandtabs(tabsize=2)";
}

TEST_F(TextTypesTest, StrCase) {
  EXPECT_EQ(Show(Method(S("HeLLo wORLD"), "swapcase", {})), "'hEllO World'") << "'HeLLo wORLD'.swapcase()";
  EXPECT_EQ(Show(Method(S("they're bill's friends"), "title", {})), "\"They'Re Bill'S Friends\"") << "\"they're bill's friends\".title()";
  EXPECT_EQ(Show(Method(S("\xce\xa3\xce\x91\xce\xa3 \xce\x9f\xce\x94\xce\x9f\xce\xa3"), "lower", {})), "'\xcf\x83\xce\xb1\xcf\x82 \xce\xbf\xce\xb4\xce\xbf\xcf\x82'") << "'\xce\xa3\xce\x91\xce\xa3 \xce\x9f\xce\x94\xce\x9f\xce\xa3'.lower()";
  EXPECT_EQ(Show(Method(S("\xc3\x9f"), "upper", {})), "'SS'") << "'\xc3\x9f'.upper()";
  EXPECT_EQ(Show(Method(S("\xef\xac\x81"), "upper", {})), "'FI'") << "'\xef\xac\x81'.upper()";
  EXPECT_EQ(Show(Method(S("\xc7\x86"), "title", {})), "'\xc7\x85'") << "'\xc7\x86'.title()";
  EXPECT_EQ(Show(Method(S("hello world"), "capitalize", {})), "'Hello world'") << "'hello world'.capitalize()";
  EXPECT_EQ(Show(Method(S("HELLO"), "capitalize", {})), "'Hello'") << "'HELLO'.capitalize()";
  EXPECT_EQ(Show(Method(S("\xc3\x9ftra\xc3\x9f" "e"), "casefold", {})), "'sstrasse'") << "'\xc3\x9ftra\xc3\x9f" "e'.casefold()";
  EXPECT_EQ(Show(Method(S("\xc4\xb0"), "lower", {})), "'i\xcc\x87'") << "'\xc4\xb0'.lower()";
  EXPECT_EQ(Show(Method(S("a\xcc\x80"), "upper", {})), "'A\xcc\x80'") << "'a\\u0300'.upper()";
  EXPECT_EQ(Show(Method(S("\xef\xac\x83"), "title", {})), "'Ffi'") << "'\xef\xac\x83'.title()";
  EXPECT_EQ(Show(Method(S("\xce\x90"), "upper", {})), "'\xce\x99\xcc\x88\xcc\x81'") << "'\xce\x90'.upper()";
  EXPECT_EQ(Show(Method(S("\xce\xa3"), "lower", {})), "'\xcf\x83'") << "'\xce\xa3'.lower()";
  EXPECT_EQ(Show(Method(S("A\xce\xa3"), "lower", {})), "'a\xcf\x82'") << "'A\xce\xa3'.lower()";
  EXPECT_EQ(Show(Method(S("A\xce\xa3" "b"), "lower", {})), "'a\xcf\x83" "b'") << "'A\xce\xa3" "b'.lower()";
  EXPECT_EQ(Show(Method(S("A\xce\xa3."), "lower", {})), "'a\xcf\x82.'") << "'A\xce\xa3.'.lower()";
  EXPECT_EQ(Show(Method(S("A.\xce\xa3"), "lower", {})), "'a.\xcf\x82'") << "'A.\xce\xa3'.lower()";
  EXPECT_EQ(Show(Method(S("\xc3\x89" "COLE \xc3\x80\xc3\x89\xc3\x8e"), "lower", {})), "'\xc3\xa9" "cole \xc3\xa0\xc3\xa9\xc3\xae'") << "'\xc3\x89" "COLE \xc3\x80\xc3\x89\xc3\x8e'.lower()";
  EXPECT_EQ(Show(Method(S("\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80"), "upper", {})), "'\xd0\x9f\xd0\xa0\xd0\x98\xd0\x92\xd0\x95\xd0\xa2 \xd0\x9c\xd0\x98\xd0\xa0'") << "'\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80'.upper()";
  EXPECT_EQ(Show(Method(S("\xc7\x85"), "swapcase", {})), "'\xc7\x85'") << "'\xc7\x85'.swapcase()";
  EXPECT_EQ(Show(Method(S("\xc7\x86" "a"), "capitalize", {})), "'\xc7\x85" "a'") << "'\xc7\x86" "a'.capitalize()";
  EXPECT_EQ(Show(Method(S("abc"), "upper", {I(1)})), "TypeError: str.upper() takes no arguments (1 given)") << "'abc'.upper(1)";
  EXPECT_EQ(Show(Method(S("abc"), "casefold", {I(1)})), "TypeError: str.casefold() takes no arguments (1 given)") << "'abc'.casefold(1)";
}

TEST_F(TextTypesTest, StrPredicates) {
  EXPECT_EQ(Show(Method(S("\xc7\x85"), "istitle", {})), "True") << "'\xc7\x85'.istitle()";
  EXPECT_EQ(Show(Method(S("Hello World"), "istitle", {})), "True") << "'Hello World'.istitle()";
  EXPECT_EQ(Show(Method(S("Hello world"), "istitle", {})), "False") << "'Hello world'.istitle()";
  EXPECT_EQ(Show(Method(S("ABC1"), "isupper", {})), "True") << "'ABC1'.isupper()";
  EXPECT_EQ(Show(Method(S("1"), "isupper", {})), "False") << "'1'.isupper()";
  EXPECT_EQ(Show(Method(S("abc"), "islower", {})), "True") << "'abc'.islower()";
  EXPECT_EQ(Show(Method(S("aBc"), "islower", {})), "False") << "'aBc'.islower()";
  EXPECT_EQ(Show(Method(S("\xc2\xbd"), "isnumeric", {})), "True") << "'\xc2\xbd'.isnumeric()";
  EXPECT_EQ(Show(Method(S("\xc2\xb2"), "isdigit", {})), "True") << "'\xc2\xb2'.isdigit()";
  EXPECT_EQ(Show(Method(S("\xc2\xb2"), "isdecimal", {})), "False") << "'\xc2\xb2'.isdecimal()";
  EXPECT_EQ(Show(Method(S("\xd9\xa3"), "isdecimal", {})), "True") << "'\xd9\xa3'.isdecimal()";
  EXPECT_EQ(Show(Method(S("123"), "isdigit", {})), "True") << "'123'.isdigit()";
  EXPECT_EQ(Show(Method(S(""), "isdigit", {})), "False") << "''.isdigit()";
  EXPECT_EQ(Show(Method(S("abc"), "isalpha", {})), "True") << "'abc'.isalpha()";
  EXPECT_EQ(Show(Method(S("ab\xc3\xa7"), "isalpha", {})), "True") << "'ab\xc3\xa7'.isalpha()";
  EXPECT_EQ(Show(Method(S("ab1"), "isalpha", {})), "False") << "'ab1'.isalpha()";
  EXPECT_EQ(Show(Method(S("ab1"), "isalnum", {})), "True") << "'ab1'.isalnum()";
  EXPECT_EQ(Show(Method(S("a b"), "isidentifier", {})), "False") << "'a b'.isidentifier()";
  EXPECT_EQ(Show(Method(S("_a1"), "isidentifier", {})), "True") << "'_a1'.isidentifier()";
  EXPECT_EQ(Show(Method(S("1a"), "isidentifier", {})), "False") << "'1a'.isidentifier()";
  EXPECT_EQ(Show(Method(S("\xc3\xa9"), "isidentifier", {})), "True") << "'\xc3\xa9'.isidentifier()";
  EXPECT_EQ(Show(Method(S("\t"), "isprintable", {})), "False") << "'\\t'.isprintable()";
  EXPECT_EQ(Show(Method(S(""), "isprintable", {})), "True") << "''.isprintable()";
  EXPECT_EQ(Show(Method(S("\xc3\xa9"), "isprintable", {})), "True") << "'\xc3\xa9'.isprintable()";
  EXPECT_EQ(Show(Method(S("\xc3\xa9"), "isascii", {})), "False") << "'\xc3\xa9'.isascii()";
  EXPECT_EQ(Show(Method(S(""), "isascii", {})), "True") << "''.isascii()";
  EXPECT_EQ(Show(Method(S(""), "isspace", {})), "False") << "''.isspace()";
  EXPECT_EQ(Show(Method(S("\xe3\x80\x80 \t"), "isspace", {})), "True") << "'\\u3000 \\t'.isspace()";
  EXPECT_EQ(Show(Method(S("a"), "isdigit", {I(1)})), "TypeError: str.isdigit() takes no arguments (1 given)") << "'a'.isdigit(1)";
}

TEST_F(TextTypesTest, StrTranslate) {
  EXPECT_EQ(Show(Method(S("abc"), "translate", {D({{I(97), S("x")}, {I(98), Ref::none()}, {I(99), I(100)}})})), "'xd'") << "'abc'.translate({97: 'x', 98: None, 99: 100})";
  EXPECT_EQ(Show(Method(S("abc"), "translate", {Call(Attr(Type(&str_type), "maketrans"), {S("ab"), S("xy"), S("c")}, {})})), "'xy'") << "'abc'.translate(str.maketrans('ab', 'xy', 'c'))";
  EXPECT_EQ(Show(Method(S("a\xc3\xa9" "a"), "translate", {D({{I(233), S("E")}})})), "'aEa'") << "'a\xc3\xa9" "a'.translate({233: 'E'})";
  EXPECT_EQ(Show(Call(Attr(Type(&str_type), "maketrans"), {D({{S("a"), S("b")}, {I(98), Ref::none()}})}, {})), "{97: 'b', 98: None}") << "str.maketrans({'a': 'b', 98: None})";
  EXPECT_EQ(Show(Method(S("a"), "translate", {I(1)})), "TypeError: 'int' object is not subscriptable") << "'a'.translate(1)";
  EXPECT_EQ(Show(Method(S("a"), "translate", {D({{I(97), F(1.5)}})})), "TypeError: character mapping must return integer, None or str") << "'a'.translate({97: 1.5})";
  EXPECT_EQ(Show(Method(S("a"), "translate", {D({{I(97), I(1114112)}})})), "ValueError: character mapping must be in range(0x110000)") << "'a'.translate({97: 0x110000})";
  EXPECT_EQ(Show(Call(Attr(Type(&str_type), "maketrans"), {I(1)}, {})), "TypeError: if you give only one argument to maketrans it must be a dict") << "str.maketrans(1)";
  EXPECT_EQ(Show(Call(Attr(Type(&str_type), "maketrans"), {S("ab"), S("a")}, {})), "ValueError: the first two maketrans arguments must have equal length") << "str.maketrans('ab', 'a')";
  EXPECT_EQ(Show(Call(Attr(Type(&str_type), "maketrans"), {D({{S("ab"), I(1)}})}, {})), "ValueError: string keys in translate table must be of length 1") << "str.maketrans({'ab': 1})";
  EXPECT_EQ(Show(Call(Attr(Type(&str_type), "maketrans"), {S("a"), I(1)}, {})), "TypeError: maketrans() argument 2 must be str, not int") << "str.maketrans('a', 1)";
}

TEST_F(TextTypesTest, StrFormatMethod) {
  EXPECT_EQ(Show(Method(S("{0}{1}{0}"), "format", {S("a"), S("b")})), "'aba'") << "'{0}{1}{0}'.format('a', 'b')";
  EXPECT_EQ(Show(Method(S("{}-{}"), "format", {I(1), S("x")})), "'1-x'") << "'{}-{}'.format(1, 'x')";
  EXPECT_EQ(Show(Call(Attr(S("{x[0]}{x[1]}"), "format"), {}, {{"x", S("ab")}})), "'ab'") << "'{x[0]}{x[1]}'.format(x='ab')";
  EXPECT_EQ(Show(Method(S("{0[a]}"), "format", {D({{S("a"), I(1)}})})), "'1'") << "'{0[a]}'.format({'a': 1})";
  EXPECT_EQ(Show(Method(S("{0[0][0]}"), "format", {L({L({I(5)})})})), "'5'") << "'{0[0][0]}'.format([[5]])";
  EXPECT_EQ(Show(Method(S("{.real}"), "format", {I(3)})), "'3'") << "'{.real}'.format(3)";
  EXPECT_EQ(Show(Method(S("{!a}"), "format", {S("\xc3\xa9")})), "\"'\\\\xe9'\"") << "'{!a}'.format('\xc3\xa9')";
  EXPECT_EQ(Show(Method(S("{!r:>6}"), "format", {S("a")})), "\"   'a'\"") << "'{!r:>6}'.format('a')";
  EXPECT_EQ(Show(Method(S("{{}}{}"), "format", {I(1)})), "'{}1'") << "'{{}}{}'.format(1)";
  EXPECT_EQ(Show(Method(S("{:%}"), "format", {F(0.25)})), "'25.000000%'") << "'{:%}'.format(0.25)";
  EXPECT_EQ(Show(Method(S("{:e}"), "format", {I(12345)})), "'1.234500e+04'") << "'{:e}'.format(12345)";
  EXPECT_EQ(Show(Method(S("{:g}"), "format", {F(0.0001)})), "'0.0001'") << "'{:g}'.format(0.0001)";
  EXPECT_EQ(Show(Method(S("{:n}"), "format", {I(1234)})), "'1234'") << "'{:n}'.format(1234)";
  EXPECT_EQ(Show(Method(S("{0:>{1}}"), "format", {S("x"), I(4)})), "'   x'") << "'{0:>{1}}'.format('x', 4)";
  EXPECT_EQ(Show(Method(S("{:{}{}}"), "format", {I(3), S(">"), I(5)})), "'    3'") << "'{:{}{}}'.format(3, '>', 5)";
  EXPECT_EQ(Show(Method(S("{:0=+8.2f}"), "format", {F(3.14159)})), "'+0003.14'") << "'{:0=+8.2f}'.format(3.14159)";
  EXPECT_EQ(Show(Method(S("{a}{b}"), "format_map", {D({{S("a"), I(1)}, {S("b"), I(2)}})})), "'12'") << "'{a}{b}'.format_map({'a': 1, 'b': 2})";
  EXPECT_EQ(Show(Method(S("{0}"), "format_map", {D({})})), "ValueError: Format string contains positional fields") << "'{0}'.format_map({})";
  EXPECT_EQ(Show(Method(S("{:z.1f}"), "format", {F(-0.01)})), "'0.0'") << "'{:z.1f}'.format(-0.01)";
  EXPECT_EQ(Show(Method(S("{} {}"), "format", {S("a"), S("b"), S("c")})), "'a b'") << "'{} {}'.format('a', 'b', 'c')";
  EXPECT_EQ(Show(Call(Attr(S("{x}"), "format"), {I(1)}, {{"x", I(2)}})), "'2'") << "'{x}'.format(1, x=2)";
  EXPECT_EQ(Show(Method(S("a{0!s:}b"), "format", {I(1)})), "'a1b'") << "'a{0!s:}b'.format(1)";
  EXPECT_EQ(Show(Method(S("{:,}"), "format", {F(1234.5)})), "'1,234.5'") << "'{:,}'.format(1234.5)";
  EXPECT_EQ(Show(Method(S("{:_x}"), "format", {I(4228250625)})), "'fc05_fc01'") << "'{:_x}'.format(255**4)";
  EXPECT_EQ(Show(Method(S("{:#b}"), "format", {I(5)})), "'0b101'") << "'{:#b}'.format(5)";
  EXPECT_EQ(Show(Method(S("{:5}"), "format", {Ref::boolean(true)})), "'    1'") << "'{:5}'.format(True)";
  EXPECT_EQ(Show(Method(S("{:5}"), "format", {F(1.5)})), "'  1.5'") << "'{:5}'.format(1.5)";
  EXPECT_EQ(Show(Method(S("{}"), "format", {Ref::none()})), "'None'") << "'{}'.format(None)";
  EXPECT_EQ(Show(Method(S("{0[-1]}"), "format", {L({I(1), I(2)})})), "TypeError: list indices must be integers or slices, not str") << "'{0[-1]}'.format([1, 2])";
  EXPECT_EQ(Show(Method(S("{0.__class__.__name__}"), "format", {I(1)})), "'int'") << "'{0.__class__.__name__}'.format(1)";
  EXPECT_EQ(Show(Method(S("{-1}"), "format", {I(5)})), "KeyError: '-1'") << "'{-1}'.format(5)";
  EXPECT_EQ(Show(Method(S("{:{:}}"), "format", {I(1), S("")})), "'1'") << "'{:{:}}'.format(1, '')";
  EXPECT_EQ(Show(Method(S("{:^9}"), "format", {S("abc")})), "'   abc   '") << "'{:^9}'.format('abc')";
  EXPECT_EQ(Show(Method(S("{:*<7.2}"), "format", {S("abcdef")})), "'ab*****'") << "'{:*<7.2}'.format('abcdef')";
  EXPECT_EQ(Show(Method(S("{:>10}"), "format", {S("\xc3\xa9")})), "'         \xc3\xa9'") << "'{:>10}'.format('\xc3\xa9')";
  EXPECT_EQ(Show(Method(S("{"), "format", {})), "ValueError: Single '{' encountered in format string") << "'{'.format()";
  EXPECT_EQ(Show(Method(S("}"), "format", {})), "ValueError: Single '}' encountered in format string") << "'}'.format()";
  EXPECT_EQ(Show(Method(S("{0"), "format", {})), "ValueError: expected '}' before end of string") << "'{0'.format()";
  EXPECT_EQ(Show(Method(S("{0}{}"), "format", {I(1), I(2)})), "ValueError: cannot switch from manual field specification to automatic field numbering") << "'{0}{}'.format(1, 2)";
  EXPECT_EQ(Show(Method(S("{}{0}"), "format", {I(1), I(2)})), "ValueError: cannot switch from automatic field numbering to manual field specification") << "'{}{0}'.format(1, 2)";
  EXPECT_EQ(Show(Method(S("{1}"), "format", {I(1)})), "IndexError: Replacement index 1 out of range for positional args tuple") << "'{1}'.format(1)";
  EXPECT_EQ(Show(Method(S("{}"), "format", {})), "IndexError: Replacement index 0 out of range for positional args tuple") << "'{}'.format()";
  EXPECT_EQ(Show(Method(S("{a}"), "format", {})), "KeyError: 'a'") << "'{a}'.format()";
  EXPECT_EQ(Show(Method(S("{0[1]}"), "format", {L({I(1)})})), "IndexError: list index out of range") << "'{0[1]}'.format([1])";
  EXPECT_EQ(Show(Method(S("{0.x}"), "format", {I(1)})), "AttributeError: 'int' object has no attribute 'x'") << "'{0.x}'.format(1)";
  EXPECT_EQ(Show(Method(S("{!x}"), "format", {I(1)})), "ValueError: Unknown conversion specifier x") << "'{!x}'.format(1)";
  EXPECT_EQ(Show(Method(S("{!}"), "format", {I(1)})), "ValueError: unmatched '{' in format spec") << "'{!}'.format(1)";
  EXPECT_EQ(Show(Method(S("{:{}}"), "format", {S("a")})), "IndexError: Replacement index 1 out of range for positional args tuple") << "'{:{}}'.format('a')";
  EXPECT_EQ(Show(Method(S("{0[}"), "format", {I(1)})), "ValueError: expected '}' before end of string") << "'{0[}'.format(1)";
  EXPECT_EQ(Show(Method(S("{:d}"), "format", {S("a")})), "ValueError: Unknown format code 'd' for object of type 'str'") << "'{:d}'.format('a')";
  EXPECT_EQ(Show(Method(S("{:s}"), "format", {I(1)})), "ValueError: Unknown format code 's' for object of type 'int'") << "'{:s}'.format(1)";
  EXPECT_EQ(Show(Method(S("{0:{1:{2}}}"), "format", {I(1), I(2), I(3)})), "ValueError: Max string recursion exceeded") << "'{0:{1:{2}}}'.format(1, 2, 3)";
  EXPECT_EQ(Show(Call(Attr(S("{a.}"), "format"), {}, {{"a", I(1)}})), "ValueError: Empty attribute in format string") << "'{a.}'.format(a=1)";
  EXPECT_EQ(Show(Method(S("{0[]}"), "format", {L({I(1)})})), "ValueError: Empty attribute in format string") << "'{0[]}'.format([1])";
  EXPECT_EQ(Show(Method(S("{0]}"), "format", {L({I(1)})})), "KeyError: '0]'") << "'{0]}'.format([1])";
  EXPECT_EQ(Show(Method(S("{a{}"), "format", {})), "ValueError: unexpected '{' in field name") << "'{a{}'.format()";
  EXPECT_EQ(Show(Method(S("{0!"), "format", {I(1)})), "ValueError: end of string while looking for conversion specifier") << "'{0!'.format(1)";
  EXPECT_EQ(Show(Method(S("{0!rx}"), "format", {I(1)})), "ValueError: expected ':' after conversion specifier") << "'{0!rx}'.format(1)";
  EXPECT_EQ(Show(Method(S("{0[0]x}"), "format", {L({I(1)})})), "ValueError: Only '.' or '[' may follow ']' in format field specifier") << "'{0[0]x}'.format([1])";
}

TEST_F(TextTypesTest, FormatBuiltin) {
  EXPECT_EQ(Show(Format(S("abc"), S(""))), "'abc'") << "format('abc', '')";
  EXPECT_EQ(Show(Format(S("abc"), S("5"))), "'abc  '") << "format('abc', '5')";
  EXPECT_EQ(Show(Format(S("abc"), S("=5"))), "ValueError: '=' alignment not allowed in string format specifier") << "format('abc', '=5')";
  EXPECT_EQ(Show(Format(S("abc"), S("+5"))), "ValueError: Sign not allowed in string format specifier") << "format('abc', '+5')";
  EXPECT_EQ(Show(Format(S("abc"), S(","))), "ValueError: Cannot specify ',' with 's'.") << "format('abc', ',')";
  EXPECT_EQ(Show(Format(S("abc"), S("#"))), "ValueError: Alternate form (#) not allowed in string format specifier") << "format('abc', '#')";
  EXPECT_EQ(Show(Format(S("abc"), S("."))), "ValueError: Format specifier missing precision") << "format('abc', '.')";
  EXPECT_EQ(Show(Format(S("abc"), S("x"))), "ValueError: Unknown format code 'x' for object of type 'str'") << "format('abc', 'x')";
  EXPECT_EQ(Show(Format(S("a"), S("c"))), "ValueError: Unknown format code 'c' for object of type 'str'") << "format('a', 'c')";
  EXPECT_EQ(Show(Format(F(12345.678), S(",.2f"))), "'12,345.68'") << "format(12345.678, ',.2f')";
  EXPECT_EQ(Show(Format(I(1234), S("010,"))), "'00,001,234'") << "format(1234, '010,')";
  EXPECT_EQ(Show(Format(I(255), S("#x"))), "'0xff'") << "format(255, '#x')";
  EXPECT_EQ(Show(Format(Ref::boolean(true), S(""))), "'True'") << "format(True, '')";
  EXPECT_EQ(Show(Format(Ref::boolean(true), S("d"))), "'1'") << "format(True, 'd')";
  EXPECT_EQ(Show(Format(Ref::boolean(true), S("s"))), "ValueError: Unknown format code 's' for object of type 'bool'") << "format(True, 's')";
  EXPECT_EQ(Show(Format(F(1.0), S(""))), "'1.0'") << "format(1.0, '')";
  EXPECT_EQ(Show(Format(F(1e+100), S(""))), "'1e+100'") << "format(1e100, '')";
  EXPECT_EQ(Show(Format(I(3), S(".2f"))), "'3.00'") << "format(3, '.2f')";
  EXPECT_EQ(Show(Format(F(3.5), S("d"))), "ValueError: Unknown format code 'd' for object of type 'float'") << "format(3.5, 'd')";
  EXPECT_EQ(Show(Format(BigI("100000000000000000000"), S(","))), "'100,000,000,000,000,000,000'") << "format(10**20, ',')";
  EXPECT_EQ(Show(Format(BigI("-100000000000000000000"), S("_x"))), "'-5_6bc7_5e2d_6310_0000'") << "format(-10**20, '_x')";
  EXPECT_EQ(Show(Format(I(1), S("c"))), "'\\x01'") << "format(1, 'c')";
  EXPECT_EQ(Show(Format(I(-1), S("c"))), "OverflowError: %c arg not in range(0x110000)") << "format(-1, 'c')";
  EXPECT_EQ(Show(Format(Ref::none(), S(""))), "'None'") << "format(None, '')";
  EXPECT_EQ(Show(Format(Ref::none(), S("x"))), "TypeError: unsupported format string passed to NoneType.__format__") << "format(None, 'x')";
  EXPECT_EQ(Show(Format(L({I(1)}), S(""))), "'[1]'") << "format([1], '')";
  EXPECT_EQ(Show(Method(S("abc"), "__format__", {S(">5")})), "'  abc'") << "'abc'.__format__('>5')";
  EXPECT_EQ(Show(Method(S("abc"), "__format__", {I(1)})), "TypeError: __format__() argument must be str, not int") << "'abc'.__format__(1)";
  EXPECT_EQ(Show(Method(I(5), "__format__", {S("03")})), "'005'") << "(5).__format__('03')";
  EXPECT_EQ(Show(Method(F(2.5), "__format__", {S(".3e")})), "'2.500e+00'") << "(2.5).__format__('.3e')";
}

TEST_F(TextTypesTest, PercentFormat) {
  EXPECT_EQ(Show(Op(S("%d"), S("a"), BinaryOp::Mod)), "TypeError: %d format: a real number is required, not str") << "'%d' % 'a'";
  EXPECT_EQ(Show(Op(S("%d %d"), T({I(1)}), BinaryOp::Mod)), "TypeError: not enough arguments for format string") << "'%d %d' % (1,)";
  EXPECT_EQ(Show(Op(S("%d"), T({I(1), I(2)}), BinaryOp::Mod)), "TypeError: not all arguments converted during string formatting") << "'%d' % (1, 2)";
  EXPECT_EQ(Show(Op(S("%(a)s"), I(1), BinaryOp::Mod)), "TypeError: format requires a mapping") << "'%(a)s' % 1";
  EXPECT_EQ(Show(Op(S("%(a)s"), D({}), BinaryOp::Mod)), "KeyError: 'a'") << "'%(a)s' % {}";
  EXPECT_EQ(Show(Op(S("%s %(a)s"), D({{S("a"), I(1)}}), BinaryOp::Mod)), "\"{'a': 1} 1\"") << "'%s %(a)s' % {'a': 1}";
  EXPECT_EQ(Show(Op(S("%(a)s %s"), D({{S("a"), I(1)}}), BinaryOp::Mod)), "TypeError: not enough arguments for format string") << "'%(a)s %s' % {'a': 1}";
  EXPECT_EQ(Show(Op(S("%c"), S("ab"), BinaryOp::Mod)), "TypeError: %c requires int or char") << "'%c' % 'ab'";
  EXPECT_EQ(Show(Op(S("%c"), I(1114112), BinaryOp::Mod)), "OverflowError: %c arg not in range(0x110000)") << "'%c' % 1114112";
  EXPECT_EQ(Show(Op(S("%c"), F(1.5), BinaryOp::Mod)), "TypeError: %c requires int or char") << "'%c' % 1.5";
  EXPECT_EQ(Show(Op(S("%c%c"), T({I(65), S("B")}), BinaryOp::Mod)), "'AB'") << "'%c%c' % (65, 'B')";
  EXPECT_EQ(Show(Op(S("%c"), I(128512), BinaryOp::Mod)), "'\xf0\x9f\x98\x80'") << "'%c' % 0x1f600";
  EXPECT_EQ(Show(Op(S("%x"), F(1.5), BinaryOp::Mod)), "TypeError: %x format: an integer is required, not float") << "'%x' % 1.5";
  EXPECT_EQ(Show(Op(S("%y"), I(1), BinaryOp::Mod)), "ValueError: unsupported format character 'y' (0x79) at index 1") << "'%y' % 1";
  EXPECT_EQ(Show(Op(S("%"), I(1), BinaryOp::Mod)), "ValueError: incomplete format") << "'%' % 1";
  EXPECT_EQ(Show(Op(S("%.*f"), T({I(1)}), BinaryOp::Mod)), "TypeError: not enough arguments for format string") << "'%.*f' % (1,)";
  EXPECT_EQ(Show(Op(S("%*d"), T({S("a"), I(1)}), BinaryOp::Mod)), "TypeError: * wants int") << "'%*d' % ('a', 1)";
  EXPECT_EQ(Show(Op(S("%(a"), D({{S("a"), I(1)}}), BinaryOp::Mod)), "ValueError: incomplete format key") << "'%(a' % {'a': 1}";
  EXPECT_EQ(Show(Op(S("%s"), T({}), BinaryOp::Mod)), "TypeError: not enough arguments for format string") << "'%s' % ()";
  EXPECT_EQ(Show(Op(S("%f"), S("a"), BinaryOp::Mod)), "TypeError: must be real number, not str") << "'%f' % 'a'";
  EXPECT_EQ(Show(Op(S("%i"), F(1.7), BinaryOp::Mod)), "'1'") << "'%i' % 1.7";
  EXPECT_EQ(Show(Op(S("%x"), F(3.0), BinaryOp::Mod)), "TypeError: %x format: an integer is required, not float") << "'%x' % 3.0";
  EXPECT_EQ(Show(Op(S("%o"), S("a"), BinaryOp::Mod)), "TypeError: %o format: an integer is required, not str") << "'%o' % 'a'";
  EXPECT_EQ(Show(Op(S("%e"), Ref::none(), BinaryOp::Mod)), "TypeError: must be real number, not NoneType") << "'%e' % None";
  EXPECT_EQ(Show(Op(S("%5"), I(1), BinaryOp::Mod)), "ValueError: incomplete format") << "'%5' % 1";
  EXPECT_EQ(Show(Op(S("%a"), S("\xc3\xa9"), BinaryOp::Mod)), "\"'\\\\xe9'\"") << "'%a' % '\xc3\xa9'";
  EXPECT_EQ(Show(Op(S("%r %s %a"), T({S("\xc3\xa9"), S("\xc3\xa9"), S("\xc3\xa9")}), BinaryOp::Mod)), "\"'\xc3\xa9' \xc3\xa9 '\\\\xe9'\"") << "'%r %s %a' % ('\xc3\xa9', '\xc3\xa9', '\xc3\xa9')";
  EXPECT_EQ(Show(Op(S("%-5d|%05d|%+d|% d|%#x|%#o|%#X"), T({I(3), I(-3), I(3), I(3), I(255), I(8), I(255)}), BinaryOp::Mod)), "'3    |-0003|+3| 3|0xff|0o10|0XFF'") << "'%-5d|%05d|%+d|% d|%#x|%#o|%#X' % (3, -3, 3, 3, 255, 8, 255)";
  EXPECT_EQ(Show(Op(S("%(x)s %(y)r"), D({{S("x"), I(1)}, {S("y"), S("b")}}), BinaryOp::Mod)), "\"1 'b'\"") << "'%(x)s %(y)r' % {'x': 1, 'y': 'b'}";
  EXPECT_EQ(Show(Op(S("%s"), L({I(1), I(2)}), BinaryOp::Mod)), "'[1, 2]'") << "'%s' % [1, 2]";
  EXPECT_EQ(Show(Op(S("%s %s"), L({I(1), I(2)}), BinaryOp::Mod)), "TypeError: not enough arguments for format string") << "'%s %s' % [1, 2]";
  EXPECT_EQ(Show(Op(S("%s"), D({{S("a"), I(1)}}), BinaryOp::Mod)), "\"{'a': 1}\"") << "'%s' % {'a': 1}";
  EXPECT_EQ(Show(Op(S("%d%%"), I(50), BinaryOp::Mod)), "'50%'") << "'%d%%' % 50";
  EXPECT_EQ(Show(Op(S("%.3s"), S("abcdef"), BinaryOp::Mod)), "'abc'") << "'%.3s' % 'abcdef'";
  EXPECT_EQ(Show(Op(S("%10.3s|"), S("abcdef"), BinaryOp::Mod)), "'       abc|'") << "'%10.3s|' % 'abcdef'";
  EXPECT_EQ(Show(Op(S("%-10s|"), S("ab"), BinaryOp::Mod)), "'ab        |'") << "'%-10s|' % 'ab'";
  EXPECT_EQ(Show(Op(S("%5.1f|%-8.3e|%g|%G|%E"), T({F(3.14159), F(12345.678), F(1e-05), F(1e+20), F(1.5)}), BinaryOp::Mod)), "'  3.1|1.235e+04|1e-05|1E+20|1.500000E+00'") << "'%5.1f|%-8.3e|%g|%G|%E' % (3.14159, 12345.678, 0.00001, 1e20, 1.5)";
  EXPECT_EQ(Show(Op(S("%d"), Ref::boolean(true), BinaryOp::Mod)), "'1'") << "'%d' % True";
  EXPECT_EQ(Show(Op(S("%s"), Ref::boolean(true), BinaryOp::Mod)), "'True'") << "'%s' % True";
  EXPECT_EQ(Show(Op(S("%d"), BigI("1000000000000000000000000000000"), BinaryOp::Mod)), "'1000000000000000000000000000000'") << "'%d' % 10**30";
  EXPECT_EQ(Show(Op(S("%x"), I(-255), BinaryOp::Mod)), "'-ff'") << "'%x' % -255";
  EXPECT_EQ(Show(Op(S("%#10x|%-#10o|"), T({I(255), I(8)}), BinaryOp::Mod)), "'      0xff|0o10      |'") << "'%#10x|%-#10o|' % (255, 8)";
  EXPECT_EQ(Show(Op(S("%010.3f"), F(-3.5), BinaryOp::Mod)), "'-00003.500'") << "'%010.3f' % -3.5";
  EXPECT_EQ(Show(Op(S("%+.2e"), F(0.0), BinaryOp::Mod)), "'+0.00e+00'") << "'%+.2e' % 0.0";
  EXPECT_EQ(Show(Op(S("%.0f"), F(2.5), BinaryOp::Mod)), "'2'") << "'%.0f' % 2.5";
  EXPECT_EQ(Show(Op(S("%u"), I(5), BinaryOp::Mod)), "'5'") << "'%u' % 5";
  EXPECT_EQ(Show(Op(S("%i"), I(-5), BinaryOp::Mod)), "'-5'") << "'%i' % -5";
  EXPECT_EQ(Show(Op(S("%F"), F(std::numeric_limits<double>::infinity()), BinaryOp::Mod)), "'INF'") << "'%F' % float('inf')";
  EXPECT_EQ(Show(Op(S("%5s"), Ref::none(), BinaryOp::Mod)), "' None'") << "'%5s' % None";
  EXPECT_EQ(Show(Op(S("%d"), F(3.99), BinaryOp::Mod)), "'3'") << "'%d' % 3.99";
  EXPECT_EQ(Show(Op(S("%*.*f"), T({I(8), I(2), F(3.14159)}), BinaryOp::Mod)), "'    3.14'") << "'%*.*f' % (8, 2, 3.14159)";
  EXPECT_EQ(Show(Op(S("%-*d|"), T({I(5), I(42)}), BinaryOp::Mod)), "'42   |'") << "'%-*d|' % (5, 42)";
  EXPECT_EQ(Show(Op(S("%*s"), T({I(-5), S("a")}), BinaryOp::Mod)), "'a    '") << "'%*s' % (-5, 'a')";
  EXPECT_EQ(Show(Op(S("%.*s"), T({I(-1), S("abc")}), BinaryOp::Mod)), "''") << "'%.*s' % (-1, 'abc')";
  EXPECT_EQ(Show(Op(S("%(a)%"), D({{S("a"), I(1)}}), BinaryOp::Mod)), "ValueError: unsupported format character '%' (0x25) at index 4") << "'%(a)%' % {'a': 1}";
  EXPECT_EQ(Show(Op(S("%5.%"), T({I(1)}), BinaryOp::Mod)), "ValueError: unsupported format character '%' (0x25) at index 3") << "'%5.%' % (1,)";
  EXPECT_EQ(Show(Op(S("%hd %ld %Lf"), T({I(1), I(2), F(3.0)}), BinaryOp::Mod)), "'1 2 3.000000'") << "'%hd %ld %Lf' % (1, 2, 3.0)";
  EXPECT_EQ(Show(Op(S("%e"), BigI("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"), BinaryOp::Mod)), "OverflowError: int too large to convert to float") << "'%e' % 10**400";
  EXPECT_EQ(Show(Op(S("%f"), BigI("100000000000000000000"), BinaryOp::Mod)), "'100000000000000000000.000000'") << "'%f' % 10**20";
  EXPECT_EQ(Show(Op(S("abc"), L({}), BinaryOp::Mod)), "'abc'") << "'abc' % []";
  EXPECT_EQ(Show(Op(S(""), I(5), BinaryOp::Mod)), "TypeError: not all arguments converted during string formatting") << "'' % 5";
  EXPECT_EQ(Show(Op(S("%5%"), T({}), BinaryOp::Mod)), "TypeError: not enough arguments for format string") << "'%5%' % ()";
  EXPECT_EQ(Show(Op(S("%s"), B("x"), BinaryOp::Mod)), "\"b'x'\"") << "'%s' % b'x'";
  EXPECT_EQ(Show(Op(S("%d"), S("5"), BinaryOp::Mod)), "TypeError: %d format: a real number is required, not str") << "'%d' % '5'";
  EXPECT_EQ(Show(Op(S("%s \xc3\xa9 %s"), T({S("\xc3\xbc"), I(1)}), BinaryOp::Mod)), "'\xc3\xbc \xc3\xa9 1'") << "'%s \xc3\xa9 %s' % ('\xc3\xbc', 1)";
  EXPECT_EQ(Show(Op(S("%\xc3\xa9"), I(1), BinaryOp::Mod)), "ValueError: unsupported format character '\?' (0xe9) at index 1") << "'%\xc3\xa9' % 1";
}

TEST_F(TextTypesTest, BytesBasics) {
  EXPECT_EQ(Show(Construct(&bytes_type, {}, {})), "b''") << "bytes()";
  EXPECT_EQ(Show(Construct(&bytes_type, {I(3)}, {})), "b'\\x00\\x00\\x00'") << "bytes(3)";
  EXPECT_EQ(Show(Construct(&bytes_type, {L({I(1), I(2), I(255)})}, {})), "b'\\x01\\x02\\xff'") << "bytes([1, 2, 255])";
  EXPECT_EQ(Show(Construct(&bytes_type, {T({I(0), I(1), I(2)})}, {})), "b'\\x00\\x01\\x02'") << "bytes((0, 1, 2))";
  EXPECT_EQ(Show(Construct(&bytes_type, {B("ab")}, {})), "b'ab'") << "bytes(b'ab')";
  EXPECT_EQ(Show(Construct(&bytes_type, {Construct(&bytearray_type, {B("x")}, {})}, {})), "b'x'") << "bytes(bytearray(b'x'))";
  EXPECT_EQ(Show(Construct(&bytes_type, {S("\xc3\xa9"), S("utf-8")}, {})), "b'\\xc3\\xa9'") << "bytes('\xc3\xa9', 'utf-8')";
  EXPECT_EQ(Show(Construct(&bytes_type, {S("ab"), S("ascii")}, {})), "b'ab'") << "bytes('ab', 'ascii')";
  EXPECT_EQ(Show(Construct(&bytes_type, {I(-1)}, {})), "ValueError: negative count") << "bytes(-1)";
  EXPECT_EQ(Show(Construct(&bytes_type, {S("a")}, {})), "TypeError: string argument without an encoding") << "bytes('a')";
  EXPECT_EQ(Show(Construct(&bytes_type, {S("a"), I(1)}, {})), "TypeError: bytes() argument 'encoding' must be str, not int") << "bytes('a', 1)";
  EXPECT_EQ(Show(Construct(&bytes_type, {I(1), S("utf-8")}, {})), "TypeError: encoding without a string argument") << "bytes(1, 'utf-8')";
  EXPECT_EQ(Show(Construct(&bytes_type, {F(1.5)}, {})), "TypeError: cannot convert 'float' object to bytes") << "bytes(1.5)";
  EXPECT_EQ(Show(Construct(&bytes_type, {L({I(1), I(300)})}, {})), "ValueError: bytes must be in range(0, 256)") << "bytes([1, 300])";
  EXPECT_EQ(Show(Construct(&bytes_type, {L({S("a")})}, {})), "TypeError: 'str' object cannot be interpreted as an integer") << "bytes(['a'])";
  EXPECT_EQ(Show(Construct(&bytes_type, {B("a"), S("utf-8")}, {})), "TypeError: encoding without a string argument") << "bytes(b'a', 'utf-8')";
  EXPECT_EQ(Show(Construct(&bytes_type, {}, {{"errors", S("strict")}})), "TypeError: errors without a string argument") << "bytes(errors='strict')";
  EXPECT_EQ(Show(Construct(&bytes_type, {S("\xc3\xa9"), S("ascii")}, {})), "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)") << "bytes('\xc3\xa9', 'ascii')";
  EXPECT_EQ(Show(Repr(B("x'"))), "'b\"x\\'\"'") << "repr(b\"x'\")";
  EXPECT_EQ(Show(Repr(B("x\""))), "'b\\'x\"\\''") << "repr(b'x\"')";
  EXPECT_EQ(Show(Repr(B("x'\""))), "'b\\'x\\\\\\'\"\\''") << "repr(b'x\\'\"')";
  EXPECT_EQ(Show(Repr(B("\x00\x7f\x80\xff\t\\\n\r"))), "\"b'\\\\x00\\\\x7f\\\\x80\\\\xff\\\\t\\\\\\\\\\\\n\\\\r'\"") << "repr(b'\\x00\\x7f\\x80\\xff\\t\\\\\\n\\r')";
  EXPECT_EQ(Show(Item(B("abc"), I(1))), "98") << "b'abc'[1]";
  EXPECT_EQ(Show(Item(B("abc"), I(-1))), "99") << "b'abc'[-1]";
  EXPECT_EQ(Show(Item(B("abc"), Slice(Ref::none(), Ref::none(), I(-1)))), "b'cba'") << "b'abc'[::-1]";
  EXPECT_EQ(Show(Item(B("abc"), I(5))), "IndexError: index out of range") << "b'abc'[5]";
  EXPECT_EQ(Show(Item(B("abc"), S("x"))), "TypeError: byte indices must be integers or slices, not str") << "b'abc'['x']";
  EXPECT_EQ(Show(Item(B("abcdef"), Slice(I(1), I(5), I(2)))), "b'bd'") << "b'abcdef'[1:5:2]";
  EXPECT_EQ(Show(Op(B("a"), B("b"), BinaryOp::Add)), "b'ab'") << "b'a' + b'b'";
  EXPECT_EQ(Show(Op(B("a"), Construct(&bytearray_type, {B("b")}, {}), BinaryOp::Add)), "b'ab'") << "b'a' + bytearray(b'b')";
  EXPECT_EQ(Show(Op(B("a"), S("b"), BinaryOp::Add)), "TypeError: can't concat str to bytes") << "b'a' + 'b'";
  EXPECT_EQ(Show(Op(B("a"), I(1), BinaryOp::Add)), "TypeError: can't concat int to bytes") << "b'a' + 1";
  EXPECT_EQ(Show(Op(B("a"), I(3), BinaryOp::Mul)), "b'aaa'") << "b'a' * 3";
  EXPECT_EQ(Show(Op(I(3), B("ab"), BinaryOp::Mul)), "b'ababab'") << "3 * b'ab'";
  EXPECT_EQ(Show(Op(B("a"), S("b"), BinaryOp::Mul)), "TypeError: can't multiply sequence by non-int of type 'str'") << "b'a' * 'b'";
  EXPECT_EQ(Show(Cmp(B("a"), B("b"), CompareOp::Lt)), "True") << "b'a' < b'b'";
  EXPECT_EQ(Show(Cmp(B("abc"), B("ab"), CompareOp::Gt)), "True") << "b'abc' > b'ab'";
  EXPECT_EQ(Show(Cmp(B(""), B("\x00"), CompareOp::Lt)), "True") << "b'' < b'\\x00'";
  EXPECT_EQ(Show(Cmp(B("a"), Construct(&bytearray_type, {B("a")}, {}), CompareOp::Eq)), "True") << "b'a' == bytearray(b'a')";
  EXPECT_EQ(Show(Cmp(B("abc"), S("abc"), CompareOp::Eq)), "False") << "b'abc' == 'abc'";
  EXPECT_EQ(Show(In(I(97), B("abc"))), "True") << "97 in b'abc'";
  EXPECT_EQ(Show(In(B("ab"), B("abc"))), "True") << "b'ab' in b'abc'";
  EXPECT_EQ(Show(In(S("a"), B("abc"))), "TypeError: a bytes-like object is required, not 'str'") << "'a' in b'abc'";
  EXPECT_EQ(Show(In(I(300), B("abc"))), "ValueError: byte must be in range(0, 256)") << "300 in b'abc'";
  EXPECT_EQ(Show(Len(B("abc"))), "3") << "len(b'abc')";
  EXPECT_EQ(Show(List(B("ab"))), "[97, 98]") << "list(b'ab')";
}

TEST_F(TextTypesTest, BytesMethods) {
  EXPECT_EQ(Show(Method(B("\xc3\xa9"), "decode", {})), "'\xc3\xa9'") << "b'\\xc3\\xa9'.decode()";
  EXPECT_EQ(Show(Method(B("\xff"), "decode", {S("ascii"), S("replace")})), "'\xef\xbf\xbd'") << "b'\\xff'.decode('ascii', 'replace')";
  EXPECT_EQ(Show(Call(Attr(B("a"), "decode"), {}, {{"errors", S("x")}})), "'a'") << "b'a'.decode(errors='x')";
  EXPECT_EQ(Show(Method(B("abc"), "decode", {S("foo")})), "LookupError: unknown encoding: foo") << "b'abc'.decode('foo')";
  EXPECT_EQ(Show(Method(B("a"), "decode", {I(1)})), "TypeError: decode() argument 'encoding' must be str, not int") << "b'a'.decode(1)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("x")}, {}), "decode", {S("latin-1")})), "'x'") << "bytearray(b'x').decode('latin-1')";
  EXPECT_EQ(Show(Method(B("abc"), "hex", {})), "'616263'") << "b'abc'.hex()";
  EXPECT_EQ(Show(Method(B("abc"), "hex", {S(":"), I(2)})), "'61:6263'") << "b'abc'.hex(':', 2)";
  EXPECT_EQ(Show(Method(B("abc"), "hex", {S("::")})), "ValueError: sep must be length 1.") << "b'abc'.hex('::')";
  EXPECT_EQ(Show(Method(B("abcde"), "hex", {B("-"), I(-2)})), "'6162-6364-65'") << "b'abcde'.hex(b'-', -2)";
  EXPECT_EQ(Show(Method(B("abc"), "hex", {I(1)})), "TypeError: object of type 'int' has no len()") << "b'abc'.hex(1)";
  EXPECT_EQ(Show(Method(B(""), "hex", {S(":")})), "''") << "b''.hex(':')";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("ab")}, {}), "hex", {S(" ")})), "'61 62'") << "bytearray(b'ab').hex(' ')";
  EXPECT_EQ(Show(Call(Attr(Type(&bytes_type), "fromhex"), {S(" 01 02 ")}, {})), "b'\\x01\\x02'") << "bytes.fromhex(' 01 02 ')";
  EXPECT_EQ(Show(Call(Attr(Type(&bytes_type), "fromhex"), {S("zz")}, {})), "ValueError: non-hexadecimal number found in fromhex() arg at position 0") << "bytes.fromhex('zz')";
  EXPECT_EQ(Show(Call(Attr(Type(&bytes_type), "fromhex"), {S("0 1")}, {})), "ValueError: non-hexadecimal number found in fromhex() arg at position 1") << "bytes.fromhex('0 1')";
  EXPECT_EQ(Show(Call(Attr(Type(&bytes_type), "fromhex"), {I(1)}, {})), "TypeError: fromhex() argument must be str, not int") << "bytes.fromhex(1)";
  EXPECT_EQ(Show(Call(Attr(Type(&bytearray_type), "fromhex"), {S("6162")}, {})), "bytearray(b'ab')") << "bytearray.fromhex('6162')";
  EXPECT_EQ(Show(Method(B("abc"), "find", {B("c")})), "2") << "b'abc'.find(b'c')";
  EXPECT_EQ(Show(Method(B("abc"), "find", {I(99)})), "2") << "b'abc'.find(99)";
  EXPECT_EQ(Show(Method(B("abc"), "find", {I(300)})), "ValueError: byte must be in range(0, 256)") << "b'abc'.find(300)";
  EXPECT_EQ(Show(Method(B("abc"), "find", {S("a")})), "TypeError: argument should be integer or bytes-like object, not 'str'") << "b'abc'.find('a')";
  EXPECT_EQ(Show(Method(B("abc"), "count", {B("")})), "4") << "b'abc'.count(b'')";
  EXPECT_EQ(Show(Method(B("abc"), "rfind", {B("b"), I(0), I(2)})), "1") << "b'abc'.rfind(b'b', 0, 2)";
  EXPECT_EQ(Show(Method(B("ab"), "index", {B("c")})), "ValueError: subsection not found") << "b'ab'.index(b'c')";
  EXPECT_EQ(Show(Method(B("abc"), "rindex", {I(98)})), "1") << "b'abc'.rindex(98)";
  EXPECT_EQ(Show(Method(B("a"), "find", {})), "TypeError: find() takes at least 1 argument (0 given)") << "b'a'.find()";
  EXPECT_EQ(Show(Call(Attr(B("a"), "find"), {}, {{"x", I(1)}})), "TypeError: bytes.find() takes no keyword arguments") << "b'a'.find(x=1)";
  EXPECT_EQ(Show(Method(B("abc"), "startswith", {T({B("x"), B("a")})})), "True") << "b'abc'.startswith((b'x', b'a'))";
  EXPECT_EQ(Show(Method(B("abc"), "startswith", {S("a")})), "TypeError: startswith first arg must be bytes or a tuple of bytes, not str") << "b'abc'.startswith('a')";
  EXPECT_EQ(Show(Method(B("abc"), "startswith", {T({S("a")})})), "TypeError: a bytes-like object is required, not 'str'") << "b'abc'.startswith(('a',))";
  EXPECT_EQ(Show(Method(B("abc"), "endswith", {B("bc")})), "True") << "b'abc'.endswith(b'bc')";
  EXPECT_EQ(Show(Method(B("a b"), "split", {})), "[b'a', b'b']") << "b'a b'.split()";
  EXPECT_EQ(Show(Method(B("a,b"), "split", {B(",")})), "[b'a', b'b']") << "b'a,b'.split(b',')";
  EXPECT_EQ(Show(Call(Attr(B("a b"), "split"), {}, {{"maxsplit", I(0)}})), "[b'a b']") << "b'a b'.split(maxsplit=0)";
  EXPECT_EQ(Show(Method(B("  a b  "), "rsplit", {Ref::none(), I(1)})), "[b'  a', b'b']") << "b'  a b  '.rsplit(None, 1)";
  EXPECT_EQ(Show(Method(B("a\nb\r\nc"), "splitlines", {})), "[b'a', b'b', b'c']") << "b'a\\nb\\r\\nc'.splitlines()";
  EXPECT_EQ(Show(Method(B("abc"), "split", {S("a")})), "TypeError: a bytes-like object is required, not 'str'") << "b'abc'.split('a')";
  EXPECT_EQ(Show(Method(B("a"), "split", {B("")})), "ValueError: empty separator") << "b'a'.split(b'')";
  EXPECT_EQ(Show(Method(B("-"), "join", {L({B("a"), Construct(&bytearray_type, {B("b")}, {})})})), "b'a-b'") << "b'-'.join([b'a', bytearray(b'b')])";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("-")}, {}), "join", {L({B("a")})})), "bytearray(b'a')") << "bytearray(b'-').join([b'a'])";
  EXPECT_EQ(Show(Method(B("a"), "join", {L({S("x")})})), "TypeError: sequence item 0: expected a bytes-like object, str found") << "b'a'.join(['x'])";
  EXPECT_EQ(Show(Method(B(" ab "), "strip", {})), "b'ab'") << "b' ab '.strip()";
  EXPECT_EQ(Show(Method(B("xabx"), "strip", {B("x")})), "b'ab'") << "b'xabx'.strip(b'x')";
  EXPECT_EQ(Show(Method(B("abc"), "strip", {Construct(&bytearray_type, {B("ac")}, {})})), "b'b'") << "b'abc'.strip(bytearray(b'ac'))";
  EXPECT_EQ(Show(Method(B("abc"), "strip", {S("a")})), "TypeError: a bytes-like object is required, not 'str'") << "b'abc'.strip('a')";
  EXPECT_EQ(Show(Method(B("xxa"), "lstrip", {B("x")})), "b'a'") << "b'xxa'.lstrip(b'x')";
  EXPECT_EQ(Show(Method(B("axx"), "rstrip", {B("x")})), "b'a'") << "b'axx'.rstrip(b'x')";
  EXPECT_EQ(Show(Method(B("abc"), "replace", {B("b"), B("XX")})), "b'aXXc'") << "b'abc'.replace(b'b', b'XX')";
  EXPECT_EQ(Show(Method(B("abc"), "replace", {S("a"), B("b")})), "TypeError: a bytes-like object is required, not 'str'") << "b'abc'.replace('a', b'b')";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "replace", {B(""), B("-")})), "bytearray(b'-a-b-c-')") << "bytearray(b'abc').replace(b'', b'-')";
  EXPECT_EQ(Show(Method(B("abc"), "partition", {B("b")})), "(b'a', b'b', b'c')") << "b'abc'.partition(b'b')";
  EXPECT_EQ(Show(Method(B("abc"), "rpartition", {B("x")})), "(b'', b'', b'abc')") << "b'abc'.rpartition(b'x')";
  EXPECT_EQ(Show(Method(B("abc"), "removeprefix", {B("a")})), "b'bc'") << "b'abc'.removeprefix(b'a')";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "removesuffix", {B("c")})), "bytearray(b'ab')") << "bytearray(b'abc').removesuffix(b'c')";
  EXPECT_EQ(Show(Method(B("abc"), "upper", {})), "b'ABC'") << "b'abc'.upper()";
  EXPECT_EQ(Show(Method(B("A\xc3"), "lower", {})), "b'a\\xc3'") << "b'A\\xc3'.lower()";
  EXPECT_EQ(Show(Method(B("ab"), "swapcase", {})), "b'AB'") << "b'ab'.swapcase()";
  EXPECT_EQ(Show(Method(B("hello world"), "title", {})), "b'Hello World'") << "b'hello world'.title()";
  EXPECT_EQ(Show(Method(B("abc"), "capitalize", {})), "b'Abc'") << "b'abc'.capitalize()";
  EXPECT_EQ(Show(Method(B("123"), "isdigit", {})), "True") << "b'123'.isdigit()";
  EXPECT_EQ(Show(Method(B(""), "isdigit", {})), "False") << "b''.isdigit()";
  EXPECT_EQ(Show(Method(B("abc"), "isalpha", {})), "True") << "b'abc'.isalpha()";
  EXPECT_EQ(Show(Method(B(" \t"), "isspace", {})), "True") << "b' \\t'.isspace()";
  EXPECT_EQ(Show(Method(B("abc"), "isupper", {})), "False") << "b'abc'.isupper()";
  EXPECT_EQ(Show(Method(B("ABC"), "isupper", {})), "True") << "b'ABC'.isupper()";
  EXPECT_EQ(Show(Method(B("\x80"), "isascii", {})), "False") << "b'\\x80'.isascii()";
}

TEST_F(TextTypesTest, ByteArrayBasics) {
  EXPECT_EQ(Show(Construct(&bytearray_type, {}, {})), "bytearray(b'')") << "bytearray()";
  EXPECT_EQ(Show(Construct(&bytearray_type, {I(3)}, {})), "bytearray(b'\\x00\\x00\\x00')") << "bytearray(3)";
  EXPECT_EQ(Show(Construct(&bytearray_type, {B("abc")}, {})), "bytearray(b'abc')") << "bytearray(b'abc')";
  EXPECT_EQ(Show(Construct(&bytearray_type, {S("a")}, {})), "TypeError: string argument without an encoding") << "bytearray('a')";
  EXPECT_EQ(Show(Construct(&bytearray_type, {I(-1)}, {})), "ValueError: negative count") << "bytearray(-1)";
  EXPECT_EQ(Show(Construct(&bytearray_type, {F(1.5)}, {})), "TypeError: cannot convert 'float' object to bytearray") << "bytearray(1.5)";
  EXPECT_EQ(Show(Construct(&bytearray_type, {S("\xc3\xa9"), S("utf-8")}, {})), "bytearray(b'\\xc3\\xa9')") << "bytearray('\xc3\xa9', 'utf-8')";
  EXPECT_EQ(Show(Repr(Construct(&bytearray_type, {B("x'")}, {}))), "'bytearray(b\"x\\\\\\'\")'") << "repr(bytearray(b\"x'\"))";
  EXPECT_EQ(Show(Repr(Construct(&bytearray_type, {B("x\"")}, {}))), "'bytearray(b\\'x\"\\')'") << "repr(bytearray(b'x\"'))";
  EXPECT_EQ(Show(Item(Construct(&bytearray_type, {B("abc")}, {}), I(1))), "98") << "bytearray(b'abc')[1]";
  EXPECT_EQ(Show(Item(Construct(&bytearray_type, {B("a")}, {}), I(5))), "IndexError: bytearray index out of range") << "bytearray(b'a')[5]";
  EXPECT_EQ(Show(Item(Construct(&bytearray_type, {B("a")}, {}), F(1.0))), "TypeError: bytearray indices must be integers or slices, not float") << "bytearray(b'a')[1.0]";
  EXPECT_EQ(Show(Item(Construct(&bytearray_type, {B("abc")}, {}), Slice(I(1), Ref::none(), Ref::none()))), "bytearray(b'bc')") << "bytearray(b'abc')[1:]";
  EXPECT_EQ(Show(Op(Construct(&bytearray_type, {B("a")}, {}), B("b"), BinaryOp::Add)), "bytearray(b'ab')") << "bytearray(b'a') + b'b'";
  EXPECT_EQ(Show(Op(Construct(&bytearray_type, {B("x")}, {}), Construct(&bytearray_type, {B("y")}, {}), BinaryOp::Add)), "bytearray(b'xy')") << "bytearray(b'x') + bytearray(b'y')";
  EXPECT_EQ(Show(Op(Construct(&bytearray_type, {B("a")}, {}), S("a"), BinaryOp::Add)), "TypeError: can't concat str to bytearray") << "bytearray(b'a') + 'a'";
  EXPECT_EQ(Show(Op(I(3), Construct(&bytearray_type, {B("ab")}, {}), BinaryOp::Mul)), "bytearray(b'ababab')") << "3 * bytearray(b'ab')";
  EXPECT_EQ(Show(Op(Construct(&bytearray_type, {B("ab")}, {}), I(0), BinaryOp::Mul)), "bytearray(b'')") << "bytearray(b'ab') * 0";
  EXPECT_EQ(Show(Cmp(Construct(&bytearray_type, {B("a")}, {}), B("b"), CompareOp::Lt)), "True") << "bytearray(b'a') < b'b'";
  EXPECT_EQ(Show(Cmp(Construct(&bytearray_type, {B("a")}, {}), S("b"), CompareOp::Lt)), "TypeError: '<' not supported between instances of 'bytearray' and 'str'") << "bytearray(b'a') < 'b'";
  EXPECT_EQ(Show(Cmp(Construct(&bytearray_type, {B("abc")}, {}), S("abc"), CompareOp::Eq)), "False") << "bytearray(b'abc') == 'abc'";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("ab")}, {}), "index", {B("c")})), "ValueError: subsection not found") << "bytearray(b'ab').index(b'c')";
  EXPECT_EQ(Show(List(Construct(&bytearray_type, {B("ab")}, {}))), "[97, 98]") << "list(bytearray(b'ab'))";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "copy", {})), "bytearray(b'abc')") << "bytearray(b'abc').copy()";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "pop", {})), "99") << "bytearray(b'abc').pop()";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "pop", {I(0)})), "97") << "bytearray(b'abc').pop(0)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "pop", {I(10)})), "IndexError: pop index out of range") << "bytearray(b'abc').pop(10)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {}, {}), "pop", {})), "IndexError: pop from empty bytearray") << "bytearray().pop()";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "remove", {I(5)})), "ValueError: value not found in bytearray") << "bytearray(b'abc').remove(5)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "remove", {I(300)})), "ValueError: byte must be in range(0, 256)") << "bytearray(b'abc').remove(300)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "append", {I(300)})), "ValueError: byte must be in range(0, 256)") << "bytearray(b'abc').append(300)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "append", {S("a")})), "TypeError: 'str' object cannot be interpreted as an integer") << "bytearray(b'abc').append('a')";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "extend", {S("ab")})), "TypeError: 'str' object cannot be interpreted as an integer") << "bytearray(b'abc').extend('ab')";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "extend", {I(1)})), "TypeError: can't extend bytearray with int") << "bytearray(b'abc').extend(1)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "extend", {L({I(1), I(300)})})), "ValueError: byte must be in range(0, 256)") << "bytearray(b'abc').extend([1, 300])";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "insert", {I(0), I(300)})), "ValueError: byte must be in range(0, 256)") << "bytearray(b'abc').insert(0, 300)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("abc")}, {}), "insert", {S("a"), I(1)})), "TypeError: 'str' object cannot be interpreted as an integer") << "bytearray(b'abc').insert('a', 1)";
}

TEST_F(TextTypesTest, KeywordErrors) {
  EXPECT_EQ(Show(Construct(&str_type, {}, {{"x", I(1)}})), "TypeError: 'x' is an invalid keyword argument for str()") << "str(x=1)";
  EXPECT_EQ(Show(Construct(&bytes_type, {}, {{"x", I(1)}})), "TypeError: 'x' is an invalid keyword argument for bytes()") << "bytes(x=1)";
  EXPECT_EQ(Show(Call(Attr(S("a"), "encode"), {}, {{"x", I(1)}})), "TypeError: 'x' is an invalid keyword argument for encode()") << "'a'.encode(x=1)";
  EXPECT_EQ(Show(Call(Attr(S("a"), "splitlines"), {}, {{"x", I(1)}})), "TypeError: 'x' is an invalid keyword argument for splitlines()") << "'a'.splitlines(x=1)";
  EXPECT_EQ(Show(Call(Attr(B("a"), "decode"), {}, {{"y", I(1)}})), "TypeError: 'y' is an invalid keyword argument for decode()") << "b'a'.decode(y=1)";
  EXPECT_EQ(Show(Call(Attr(S("a b"), "split"), {}, {{"sep", Ref::none()}})), "['a', 'b']") << "'a b'.split(sep=None)";
}

TEST_F(TextTypesTest, BytesIdentityFreeResults) {
  EXPECT_EQ(Show(Method(B("abc"), "replace", {B("b"), B("x")})), "b'axc'") << "b'abc'.replace(b'b', b'x')";
  EXPECT_EQ(Show(Method(B("abc"), "replace", {B("x"), B("y")})), "b'abc'") << "b'abc'.replace(b'x', b'y')";
  EXPECT_EQ(Show(Method(B("abc"), "strip", {B("x")})), "b'abc'") << "b'abc'.strip(b'x')";
  EXPECT_EQ(Show(Method(B("abc"), "strip", {B("c")})), "b'ab'") << "b'abc'.strip(b'c')";
}

TEST_F(TextTypesTest, IntegerArguments) {
  EXPECT_EQ(Show(Method(S("a"), "ljust", {BigI("1180591620717411303424")})), "OverflowError: Python int too large to convert to C ssize_t") << "'a'.ljust(2**70)";
  EXPECT_EQ(Show(Method(S("a"), "zfill", {BigI("1180591620717411303424")})), "OverflowError: Python int too large to convert to C ssize_t") << "'a'.zfill(2**70)";
  EXPECT_EQ(Show(Method(S("a"), "split", {Ref::none(), BigI("1180591620717411303424")})), "OverflowError: Python int too large to convert to C ssize_t") << "'a'.split(None, 2**70)";
  EXPECT_EQ(Show(Method(S("a"), "replace", {S("a"), S("b"), BigI("1180591620717411303424")})), "OverflowError: Python int too large to convert to C ssize_t") << "'a'.replace('a', 'b', 2**70)";
  EXPECT_EQ(Show(Method(S("a"), "expandtabs", {BigI("1180591620717411303424")})), "OverflowError: Python int too large to convert to C int") << "'a'.expandtabs(2**70)";
  EXPECT_EQ(Show(Method(S("a"), "splitlines", {BigI("1180591620717411303424")})), "OverflowError: Python int too large to convert to C int") << "'a'.splitlines(2**70)";
  EXPECT_EQ(Show(Method(S("abc"), "split", {Ref::none(), I(-5)})), "['abc']") << "'abc'.split(None, -5)";
  EXPECT_EQ(Show(Op(S("a"), BigI("1180591620717411303424"), BinaryOp::Mul)), "OverflowError: cannot fit 'int' into an index-sized integer") << "'a' * 2**70";
  EXPECT_EQ(Show(Op(B("a"), BigI("1180591620717411303424"), BinaryOp::Mul)), "OverflowError: cannot fit 'int' into an index-sized integer") << "b'a' * 2**70";
  EXPECT_EQ(Show(Construct(&bytes_type, {BigI("1180591620717411303424")}, {})), "OverflowError: cannot fit 'int' into an index-sized integer") << "bytes(2**70)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("a")}, {}), "pop", {BigI("1180591620717411303424")})), "OverflowError: Python int too large to convert to C ssize_t") << "bytearray(b'a').pop(2**70)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("a")}, {}), "append", {BigI("1180591620717411303424")})), "ValueError: byte must be in range(0, 256)") << "bytearray(b'a').append(2**70)";
  EXPECT_EQ(Show(Construct(&bytes_type, {L({BigI("1180591620717411303424")})}, {})), "ValueError: bytes must be in range(0, 256)") << "bytes([2**70])";
  EXPECT_EQ(Show(Method(B("a"), "hex", {S(":"), BigI("1180591620717411303424")})), "OverflowError: Python int too large to convert to C int") << "b'a'.hex(':', 2**70)";
}

TEST_F(TextTypesTest, BytesPadding) {
  EXPECT_EQ(Show(Method(B("a"), "center", {I(5), S("x")})), "TypeError: center() argument 2 must be a byte string of length 1, not str") << "b'a'.center(5, 'x')";
  EXPECT_EQ(Show(Method(B("a"), "center", {I(5), B("xy")})), "TypeError: center() argument 2 must be a byte string of length 1, not bytes") << "b'a'.center(5, b'xy')";
  EXPECT_EQ(Show(Method(B("a"), "ljust", {I(5), Construct(&bytearray_type, {B("x")}, {})})), "b'axxxx'") << "b'a'.ljust(5, bytearray(b'x'))";
  EXPECT_EQ(Show(Method(B("-1"), "zfill", {I(4)})), "b'-001'") << "b'-1'.zfill(4)";
  EXPECT_EQ(Show(Method(B("1"), "zfill", {I(0)})), "b'1'") << "b'1'.zfill(0)";
  EXPECT_EQ(Show(Method(Construct(&bytearray_type, {B("a")}, {}), "rjust", {I(3)})), "bytearray(b'  a')") << "bytearray(b'a').rjust(3)";
  EXPECT_EQ(Show(Call(Attr(B("a\tb"), "expandtabs"), {}, {{"tabsize", I(4)}})), "b'a   b'") << "b'a\\tb'.expandtabs(tabsize=4)";
  EXPECT_EQ(Show(Method(B("ab"), "center", {I(5)})), "b'  ab '") << "b'ab'.center(5)";
  EXPECT_EQ(Show(Method(B("ab"), "center", {})), "TypeError: center expected at least 1 argument, got 0") << "b'ab'.center()";
  EXPECT_EQ(Show(Method(B("ab"), "zfill", {})), "TypeError: bytes.zfill() takes exactly one argument (0 given)") << "b'ab'.zfill()";
}

TEST_F(TextTypesTest, Utf16And32Codecs) {
  EXPECT_EQ(Show(Method(B("a"), "decode", {S("utf-16-le")})), "UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x61 in position 0: truncated data") << "b'a'.decode('utf-16-le')";
  EXPECT_EQ(Show(Method(B("a\x00" "b"), "decode", {S("utf-16-le"), S("replace")})), "'a\xef\xbf\xbd'") << "b'a\\x00b'.decode('utf-16-le', 'replace')";
  EXPECT_EQ(Show(Method(B("\x00\xd8" "a\x00"), "decode", {S("utf-16-le")})), "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate") << "b'\\x00\\xd8a\\x00'.decode('utf-16-le')";
  EXPECT_EQ(Show(Method(B("\x00\xdc" "a\x00"), "decode", {S("utf-16-le")})), "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding") << "b'\\x00\\xdca\\x00'.decode('utf-16-le')";
  EXPECT_EQ(Show(Method(B("\x00\xd8"), "decode", {S("utf-16-le")})), "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: unexpected end of data") << "b'\\x00\\xd8'.decode('utf-16-le')";
  EXPECT_EQ(Show(Method(B("\x00\xd8" "a"), "decode", {S("utf-16-le"), S("backslashreplace")})), "'\\\\x00\\\\xd8\\\\x61'") << "b'\\x00\\xd8a'.decode('utf-16-le', 'backslashreplace')";
  EXPECT_EQ(Show(Method(B("\xff\xfe" "a\x00"), "decode", {S("utf-16")})), "'a'") << "b'\\xff\\xfea\\x00'.decode('utf-16')";
  EXPECT_EQ(Show(Method(B("\xfe\xff\x00" "a"), "decode", {S("utf-16")})), "'a'") << "b'\\xfe\\xff\\x00a'.decode('utf-16')";
  EXPECT_EQ(Show(Method(B("\xff\xfe\x00\xd8"), "decode", {S("utf-16")})), "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 2-3: unexpected end of data") << "b'\\xff\\xfe\\x00\\xd8'.decode('utf-16')";
  EXPECT_EQ(Show(Method(B("\x00\x00\x11\x00"), "decode", {S("utf-32-le")})), "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000)") << "b'\\x00\\x00\\x11\\x00'.decode('utf-32-le')";
  EXPECT_EQ(Show(Method(B("\x00\xd8\x00\x00"), "decode", {S("utf-32-le")})), "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code point range(0xd800, 0xe000)") << "b'\\x00\\xd8\\x00\\x00'.decode('utf-32-le')";
  EXPECT_EQ(Show(Method(B("a\x00\x00"), "decode", {S("utf-32-le")})), "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-2: truncated data") << "b'a\\x00\\x00'.decode('utf-32-le')";
  EXPECT_EQ(Show(Method(B("\xff\xfe\x00\x00" "a\x00\x00\x00"), "decode", {S("utf-32")})), "'a'") << "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00'.decode('utf-32')";
  EXPECT_EQ(Show(Method(B("=\xd8\x00\xde"), "decode", {S("utf-16-le")})), "'\xf0\x9f\x98\x80'") << "b'=\\xd8\\x00\\xde'.decode('utf-16-le')";
  EXPECT_EQ(Show(Method(B("\xd8=\xde\x00"), "decode", {S("utf-16-be")})), "'\xf0\x9f\x98\x80'") << "b'\\xd8=\\xde\\x00'.decode('utf-16-be')";
  EXPECT_EQ(Show(Method(S("a\xc3\xa9\xf0\x9f\x98\x80"), "encode", {S("utf-16")})), "b'\\xff\\xfea\\x00\\xe9\\x00=\\xd8\\x00\\xde'") << "'a\xc3\xa9\xf0\x9f\x98\x80'.encode('utf-16')";
  EXPECT_EQ(Show(Method(S("a\xc3\xa9\xf0\x9f\x98\x80"), "encode", {S("utf-16-be")})), "b'\\x00a\\x00\\xe9\\xd8=\\xde\\x00'") << "'a\xc3\xa9\xf0\x9f\x98\x80'.encode('utf-16-be')";
  EXPECT_EQ(Show(Method(S("a\xc3\xa9\xf0\x9f\x98\x80"), "encode", {S("utf-32")})), "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00\\xe9\\x00\\x00\\x00\\x00\\xf6\\x01\\x00'") << "'a\xc3\xa9\xf0\x9f\x98\x80'.encode('utf-32')";
  EXPECT_EQ(Show(Method(S("a\xc3\xa9\xf0\x9f\x98\x80"), "encode", {S("UTF_32_LE")})), "b'a\\x00\\x00\\x00\\xe9\\x00\\x00\\x00\\x00\\xf6\\x01\\x00'") << "'a\xc3\xa9\xf0\x9f\x98\x80'.encode('UTF_32_LE')";
  EXPECT_EQ(Show(Method(S("a\xed\xa0\x80"), "encode", {S("utf-16-le")})), "UnicodeEncodeError: 'utf-16-le' codec can't encode character '\\ud800' in position 1: surrogates not allowed") << "'a\\ud800'.encode('utf-16-le')";
  EXPECT_EQ(Show(Method(S("a\xed\xa0\x80" "b"), "encode", {S("utf-16-le"), S("backslashreplace")})), "b'a\\x00\\\\\\x00u\\x00d\\x008\\x000\\x000\\x00b\\x00'") << "'a\\ud800b'.encode('utf-16-le', 'backslashreplace')";
}

TEST_F(TextTypesTest, SurrogatesAndSignatures) {
  EXPECT_EQ(Show(Method(B("\xef\xbb\xbf" "ab"), "decode", {S("utf-8-sig")})), "'ab'") << "b'\\xef\\xbb\\xbfab'.decode('utf-8-sig')";
  EXPECT_EQ(Show(Method(B("ab"), "decode", {S("utf-8-sig")})), "'ab'") << "b'ab'.decode('utf-8-sig')";
  EXPECT_EQ(Show(Method(B("\xef\xbb\xbf\xff"), "decode", {S("utf-8-sig")})), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte") << "b'\\xef\\xbb\\xbf\\xff'.decode('utf-8-sig')";
  EXPECT_EQ(Show(Method(S("ab"), "encode", {S("utf-8-sig")})), "b'\\xef\\xbb\\xbfab'") << "'ab'.encode('utf-8-sig')";
  EXPECT_EQ(Show(Method(B("\xed\xa0\x80" "a"), "decode", {S("utf-8"), S("surrogatepass")})), "'\\ud800a'") << "b'\\xed\\xa0\\x80a'.decode('utf-8', 'surrogatepass')";
  EXPECT_EQ(Show(Method(B("\xed\xa0"), "decode", {S("utf-8"), S("surrogatepass")})), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte") << "b'\\xed\\xa0'.decode('utf-8', 'surrogatepass')";
  EXPECT_EQ(Show(Method(B("\x00\xd8" "a\x00"), "decode", {S("utf-16-le"), S("surrogatepass")})), "'\\ud800a'") << "b'\\x00\\xd8a\\x00'.decode('utf-16-le', 'surrogatepass')";
  EXPECT_EQ(Show(Method(S("a\xed\xa0\x80"), "encode", {S("utf-8"), S("surrogatepass")})), "b'a\\xed\\xa0\\x80'") << "'a\\ud800'.encode('utf-8', 'surrogatepass')";
  EXPECT_EQ(Show(Method(S("a\xed\xa0\x80"), "encode", {S("utf-16-le"), S("surrogatepass")})), "b'a\\x00\\x00\\xd8'") << "'a\\ud800'.encode('utf-16-le', 'surrogatepass')";
  EXPECT_EQ(Show(Method(S("\xc3\xa9"), "encode", {S("ascii"), S("surrogatepass")})), "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)") << "'\xc3\xa9'.encode('ascii', 'surrogatepass')";
  EXPECT_EQ(Show(Method(B("a\xff" "b"), "decode", {S("utf-8"), S("surrogateescape")})), "'a\\udcffb'") << "b'a\\xffb'.decode('utf-8', 'surrogateescape')";
  EXPECT_EQ(Show(Method(S("a\xed\xb3\xbf" "b"), "encode", {S("utf-8"), S("surrogateescape")})), "b'a\\xffb'") << "'a\\udcffb'.encode('utf-8', 'surrogateescape')";
  EXPECT_EQ(Show(Method(S("a\xed\xa0\x80"), "encode", {})), "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed") << "'a\\ud800'.encode()";
}

TEST_F(TextTypesTest, BytesPercentFormat) {
  EXPECT_EQ(Show(Op(B("%s"), S("a"), BinaryOp::Mod)), "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'") << "b'%s' % 'a'";
  EXPECT_EQ(Show(Op(B("%s"), I(1), BinaryOp::Mod)), "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int'") << "b'%s' % 1";
  EXPECT_EQ(Show(Op(B("%c"), I(256), BinaryOp::Mod)), "OverflowError: %c arg not in range(256)") << "b'%c' % 256";
  EXPECT_EQ(Show(Op(B("%c"), B("ab"), BinaryOp::Mod)), "TypeError: %c requires an integer in range(256) or a single byte") << "b'%c' % b'ab'";
  EXPECT_EQ(Show(Op(B("%r"), S("\xc3\xa9"), BinaryOp::Mod)), "b\"'\\\\xe9'\"") << "b'%r' % '\xc3\xa9'";
  EXPECT_EQ(Show(Op(B("%a"), B("x"), BinaryOp::Mod)), "b\"b'x'\"") << "b'%a' % b'x'";
  EXPECT_EQ(Show(Op(B("%(a)s"), D({{B("a"), B("x")}}), BinaryOp::Mod)), "b'x'") << "b'%(a)s' % {b'a': b'x'}";
  EXPECT_EQ(Show(Op(B("%(a)s"), D({{S("a"), B("x")}}), BinaryOp::Mod)), "KeyError: b'a'") << "b'%(a)s' % {'a': b'x'}";
  EXPECT_EQ(Show(Op(B("%5s|%-5b|%.1s"), T({B("ab"), Construct(&bytearray_type, {B("cd")}, {}), B("ef")}), BinaryOp::Mod)), "b'   ab|cd   |e'") << "b'%5s|%-5b|%.1s' % (b'ab', bytearray(b'cd'), b'ef')";
  EXPECT_EQ(Show(Op(Construct(&bytearray_type, {B("%d")}, {}), I(5), BinaryOp::Mod)), "bytearray(b'5')") << "bytearray(b'%d') % 5";
  EXPECT_EQ(Show(Op(B("%y"), I(1), BinaryOp::Mod)), "ValueError: unsupported format character 'y' (0x79) at index 1") << "b'%y' % 1";
  EXPECT_EQ(Show(Op(B("x"), B(""), BinaryOp::Mod)), "TypeError: not all arguments converted during bytes formatting") << "b'x' % b''";
  EXPECT_EQ(Show(Op(B("x"), D({}), BinaryOp::Mod)), "b'x'") << "b'x' % {}";
  EXPECT_EQ(Show(Op(B("%s is %d"), T({B("x"), I(5)}), BinaryOp::Mod)), "b'x is 5'") << "b'%s is %d' % (b'x', 5)";
  EXPECT_EQ(Show(Op(B("%05.1f"), F(2.25), BinaryOp::Mod)), "b'002.2'") << "b'%05.1f' % 2.25";
  EXPECT_EQ(Show(Op(B("%c%c"), T({B("a"), Construct(&bytearray_type, {B("b")}, {})}), BinaryOp::Mod)), "b'ab'") << "b'%c%c' % (b'a', bytearray(b'b'))";
}

}  // namespace
}  // namespace chaipy
