// Unit tests of the container types: dict, tuple, list, set/frozenset, range, slice and the builtin iterators, through their C++ API and their methods.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/protocols.hpp"
#include "runtime/range.hpp"

namespace chaipy {
namespace {

class ContainersTest : public ::testing::Test {
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
  Ref method(Value self, const char* name, std::initializer_list<Value> args = {}) {
    return call_method(self, name, args.begin(), args.size());
  }
  static Value i(int64_t n) { return Value::small_int(n); }
  Ref str(const char* text) { return str_new(text); }
  Ref list_of(std::initializer_list<int64_t> values) {
    Ref list = list_new(0);
    for (int64_t v : values) list_append(*list, i(v));
    return list;
  }

  Interpreter* interp = nullptr;
};

// ---- dict ----

TEST_F(ContainersTest, DictKeepsInsertionOrderThroughGrowthAndDeletion) {
  Ref d = dict_new();
  for (int64_t k = 0; k < 1000; ++k) ASSERT_EQ(dict_set(*d, i(k), i(k * k)), 0);
  for (int64_t k = 0; k < 1000; k += 3) ASSERT_EQ(dict_del(*d, i(k)), 0);
  EXPECT_EQ(dict_size(*d), 666);
  size_t pos = 0;
  Value key, value;
  int64_t expected = 1;
  while (dict_next(*d, pos, key, value)) {
    ASSERT_EQ(key.as_small_int(), expected);
    ASSERT_EQ(value.as_small_int(), expected * expected);
    expected += expected % 3 == 2 ? 2 : 1;
  }
  EXPECT_EQ(dict_get(*d, i(3)), Value());
  EXPECT_FALSE(error_pending());
  EXPECT_EQ(dict_get(*d, i(998)).as_small_int(), 998 * 998);
  EXPECT_EQ(dict_del(*d, i(3)), -1);
  EXPECT_EQ(show(nullptr), "KeyError: 3");
}

TEST_F(ContainersTest, DictKeysVersionChangesOnlyWithKeys) {
  Ref d = dict_new();
  uint64_t v0 = dict_keys_version(*d);
  dict_set_str(*d, "x", i(1));
  uint64_t v1 = dict_keys_version(*d);
  EXPECT_NE(v0, v1);
  dict_set_str(*d, "x", i(2));
  EXPECT_EQ(dict_keys_version(*d), v1);
  EXPECT_EQ(dict_get_str(*d, "x").as_small_int(), 2);
  EXPECT_EQ(dict_get_str(*d, "y"), Value());
  dict_del(*d, str_intern("x"));
  EXPECT_NE(dict_keys_version(*d), v1);
}

TEST_F(ContainersTest, DictStrKeysMatchByContent) {
  Ref d = dict_new();
  Ref a = str("spam");
  Ref b = str("spam");
  ASSERT_NE(*a, *b);
  dict_set(*d, *a, i(1));
  EXPECT_EQ(dict_get(*d, *b).as_small_int(), 1);
  EXPECT_EQ(dict_get_str(*d, "spam").as_small_int(), 1);
  dict_set(*d, *b, i(2));
  EXPECT_EQ(dict_size(*d), 1);
  EXPECT_EQ(show(d), "{'spam': 2}");
}

TEST_F(ContainersTest, DictCopyUpdateClear) {
  Ref d = dict_new();
  for (int64_t k = 0; k < 10; ++k) dict_set(*d, i(k), i(-k));
  dict_del(*d, i(0));
  Ref copy = dict_copy(*d);
  EXPECT_EQ(show(copy), show(d));
  Ref pairs = list_new(0);
  Ref pair = tuple_pack({i(100), i(200)});
  list_append(*pairs, *pair);
  ASSERT_EQ(dict_update(*copy, *pairs), 0);
  ASSERT_EQ(dict_update(*copy, *d), 0);
  EXPECT_EQ(dict_size(*copy), 10);
  dict_clear(*copy);
  EXPECT_EQ(show(copy), "{}");
  Ref bad = list_of({1});
  EXPECT_EQ(dict_update(*copy, *bad), -1);
  EXPECT_EQ(show(nullptr), "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
}

TEST_F(ContainersTest, DictMethods) {
  Ref d = dict_new();
  dict_set(*d, i(1), i(10));
  dict_set(*d, i(2), i(20));
  EXPECT_EQ(show(method(*d, "get", {i(1)})), "10");
  EXPECT_EQ(show(method(*d, "get", {i(5)})), "None");
  EXPECT_EQ(show(method(*d, "setdefault", {i(3), i(30)})), "30");
  EXPECT_EQ(show(method(*d, "pop", {i(1)})), "10");
  EXPECT_EQ(show(method(*d, "pop", {i(1)})), "KeyError: 1");
  EXPECT_EQ(show(method(*d, "popitem")), "(3, 30)");
  EXPECT_EQ(show(method(*d, "keys")), "dict_keys([2])");
  EXPECT_EQ(show(method(*d, "items")), "dict_items([(2, 20)])");
  EXPECT_EQ(show(method(*d, "values")), "dict_values([20])");
  EXPECT_EQ(show(method(*d, "__getitem__", {i(2)})), "20");
  EXPECT_EQ(show(method(*d, "__contains__", {i(2)})), "True");
  EXPECT_EQ(show(method(*d, "__len__")), "1");
  method(*d, "clear");
  EXPECT_EQ(show(method(*d, "popitem")), "KeyError: 'popitem(): dictionary is empty'");
  Ref keys = list_of({1, 2});
  Ref fromkeys = get_attr(Value(&dict_type), "fromkeys");
  EXPECT_EQ(show(call1(*fromkeys, *keys)), "{1: None, 2: None}");
  Ref unhashable = list_new(0);
  EXPECT_EQ(show(get_item(*d, *unhashable)), "TypeError: unhashable type: 'list'");
}

TEST_F(ContainersTest, DictReprHandlesRecursion) {
  Ref d = dict_new();
  dict_set(*d, i(1), *d);
  EXPECT_EQ(show(d), "{1: {...}}");
  dict_clear(*d);
}

TEST_F(ContainersTest, DictViewsAreSetLike) {
  Ref d = dict_new();
  for (int64_t k = 1; k <= 3; ++k) dict_set(*d, i(k), i(k));
  Ref keys = method(*d, "keys");
  Ref other = set_new();
  set_add(*other, i(2));
  set_add(*other, i(9));
  EXPECT_EQ(show(binary_op(*keys, *other, BinaryOp::And)), "{2}");
  EXPECT_EQ(show(binary_op(*keys, *other, BinaryOp::Or)), "{1, 2, 3, 9}");
  EXPECT_EQ(show(binary_op(*keys, *other, BinaryOp::Sub)), "{1, 3}");
  EXPECT_EQ(show(binary_op(*other, *keys, BinaryOp::Xor)), "{9, 3, 1}");
  Ref iterator = get_iter(*d);
  dict_set(*d, i(4), i(4));
  EXPECT_EQ(show(iter_next(*iterator)), "RuntimeError: dictionary changed size during iteration");
}

// ---- tuple ----

TEST_F(ContainersTest, TupleBasics) {
  EXPECT_EQ(*empty_tuple(), *tuple_new(0));
  EXPECT_EQ(show(empty_tuple()), "()");
  Ref one = tuple_pack({i(1)});
  EXPECT_EQ(show(one), "(1,)");
  Ref t = tuple_pack({i(1), i(2), i(3), i(2)});
  EXPECT_EQ(show(method(*t, "count", {i(2)})), "2");
  EXPECT_EQ(show(method(*t, "index", {i(2), i(2)})), "3");
  EXPECT_EQ(show(method(*t, "index", {i(9)})), "ValueError: tuple.index(x): x not in tuple");
  Ref s = slice_new(Value::none(), Value::none(), i(-2));
  EXPECT_EQ(show(get_item(*t, *s)), "(2, 2)");
  EXPECT_EQ(show(get_item(*t, i(4))), "IndexError: tuple index out of range");
  EXPECT_EQ(show(binary_op(*t, *one, BinaryOp::Add)), "(1, 2, 3, 2, 1)");
  EXPECT_EQ(show(binary_op(i(2), *one, BinaryOp::Mul)), "(1, 1)");
  EXPECT_EQ(show(set_item(*t, i(0), i(0)) < 0 ? nullptr : Ref::none()),
            "TypeError: 'tuple' object does not support item assignment");
}

TEST_F(ContainersTest, TupleHashMatchesCPython) {
  EXPECT_EQ(object_hash(*tuple_pack({i(1), i(2)})), -3550055125485641917);
  EXPECT_EQ(object_hash(*empty_tuple()), 5740354900026072187);
  Ref inner = tuple_pack({i(2), i(3)});
  EXPECT_EQ(object_hash(*tuple_pack({i(1), *inner})), 7267574591690527098);
  Ref big = int_from_bigint(BigInt::pow(BigInt(2), 64));
  EXPECT_EQ(object_hash(*tuple_pack({*big, i(-1)})), 4705214496270574563);
}

TEST_F(ContainersTest, TupleComparesLexicographically) {
  Ref a = tuple_pack({i(1), i(2)});
  Ref b = tuple_pack({i(1), i(2), i(0)});
  EXPECT_EQ(show(object_compare(*a, *b, CompareOp::Lt)), "True");
  EXPECT_EQ(show(object_compare(*b, *a, CompareOp::Ge)), "True");
  Ref c = tuple_pack({i(1), *str("x")});
  EXPECT_EQ(show(object_compare(*a, *c, CompareOp::Lt)),
            "TypeError: '<' not supported between instances of 'int' and 'str'");
}

// ---- list ----

TEST_F(ContainersTest, ListSliceAssignment) {
  Ref l = list_of({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  Ref replacement = list_of({100});
  Ref s = slice_new(i(2), i(5), Value());
  ASSERT_EQ(set_item(*l, *s, *replacement), 0);
  EXPECT_EQ(show(l), "[0, 1, 100, 5, 6, 7, 8, 9]");
  Ref every_other = slice_new(Value(), Value(), i(2));
  EXPECT_EQ(set_item(*l, *every_other, *replacement), -1);
  EXPECT_EQ(show(nullptr), "ValueError: attempt to assign sequence of size 1 to extended slice of size 4");
  ASSERT_EQ(del_item(*l, *every_other), 0);
  EXPECT_EQ(show(l), "[1, 5, 7, 9]");
  ASSERT_EQ(set_item(*l, *s, *l), 0);
  EXPECT_EQ(show(l), "[1, 5, 1, 5, 7, 9]");
  EXPECT_EQ(set_item(*l, i(10), i(0)), -1);
  EXPECT_EQ(show(nullptr), "IndexError: list assignment index out of range");
}

TEST_F(ContainersTest, ListMethods) {
  Ref l = list_of({3, 1, 2});
  method(*l, "append", {i(4)});
  method(*l, "insert", {i(0), i(9)});
  EXPECT_EQ(show(l), "[9, 3, 1, 2, 4]");
  EXPECT_EQ(show(method(*l, "pop")), "4");
  EXPECT_EQ(show(method(*l, "pop", {i(0)})), "9");
  EXPECT_EQ(show(method(*l, "index", {i(2)})), "2");
  EXPECT_EQ(show(method(*l, "index", {i(7)})), "ValueError: 7 is not in list");
  EXPECT_EQ(show(method(*l, "remove", {i(7)})), "ValueError: list.remove(x): x not in list");
  method(*l, "reverse");
  EXPECT_EQ(show(l), "[2, 1, 3]");
  Ref empty = list_new(0);
  EXPECT_EQ(show(method(*empty, "pop")), "IndexError: pop from empty list");
  EXPECT_EQ(show(method(*l, "append")), "TypeError: list.append() takes exactly one argument (0 given)");
  list_append(*l, *l);
  EXPECT_EQ(show(l), "[2, 1, 3, [...]]");
  method(*l, "clear");
  EXPECT_EQ(show(binary_op(*l, *empty_tuple(), BinaryOp::Add)),
            "TypeError: can only concatenate list (not \"tuple\") to list");
}

TEST_F(ContainersTest, ListSortIsStable) {
  Ref l = list_new(0);
  for (int64_t k = 0; k < 200; ++k) {
    Ref pair = tuple_pack({i((k * 7919) % 5), i(k)});
    list_append(*l, *pair);
  }
  ASSERT_TRUE(list_sort(*l, Value(), false));
  for (int64_t k = 1; k < 200; ++k) ASSERT_EQ(object_less(list_item(*l, k), list_item(*l, k - 1)), 0);
  Ref numbers = list_of({5, 3, 9, 1, 3});
  ASSERT_TRUE(list_sort(*numbers, Value(), true));
  EXPECT_EQ(show(numbers), "[9, 5, 3, 3, 1]");
}

TEST_F(ContainersTest, ListSortStopsAtAFailedComparison) {
  Ref l = list_of({3, 1, 2});
  list_append(*l, *str("x"));
  EXPECT_FALSE(list_sort(*l, Value(), false));
  EXPECT_EQ(show(nullptr), "TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(list_size(*l), 4);
}

// ---- set / frozenset ----

TEST_F(ContainersTest, SetIterationOrderMatchesCPython) {
  Ref s = set_new();
  for (int64_t v : {100, 200, 1000, 3, 7, 15, 31, 64}) set_add(*s, i(v));
  EXPECT_EQ(show(s), "{64, 3, 100, 7, 200, 1000, 15, 31}");
  Ref r = set_new();
  for (int64_t v = 0; v < 100; v += 9) set_add(*r, i(v));
  EXPECT_EQ(show(r), "{0, 99, 36, 72, 9, 45, 81, 18, 54, 90, 27, 63}");
  EXPECT_EQ(show(method(*r, "pop")), "0");
  EXPECT_EQ(show(method(*r, "pop")), "99");
}

TEST_F(ContainersTest, SetApiAndErrors) {
  Ref s = set_new();
  EXPECT_EQ(set_add(*s, i(1)), 0);
  EXPECT_EQ(set_add(*s, i(1)), 0);
  EXPECT_EQ(set_size(*s), 1);
  EXPECT_EQ(set_contains(*s, i(1)), 1);
  EXPECT_EQ(set_discard(*s, i(1)), 1);
  EXPECT_EQ(set_discard(*s, i(1)), 0);
  EXPECT_EQ(show(s), "set()");
  EXPECT_EQ(show(method(*s, "pop")), "KeyError: 'pop from an empty set'");
  EXPECT_EQ(show(method(*s, "remove", {i(5)})), "KeyError: 5");
  Ref unhashable = list_new(0);
  EXPECT_EQ(set_add(*s, *unhashable), -1);
  EXPECT_EQ(show(nullptr), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(object_hash(*s), -1);
  EXPECT_EQ(show(nullptr), "TypeError: unhashable type: 'set'");
}

TEST_F(ContainersTest, FrozensetHashAndAlgebra) {
  Ref f = frozenset_new();
  EXPECT_EQ(object_hash(*f), 133146708735736);
  Ref g = frozenset_new();
  for (int64_t v : {1, 2, 3}) set_add(*g, i(v));
  EXPECT_EQ(object_hash(*g), -272375401224217160);
  EXPECT_EQ(show(g), "frozenset({1, 2, 3})");
  Ref s = set_new();
  set_add(*s, i(3));
  set_add(*s, i(4));
  EXPECT_EQ(show(binary_op(*g, *s, BinaryOp::Or)), "frozenset({1, 2, 3, 4})");
  EXPECT_EQ(show(binary_op(*s, *g, BinaryOp::And)), "{3}");
  EXPECT_EQ(show(binary_op(*g, *s, BinaryOp::Sub)), "frozenset({1, 2})");
  EXPECT_EQ(show(binary_op(*s, *g, BinaryOp::Xor)), "{1, 2, 4}");
  EXPECT_EQ(show(object_compare(*g, *s, CompareOp::Gt)), "False");
  // A set key is looked up as the equal frozenset.
  Ref holder = set_new();
  set_add(*holder, *g);
  Ref probe = set_new();
  for (int64_t v : {3, 2, 1}) set_add(*probe, i(v));
  EXPECT_EQ(set_contains(*holder, *probe), 1);
}

// ---- range, slice ----

TEST_F(ContainersTest, RangeBehavesAsASequence) {
  Ref r = range_new(0, 20, 3);
  EXPECT_EQ(show(r), "range(0, 20, 3)");
  EXPECT_EQ(object_length(*r), 7);
  EXPECT_EQ(show(get_item(*r, i(-1))), "18");
  Ref s = slice_new(i(1), i(5), i(2));
  EXPECT_EQ(show(get_item(*r, *s)), "range(3, 15, 6)");
  EXPECT_EQ(contains(*r, i(9)), 1);
  EXPECT_EQ(contains(*r, i(10)), 0);
  EXPECT_EQ(show(method(*r, "index", {i(10)})), "ValueError: 10 is not in range");
  EXPECT_EQ(show(range_new(1, 2, 0)), "ValueError: range() arg 3 must not be zero");
  Ref iterator = get_iter(*r);
  ASSERT_EQ(type_of(*iterator), &range_iterator_type);
  auto* it = iterator.as<RangeIterObject>();
  EXPECT_EQ(it->next, 0);
  EXPECT_EQ(it->step, 3);
  EXPECT_EQ(it->remaining, 7);
  Ref reversed = method(*r, "__reversed__");
  EXPECT_EQ(show(list_from_iterable(*reversed)), "[18, 15, 12, 9, 6, 3, 0]");
}

TEST_F(ContainersTest, RangesBeyondInt64) {
  Ref stop = int_from_bigint(BigInt::pow(BigInt(10), 30));
  Ref step = int_from_bigint(BigInt::pow(BigInt(10), 10));
  Ref r = call(Value(&range_type), std::vector<Value>{i(0), *stop, *step}.data(), 3);
  EXPECT_EQ(show(r), "range(0, 1000000000000000000000000000000, 10000000000)");
  EXPECT_EQ(show(get_item(*r, i(-1))), "999999999999999999990000000000");
  EXPECT_EQ(object_length(*r), -1);
  EXPECT_EQ(show(nullptr), "OverflowError: Python int too large to convert to C ssize_t");
  Ref s = slice_new(i(5), i(7), Value());
  EXPECT_EQ(show(get_item(*r, *s)), "range(50000000000, 70000000000, 10000000000)");
  Ref member = int_from_bigint(BigInt::pow(BigInt(10), 20));
  EXPECT_EQ(contains(*r, *member), 1);
  EXPECT_EQ(show(method(*r, "index", {*member})), "10000000000");
  Ref two_63 = int_from_bigint(BigInt::pow(BigInt(2), 63));
  Ref past = binary_op(*two_63, i(2), BinaryOp::Add);
  Ref high = call(Value(&range_type), std::vector<Value>{*two_63, *past}.data(), 2);
  EXPECT_EQ(show(list_from_iterable(*high)), "[9223372036854775808, 9223372036854775809]");
}

TEST_F(ContainersTest, SliceIndicesFollowCPython) {
  int64_t start, stop, step, length;
  Ref backwards = slice_new(Value(), Value(), i(-1));
  ASSERT_TRUE(slice_indices(*backwards, 5, start, stop, step, length));
  EXPECT_EQ(start, 4);
  EXPECT_EQ(stop, -1);
  EXPECT_EQ(step, -1);
  EXPECT_EQ(length, 5);
  Ref huge = int_from_bigint(BigInt::pow(BigInt(10), 30));
  Ref clamped = slice_new(i(-100), *huge, Value());
  ASSERT_TRUE(slice_indices(*clamped, 10, start, stop, step, length));
  EXPECT_EQ(start, 0);
  EXPECT_EQ(stop, 10);
  EXPECT_EQ(length, 10);
  Ref zero = slice_new(Value(), Value(), i(0));
  EXPECT_FALSE(slice_indices(*zero, 5, start, stop, step, length));
  EXPECT_EQ(show(nullptr), "ValueError: slice step cannot be zero");
  Ref bad = slice_new(*str("a"), Value(), Value());
  EXPECT_FALSE(slice_indices(*bad, 5, start, stop, step, length));
  EXPECT_EQ(show(nullptr), "TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(show(slice_new(i(1), i(2), Value())), "slice(1, 2, None)");
}

// ---- iterators ----

TEST_F(ContainersTest, BuiltinIterators) {
  Ref letters = str("abc");
  Ref enumerated = call(Value(&enumerate_type), std::vector<Value>{*letters, i(5)}.data(), 2);
  EXPECT_EQ(show(list_from_iterable(*enumerated)), "[(5, 'a'), (6, 'b'), (7, 'c')]");
  Ref numbers = list_of({1, 2});
  Ref zipped = call(Value(&zip_type), std::vector<Value>{*letters, *numbers}.data(), 2);
  EXPECT_EQ(show(list_from_iterable(*zipped)), "[('a', 1), ('b', 2)]");
  Ref reversed = call1(Value(&reversed_type), *letters);
  EXPECT_EQ(show(list_from_iterable(*reversed)), "['c', 'b', 'a']");
  EXPECT_EQ(show(call1(Value(&reversed_type), i(1))), "TypeError: 'int' object is not reversible");
  Ref sequence = seq_iter_new(*numbers);
  EXPECT_EQ(show(list_from_iterable(*sequence)), "[1, 2]");
  Ref queue = list_of({9, 0, 8, 7});
  Ref pop = get_attr(*queue, "pop");
  Ref until_zero = callable_iter_new(*pop, i(0));
  EXPECT_EQ(show(list_from_iterable(*until_zero)), "[7, 8]");
}

}  // namespace
}  // namespace chaipy
