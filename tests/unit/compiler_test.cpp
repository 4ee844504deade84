// Tests for the bytecode compiler, symbol tables and disassembler.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "interpreter/compiler.hpp"
#include "interpreter/disassembler.hpp"
#include "interpreter/opcodes.hpp"
#include "interpreter/parser.hpp"
#include "interpreter/symtable.hpp"

namespace chaipy {
namespace {

std::shared_ptr<CodeUnit> compile_ok(const std::string& source, ParseMode mode = ParseMode::Exec) {
  auto result = compile_source(source, "test.py", mode);
  if (auto* error = std::get_if<SyntaxErrorInfo>(&result)) {
    ADD_FAILURE() << "unexpected SyntaxError: " << error->message << " at " << error->line << ":" << error->col
                  << "\n" << source;
    return nullptr;
  }
  return std::get<std::shared_ptr<CodeUnit>>(result);
}

SyntaxErrorInfo compile_error(const std::string& source) {
  auto result = compile_source(source, "test.py", ParseMode::Exec);
  if (auto* error = std::get_if<SyntaxErrorInfo>(&result)) return *error;
  ADD_FAILURE() << "expected a SyntaxError for:\n" << source;
  return {};
}

const CodeUnit* nested_code(const CodeUnit& code, const std::string& name) {
  for (const auto& constant : code.consts) {
    if (auto nested = std::get_if<std::shared_ptr<CodeUnit>>(&constant.value)) {
      if ((*nested)->name == name) return nested->get();
      if (const CodeUnit* deeper = nested_code(**nested, name)) return deeper;
    }
  }
  return nullptr;
}

// The instructions of the first listing in disassemble(): "OPNAME" or "OPNAME meaning" (or
// "OPNAME arg" when the argument has no meaning to show), jump targets as "to N".
std::vector<std::string> listing(const CodeUnit& code) {
  static const std::regex row(R"(^ *\d* +(?:>> +)?\d+ ([A-Z_]+)(?: +(\d+)(?: \((.*)\))?)?$)");
  std::vector<std::string> result;
  std::istringstream lines(disassemble(code));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (line.rfind("Disassembly of", 0) == 0) break;
    std::smatch match;
    if (!std::regex_match(line, match, row)) {
      ADD_FAILURE() << "unparsable listing line: " << line;
      continue;
    }
    std::string entry = match[1];
    if (match[3].matched) {
      entry += " " + match[3].str();
    } else if (match[2].matched) {
      entry += " " + match[2].str();
    }
    result.push_back(entry);
  }
  return result;
}

using Listing = std::vector<std::string>;

Listing module_listing(const std::string& source) {
  auto code = compile_ok(source);
  return code ? listing(*code) : Listing{};
}

Listing function_listing(const std::string& source, const std::string& name) {
  auto code = compile_ok(source);
  if (!code) return {};
  const CodeUnit* function = nested_code(*code, name);
  if (!function) {
    ADD_FAILURE() << "no code unit named " << name;
    return {};
  }
  return listing(*function);
}

bool contains(const Listing& instructions, const std::string& entry) {
  return std::find(instructions.begin(), instructions.end(), entry) != instructions.end();
}

std::string joined(const Listing& instructions) {
  std::string text;
  for (const auto& entry : instructions) text += entry + "\n";
  return text;
}

#define EXPECT_LISTING(actual, ...) EXPECT_EQ(joined(actual), joined(Listing{__VA_ARGS__}))

// ---- straight-line code and constants ----

TEST(CompilerTest, AssignmentAtModuleLevel) {
  EXPECT_LISTING(module_listing("x = 1\n"), "LOAD_CONST 1", "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, ConstantFolding) {
  EXPECT_LISTING(module_listing("x = -5\n"), "LOAD_CONST -5", "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = (1, 2.5, (3, -4), 'a')\n"), "LOAD_CONST (1, 2.5, (3, -4), 'a')",
                 "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = 2 ** 10 - 1\n"), "LOAD_CONST 1023", "STORE_NAME x", "LOAD_CONST None",
                 "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = -9223372036854775808\n"), "LOAD_CONST -9223372036854775808", "STORE_NAME x",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = 7 // -2, -7 % 3, 1 << 3, ~5, not 0, 'ab' * 2, 3 / 2\n"),
                 "LOAD_CONST (-4, 2, 8, -6, True, 'abab', 1.5)", "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
  // Operations that raise, or whose result is not an int64, are left to run time.
  EXPECT_TRUE(contains(module_listing("x = 1 / 0\n"), "BINARY_OP_TRUE_DIVIDE /"));
  EXPECT_TRUE(contains(module_listing("x = 2 ** 64\n"), "BINARY_OP **"));
  EXPECT_TRUE(contains(module_listing("x = 2 ** -1\n"), "BINARY_OP **"));
  EXPECT_TRUE(contains(module_listing("x = True + 1\n"), "BINARY_OP_ADD +"));
  EXPECT_LISTING(module_listing("x = __debug__\n"), "LOAD_CONST True", "STORE_NAME x", "LOAD_CONST None",
                 "RETURN_VALUE");
}

TEST(CompilerTest, ConstantsAndNamesAreDeduplicated) {
  auto code = compile_ok("a = 1\nb = 1\nc = 1.0\nd = True\na = 'x'\ne = -0.0\nf = 0.0\n");
  ASSERT_TRUE(code);
  // 1, 1.0 and True stay distinct, as do 0.0 and -0.0; None ends the module.
  EXPECT_EQ(code->consts.size(), 7u);
  EXPECT_EQ(code->names, (std::vector<std::string>{"a", "b", "c", "d", "e", "f"}));
}

TEST(CompilerTest, ModuleDocstring) {
  auto code = compile_ok("'''The doc.'''\nx = 1\n");
  ASSERT_TRUE(code);
  ASSERT_TRUE(code->docstring);
  EXPECT_EQ(*code->docstring, "The doc.");
  EXPECT_LISTING(listing(*code), "LOAD_CONST 'The doc.'", "STORE_NAME __doc__", "LOAD_CONST 1", "STORE_NAME x",
                 "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, ExpressionStatementsAndAnnotations) {
  // The module's __annotations__ is made first; each annotation is evaluated after the assignment.
  EXPECT_LISTING(module_listing("f()\n'just a string'\nx: int\ny: int = 5\n"), "BUILD_MAP 0",
                 "STORE_NAME __annotations__", "LOAD_NAME f", "CALL 0", "POP_TOP", "LOAD_NAME int",
                 "LOAD_NAME __annotations__", "LOAD_CONST 'x'", "STORE_SUBSCR", "LOAD_CONST 5", "STORE_NAME y",
                 "LOAD_NAME int", "LOAD_NAME __annotations__", "LOAD_CONST 'y'", "STORE_SUBSCR", "LOAD_CONST None",
                 "RETURN_VALUE");
  // Function annotations: a dict stored on the new function, keys in CPython's order.
  EXPECT_LISTING(module_listing("def f(a: A, *, b: B) -> R: pass\n"), "LOAD_CONST <code object f at line 1>",
                 "MAKE_FUNCTION 0", "COPY 1", "LOAD_CONST 'a'", "LOAD_NAME A", "LOAD_CONST 'b'", "LOAD_NAME B",
                 "LOAD_CONST 'return'", "LOAD_NAME R", "BUILD_MAP 3", "SWAP 2", "STORE_ATTR __annotations__",
                 "STORE_NAME f", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, EvalAndInteractiveModes) {
  auto eval = compile_ok("a + 1", ParseMode::Eval);
  ASSERT_TRUE(eval);
  EXPECT_LISTING(listing(*eval), "LOAD_NAME a", "LOAD_CONST 1", "BINARY_OP_ADD +", "RETURN_VALUE");
  auto single = compile_ok("a\n", ParseMode::Single);
  ASSERT_TRUE(single);
  EXPECT_LISTING(listing(*single), "LOAD_NAME a", "PRINT_EXPR", "LOAD_CONST None", "RETURN_VALUE");
}

// ---- functions, scopes and closures ----

TEST(CompilerTest, FunctionParametersAndDefaults) {
  const char* source = "def f(a, /, b=2, *c, d, e=5, **g):\n    h = a\n    return h\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  EXPECT_LISTING(listing(*code), "LOAD_CONST (2,)", "LOAD_CONST 'e'", "LOAD_CONST 5", "BUILD_MAP 1",
                 "LOAD_CONST <code object f at line 1>", "MAKE_FUNCTION defaults, kwdefaults", "STORE_NAME f",
                 "LOAD_CONST None", "RETURN_VALUE");
  const CodeUnit* f = nested_code(*code, "f");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->argcount, 2u);
  EXPECT_EQ(f->posonly_argcount, 1u);
  EXPECT_EQ(f->kwonly_argcount, 2u);
  EXPECT_EQ(f->flags & (code_varargs | code_varkeywords), code_varargs | code_varkeywords);
  EXPECT_EQ(f->varnames, (std::vector<std::string>{"a", "b", "d", "e", "c", "g", "h"}));
  EXPECT_LISTING(listing(*f), "LOAD_FAST a", "STORE_FAST h", "LOAD_FAST h", "RETURN_VALUE");
}

TEST(CompilerTest, FunctionDocstringAndDecorators) {
  auto code = compile_ok("@d1\n@d2(3)\ndef f():\n    'doc'\n    return 1\n");
  ASSERT_TRUE(code);
  EXPECT_LISTING(listing(*code), "LOAD_NAME d1", "LOAD_NAME d2", "LOAD_CONST 3", "CALL 1",
                 "LOAD_CONST <code object f at line 1>", "MAKE_FUNCTION 0", "CALL 1", "CALL 1", "STORE_NAME f",
                 "LOAD_CONST None", "RETURN_VALUE");
  const CodeUnit* f = nested_code(*code, "f");
  ASSERT_TRUE(f);
  ASSERT_TRUE(f->docstring);
  EXPECT_EQ(*f->docstring, "doc");
  EXPECT_EQ(f->first_line, 1);
  EXPECT_LISTING(listing(*f), "LOAD_CONST 1", "RETURN_VALUE");
}

TEST(CompilerTest, GlobalsInFunctions) {
  EXPECT_LISTING(function_listing("def f():\n    global x\n    x = len(y)\n", "f"), "LOAD_GLOBAL len",
                 "LOAD_GLOBAL y", "CALL 1", "STORE_GLOBAL x", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, ClosuresUseCells) {
  const char* source =
      "def f(p):\n"
      "    x = 1\n"
      "    def g():\n"
      "        nonlocal x\n"
      "        x += p\n"
      "    return g\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  const CodeUnit* f = nested_code(*code, "f");
  const CodeUnit* g = nested_code(*code, "g");
  ASSERT_TRUE(f && g);
  EXPECT_EQ(f->cellvars, (std::vector<std::string>{"p", "x"}));
  EXPECT_EQ(f->cell_param_slot, (std::vector<int>{0, -1}));
  EXPECT_EQ(f->varnames, (std::vector<std::string>{"p", "g"}));
  EXPECT_EQ(g->freevars, (std::vector<std::string>{"p", "x"}));
  EXPECT_EQ(g->qualname, "f.<locals>.g");
  EXPECT_TRUE(g->flags & code_nested);
  EXPECT_LISTING(listing(*f), "LOAD_CONST 1", "STORE_DEREF x", "LOAD_CLOSURE p", "LOAD_CLOSURE x", "BUILD_TUPLE 2",
                 "LOAD_CONST <code object g at line 3>", "MAKE_FUNCTION closure", "STORE_FAST g", "LOAD_FAST g",
                 "RETURN_VALUE");
  EXPECT_LISTING(listing(*g), "LOAD_DEREF x", "LOAD_DEREF p", "BINARY_OP_ADD +=", "STORE_DEREF x", "LOAD_CONST None",
                 "RETURN_VALUE");
}

TEST(CompilerTest, SymbolResolution) {
  auto parsed = parse_source(
      "import m\n"
      "def f(a):\n"
      "    b = 1\n"
      "    def g():\n"
      "        return a + c\n"
      "    return b\n",
      "t.py", ParseMode::Exec);
  ASSERT_TRUE(std::holds_alternative<AstRoot>(parsed));
  const auto& module = std::get<ast::Module>(std::get<AstRoot>(parsed));
  SymbolTable table = SymbolTable::build(module);
  const Scope& top = table.top();
  EXPECT_TRUE(top.flags_of("m") & symbol_def_import);
  const Scope& f = table.scope_of(module.body[1].get());
  EXPECT_EQ(f.resolve("a"), Resolution::Cell);
  EXPECT_EQ(f.resolve("b"), Resolution::Local);
  const auto& f_def = ast::as<ast::FunctionDef>(*module.body[1]);
  const Scope& g = table.scope_of(f_def.body[1].get());
  EXPECT_EQ(g.resolve("a"), Resolution::Free);
  EXPECT_EQ(g.resolve("c"), Resolution::GlobalImplicit);
  EXPECT_TRUE(g.nested);
  EXPECT_TRUE(g.has_free);
  EXPECT_TRUE(f.child_has_free);
}

TEST(CompilerTest, ClassBodies) {
  const char* source =
      "class C(B, metaclass=M):\n"
      "    'doc'\n"
      "    def m(self):\n"
      "        return super().m()\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  EXPECT_LISTING(listing(*code), "LOAD_BUILD_CLASS", "LOAD_CONST <code object C at line 1>",
                 "MAKE_FUNCTION 0", "LOAD_CONST 'C'", "LOAD_NAME B", "LOAD_NAME M", "LOAD_CONST ('metaclass',)",
                 "CALL_KW 4", "STORE_NAME C", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, ClassCellForSuper) {
  const char* source =
      "class C:\n"
      "    'doc'\n"
      "    def m(self):\n"
      "        return super().m()\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  const CodeUnit* c = nested_code(*code, "C");
  const CodeUnit* m = nested_code(*code, "m");
  ASSERT_TRUE(c && m);
  EXPECT_EQ(c->cellvars, (std::vector<std::string>{"__class__"}));
  EXPECT_EQ(m->freevars, (std::vector<std::string>{"__class__"}));
  EXPECT_EQ(m->qualname, "C.m");
  ASSERT_TRUE(c->docstring);
  EXPECT_LISTING(listing(*c), "LOAD_NAME __name__", "STORE_NAME __module__", "LOAD_CONST 'C'",
                 "STORE_NAME __qualname__", "LOAD_CONST 'doc'", "STORE_NAME __doc__", "LOAD_CLOSURE __class__",
                 "BUILD_TUPLE 1", "LOAD_CONST <code object m at line 3>", "MAKE_FUNCTION closure", "STORE_NAME m",
                 "LOAD_CLOSURE __class__", "COPY 1", "STORE_NAME __classcell__", "RETURN_VALUE");
  EXPECT_LISTING(listing(*m), "LOAD_GLOBAL super", "CALL 0", "LOAD_METHOD m", "CALL_METHOD 0", "RETURN_VALUE");
}

TEST(CompilerTest, ClassBodyReadsEnclosingFunctionThroughClassDeref) {
  const char* source =
      "def f():\n"
      "    x = 1\n"
      "    class C:\n"
      "        y = x\n"
      "        x = 2\n"
      "        def m(self):\n"
      "            return x\n"
      "    return C\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  const CodeUnit* c = nested_code(*code, "C");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->qualname, "f.<locals>.C");
  EXPECT_EQ(c->freevars, (std::vector<std::string>{"x"}));
  Listing body = listing(*c);
  // x is both bound in the class (x = 2) and free for the method: the class body reads and
  // writes its namespace, the method sees f's x.
  EXPECT_TRUE(contains(body, "LOAD_NAME x"));
  EXPECT_TRUE(contains(body, "STORE_NAME x"));
  EXPECT_TRUE(contains(body, "LOAD_CLOSURE x"));
  auto only_free = compile_ok("def f():\n    x = 1\n    class C:\n        y = x\n");
  ASSERT_TRUE(only_free);
  EXPECT_TRUE(contains(listing(*nested_code(*only_free, "C")), "LOAD_CLASSDEREF x"));
}

TEST(CompilerTest, Qualnames) {
  const char* source =
      "def f():\n"
      "    def g():\n"
      "        return lambda: [x for x in ()]\n"
      "class C:\n"
      "    class D:\n"
      "        def m(self): pass\n"
      "def h():\n"
      "    global k\n"
      "    def k(): pass\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  EXPECT_EQ(nested_code(*code, "g")->qualname, "f.<locals>.g");
  EXPECT_EQ(nested_code(*code, "<lambda>")->qualname, "f.<locals>.g.<locals>.<lambda>");
  EXPECT_EQ(nested_code(*code, "<listcomp>")->qualname, "f.<locals>.g.<locals>.<lambda>.<locals>.<listcomp>");
  EXPECT_EQ(nested_code(*code, "D")->qualname, "C.D");
  EXPECT_EQ(nested_code(*code, "m")->qualname, "C.D.m");
  EXPECT_EQ(nested_code(*code, "k")->qualname, "k");
}

TEST(CompilerTest, PrivateNamesAreMangled) {
  const char* source =
      "class C:\n"
      "    __a = 1\n"
      "    def __f(self, __p):\n"
      "        self.__x = __p\n"
      "        return self.__dunder__\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  Listing body = listing(*nested_code(*code, "C"));
  EXPECT_TRUE(contains(body, "STORE_NAME _C__a"));
  EXPECT_TRUE(contains(body, "STORE_NAME _C__f"));
  const CodeUnit* f = nested_code(*code, "__f");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->qualname, "C.__f");
  EXPECT_EQ(f->varnames, (std::vector<std::string>{"self", "_C__p"}));
  EXPECT_LISTING(listing(*f), "LOAD_FAST _C__p", "LOAD_FAST self", "STORE_ATTR _C__x", "LOAD_FAST self",
                 "LOAD_ATTR __dunder__", "RETURN_VALUE");
}

TEST(CompilerTest, Lambda) {
  auto code = compile_ok("f = lambda a, b=1: a + b\n");
  ASSERT_TRUE(code);
  const CodeUnit* lambda = nested_code(*code, "<lambda>");
  ASSERT_TRUE(lambda);
  EXPECT_EQ(lambda->argcount, 2u);
  EXPECT_LISTING(listing(*lambda), "LOAD_FAST a", "LOAD_FAST b", "BINARY_OP_ADD +", "RETURN_VALUE");
}

// ---- comprehensions ----

TEST(CompilerTest, ListComprehension) {
  auto code = compile_ok("r = [x * 2 for x in y if x]\n");
  ASSERT_TRUE(code);
  EXPECT_LISTING(listing(*code), "LOAD_CONST <code object <listcomp> at line 1>", "MAKE_FUNCTION 0", "LOAD_NAME y",
                 "GET_ITER", "CALL 1", "STORE_NAME r", "LOAD_CONST None", "RETURN_VALUE");
  const CodeUnit* comprehension = nested_code(*code, "<listcomp>");
  ASSERT_TRUE(comprehension);
  EXPECT_EQ(comprehension->argcount, 1u);
  EXPECT_EQ(comprehension->varnames, (std::vector<std::string>{".0", "x"}));
  // The `if` goes back to the loop through a JUMP_BACKWARD after the end (12), where loops
  // check the eval breaker.
  EXPECT_LISTING(listing(*comprehension), "BUILD_LIST 0", "LOAD_FAST .0", "FOR_ITER to 11", "STORE_FAST x",
                 "LOAD_FAST x", "POP_JUMP_IF_FALSE to 12", "LOAD_FAST x", "LOAD_CONST 2", "BINARY_OP_MULTIPLY *",
                 "LIST_APPEND 2", "JUMP_BACKWARD to 2", "RETURN_VALUE", "JUMP_BACKWARD to 2");
}

TEST(CompilerTest, NestedComprehensionsAndDicts) {
  auto code = compile_ok("r = {k: v for a in b for k, v in a}\n");
  ASSERT_TRUE(code);
  EXPECT_LISTING(listing(*nested_code(*code, "<dictcomp>")), "BUILD_MAP 0", "LOAD_FAST .0", "FOR_ITER to 14",
                 "STORE_FAST a", "LOAD_FAST a", "GET_ITER", "FOR_ITER to 15", "UNPACK_SEQUENCE 2", "STORE_FAST k",
                 "STORE_FAST v", "LOAD_FAST k", "LOAD_FAST v", "MAP_ADD 3", "JUMP_BACKWARD to 6", "RETURN_VALUE",
                 "JUMP_BACKWARD to 2");
}

TEST(CompilerTest, GeneratorExpression) {
  auto code = compile_ok("def f(y):\n    return sum(x for x in y)\n");
  ASSERT_TRUE(code);
  const CodeUnit* generator = nested_code(*code, "<genexpr>");
  ASSERT_TRUE(generator);
  EXPECT_TRUE(generator->flags & code_generator);
  EXPECT_EQ(generator->qualname, "f.<locals>.<genexpr>");
  EXPECT_LISTING(listing(*generator), "LOAD_FAST .0", "FOR_ITER to 7", "STORE_FAST x", "LOAD_FAST x",
                 "YIELD_VALUE", "POP_TOP", "JUMP_BACKWARD to 1", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, WalrusInComprehensionBindsInEnclosingFunction) {
  const char* source = "def f(z):\n    [(y := x) for x in z]\n    return y\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  const CodeUnit* f = nested_code(*code, "f");
  const CodeUnit* comprehension = nested_code(*code, "<listcomp>");
  ASSERT_TRUE(f && comprehension);
  EXPECT_EQ(f->cellvars, (std::vector<std::string>{"y"}));
  EXPECT_EQ(comprehension->freevars, (std::vector<std::string>{"y"}));
  EXPECT_TRUE(contains(listing(*comprehension), "STORE_DEREF y"));
  auto module = compile_ok("[(y := x) for x in z]\n");
  ASSERT_TRUE(module);
  EXPECT_TRUE(contains(listing(*nested_code(*module, "<listcomp>")), "STORE_GLOBAL y"));
}

// ---- calls and displays ----

TEST(CompilerTest, Calls) {
  EXPECT_LISTING(module_listing("f(1, k=2)\n"), "LOAD_NAME f", "LOAD_CONST 1", "LOAD_CONST 2", "LOAD_CONST ('k',)",
                 "CALL_KW 2", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("f(a, *b, c)\n"), "LOAD_NAME f", "LOAD_NAME a", "BUILD_LIST 1", "LOAD_NAME b",
                 "LIST_EXTEND 1", "LOAD_NAME c", "LIST_APPEND 1", "LIST_TO_TUPLE", "CALL_EX 0", "POP_TOP",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("f(a, x=1, **m, y=2)\n"), "LOAD_NAME f", "LOAD_NAME a", "BUILD_TUPLE 1",
                 "LOAD_CONST 'x'", "LOAD_CONST 1", "BUILD_MAP 1", "LOAD_NAME m", "DICT_MERGE 1", "LOAD_CONST 'y'",
                 "LOAD_CONST 2", "BUILD_MAP 1", "DICT_MERGE 1", "CALL_EX 1", "POP_TOP", "LOAD_CONST None",
                 "RETURN_VALUE");
  EXPECT_LISTING(module_listing("o.m(1, k=2)\n"), "LOAD_NAME o", "LOAD_METHOD m", "LOAD_CONST 1", "LOAD_CONST 2",
                 "LOAD_CONST ('k',)", "CALL_METHOD_KW 2", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE");
  // Attributes of modules imported at top level are plain attribute loads (as CPython).
  EXPECT_LISTING(module_listing("import os\nos.getpid()\n"), "LOAD_CONST 0", "LOAD_CONST None",
                 "IMPORT_NAME os", "STORE_NAME os", "LOAD_NAME os", "LOAD_ATTR getpid", "CALL 0", "POP_TOP",
                 "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, Displays) {
  EXPECT_LISTING(module_listing("x = [*a, b]\n"), "BUILD_LIST 0", "LOAD_NAME a", "LIST_EXTEND 1", "LOAD_NAME b",
                 "LIST_APPEND 1", "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = (*a, b)\n"), "BUILD_LIST 0", "LOAD_NAME a", "LIST_EXTEND 1", "LOAD_NAME b",
                 "LIST_APPEND 1", "LIST_TO_TUPLE", "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = {**a, 'k': v}\n"), "BUILD_MAP 0", "LOAD_NAME a", "DICT_UPDATE 1",
                 "LOAD_CONST 'k'", "LOAD_NAME v", "BUILD_MAP 1", "DICT_UPDATE 1", "STORE_NAME x", "LOAD_CONST None",
                 "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = [1, 2, 3]\n"), "BUILD_LIST 0", "LOAD_CONST (1, 2, 3)", "LIST_EXTEND 1",
                 "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = {a, b}\n"), "LOAD_NAME a", "LOAD_NAME b", "BUILD_SET 2", "STORE_NAME x",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("x = a[1:2, ::3]\n"), "LOAD_NAME a", "LOAD_CONST 1", "LOAD_CONST 2",
                 "BUILD_SLICE 2", "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST 3", "BUILD_SLICE 3",
                 "BUILD_TUPLE 2", "BINARY_SUBSCR", "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, LargeDisplaysAreBuiltIncrementally) {
  std::string source = "x = [";
  for (int i = 0; i < 40; ++i) source += "a, ";
  source += "]\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  EXPECT_LT(code->max_stack, 5u);
}

TEST(CompilerTest, FStrings) {
  EXPECT_LISTING(module_listing("s = f'{x}'\n"), "LOAD_NAME x", "FORMAT_VALUE 0", "STORE_NAME s", "LOAD_CONST None",
                 "RETURN_VALUE");
  EXPECT_LISTING(module_listing("s = f'a{x!r:>{w}}b'\n"), "LOAD_CONST 'a'", "LOAD_NAME x", "LOAD_CONST '>'",
                 "LOAD_NAME w", "FORMAT_VALUE 0", "BUILD_STRING 2", "FORMAT_VALUE repr, with format", "LOAD_CONST 'b'", "BUILD_STRING 3",
                 "STORE_NAME s", "LOAD_CONST None", "RETURN_VALUE");
}

// ---- assignments ----

TEST(CompilerTest, AssignmentTargets) {
  EXPECT_LISTING(module_listing("a = b = c\n"), "LOAD_NAME c", "COPY 1", "STORE_NAME a", "STORE_NAME b",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("a, *b, c = d\n"), "LOAD_NAME d", "UNPACK_EX 1 before, 1 after", "STORE_NAME a",
                 "STORE_NAME b", "STORE_NAME c", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("o.x, o[i] = v\n"), "LOAD_NAME v", "UNPACK_SEQUENCE 2", "LOAD_NAME o",
                 "STORE_ATTR x", "LOAD_NAME o", "LOAD_NAME i", "STORE_SUBSCR", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("a, b = b, a\n"), "LOAD_NAME b", "LOAD_NAME a", "SWAP 2", "STORE_NAME a",
                 "STORE_NAME b", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("del a, o.x, o[i]\n"), "DELETE_NAME a", "LOAD_NAME o", "DELETE_ATTR x",
                 "LOAD_NAME o", "LOAD_NAME i", "DELETE_SUBSCR", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, AugmentedAssignment) {
  EXPECT_LISTING(module_listing("x += 1\n"), "LOAD_NAME x", "LOAD_CONST 1", "BINARY_OP_ADD +=", "STORE_NAME x",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("o.a *= 2\n"), "LOAD_NAME o", "COPY 1", "LOAD_ATTR a", "LOAD_CONST 2",
                 "BINARY_OP_MULTIPLY *=", "SWAP 2", "STORE_ATTR a", "LOAD_CONST None", "RETURN_VALUE");
  // CPython's COPY 2, COPY 2, BINARY_SUBSCR and SWAP 3, SWAP 2, STORE_SUBSCR, one dispatch each.
  EXPECT_LISTING(module_listing("o[i] -= 2\n"), "LOAD_NAME o", "LOAD_NAME i", "AUG_SUBSCR_LOAD", "LOAD_CONST 2",
                 "BINARY_OP_SUBTRACT -=", "AUG_SUBSCR_STORE", "LOAD_CONST None", "RETURN_VALUE");
}

// Consecutive LOAD_FASTs pair up: the first of each pair is encoded as LOAD_FAST_LOAD_FAST
// (both slots in its argument), the second stays as it was; the listing shows plain loads.
TEST(CompilerTest, ArithmeticOperatorsHaveTheirOwnOpcodes) {
  EXPECT_LISTING(module_listing("x = a - b\n"), "LOAD_NAME a", "LOAD_NAME b", "BINARY_OP_SUBTRACT -", "STORE_NAME x",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_TRUE(contains(module_listing("x = a // b\n"), "BINARY_OP_FLOOR_DIVIDE //"));
  EXPECT_TRUE(contains(module_listing("x %= b\n"), "BINARY_OP_MODULO %="));
  EXPECT_TRUE(contains(module_listing("x /= b\n"), "BINARY_OP_TRUE_DIVIDE /="));
  // The other operators keep the general opcode.
  EXPECT_TRUE(contains(module_listing("x = a << b\n"), "BINARY_OP <<"));
  EXPECT_TRUE(contains(module_listing("x = a & b\n"), "BINARY_OP &"));
  EXPECT_TRUE(contains(module_listing("x @= b\n"), "BINARY_OP @="));
}

TEST(CompilerTest, ConsecutiveLocalLoadsAreFused) {
  auto module = compile_ok("def f(a, b, c):\n    return a * b + c - a\n");
  const CodeUnit* f = nested_code(*module, "f");
  ASSERT_NE(f, nullptr);
  std::vector<std::pair<Opcode, uint32_t>> words;
  for (uint32_t word : f->code) words.emplace_back(instruction_opcode(word), instruction_arg(word));
  ASSERT_GE(words.size(), 6u);
  EXPECT_EQ(words[0], std::make_pair(Opcode::LOAD_FAST_LOAD_FAST, 0u | 1u << 12));
  EXPECT_EQ(words[1], std::make_pair(Opcode::LOAD_FAST, 1u));
  EXPECT_EQ(words[2].first, Opcode::BINARY_OP_MULTIPLY);
  EXPECT_EQ(words[3], std::make_pair(Opcode::LOAD_FAST, 2u));  // followed by BINARY_OP_ADD: nothing to pair with
  EXPECT_EQ(listing(*f), (Listing{"LOAD_FAST a", "LOAD_FAST b", "BINARY_OP_MULTIPLY *", "LOAD_FAST c", "BINARY_OP_ADD +",
                                  "LOAD_FAST a", "BINARY_OP_SUBTRACT -", "RETURN_VALUE"}));
}

TEST(CompilerTest, StoreThenLoadAndLoadThenConstantAreFused) {
  auto module = compile_ok("def g(x):\n    y = x\n    return y[0]\n\ndef h(v):\n    return v[1]\n");
  const CodeUnit* g = nested_code(*module, "g");
  const CodeUnit* h = nested_code(*module, "h");
  ASSERT_TRUE(g && h);
  ASSERT_GE(g->code.size(), 4u);
  // LOAD_FAST x, then STORE_FAST y + LOAD_FAST y fused (so LOAD_CONST 0 has no partner left).
  EXPECT_EQ(instruction_opcode(g->code[0]), Opcode::LOAD_FAST);
  EXPECT_EQ(g->code[1], encode_instruction(Opcode::STORE_FAST_LOAD_FAST, 1u | 1u << 12));
  EXPECT_EQ(g->code[2], encode_instruction(Opcode::LOAD_FAST, 1));
  EXPECT_EQ(instruction_opcode(g->code[3]), Opcode::LOAD_CONST);
  ASSERT_GE(h->code.size(), 2u);
  EXPECT_EQ(instruction_opcode(h->code[0]), Opcode::LOAD_FAST_LOAD_CONST);
  EXPECT_EQ(fused_first_arg(instruction_arg(h->code[0])), 0u);
  EXPECT_EQ(h->code[1], encode_instruction(Opcode::LOAD_CONST, fused_second_arg(instruction_arg(h->code[0]))));
  EXPECT_EQ(listing(*g), (Listing{"LOAD_FAST x", "STORE_FAST y", "LOAD_FAST y", "LOAD_CONST 0", "BINARY_SUBSCR",
                                  "RETURN_VALUE"}));
}

// As CPython 3.11: a tuple assignment of as many values as names stores them right to left
// instead of swapping, unless a name repeats (then the last value must win).
TEST(CompilerTest, StaticSwapsBecomeReorderedStores) {
  auto module = compile_ok("def f(a, b):\n    a, b = b, a + b\n    a, a = b, 2\n");
  const CodeUnit* f = nested_code(*module, "f");
  ASSERT_TRUE(f);
  EXPECT_EQ(listing(*f), (Listing{"LOAD_FAST b", "LOAD_FAST a", "LOAD_FAST b", "BINARY_OP_ADD +", "STORE_FAST b",
                                  "STORE_FAST a", "LOAD_FAST b", "LOAD_CONST 2", "SWAP 2", "STORE_FAST a",
                                  "STORE_FAST a", "LOAD_CONST None", "RETURN_VALUE"}));
}

TEST(CompilerTest, UnpackedStoresAreFused) {
  auto module = compile_ok("def swap(p):\n    x, y = p\n    return y, x\n");
  const CodeUnit* swap = nested_code(*module, "swap");
  ASSERT_TRUE(swap);
  ASSERT_GE(swap->code.size(), 4u);
  EXPECT_EQ(instruction_opcode(swap->code[1]), Opcode::UNPACK_SEQUENCE);
  EXPECT_EQ(swap->code[2], encode_instruction(Opcode::STORE_FAST_STORE_FAST, 1u | 2u << 12));
  EXPECT_EQ(swap->code[3], encode_instruction(Opcode::STORE_FAST, 2));
}

// ---- control flow ----

TEST(CompilerTest, BooleanOperators) {
  EXPECT_LISTING(module_listing("x = a and b or c\n"), "LOAD_NAME a", "POP_JUMP_IF_FALSE to 4", "LOAD_NAME b",
                 "JUMP_IF_TRUE_OR_POP to 5", "LOAD_NAME c", "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("if a and not b:\n    f()\n"), "LOAD_NAME a", "POP_JUMP_IF_FALSE to 7",
                 "LOAD_NAME b", "POP_JUMP_IF_TRUE to 7", "LOAD_NAME f", "CALL 0", "POP_TOP", "LOAD_CONST None",
                 "RETURN_VALUE");
  EXPECT_LISTING(module_listing("if x is None:\n    f()\n"), "LOAD_NAME x", "POP_JUMP_IF_NOT_NONE to 5",
                 "LOAD_NAME f", "CALL 0", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("y = not x in z\n"), "LOAD_NAME x", "LOAD_NAME z", "CONTAINS_OP not in",
                 "STORE_NAME y", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("y = a if b else c\n"), "LOAD_NAME b", "POP_JUMP_IF_FALSE to 4", "LOAD_NAME a",
                 "JUMP to 5", "LOAD_NAME c", "STORE_NAME y", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, ChainedComparison) {
  EXPECT_LISTING(module_listing("x = a < b < c\n"), "LOAD_NAME a", "LOAD_NAME b", "SWAP 2", "COPY 2",
                 "COMPARE_OP <", "JUMP_IF_FALSE_OR_POP to 9", "LOAD_NAME c", "COMPARE_OP <", "JUMP to 11", "SWAP 2",
                 "POP_TOP", "STORE_NAME x", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("if a < b < c:\n    f()\n"), "LOAD_NAME a", "LOAD_NAME b", "SWAP 2", "COPY 2",
                 "COMPARE_OP <", "POP_JUMP_IF_FALSE to 10", "LOAD_NAME c", "COMPARE_OP <",
                 "POP_JUMP_IF_FALSE to 16", "JUMP to 13", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE",
                 "LOAD_NAME f", "CALL 0", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, ForLoopWithBreakContinueElse) {
  const char* source =
      "for x in [1, 2]:\n"
      "    if x:\n"
      "        continue\n"
      "    break\n"
      "else:\n"
      "    f()\n";
  EXPECT_LISTING(module_listing(source), "LOAD_CONST (1, 2)", "GET_ITER", "FOR_ITER to 10", "STORE_NAME x",
                 "LOAD_NAME x", "POP_JUMP_IF_FALSE to 7", "JUMP_BACKWARD to 2", "POP_TOP", "LOAD_CONST None",
                 "RETURN_VALUE", "LOAD_NAME f", "CALL 0", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, WhileLoops) {
  EXPECT_LISTING(module_listing("while True:\n    f()\n"), "LOAD_NAME f", "CALL 0", "POP_TOP", "JUMP_BACKWARD to 0");
  EXPECT_LISTING(module_listing("while x:\n    x -= 1\n"), "LOAD_NAME x", "POP_JUMP_IF_FALSE to 7", "LOAD_NAME x",
                 "LOAD_CONST 1", "BINARY_OP_SUBTRACT -=", "STORE_NAME x", "JUMP_BACKWARD to 0", "LOAD_CONST None", "RETURN_VALUE");
}

TEST(CompilerTest, ReturnInsideForLoopPopsTheIterator) {
  EXPECT_LISTING(function_listing("def f(y):\n    for x in y:\n        return x\n", "f"), "LOAD_FAST y",
                 "GET_ITER", "FOR_ITER to 8", "STORE_FAST x", "LOAD_FAST x", "SWAP 2", "POP_TOP", "RETURN_VALUE",
                 "LOAD_CONST None", "RETURN_VALUE");
}

// ---- exceptions ----

TEST(CompilerTest, TryExceptElse) {
  const char* source =
      "try:\n"
      "    f()\n"
      "except E as e:\n"
      "    g(e)\n"
      "except:\n"
      "    h()\n"
      "else:\n"
      "    k()\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  EXPECT_LISTING(listing(*code), "SETUP_FINALLY to 10", "LOAD_NAME f", "CALL 0", "POP_TOP", "POP_BLOCK",
                 "LOAD_NAME k", "CALL 0", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE",
                 // handlers, stack [prev_exc exc]; jumps to the end became copies of `return None`
                 "LOAD_NAME E", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE to 30", "STORE_NAME e", "SETUP_FINALLY to 26",
                 "LOAD_NAME g", "LOAD_NAME e", "CALL 1", "POP_TOP", "POP_BLOCK", "POP_EXCEPT", "LOAD_CONST None",
                 "STORE_NAME e", "DELETE_NAME e", "LOAD_CONST None", "RETURN_VALUE", "LOAD_CONST None", "STORE_NAME e",
                 "DELETE_NAME e", "RERAISE", "POP_TOP", "LOAD_NAME h", "CALL 0", "POP_TOP", "POP_EXCEPT",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_EQ(code->max_blocks, 2u);
  EXPECT_EQ(code->max_stack, 4u);
}

TEST(CompilerTest, TryFinallyWithReturn) {
  const char* source =
      "def f():\n"
      "    try:\n"
      "        return g()\n"
      "    finally:\n"
      "        h()\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  const CodeUnit* f = nested_code(*code, "f");
  ASSERT_TRUE(f);
  EXPECT_LISTING(listing(*f), "SETUP_FINALLY to 8", "LOAD_GLOBAL g", "CALL 0", "POP_BLOCK", "LOAD_GLOBAL h",
                 "CALL 0", "POP_TOP", "RETURN_VALUE", "LOAD_GLOBAL h", "CALL 0", "POP_TOP", "RERAISE");
  EXPECT_EQ(f->max_blocks, 1u);
  EXPECT_EQ(f->max_stack, 3u);
}

TEST(CompilerTest, BreakInFinallySwallowsTheException) {
  const char* source =
      "def f():\n"
      "    for x in y:\n"
      "        try:\n"
      "            pass\n"
      "        finally:\n"
      "            break\n";
  EXPECT_LISTING(function_listing(source, "f"), "LOAD_GLOBAL y", "GET_ITER", "FOR_ITER to 14", "STORE_FAST x",
                 "SETUP_FINALLY to 9", "POP_BLOCK", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE",
                 // the exceptional path drops the exception, then leaves the loop
                 "POP_TOP", "POP_EXCEPT", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE", "LOAD_CONST None",
                 "RETURN_VALUE");
}

TEST(CompilerTest, ReturnFromExceptHandler) {
  const char* source =
      "def f():\n"
      "    try:\n"
      "        pass\n"
      "    except E as e:\n"
      "        return e\n";
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  const CodeUnit* f = nested_code(*code, "f");
  EXPECT_LISTING(listing(*f), "SETUP_FINALLY to 4", "POP_BLOCK", "LOAD_CONST None", "RETURN_VALUE",
                 "LOAD_GLOBAL E", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE to 21", "STORE_FAST e", "SETUP_FINALLY to 17",
                 "LOAD_FAST e", "POP_BLOCK", "SWAP 2", "POP_EXCEPT", "LOAD_CONST None", "STORE_FAST e",
                 "DELETE_FAST e", "RETURN_VALUE", "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "RERAISE",
                 "RERAISE");
  EXPECT_EQ(f->max_blocks, 2u);
}

TEST(CompilerTest, WithStatement) {
  auto code = compile_ok("with a as x, b:\n    f()\n");
  ASSERT_TRUE(code);
  EXPECT_LISTING(listing(*code), "LOAD_NAME a", "SETUP_WITH to 30", "STORE_NAME x", "LOAD_NAME b",
                 "SETUP_WITH to 16", "POP_TOP", "LOAD_NAME f", "CALL 0", "POP_TOP", "POP_BLOCK", "LOAD_CONST None",
                 "LOAD_CONST None", "LOAD_CONST None", "CALL 3", "POP_TOP", "JUMP to 22",
                 // inner handler, stack [exit_a exit_b prev_exc exc]
                 "WITH_EXCEPT_START", "POP_JUMP_IF_TRUE to 19", "RERAISE", "POP_TOP", "POP_EXCEPT", "POP_TOP",
                 "POP_BLOCK", "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST None", "CALL 3", "POP_TOP",
                 "LOAD_CONST None", "RETURN_VALUE",
                 // outer handler
                 "WITH_EXCEPT_START", "POP_JUMP_IF_TRUE to 33", "RERAISE", "POP_TOP", "POP_EXCEPT", "POP_TOP",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_EQ(code->max_stack, 5u);
  EXPECT_EQ(code->max_blocks, 2u);
}

TEST(CompilerTest, RaiseAndAssert) {
  EXPECT_LISTING(module_listing("raise E from c\n"), "LOAD_NAME E", "LOAD_NAME c", "RAISE_VARARGS 2");
  EXPECT_LISTING(module_listing("assert x, 'm'\n"), "LOAD_NAME x", "POP_JUMP_IF_TRUE to 6", "LOAD_ASSERTION_ERROR",
                 "LOAD_CONST 'm'", "CALL 1", "RAISE_VARARGS 1", "LOAD_CONST None", "RETURN_VALUE");
}

// ---- generators and imports ----

TEST(CompilerTest, Generators) {
  auto code = compile_ok("def g(x):\n    y = yield x\n    yield from y\n    return 3\n");
  ASSERT_TRUE(code);
  const CodeUnit* g = nested_code(*code, "g");
  ASSERT_TRUE(g);
  EXPECT_TRUE(g->flags & code_generator);
  EXPECT_LISTING(listing(*g), "LOAD_FAST x", "YIELD_VALUE", "STORE_FAST y", "LOAD_FAST y", "GET_YIELD_FROM_ITER",
                 "YIELD_FROM", "POP_TOP", "LOAD_CONST 3", "RETURN_VALUE");
}

TEST(CompilerTest, Imports) {
  EXPECT_LISTING(module_listing("import a.b.c\n"), "LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b.c",
                 "STORE_NAME a", "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("import a.b.c as d\n"), "LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b.c",
                 "IMPORT_FROM b", "SWAP 2", "POP_TOP", "IMPORT_FROM c", "STORE_NAME d", "POP_TOP", "LOAD_CONST None",
                 "RETURN_VALUE");
  EXPECT_LISTING(module_listing("from .m import x, y as z\n"), "LOAD_CONST 1", "LOAD_CONST ('x', 'y')",
                 "IMPORT_NAME m", "IMPORT_FROM x", "STORE_NAME x", "IMPORT_FROM y", "STORE_NAME z", "POP_TOP",
                 "LOAD_CONST None", "RETURN_VALUE");
  EXPECT_LISTING(module_listing("from m import *\n"), "LOAD_CONST 0", "LOAD_CONST ('*',)", "IMPORT_NAME m",
                 "IMPORT_STAR", "LOAD_CONST None", "RETURN_VALUE");
}

// ---- positions, depths, disassembly ----

TEST(CompilerTest, InstructionsCarryTheirNodePositions) {
  auto code = compile_ok("x = 1\ny = (a +\n     f(b))\n");
  ASSERT_TRUE(code);
  ASSERT_EQ(code->positions.size(), code->code.size());
  for (size_t i = 0; i < code->code.size(); ++i) {
    Opcode op = instruction_opcode(code->code[i]);
    const SourcePosition& pos = code->positions[i];
    if (op == Opcode::CALL) {
      EXPECT_EQ(pos.line, 3);
      EXPECT_EQ(pos.col, 5);
      EXPECT_EQ(pos.end_col, 9);
    }
    if (op == Opcode::BINARY_OP_ADD) {
      EXPECT_EQ(pos.line, 2);
      EXPECT_EQ(pos.col, 5);
      EXPECT_EQ(pos.end_line, 3);
      EXPECT_EQ(pos.end_col, 9);
    }
  }
}

TEST(CompilerTest, StackDepthOfDeepExpressions) {
  auto code = compile_ok("x = f(1, g(2, h(3, 4)))\n");
  ASSERT_TRUE(code);
  EXPECT_EQ(code->max_stack, 7u);
  EXPECT_EQ(code->max_blocks, 0u);
}

TEST(CompilerTest, DisassemblerFormat) {
  auto code = compile_ok("def f(a):\n    if a:\n        return 'x'\n    return None\n");
  ASSERT_TRUE(code);
  std::string text = disassemble(*code);
  EXPECT_NE(text.find("Disassembly of <code object <module> at line 1>:\n"), std::string::npos);
  EXPECT_NE(text.find("\nDisassembly of <code object f at line 1>:\n"), std::string::npos);
  EXPECT_NE(text.find("  2           0 LOAD_FAST                0 (a)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  3           2 LOAD_CONST               0 ('x')\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  4     >>    4 LOAD_CONST               1 (None)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("              1 POP_JUMP_IF_FALSE        4 (to 4)\n"), std::string::npos) << text;
}

TEST(CompilerTest, ConstantRepr) {
  EXPECT_EQ(constant_repr(Constant{std::string("it's")}), "\"it's\"");
  EXPECT_EQ(constant_repr(Constant{std::string("a\n\x01")}), "'a\\n\\x01'");
  EXPECT_EQ(constant_repr(Constant{BytesConst{"a\xff'\""}}), "b'a\\xff\\'\"'");
  EXPECT_EQ(constant_repr(Constant{1e16}), "1e+16");
  EXPECT_EQ(constant_repr(Constant{0.0001}), "0.0001");
  EXPECT_EQ(constant_repr(Constant{1e-5}), "1e-05");
  EXPECT_EQ(constant_repr(Constant{123.0}), "123.0");
  EXPECT_EQ(constant_repr(Constant{-0.0}), "-0.0");
  EXPECT_EQ(constant_repr(Constant{BigIntConst{"ffffffffffffffffff", 16}}), "4722366482869645213695");
  EXPECT_EQ(constant_repr(Constant{TupleConst{{Constant{int64_t{1}}}}}), "(1,)");
  EXPECT_EQ(constant_repr(Constant{EllipsisConst{}}), "Ellipsis");
}

// ---- errors ----

struct ErrorCase {
  const char* source;
  const char* message;
  int line, col, end_line, end_col;
};

TEST(CompilerTest, CompileErrorsMatchCPython) {
  const ErrorCase cases[] = {
      {"return 1", "'return' outside function", 1, 1, 1, 9},
      {"x = 1\nif x:\n    break", "'break' outside loop", 3, 5, 3, 10},
      {"continue", "'continue' not properly in loop", 1, 1, 1, 9},
      {"yield 1", "'yield' outside function", 1, 1, 1, 8},
      {"class C:\n    yield 1", "'yield' outside function", 2, 5, 2, 12},
      {"def f():\n  x = 1\n  global x", "name 'x' is assigned to before global declaration", 3, 3, 3, 11},
      {"def f():\n  print(x)\n  global x", "name 'x' is used prior to global declaration", 3, 3, 3, 11},
      {"nonlocal x", "nonlocal declaration not allowed at module level", 1, 1, 1, 11},
      {"def f():\n  nonlocal x", "no binding for nonlocal 'x' found", 2, 3, 2, 13},
      {"class C:\n  nonlocal x", "no binding for nonlocal 'x' found", 2, 3, 2, 13},
      {"def f(x):\n  global x", "name 'x' is parameter and global", 2, 3, 2, 11},
      {"def f():\n    global x\n    nonlocal x", "name 'x' is nonlocal and global", 2, 5, 2, 13},
      {"def f():\n  x: int\n  global x", "annotated name 'x' can't be global", 3, 3, 3, 11},
      {"def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10, 1, 11},
      {"def f(a, **a): pass", "duplicate argument 'a' in function definition", 1, 12, 1, 13},
      {"*a = 1", "starred assignment target must be in a list or tuple", 1, 1, 1, 3},
      {"a, *b, *c = 1", "multiple starred expressions in assignment", 1, 1, 1, 10},
      {"f(a=1, a=2)", "keyword argument repeated: a", 1, 8, 1, 11},
      {"__debug__ = 1", "cannot assign to __debug__", 1, 1, 1, 10},
      {"def f(__debug__): pass", "cannot assign to __debug__", 1, 1, 1, 23},
      {"del __debug__", "cannot delete __debug__", 1, 5, 1, 14},
      {"def f():\n  from m import *", "import * only allowed at module level", 2, 17, 2, 18},
      {"class C:\n  [(y := 1) for x in z]", "assignment expression within a comprehension cannot be used in a class body",
       2, 5, 2, 6},
      {"[(x := 1) for x in z]", "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 3, 1, 4},
      {"[x for x in (y := z)]", "assignment expression cannot be used in a comprehension iterable expression", 1, 14,
       1, 20},
      {"def f():\n  x = 1\n  def g():\n    x = 2\n    nonlocal x",
       "name 'x' is assigned to before nonlocal declaration", 5, 5, 5, 15},
      {"x = 1\nfrom __future__ import annotations", "from __future__ imports must occur at the beginning of the file",
       2, 1, 2, 35},
      {"from __future__ import braces", "not a chance", 1, 1, 1, 0},
      {"[(yield) for x in y]", "'yield' inside list comprehension", 1, 3, 1, 8},
      {"for x in y:\n    def f():\n        break", "'break' outside loop", 3, 9, 3, 14},
      {"a = *b", "can't use starred expression here", 1, 5, 1, 7},
  };
  for (const auto& expected : cases) {
    SyntaxErrorInfo error = compile_error(expected.source);
    EXPECT_EQ(error.type, "SyntaxError") << expected.source;
    EXPECT_EQ(error.message, expected.message) << expected.source;
    EXPECT_EQ(error.line, expected.line) << expected.source;
    EXPECT_EQ(error.col, expected.col) << expected.source;
    EXPECT_EQ(error.end_line, expected.end_line) << expected.source;
    EXPECT_EQ(error.end_col, expected.end_col) << expected.source;
  }
}

TEST(CompilerTest, ErrorsCarryTheSourceLine) {
  SyntaxErrorInfo error = compile_error("x = 1\n  \nif x:\n    return 2\n");
  EXPECT_EQ(error.text, "    return 2");
  EXPECT_EQ(error.filename, "test.py");
}

std::string nested_loops(const char* header, int depth) {
  std::string source;
  for (int i = 0; i < depth; ++i) source += std::string(4 * i, ' ') + header + "\n";
  return source + std::string(4 * depth, ' ') + "pass\n";
}

TEST(CompilerTest, StaticallyNestedBlockLimit) {
  compile_ok(nested_loops("for x in y:", 20));
  SyntaxErrorInfo error = compile_error(nested_loops("for x in y:", 21));
  EXPECT_EQ(error.message, "too many statically nested blocks");
  EXPECT_EQ(error.line, 21);
  EXPECT_EQ(error.col, 81);
  SyntaxErrorInfo with_error = compile_error(nested_loops("with x:", 21));
  EXPECT_EQ(with_error.message, "too many statically nested blocks");
}

TEST(CompilerTest, DeepTryNestingHasConsistentDepths) {
  std::string source = "def f():\n";
  for (int i = 0; i < 9; ++i) {
    source += std::string(4 * (i + 1), ' ') + "try:\n";
  }
  source += std::string(40, ' ') + "return g()\n";
  for (int i = 8; i >= 0; --i) {
    source += std::string(4 * (i + 1), ' ') + "finally:\n" + std::string(4 * (i + 2), ' ') + "h()\n";
  }
  auto code = compile_ok(source);
  ASSERT_TRUE(code);
  const CodeUnit* f = nested_code(*code, "f");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->max_blocks, 9u);
}

void check_unit_invariants(const CodeUnit& code, const std::string& file) {
  EXPECT_EQ(code.positions.size(), code.code.size()) << file << " " << code.qualname;
  EXPECT_LE(code.max_blocks, 21u) << file << " " << code.qualname;
  EXPECT_LT(code.max_stack, 1000u) << file << " " << code.qualname;
  ASSERT_FALSE(code.code.empty()) << file << " " << code.qualname;
  Opcode last = instruction_opcode(code.code.back());
  EXPECT_TRUE(last == Opcode::RETURN_VALUE || last == Opcode::RERAISE || last == Opcode::RAISE_VARARGS ||
              last == Opcode::JUMP || last == Opcode::JUMP_BACKWARD)
      << file << " " << code.qualname;
  for (const auto& constant : code.consts) {
    if (auto nested = std::get_if<std::shared_ptr<CodeUnit>>(&constant.value)) check_unit_invariants(**nested, file);
  }
}

// A broad smoke test: the standard library of the installed CPython compiles without the
// assembler finding an inconsistent stack (it throws std::logic_error on compiler bugs).
TEST(CompilerTest, CompilesTheInstalledStandardLibrary) {
  const std::filesystem::path library = "/usr/lib/python3.11";
  if (!std::filesystem::is_directory(library)) GTEST_SKIP() << "no CPython library to compile";
  int compiled = 0;
  for (const auto& entry : std::filesystem::directory_iterator(library)) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    auto result = compile_source(text.str(), entry.path().string(), ParseMode::Exec);
    if (auto* code = std::get_if<std::shared_ptr<CodeUnit>>(&result)) {
      check_unit_invariants(**code, entry.path().string());
      ++compiled;
    }
  }
  EXPECT_GT(compiled, 100);
}

}  // namespace
}  // namespace chaipy
