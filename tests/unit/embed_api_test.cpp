// Embedding API tests: running code, globals, conversions both ways, calling script functions, errors both ways.
#include <gtest/gtest.h>

#include <chaipy/chaipy.hpp>

namespace {

std::string captured;
chaipy::Options capturing() {
  chaipy::Options options;
  options.stdout_callback = [](std::string_view text) { captured += text; };
  return options;
}

TEST(EmbedApi, ExecEvalAndGlobals) {
  chaipy::Interpreter vm;
  vm.exec("x = 6 * 7\ndef f(a, b='y'):\n    return a * 2 + b\n");
  EXPECT_EQ(vm.get("x").cast<int>(), 42);
  EXPECT_EQ(vm.eval("x + 1").cast<int64_t>(), 43);
  vm.set("name", std::string("chaipy"));
  EXPECT_EQ(vm.eval("name.upper()").cast<std::string>(), "CHAIPY");
  EXPECT_EQ(vm.get("f")("x").cast<std::string>(), "xxy");
  EXPECT_EQ(vm.call("f", "a", "b").cast<std::string>(), "aab");
  EXPECT_EQ(vm.get("f").call({vm.cast("q")}, {{"b", vm.cast("!")}}).cast<std::string>(), "qq!");
  EXPECT_EQ(vm.import("math").attr("sqrt")(16.0).cast<double>(), 4.0);
  EXPECT_TRUE(vm.eval("None").is_none());
}

TEST(EmbedApi, OutputGoesToTheCallback) {
  captured.clear();
  chaipy::Interpreter vm(capturing());
  vm.exec("print('hello', 42)\nimport sys\nsys.stdout.write('x\\n')\n");
  EXPECT_EQ(captured, "hello 42\nx\n");
}

TEST(EmbedApi, ConversionsToScript) {
  chaipy::Interpreter vm;
  vm.set("v", std::vector<int>{1, 2, 3});
  vm.set("m", std::map<std::string, double>{{"a", 1.5}, {"b", 2.0}});
  vm.set("u", std::unordered_map<std::string, bool>{{"k", true}});
  vm.set("o", std::optional<int>());
  vm.set("p", std::optional<std::string>("s"));
  vm.set("t", std::make_tuple(1, std::string("two"), 3.0));
  vm.set("big", uint64_t(18446744073709551615ull));
  vm.set("neg", int64_t(-9223372036854775807ll - 1));
  vm.set("n", nullptr);
  vm.set("sv", std::string_view("view"));
  EXPECT_EQ(vm.eval("repr((v, m, u, o, p, t, n, sv))").cast<std::string>(),
            "([1, 2, 3], {'a': 1.5, 'b': 2.0}, {'k': True}, None, 's', (1, 'two', 3.0), None, 'view')");
  EXPECT_EQ(vm.eval("str(big)").cast<std::string>(), "18446744073709551615");
  EXPECT_EQ(vm.eval("str(neg)").cast<std::string>(), "-9223372036854775808");
}

TEST(EmbedApi, ConversionsFromScript) {
  chaipy::Interpreter vm;
  EXPECT_EQ(vm.eval("[1, 2, 3]").cast<std::vector<int>>(), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(vm.eval("(4, 5)").cast<std::vector<long>>(), (std::vector<long>{4, 5}));
  auto m = vm.eval("{'a': [1], 'b': []}").cast<std::map<std::string, std::vector<int>>>();
  EXPECT_EQ(m.size(), 2u);
  EXPECT_EQ(m["a"], std::vector<int>{1});
  EXPECT_EQ(vm.eval("None").cast<std::optional<int>>(), std::nullopt);
  EXPECT_EQ(vm.eval("7").cast<std::optional<int>>(), 7);
  auto t = vm.eval("(1, 'x', 2.5)").cast<std::tuple<int, std::string, double>>();
  EXPECT_EQ(std::get<1>(t), "x");
  EXPECT_EQ(vm.eval("2**64 - 1").cast<uint64_t>(), 18446744073709551615ull);
  EXPECT_EQ(vm.eval("3").cast<double>(), 3.0);
  EXPECT_TRUE(vm.eval("True").cast<bool>());
  std::function<int(int, int)> add = vm.eval("lambda a, b: a + b").cast<std::function<int(int, int)>>();
  EXPECT_EQ(add(2, 3), 5);
}

TEST(EmbedApi, FailedCastsThrowTypeAndOverflowErrors) {
  chaipy::Interpreter vm;
  try {
    vm.eval("'x'").cast<int>();
    FAIL();
  } catch (const chaipy::Error& error) {
    EXPECT_EQ(error.type_name(), "TypeError");
    EXPECT_EQ(error.message(), "cannot convert str to int");
  }
  try {
    vm.eval("2**40").cast<int32_t>();
    FAIL();
  } catch (const chaipy::Error& error) {
    EXPECT_EQ(error.type_name(), "OverflowError");
    EXPECT_EQ(error.message(), "Python int too large to convert to C int");
  }
  try {
    vm.eval("-1").cast<unsigned>();
    FAIL();
  } catch (const chaipy::Error& error) {
    EXPECT_EQ(error.message(), "can't convert negative int to unsigned");
  }
  EXPECT_THROW(vm.eval("2**64").cast<uint64_t>(), chaipy::Error);
  EXPECT_THROW(vm.eval("[1, 'a']").cast<std::vector<int>>(), chaipy::Error);
  EXPECT_THROW(vm.eval("(1, 2)").cast<std::tuple<int>>(), chaipy::Error);
  EXPECT_THROW(vm.eval("1").cast<bool>(), chaipy::Error);
  EXPECT_THROW(vm.eval("3").cast<std::function<void()>>(), chaipy::Error);
}

TEST(EmbedApi, ScriptExceptionsBecomeErrors) {
  chaipy::Interpreter vm;
  try {
    vm.exec("def g():\n    return 1 / 0\ng()\n", "calc.py");
    FAIL();
  } catch (const chaipy::Error& error) {
    EXPECT_EQ(error.type_name(), "ZeroDivisionError");
    EXPECT_EQ(error.message(), "division by zero");
    EXPECT_STREQ(error.what(), "ZeroDivisionError: division by zero");
    EXPECT_EQ(error.traceback(),
              "Traceback (most recent call last):\n"
              "  File \"calc.py\", line 3, in <module>\n"
              "    g()\n"
              "  File \"calc.py\", line 2, in g\n"
              "    return 1 / 0\n"
              "           ~~^~~\n"
              "ZeroDivisionError: division by zero\n");
    EXPECT_EQ(error.value().type_name(), "ZeroDivisionError");
  }
  EXPECT_THROW(vm.get("missing"), chaipy::Error);
  EXPECT_THROW(vm.exec("def"), chaipy::Error);
  // An Error may outlive its interpreter.
  std::optional<chaipy::Error> kept;
  {
    chaipy::Interpreter short_lived;
    try {
      short_lived.exec("raise KeyError('k')");
    } catch (const chaipy::Error& error) {
      kept = error;
    }
  }
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->type_name(), "KeyError");
  EXPECT_TRUE(kept->value().is_none());
}

TEST(EmbedApi, RunFile) {
  chaipy::Interpreter vm;
  EXPECT_THROW(vm.run_file("/nonexistent/x.py"), chaipy::Error);
}

}  // namespace
