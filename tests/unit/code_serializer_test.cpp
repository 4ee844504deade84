// Unit tests for compiled-code serialization and the build-time compiled (frozen) stdlib.
#include <gtest/gtest.h>

#include <algorithm>

#include "interpreter/code_serializer.hpp"
#include "interpreter/compiler.hpp"
#include "stdlib/embedded.hpp"

namespace chaipy {
namespace {

std::shared_ptr<CodeUnit> compile_module(std::string_view source, const std::string& filename) {
  auto compiled = compile_source(source, filename, ParseMode::Exec);
  auto* unit = std::get_if<std::shared_ptr<CodeUnit>>(&compiled);
  return unit ? *unit : nullptr;
}

// Every kind of constant, nested code (closures, generators, classes), docstrings, positions.
constexpr std::string_view every_constant_kind = R"py(
"""module doc"""
big = 123456789012345678901234567890
small = -42
values = (None, True, False, 1.5, -0.0, 'text', 'ünï', b'\x00\xff', ..., (1, (2, 'x')), 2**70)
def outer(a, /, b=1, *args, c, d=2, **kwargs):
    "function doc"
    cell = a
    def inner():
        nonlocal cell
        cell += 1
        return cell
    return inner
class C:
    def method(self):
        yield from range(3)
squares = [x * x for x in range(10) if x % 2]
)py";

TEST(CodeSerializer, RoundTripKeepsEveryField) {
  auto unit = compile_module(every_constant_kind, "<test>");
  ASSERT_TRUE(unit);
  std::string bytes = serialize_code_unit(*unit);
  auto back = deserialize_code_unit(bytes);
  ASSERT_TRUE(back);
  EXPECT_EQ(serialize_code_unit(*back), bytes);
  EXPECT_EQ(back->filename, "<test>");
  EXPECT_EQ(back->docstring, unit->docstring);
  EXPECT_EQ(back->code, unit->code);
  EXPECT_EQ(back->names, unit->names);
  ASSERT_EQ(back->positions.size(), unit->positions.size());
  for (size_t i = 0; i < unit->positions.size(); ++i) {
    EXPECT_EQ(back->positions[i].line, unit->positions[i].line);
    EXPECT_EQ(back->positions[i].end_col, unit->positions[i].end_col);
  }
}

TEST(CodeSerializer, EveryTruncationIsRefused) {
  auto unit = compile_module(every_constant_kind, "<test>");
  ASSERT_TRUE(unit);
  std::string bytes = serialize_code_unit(*unit);
  for (size_t size = 0; size < bytes.size(); ++size)
    EXPECT_EQ(deserialize_code_unit(std::string_view(bytes).substr(0, size)), nullptr) << size;
  EXPECT_EQ(deserialize_code_unit(bytes + "x"), nullptr);
}

TEST(CodeSerializer, CorruptBytesNeverCrash) {
  auto unit = compile_module("def f(x):\n    return (x, 'a', 1.0, None)\n", "<test>");
  ASSERT_TRUE(unit);
  std::string bytes = serialize_code_unit(*unit);
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (unsigned char replacement : {0x00, 0x7f, 0x80, 0xff}) {
      std::string corrupt = bytes;
      corrupt[i] = char(replacement);
      auto back = deserialize_code_unit(corrupt);  // Malformed or another valid unit: both fine.
      if (back) EXPECT_FALSE(serialize_code_unit(*back).empty());
    }
  }
}

TEST(FrozenStdlib, EveryEmbeddedModuleIsFrozenFromItsCurrentSource) {
  auto frozen = frozen_stdlib();
  auto sources = embedded_stdlib();
  ASSERT_EQ(frozen.size(), sources.size());
  EXPECT_TRUE(std::is_sorted(frozen.begin(), frozen.end(),
                             [](const FrozenCode& a, const FrozenCode& b) { return a.name < b.name; }));
  for (size_t i = 0; i < sources.size(); ++i) {
    ASSERT_EQ(frozen[i].name, sources[i].name);
    std::string filename = "<frozen " + std::string(sources[i].name) + ">";
    auto unit = compile_module(sources[i].source, filename);
    ASSERT_TRUE(unit) << filename;
    EXPECT_EQ(frozen[i].code, serialize_code_unit(*unit)) << filename;
  }
}

}  // namespace
}  // namespace chaipy
