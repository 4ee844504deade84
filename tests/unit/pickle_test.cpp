// Round trips of pickles between chaipy's pickle engine (runtime/pickle.hpp) and CPython's /usr/bin/python3, both ways.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/pickle.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {
namespace {

constexpr const char* cpython = "/usr/bin/python3";

// Values whose repr is the same in both interpreters.
const char* const values[] = {
    "None", "[True, False, 0, -1, 255, 65536, -2**31, 2**63, -2**100, 10**40]", "[1.5, -0.0, 1e300, float('inf')]",
    "'h\\u00e9llo \\u20ac \\U0001f600'", "'x' * 300", "b'\\x00\\xffab' * 100", "bytearray(b'xyz')",
    "((), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4))", "{'a': [1, 2], 'b': {'c': (3,)}, 4: None}",
    "list(range(2500))", "{str(i): i for i in range(1100)}", "[frozenset(), frozenset({1})]",
    "(lambda s: [s, s, (s,)])('shared')", "ValueError('bad value', 3)", "range(1, 10, 3)", "len", "[int, dict, ValueError]",
};

class PickleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    InterpreterConfig config;
    config.argv = {"pickle_test"};
    interp = interpreter_create(config);
  }
  static void TearDownTestSuite() { interpreter_destroy(interp); }
  void SetUp() override {
    if (access(cpython, X_OK) != 0) GTEST_SKIP() << cpython << " is not installed";
    ASSERT_NE(interp, nullptr);
  }

  static std::string run_cpython(const std::string& program) {
    std::string command = std::string(cpython) + " -c \"" + program + "\"";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return "<popen failed>";
    std::string output;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
    pclose(pipe);
    while (!output.empty() && output.back() == '\n') output.pop_back();
    return output;
  }
  static Ref evaluate(const std::string& expression) {
    Ref module = module_new("__pickle_test__");
    if (!exec_source_in_module("result = " + expression, "<pickle_test>", *module)) return nullptr;
    return Ref::borrow(dict_get_str(module_dict(*module), "result"));
  }
  static std::string repr_of(Value v) {
    Ref text = object_repr(v);
    return text ? std::string(str_view(*text)) : "<repr failed>";
  }
  static std::string hex(std::string_view data) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : data) {
      out += digits[c >> 4];
      out += digits[c & 15];
    }
    return out;
  }
  static std::string unhex(const std::string& text) {
    std::string out;
    for (size_t i = 0; i + 1 < text.size(); i += 2) out += char(std::stoi(text.substr(i, 2), nullptr, 16));
    return out;
  }
  static Interpreter* interp;
};
Interpreter* PickleTest::interp = nullptr;

TEST_F(PickleTest, WeLoadWhatCPythonWrites) {
  for (int protocol = 0; protocol <= 5; ++protocol) {
    for (const char* value : values) {
      std::string program = std::string("import pickle; v = ") + value + "; print(pickle.dumps(v, " +
                            std::to_string(protocol) + ").hex()); print(repr(v))";
      std::string output = run_cpython(program);
      size_t newline = output.find('\n');
      ASSERT_NE(newline, std::string::npos) << output;
      Ref data = bytes_new(unhex(output.substr(0, newline)));
      Ref loaded = pickle_loads(*data);
      ASSERT_TRUE(loaded) << value << " protocol " << protocol;
      EXPECT_EQ(repr_of(*loaded), output.substr(newline + 1)) << value << " protocol " << protocol;
    }
  }
}

TEST_F(PickleTest, CPythonLoadsWhatWeWriteAndBytesAreEqual) {
  for (int protocol = 0; protocol <= 5; ++protocol) {
    for (const char* value : values) {
      Ref object = evaluate(value);
      ASSERT_TRUE(object) << value;
      Ref data = pickle_dumps(*object, protocol);
      ASSERT_TRUE(data) << value << " protocol " << protocol;
      std::string ours = hex(bytes_view(*data));
      std::string program = "import pickle; v = pickle.loads(bytes.fromhex('" + ours + "')); print(repr(v)); print(pickle.dumps(" +
                            value + ", " + std::to_string(protocol) + ").hex())";
      std::string output = run_cpython(program);
      size_t newline = output.rfind('\n');
      ASSERT_NE(newline, std::string::npos) << output;
      EXPECT_EQ(output.substr(0, newline), repr_of(*object)) << value << " protocol " << protocol;
      if (protocol >= 2) EXPECT_EQ(output.substr(newline + 1), ours) << value << " protocol " << protocol;
    }
  }
}

TEST_F(PickleTest, MalformedInputRaisesWithoutCrashing) {
  const char* inputs[] = {"", "\x80\x04", "\x80\x04\x8d\xff\xff\xff\xff\xff\xff\xff\x7f", "\x80\x04r\xff\xff\xff\x7f.", "(((t", "\x99"};
  for (const char* input : inputs) {
    Ref data = bytes_new(input);
    EXPECT_FALSE(pickle_loads(*data));
    EXPECT_TRUE(error_pending());
    clear_error();
  }
}

}  // namespace
}  // namespace chaipy
