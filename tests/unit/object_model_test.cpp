// Unit tests of the object model: immediates, refcounting, types and slots, attribute lookup, and running code through the VM.
#include <gtest/gtest.h>

#include "interpreter/compiler.hpp"
#include "interpreter/vm.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {
namespace {

class ObjectModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InterpreterConfig config;
    config.argv = {"test"};
    interp = interpreter_create(config);
    ASSERT_NE(interp, nullptr);
  }
  void TearDown() override { interpreter_destroy(interp); }

  // Runs `source` in a fresh module namespace and returns that namespace.
  Ref run(const std::string& source) {
    Ref module = module_new("__test__");
    Ref result = exec_source_in_module(source, "<test>", *module);
    if (!result) {
      Ref error = fetch_error();
      ADD_FAILURE() << format_exception(*error);
      return nullptr;
    }
    return Ref::borrow(module_dict(*module));
  }
  std::string repr_of(Value v) {
    Ref text = object_repr(v);
    return text ? std::string(str_view(*text)) : "<error>";
  }

  Interpreter* interp = nullptr;
};

TEST_F(ObjectModelTest, ImmediatesNeedNoAllocation) {
  Value n = Value::small_int(42);
  EXPECT_TRUE(n.is_small_int());
  EXPECT_FALSE(n.is_object());
  EXPECT_EQ(n.as_small_int(), 42);
  EXPECT_EQ(Value::small_int(-7).as_small_int(), -7);
  EXPECT_EQ(type_of(n), &int_type);
  EXPECT_EQ(type_of(Value::none()), &none_type);
  EXPECT_EQ(type_of(Value::true_()), &bool_type);
  EXPECT_FALSE(Value::none().is_object());
  EXPECT_EQ(Value::small_int(Value::small_int_max).as_small_int(), Value::small_int_max);
  EXPECT_EQ(Value::small_int(Value::small_int_min).as_small_int(), Value::small_int_min);
}

TEST_F(ObjectModelTest, RefcountsFollowOwnership) {
  Ref list = list_new(0);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->refcount, 1);
  {
    Ref copy = list;
    EXPECT_EQ(list->refcount, 2);
  }
  EXPECT_EQ(list->refcount, 1);
  Ref outer = list_new(0);
  ASSERT_TRUE(list_append(*outer, *list));
  EXPECT_EQ(list->refcount, 2);
}

TEST_F(ObjectModelTest, StaticTypesAreImmortal) {
  EXPECT_LT(int_type.refcount, 0);
  Value interned = str_intern("hello");
  EXPECT_LT(interned.as_object()->refcount, 0);
  EXPECT_EQ(interned, str_intern("hello"));
}

TEST_F(ObjectModelTest, ReprOfContainers) {
  Ref d = run("x = [1, 'a', (2,), {3: None}, 2**100]");
  ASSERT_TRUE(d);
  EXPECT_EQ(repr_of(dict_get_str(*d, "x")), "[1, 'a', (2,), {3: None}, 1267650600228229401496703205376]");
}

TEST_F(ObjectModelTest, ClassesGetC3MroAndSlots) {
  Ref d = run(
      "class A: pass\n"
      "class B(A): pass\n"
      "class C(A): pass\n"
      "class D(B, C):\n"
      "    def __len__(self): return 3\n"
      "    def __add__(self, other): return 'added'\n"
      "names = [k.__name__ for k in D.__mro__]\n"
      "n = len(D())\n"
      "s = D() + 1\n");
  ASSERT_TRUE(d);
  EXPECT_EQ(repr_of(dict_get_str(*d, "names")), "['D', 'B', 'C', 'A', 'object']");
  EXPECT_EQ(repr_of(dict_get_str(*d, "n")), "3");
  EXPECT_EQ(repr_of(dict_get_str(*d, "s")), "'added'");
}

TEST_F(ObjectModelTest, InconsistentMroIsATypeError) {
  Ref module = module_new("__test__");
  Ref result = exec_source_in_module("class A: pass\nclass B(A): pass\nclass C(A, B): pass\n", "<test>", *module);
  EXPECT_FALSE(result);
  EXPECT_TRUE(error_matches(&TypeError_type));
  clear_error();
}

TEST_F(ObjectModelTest, BuiltinSlotsAreCallableDunders) {
  Ref d = run("a = int.__add__(2, 3)\nb = list.__len__([1, 2])\nc = tuple.__new__(tuple, [1])\n");
  ASSERT_TRUE(d);
  EXPECT_EQ(repr_of(dict_get_str(*d, "a")), "5");
  EXPECT_EQ(repr_of(dict_get_str(*d, "b")), "2");
  EXPECT_EQ(repr_of(dict_get_str(*d, "c")), "(1,)");
}

TEST_F(ObjectModelTest, ExceptionsCarryTracebacks) {
  Ref module = module_new("__test__");
  Ref result = exec_source_in_module("def f():\n    return 1 / 0\nf()\n", "<test>", *module);
  ASSERT_FALSE(result);
  Ref error = fetch_error();
  EXPECT_EQ(type_of(*error), &ZeroDivisionError_type);
  std::string text = format_exception(*error);
  EXPECT_NE(text.find("line 2, in f"), std::string::npos) << text;
  EXPECT_NE(text.find("ZeroDivisionError: division by zero"), std::string::npos) << text;
}

TEST_F(ObjectModelTest, DeepRecursionRaisesRecursionError) {
  Ref module = module_new("__test__");
  Ref result = exec_source_in_module("def f(n):\n    return f(n + 1)\nf(0)\n", "<test>", *module);
  ASSERT_FALSE(result);
  EXPECT_TRUE(error_matches(&RecursionError_type));
  clear_error();
}

TEST_F(ObjectModelTest, GeneratorsSuspendAndResume) {
  Ref d = run(
      "def gen():\n"
      "    total = yield 1\n"
      "    yield total * 2\n"
      "g = gen()\n"
      "first = next(g)\n"
      "second = g.send(21)\n"
      "rest = list(x * x for x in range(4))\n");
  ASSERT_TRUE(d);
  EXPECT_EQ(repr_of(dict_get_str(*d, "first")), "1");
  EXPECT_EQ(repr_of(dict_get_str(*d, "second")), "42");
  EXPECT_EQ(repr_of(dict_get_str(*d, "rest")), "[0, 1, 4, 9]");
}

TEST_F(ObjectModelTest, TwoInterpretersAreIndependent) {
  Ref d = run("x = 1");
  ASSERT_TRUE(d);
  Interpreter* first = interp;
  InterpreterConfig config;
  Interpreter* second = interpreter_create(config);
  ASSERT_NE(second, nullptr);
  EXPECT_NE(first->modules, second->modules);
  interpreter_destroy(second);
  current_thread = &first->main_thread;
}

}  // namespace
}  // namespace chaipy
