// Parser tests: source text to AST and SyntaxErrors, checked against CPython 3.11's ast module.
#include <gtest/gtest.h>

#include <string>

#include "interpreter/ast_dump.hpp"
#include "interpreter/parser.hpp"

namespace chaipy {
namespace {

struct DumpCase {
  ParseMode mode;
  const char* source;
  const char* dump;
};

struct ErrorCase {
  ParseMode mode;
  const char* source;
  const char* type;
  const char* message;
  int line, col, end_line, end_col;
};

std::string describe(const SyntaxErrorInfo& e) {
  return e.type + ": " + e.message + " @" + std::to_string(e.line) + ":" + std::to_string(e.col) + "-" +
         std::to_string(e.end_line) + ":" + std::to_string(e.end_col);
}

// The dump of a parse, or the description of its error.
std::string parse_to_text(std::string_view source, ParseMode mode, bool positions = false) {
  auto result = parse_source(source, "f.py", mode);
  if (const auto* error = std::get_if<SyntaxErrorInfo>(&result)) return describe(*error);
  return ast_dump(std::get<AstRoot>(result), positions);
}

SyntaxErrorInfo parse_error(std::string_view source, ParseMode mode = ParseMode::Exec) {
  auto result = parse_source(source, "f.py", mode);
  if (const auto* error = std::get_if<SyntaxErrorInfo>(&result)) return *error;
  ADD_FAILURE() << "expected a SyntaxError for: " << source;
  return {};
}

const ast::Module& module_of(const std::variant<AstRoot, SyntaxErrorInfo>& result) {
  return std::get<ast::Module>(std::get<AstRoot>(result));
}


// (source, CPython's ast.dump) pairs, generated with /usr/bin/python3 (CPython 3.11.2).
const DumpCase kDumpCases[] = {
    {ParseMode::Exec,
     "x = 1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "x = y = z = 0",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store()), Name("
     "id='z', ctx=Store())], value=Constant(value=0))], type_ignores=[])"},
    {ParseMode::Exec,
     "a, b = b, a",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Sto"
     "re())], ctx=Store())], value=Tuple(elts=[Name(id='b', ctx=Load()), Name(id='a', ctx=Load"
     "())], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "a, *b = c",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(i"
     "d='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], typ"
     "e_ignores=[])"},
    {ParseMode::Exec,
     "[a, b] = c",
     "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Stor"
     "e())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "(a, b), c = d",
     "Module(body=[Assign(targets=[Tuple(elts=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id="
     "'b', ctx=Store())], ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], value=Name("
     "id='d', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x.y = 1",
     "Module(body=[Assign(targets=[Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Sto"
     "re())], value=Constant(value=1))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[0] = 1",
     "Module(body=[Assign(targets=[Subscript(value=Name(id='x', ctx=Load()), slice=Constant(va"
     "lue=0), ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[1:2] = y",
     "Module(body=[Assign(targets=[Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower"
     "=Constant(value=1), upper=Constant(value=2)), ctx=Store())], value=Name(id='y', ctx=Load"
     "()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x += 1",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value="
     "1))], type_ignores=[])"},
    {ParseMode::Exec,
     "x -= 1\nx *= 2\nx /= 3\nx //= 4\nx %= 5\nx **= 6\nx <<= 7\nx >>= 8\nx &= 9\nx |= 10\nx ^"
     "= 11\nx @= 12",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Sub(), value=Constant(value="
     "1)), AugAssign(target=Name(id='x', ctx=Store()), op=Mult(), value=Constant(value=2)), Au"
     "gAssign(target=Name(id='x', ctx=Store()), op=Div(), value=Constant(value=3)), AugAssign("
     "target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Constant(value=4)), AugAssign(tar"
     "get=Name(id='x', ctx=Store()), op=Mod(), value=Constant(value=5)), AugAssign(target=Name"
     "(id='x', ctx=Store()), op=Pow(), value=Constant(value=6)), AugAssign(target=Name(id='x',"
     " ctx=Store()), op=LShift(), value=Constant(value=7)), AugAssign(target=Name(id='x', ctx="
     "Store()), op=RShift(), value=Constant(value=8)), AugAssign(target=Name(id='x', ctx=Store"
     "()), op=BitAnd(), value=Constant(value=9)), AugAssign(target=Name(id='x', ctx=Store()), "
     "op=BitOr(), value=Constant(value=10)), AugAssign(target=Name(id='x', ctx=Store()), op=Bi"
     "tXor(), value=Constant(value=11)), AugAssign(target=Name(id='x', ctx=Store()), op=MatMul"
     "t(), value=Constant(value=12))], type_ignores=[])"},
    {ParseMode::Exec,
     "x.y += 1",
     "Module(body=[AugAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=St"
     "ore()), op=Add(), value=Constant(value=1))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[0] += 1",
     "Module(body=[AugAssign(target=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(v"
     "alue=0), ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[])"},
    {ParseMode::Exec,
     "(x) += 1",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value="
     "1))], type_ignores=[])"},
    {ParseMode::Exec,
     "x: int",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=L"
     "oad()), simple=1)], type_ignores=[])"},
    {ParseMode::Exec,
     "x: int = 5",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=L"
     "oad()), value=Constant(value=5), simple=1)], type_ignores=[])"},
    {ParseMode::Exec,
     "(x): int = 5",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=L"
     "oad()), value=Constant(value=5), simple=0)], type_ignores=[])"},
    {ParseMode::Exec,
     "x.y: int",
     "Module(body=[AnnAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=St"
     "ore()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])"},
    {ParseMode::Exec,
     "x[0]: List[int] = []",
     "Module(body=[AnnAssign(target=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(v"
     "alue=0), ctx=Store()), annotation=Subscript(value=Name(id='List', ctx=Load()), slice=Nam"
     "e(id='int', ctx=Load()), ctx=Load()), value=List(elts=[], ctx=Load()), simple=0)], type_"
     "ignores=[])"},
    {ParseMode::Exec,
     "x: int = yield",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=L"
     "oad()), value=Yield(), simple=1)], type_ignores=[])"},
    {ParseMode::Exec,
     "del x",
     "Module(body=[Delete(targets=[Name(id='x', ctx=Del())])], type_ignores=[])"},
    {ParseMode::Exec,
     "del x, y",
     "Module(body=[Delete(targets=[Name(id='x', ctx=Del()), Name(id='y', ctx=Del())])], type_i"
     "gnores=[])"},
    {ParseMode::Exec,
     "del (x, y)",
     "Module(body=[Delete(targets=[Tuple(elts=[Name(id='x', ctx=Del()), Name(id='y', ctx=Del()"
     ")], ctx=Del())])], type_ignores=[])"},
    {ParseMode::Exec,
     "del [x, y]",
     "Module(body=[Delete(targets=[List(elts=[Name(id='x', ctx=Del()), Name(id='y', ctx=Del())"
     "], ctx=Del())])], type_ignores=[])"},
    {ParseMode::Exec,
     "del x.y, x[0]",
     "Module(body=[Delete(targets=[Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Del"
     "()), Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Del())])], t"
     "ype_ignores=[])"},
    {ParseMode::Exec,
     "del (x)",
     "Module(body=[Delete(targets=[Name(id='x', ctx=Del())])], type_ignores=[])"},
    {ParseMode::Exec,
     "del x,",
     "Module(body=[Delete(targets=[Name(id='x', ctx=Del())])], type_ignores=[])"},
    {ParseMode::Exec,
     "pass",
     "Module(body=[Pass()], type_ignores=[])"},
    {ParseMode::Exec,
     "break",
     "Module(body=[Break()], type_ignores=[])"},
    {ParseMode::Exec,
     "continue",
     "Module(body=[Continue()], type_ignores=[])"},
    {ParseMode::Exec,
     "return",
     "Module(body=[Return()], type_ignores=[])"},
    {ParseMode::Exec,
     "return x",
     "Module(body=[Return(value=Name(id='x', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "return x, y",
     "Module(body=[Return(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())"
     "], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "return *a, b",
     "Module(body=[Return(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()"
     "), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "raise",
     "Module(body=[Raise()], type_ignores=[])"},
    {ParseMode::Exec,
     "raise E",
     "Module(body=[Raise(exc=Name(id='E', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "raise E from e",
     "Module(body=[Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='e', ctx=Load()))], type_"
     "ignores=[])"},
    {ParseMode::Exec,
     "raise E(1) from None",
     "Module(body=[Raise(exc=Call(func=Name(id='E', ctx=Load()), args=[Constant(value=1)], key"
     "words=[]), cause=Constant(value=None))], type_ignores=[])"},
    {ParseMode::Exec,
     "global x",
     "Module(body=[Global(names=['x'])], type_ignores=[])"},
    {ParseMode::Exec,
     "global x, y",
     "Module(body=[Global(names=['x', 'y'])], type_ignores=[])"},
    {ParseMode::Exec,
     "nonlocal x, y",
     "Module(body=[Nonlocal(names=['x', 'y'])], type_ignores=[])"},
    {ParseMode::Exec,
     "assert x",
     "Module(body=[Assert(test=Name(id='x', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "assert x, 'msg'",
     "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], type_ign"
     "ores=[])"},
    {ParseMode::Exec,
     "import a",
     "Module(body=[Import(names=[alias(name='a')])], type_ignores=[])"},
    {ParseMode::Exec,
     "import a.b.c",
     "Module(body=[Import(names=[alias(name='a.b.c')])], type_ignores=[])"},
    {ParseMode::Exec,
     "import a as b",
     "Module(body=[Import(names=[alias(name='a', asname='b')])], type_ignores=[])"},
    {ParseMode::Exec,
     "import a.b as c, d",
     "Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(name='d')])], type_ignor"
     "es=[])"},
    {ParseMode::Exec,
     "from a import b",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=0)], type_ignores=[])"},
    {ParseMode::Exec,
     "from a.b import c as d, e",
     "Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e'"
     ")], level=0)], type_ignores=[])"},
    {ParseMode::Exec,
     "from . import x",
     "Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[])"},
    {ParseMode::Exec,
     "from .. import x",
     "Module(body=[ImportFrom(names=[alias(name='x')], level=2)], type_ignores=[])"},
    {ParseMode::Exec,
     "from ...a import b",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=3)], type_ignores=[])"},
    {ParseMode::Exec,
     "from .... import c",
     "Module(body=[ImportFrom(names=[alias(name='c')], level=4)], type_ignores=[])"},
    {ParseMode::Exec,
     "from .a import (b, c)",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b'), alias(name='c')], level=1)],"
     " type_ignores=[])"},
    {ParseMode::Exec,
     "from a import (b, c,)",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b'), alias(name='c')], level=0)],"
     " type_ignores=[])"},
    {ParseMode::Exec,
     "from a import *",
     "Module(body=[ImportFrom(module='a', names=[alias(name='*')], level=0)], type_ignores=[])"},
    {ParseMode::Exec,
     "x = 1; y = 2",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assig"
     "n(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = 1;",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "f()",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[]))], typ"
     "e_ignores=[])"},
    {ParseMode::Exec,
     "yield",
     "Module(body=[Expr(value=Yield())], type_ignores=[])"},
    {ParseMode::Exec,
     "yield x",
     "Module(body=[Expr(value=Yield(value=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "yield from x",
     "Module(body=[Expr(value=YieldFrom(value=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = yield",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], type_ignores=["
     "])"},
    {ParseMode::Exec,
     "x = yield from y",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=YieldFrom(value=Name(id='"
     "y', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "await_ = 1",
     "Module(body=[Assign(targets=[Name(id='await_', ctx=Store())], value=Constant(value=1))],"
     " type_ignores=[])"},
    {ParseMode::Exec,
     "if x:\n    pass",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores="
     "[])"},
    {ParseMode::Exec,
     "if x: pass",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores="
     "[])"},
    {ParseMode::Exec,
     "if x:\n    a\nelif y:\n    b\nelif z:\n    c\nelse:\n    d",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='a', ctx=Load())"
     ")], orelse=[If(test=Name(id='y', ctx=Load()), body=[Expr(value=Name(id='b', ctx=Load()))"
     "], orelse=[If(test=Name(id='z', ctx=Load()), body=[Expr(value=Name(id='c', ctx=Load()))]"
     ", orelse=[Expr(value=Name(id='d', ctx=Load()))])])])], type_ignores=[])"},
    {ParseMode::Exec,
     "while x:\n    pass\nelse:\n    pass",
     "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[Pass()])], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "for x in y:\n    pass\nelse:\n    pass",
     "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=["
     "Pass()], orelse=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "for x, y in z: pass",
     "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())"
     "], ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Pass()], orelse=[])], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "for (x, y) in z: pass",
     "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())"
     "], ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Pass()], orelse=[])], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "for [x, *y] in z: pass",
     "Module(body=[For(target=List(elts=[Name(id='x', ctx=Store()), Starred(value=Name(id='y',"
     " ctx=Store()), ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Pass()]"
     ", orelse=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "for x, in z: pass",
     "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name("
     "id='z', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "for x.y in z: pass",
     "Module(body=[For(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store())"
     ", iter=Name(id='z', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "for x[0] in z: pass",
     "Module(body=[For(target=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0"
     "), ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Pass()], orelse=[])], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "for x in y, z: pass",
     "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Name(id='y', ctx=Loa"
     "d()), Name(id='z', ctx=Load())], ctx=Load()), body=[Pass()], orelse=[])], type_ignores=["
     "])"},
    {ParseMode::Exec,
     "for x in *a, *b: pass",
     "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Starred(value=Name(i"
     "d='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], c"
     "tx=Load()), body=[Pass()], orelse=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "try:\n    pass\nexcept:\n    pass",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(body=[Pass()])], orelse=[], fina"
     "lbody=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "try:\n    pass\nexcept E:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfin"
     "ally:\n    pass",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), b"
     "ody=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx"
     "=Load())], ctx=Load()), name='e', body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])]"
     ", type_ignores=[])"},
    {ParseMode::Exec,
     "try:\n    pass\nfinally:\n    pass",
     "Module(body=[Try(body=[Pass()], handlers=[], orelse=[], finalbody=[Pass()])], type_ignor"
     "es=[])"},
    {ParseMode::Exec,
     "try:\n    pass\nexcept* E:\n    pass\nexcept* (A, B) as e:\n    pass",
     "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()"
     "), body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B',"
     " ctx=Load())], ctx=Load()), name='e', body=[Pass()])], orelse=[], finalbody=[])], type_i"
     "gnores=[])"},
    {ParseMode::Exec,
     "with a: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()]"
     ")], type_ignores=[])"},
    {ParseMode::Exec,
     "with a as b: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=N"
     "ame(id='b', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with a as b, c as d: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=N"
     "ame(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars"
     "=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with (a, b): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(conte"
     "xt_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with (a as b, c as d): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=N"
     "ame(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars"
     "=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with (a as b, c as d,): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=N"
     "ame(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars"
     "=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with (a): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()]"
     ")], type_ignores=[])"},
    {ParseMode::Exec,
     "with (a) as b: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=N"
     "ame(id='b', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with (a, b) as c: pass",
     "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Nam"
     "e(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pa"
     "ss()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with a as (b, c): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=T"
     "uple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store()))], body=["
     "Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with a as b.c: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=A"
     "ttribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Store()))], body=[Pass()])], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "with (yield x): pass",
     "Module(body=[With(items=[withitem(context_expr=Yield(value=Name(id='x', ctx=Load())))], "
     "body=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "with (a for a in b): pass",
     "Module(body=[With(items=[withitem(context_expr=GeneratorExp(elt=Name(id='a', ctx=Load())"
     ", generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load"
     "()), ifs=[], is_async=0)]))], body=[Pass()])], type_ignores=[])"},
    {ParseMode::Exec,
     "def f(): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[]"
     ", kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "def f(a): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], k"
     "wonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ign"
     "ores=[])"},
    {ParseMode::Exec,
     "def f(a, b=1): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), ar"
     "g(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1)]), body=[Pass()]"
     ", decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "def f(*args, **kwargs): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=arg(ar"
     "g='args'), kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='kwargs'), defaults=[]), body=[P"
     "ass()], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "def f(a, /, b, *, c): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg("
     "arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[]), body=[Pass()], d"
     "ecorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "def f(a=1, /, b=2, *, c, d=4, **e): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg("
     "arg='b')], kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=4)"
     "], kwarg=arg(arg='e'), defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()], "
     "decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "def f(a: int, *b: str, c: float = 1.0, **d: bool) -> None: pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', ann"
     "otation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', ctx="
     "Load())), kwonlyargs=[arg(arg='c', annotation=Name(id='float', ctx=Load()))], kw_default"
     "s=[Constant(value=1.0)], kwarg=arg(arg='d', annotation=Name(id='bool', ctx=Load())), def"
     "aults=[]), body=[Pass()], decorator_list=[], returns=Constant(value=None))], type_ignore"
     "s=[])"},
    {ParseMode::Exec,
     "def f(*, a): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[a"
     "rg(arg='a')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "def f(a, /): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[], k"
     "wonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ign"
     "ores=[])"},
    {ParseMode::Exec,
     "def f(a,): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], k"
     "wonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ign"
     "ores=[])"},
    {ParseMode::Exec,
     "def f(*args: *Ts): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=arg(ar"
     "g='args', annotation=Starred(value=Name(id='Ts', ctx=Load()), ctx=Load())), kwonlyargs=["
     "], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "@dec\ndef f(): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[]"
     ", kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load()"
     ")])], type_ignores=[])"},
    {ParseMode::Exec,
     "@dec.attr(1)\n@other\ndef f(): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[]"
     ", kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Call(func=Attribute(value"
     "=Name(id='dec', ctx=Load()), attr='attr', ctx=Load()), args=[Constant(value=1)], keyword"
     "s=[]), Name(id='other', ctx=Load())])], type_ignores=[])"},
    {ParseMode::Exec,
     "@(lambda f: f)\ndef f(): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[]"
     ", kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Lambda(args=arguments(pos"
     "onlyargs=[], args=[arg(arg='f')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name"
     "(id='f', ctx=Load()))])], type_ignores=[])"},
    {ParseMode::Exec,
     "@x[0]\nclass A: pass",
     "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[Su"
     "bscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Load())])], type_ig"
     "nores=[])"},
    {ParseMode::Exec,
     "class A: pass",
     "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[])"
     "], type_ignores=[])"},
    {ParseMode::Exec,
     "class A(): pass",
     "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[])"
     "], type_ignores=[])"},
    {ParseMode::Exec,
     "class A(B, C): pass",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load()"
     ")], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "class A(B, metaclass=M, **kw): pass",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg="
     "'metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))],"
     " body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "class A(*bases): pass",
     "Module(body=[ClassDef(name='A', bases=[Starred(value=Name(id='bases', ctx=Load()), ctx=L"
     "oad())], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "def f():\n    def g():\n        nonlocal x\n        return x\n    return g",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[]"
     ", kw_defaults=[], defaults=[]), body=[FunctionDef(name='g', args=arguments(posonlyargs=["
     "], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['x']), Re"
     "turn(value=Name(id='x', ctx=Load()))], decorator_list=[]), Return(value=Name(id='g', ctx"
     "=Load()))], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "a or b",
     "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', c"
     "tx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "a or b or c",
     "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', c"
     "tx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "a and b and c",
     "Module(body=[Expr(value=BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', "
     "ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "a or b and c",
     "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And("
     "), values=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])]))], type_ignores=[])"},
    {ParseMode::Exec,
     "not a",
     "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())))], type_igno"
     "res=[])"},
    {ParseMode::Exec,
     "not not a",
     "Module(body=[Expr(value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='a',"
     " ctx=Load()))))], type_ignores=[])"},
    {ParseMode::Exec,
     "a if b else c",
     "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load("
     ")), orelse=Name(id='c', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "a if b else c if d else e",
     "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load("
     ")), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Na"
     "me(id='e', ctx=Load()))))], type_ignores=[])"},
    {ParseMode::Exec,
     "lambda: 0",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw"
     "_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[])"},
    {ParseMode::Exec,
     "lambda x: x",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonl"
     "yargs=[], kw_defaults=[], defaults=[]), body=Name(id='x', ctx=Load())))], type_ignores=["
     "])"},
    {ParseMode::Exec,
     "lambda x, y=1, *a, z, w=2, **k: 0",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x'), arg(ar"
     "g='y')], vararg=arg(arg='a'), kwonlyargs=[arg(arg='z'), arg(arg='w')], kw_defaults=[None"
     ", Constant(value=2)], kwarg=arg(arg='k'), defaults=[Constant(value=1)]), body=Constant(v"
     "alue=0)))], type_ignores=[])"},
    {ParseMode::Exec,
     "lambda *, a: a",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(a"
     "rg='a')], kw_defaults=[None], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignor"
     "es=[])"},
    {ParseMode::Exec,
     "lambda a, /, b: 0",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg="
     "'b')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_igno"
     "res=[])"},
    {ParseMode::Exec,
     "lambda x=lambda y: y: x",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonl"
     "yargs=[], kw_defaults=[], defaults=[Lambda(args=arguments(posonlyargs=[], args=[arg(arg="
     "'y')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='y', ctx=Load()))]), bo"
     "dy=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "a < b",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt()], comparators=["
     "Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "a < b < c",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), Lt()], compara"
     "tors=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "a == b != c <= d >= e > f",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Eq(), NotEq(), LtE()"
     ", GtE(), Gt()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id"
     "='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load())]))], type_ignores="
     "[])"},
    {ParseMode::Exec,
     "a in b",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[In()], comparators=["
     "Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "a not in b",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn()], comparator"
     "s=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "a is b",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Is()], comparators=["
     "Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "a is not b",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparator"
     "s=[Name(id='b', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "not a in b",
     "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()),"
     " ops=[In()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[])"},
    {ParseMode::Exec,
     "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
     "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(lef"
     "t=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=B"
     "itAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(i"
     "d='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), "
     "op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(l"
     "eft=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Lo"
     "ad())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx"
     "=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', c"
     "tx=Load()))))))))], type_ignores=[])"},
    {ParseMode::Exec,
     "-a",
     "Module(body=[Expr(value=UnaryOp(op=USub(), operand=Name(id='a', ctx=Load())))], type_ign"
     "ores=[])"},
    {ParseMode::Exec,
     "+a",
     "Module(body=[Expr(value=UnaryOp(op=UAdd(), operand=Name(id='a', ctx=Load())))], type_ign"
     "ores=[])"},
    {ParseMode::Exec,
     "~a",
     "Module(body=[Expr(value=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())))], type_i"
     "gnores=[])"},
    {ParseMode::Exec,
     "-a ** -b",
     "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load()), "
     "op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load())))))], type_ignores=["
     "])"},
    {ParseMode::Exec,
     "a ** b ** c",
     "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left="
     "Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load()))))], type_ignores=[])"},
    {ParseMode::Exec,
     "(a + b) * c",
     "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right="
     "Name(id='b', ctx=Load())), op=Mult(), right=Name(id='c', ctx=Load())))], type_ignores=[]"
     ")"},
    {ParseMode::Exec,
     "a + b - c",
     "Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right="
     "Name(id='b', ctx=Load())), op=Sub(), right=Name(id='c', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "x.y.z",
     "Module(body=[Expr(value=Attribute(value=Attribute(value=Name(id='x', ctx=Load()), attr='"
     "y', ctx=Load()), attr='z', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[0]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0"
     "), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[0][1]",
     "Module(body=[Expr(value=Subscript(value=Subscript(value=Name(id='x', ctx=Load()), slice="
     "Constant(value=0), ctx=Load()), slice=Constant(value=1), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[a:b]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Name"
     "(id='a', ctx=Load()), upper=Name(id='b', ctx=Load())), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[a:b:c]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Name"
     "(id='a', ctx=Load()), upper=Name(id='b', ctx=Load()), step=Name(id='c', ctx=Load())), ct"
     "x=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[:]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(), ctx=Loa"
     "d()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[::]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(), ctx=Loa"
     "d()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[::2]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(step=Const"
     "ant(value=2)), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[a:]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Name"
     "(id='a', ctx=Load())), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[:b]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Slice(upper=Name"
     "(id='b', ctx=Load())), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[a, b]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Name"
     "(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignore"
     "s=[])"},
    {ParseMode::Exec,
     "x[a:b, c]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slic"
     "e(lower=Name(id='a', ctx=Load()), upper=Name(id='b', ctx=Load())), Name(id='c', ctx=Load"
     "())], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[1:2, ::3]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slic"
     "e(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx"
     "=Load()), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[*a]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Star"
     "red(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignor"
     "es=[])"},
    {ParseMode::Exec,
     "x[*a, b]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Star"
     "red(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()),"
     " ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[a,]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Name"
     "(id='a', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[()]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[], c"
     "tx=Load()), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x[(a, b)]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Name"
     "(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignore"
     "s=[])"},
    {ParseMode::Exec,
     "x[y := 1]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=NamedExpr(target"
     "=Name(id='y', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(a)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load("
     "))], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(a, b)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load("
     ")), Name(id='b', ctx=Load())], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(a, *b)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load("
     ")), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[]))], type_ignores=["
     "])"},
    {ParseMode::Exec,
     "f(*a, *b)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id="
     "'a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], key"
     "words=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(a=1)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(a"
     "rg='a', value=Constant(value=1))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(a, b=1, *c, d=2, **e)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load("
     ")), Starred(value=Name(id='c', ctx=Load()), ctx=Load())], keywords=[keyword(arg='b', val"
     "ue=Constant(value=1)), keyword(arg='d', value=Constant(value=2)), keyword(value=Name(id="
     "'e', ctx=Load()))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(**a, **b)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(v"
     "alue=Name(id='a', ctx=Load())), keyword(value=Name(id='b', ctx=Load()))]))], type_ignore"
     "s=[])"},
    {ParseMode::Exec,
     "f(*a, b=1, *c)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id="
     "'a', ctx=Load()), ctx=Load()), Starred(value=Name(id='c', ctx=Load()), ctx=Load())], key"
     "words=[keyword(arg='b', value=Constant(value=1))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(x for x in y)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name("
     "id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Na"
     "me(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f((x for x in y), 1)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name("
     "id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Na"
     "me(id='y', ctx=Load()), ifs=[], is_async=0)]), Constant(value=1)], keywords=[]))], type_"
     "ignores=[])"},
    {ParseMode::Exec,
     "f(a)(b)(c)",
     "Module(body=[Expr(value=Call(func=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Na"
     "me(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), ar"
     "gs=[Name(id='c', ctx=Load())], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(x := 1)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name("
     "id='x', ctx=Store()), value=Constant(value=1))], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(a, b,)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load("
     ")), Name(id='b', ctx=Load())], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(*a, b)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id="
     "'a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], keywords=[]))], type_ignores=["
     "])"},
    {ParseMode::Exec,
     "[]",
     "Module(body=[Expr(value=List(elts=[], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "[1]",
     "Module(body=[Expr(value=List(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "[1, 2, 3]",
     "Module(body=[Expr(value=List(elts=[Constant(value=1), Constant(value=2), Constant(value="
     "3)], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "[1, *a]",
     "Module(body=[Expr(value=List(elts=[Constant(value=1), Starred(value=Name(id='a', ctx=Loa"
     "d()), ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "[*a, *b]",
     "Module(body=[Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), "
     "Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "()",
     "Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "(1,)",
     "Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "(1, 2)",
     "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))]"
     ", type_ignores=[])"},
    {ParseMode::Exec,
     "(*a, b)",
     "Module(body=[Expr(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()),"
     " Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "{}",
     "Module(body=[Expr(value=Dict(keys=[], values=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "{1: 2}",
     "Module(body=[Expr(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]))], ty"
     "pe_ignores=[])"},
    {ParseMode::Exec,
     "{1: 2, **a}",
     "Module(body=[Expr(value=Dict(keys=[Constant(value=1), None], values=[Constant(value=2), "
     "Name(id='a', ctx=Load())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "{**a, 1: 2}",
     "Module(body=[Expr(value=Dict(keys=[None, Constant(value=1)], values=[Name(id='a', ctx=Lo"
     "ad()), Constant(value=2)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "{1}",
     "Module(body=[Expr(value=Set(elts=[Constant(value=1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "{1, 2}",
     "Module(body=[Expr(value=Set(elts=[Constant(value=1), Constant(value=2)]))], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "{*a}",
     "Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())]))"
     "], type_ignores=[])"},
    {ParseMode::Exec,
     "{*a, 1}",
     "Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), C"
     "onstant(value=1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "[x for x in y]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension"
     "(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))"
     "], type_ignores=[])"},
    {ParseMode::Exec,
     "[x for x in y if x]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension"
     "(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx="
     "Load())], is_async=0)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "[x for x in y if a if b]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension"
     "(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='a', ctx="
     "Load()), Name(id='b', ctx=Load())], is_async=0)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "[x for x in y for z in x]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension"
     "(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0), c"
     "omprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is"
     "_async=0)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "[(x, y) for x, y in z]",
     "Module(body=[Expr(value=ListComp(elt=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', "
     "ctx=Load())], ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='x', ctx"
     "=Store()), Name(id='y', ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), ifs="
     "[], is_async=0)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "{x for x in y}",
     "Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension("
     "target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))]"
     ", type_ignores=[])"},
    {ParseMode::Exec,
     "{x: y for x, y in z}",
     "Module(body=[Expr(value=DictComp(key=Name(id='x', ctx=Load()), value=Name(id='y', ctx=Lo"
     "ad()), generators=[comprehension(target=Tuple(elts=[Name(id='x', ctx=Store()), Name(id='"
     "y', ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[], is_async=0)]))],"
     " type_ignores=[])"},
    {ParseMode::Exec,
     "(x for x in y)",
     "Module(body=[Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehen"
     "sion(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0"
     ")]))], type_ignores=[])"},
    {ParseMode::Exec,
     "[x for x in (yield)]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension"
     "(target=Name(id='x', ctx=Store()), iter=Yield(), ifs=[], is_async=0)]))], type_ignores=["
     "])"},
    {ParseMode::Exec,
     "[y := x for x in z]",
     "Module(body=[Expr(value=ListComp(elt=NamedExpr(target=Name(id='y', ctx=Store()), value=N"
     "ame(id='x', ctx=Load())), generators=[comprehension(target=Name(id='x', ctx=Store()), it"
     "er=Name(id='z', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "[x for x in y if (z := x)]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension"
     "(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[NamedExpr(target="
     "Name(id='z', ctx=Store()), value=Name(id='x', ctx=Load()))], is_async=0)]))], type_ignor"
     "es=[])"},
    {ParseMode::Exec,
     "(yield)",
     "Module(body=[Expr(value=Yield())], type_ignores=[])"},
    {ParseMode::Exec,
     "(yield x)",
     "Module(body=[Expr(value=Yield(value=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "(yield from x)",
     "Module(body=[Expr(value=YieldFrom(value=Name(id='x', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = (y := 1)",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=NamedExpr(target=Name(id="
     "'y', ctx=Store()), value=Constant(value=1)))], type_ignores=[])"},
    {ParseMode::Exec,
     "(x := 1)",
     "Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value"
     "=1)))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(a)[b].c",
     "Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Name(id='f', ctx=Load("
     ")), args=[Name(id='a', ctx=Load())], keywords=[]), slice=Name(id='b', ctx=Load()), ctx=L"
     "oad()), attr='c', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "a.b(c)[d]",
     "Module(body=[Expr(value=Subscript(value=Call(func=Attribute(value=Name(id='a', ctx=Load("
     ")), attr='b', ctx=Load()), args=[Name(id='c', ctx=Load())], keywords=[]), slice=Name(id="
     "'d', ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "...",
     "Module(body=[Expr(value=Constant(value=Ellipsis))], type_ignores=[])"},
    {ParseMode::Exec,
     "None",
     "Module(body=[Expr(value=Constant(value=None))], type_ignores=[])"},
    {ParseMode::Exec,
     "True",
     "Module(body=[Expr(value=Constant(value=True))], type_ignores=[])"},
    {ParseMode::Exec,
     "False",
     "Module(body=[Expr(value=Constant(value=False))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = ...",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=Ellipsis))"
     "], type_ignores=[])"},
    {ParseMode::Exec,
     "a[...]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=E"
     "llipsis), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "0",
     "Module(body=[Expr(value=Constant(value=0))], type_ignores=[])"},
    {ParseMode::Exec,
     "1",
     "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"},
    {ParseMode::Exec,
     "123456789",
     "Module(body=[Expr(value=Constant(value=123456789))], type_ignores=[])"},
    {ParseMode::Exec,
     "1_000_000",
     "Module(body=[Expr(value=Constant(value=1000000))], type_ignores=[])"},
    {ParseMode::Exec,
     "0x1F",
     "Module(body=[Expr(value=Constant(value=31))], type_ignores=[])"},
    {ParseMode::Exec,
     "0XFF",
     "Module(body=[Expr(value=Constant(value=255))], type_ignores=[])"},
    {ParseMode::Exec,
     "0o17",
     "Module(body=[Expr(value=Constant(value=15))], type_ignores=[])"},
    {ParseMode::Exec,
     "0O17",
     "Module(body=[Expr(value=Constant(value=15))], type_ignores=[])"},
    {ParseMode::Exec,
     "0b101",
     "Module(body=[Expr(value=Constant(value=5))], type_ignores=[])"},
    {ParseMode::Exec,
     "0B1_0",
     "Module(body=[Expr(value=Constant(value=2))], type_ignores=[])"},
    {ParseMode::Exec,
     "00",
     "Module(body=[Expr(value=Constant(value=0))], type_ignores=[])"},
    {ParseMode::Exec,
     "0_0",
     "Module(body=[Expr(value=Constant(value=0))], type_ignores=[])"},
    {ParseMode::Exec,
     "9223372036854775807",
     "Module(body=[Expr(value=Constant(value=9223372036854775807))], type_ignores=[])"},
    {ParseMode::Exec,
     "9223372036854775808",
     "Module(body=[Expr(value=Constant(value=9223372036854775808))], type_ignores=[])"},
    {ParseMode::Exec,
     "0xFFFFFFFFFFFFFFFFFFFFFFFF",
     "Module(body=[Expr(value=Constant(value=79228162514264337593543950335))], type_ignores=[]"
     ")"},
    {ParseMode::Exec,
     "123456789012345678901234567890",
     "Module(body=[Expr(value=Constant(value=123456789012345678901234567890))], type_ignores=["
     "])"},
    {ParseMode::Exec,
     "0b1111111111111111111111111111111111111111111111111111111111111111111111",
     "Module(body=[Expr(value=Constant(value=1180591620717411303423))], type_ignores=[])"},
    {ParseMode::Exec,
     "0o777777777777777777777777777",
     "Module(body=[Expr(value=Constant(value=2417851639229258349412351))], type_ignores=[])"},
    {ParseMode::Exec,
     "1.0",
     "Module(body=[Expr(value=Constant(value=1.0))], type_ignores=[])"},
    {ParseMode::Exec,
     "1.",
     "Module(body=[Expr(value=Constant(value=1.0))], type_ignores=[])"},
    {ParseMode::Exec,
     ".5",
     "Module(body=[Expr(value=Constant(value=0.5))], type_ignores=[])"},
    {ParseMode::Exec,
     "1e10",
     "Module(body=[Expr(value=Constant(value=10000000000.0))], type_ignores=[])"},
    {ParseMode::Exec,
     "1E-5",
     "Module(body=[Expr(value=Constant(value=1e-05))], type_ignores=[])"},
    {ParseMode::Exec,
     "1.5e+3",
     "Module(body=[Expr(value=Constant(value=1500.0))], type_ignores=[])"},
    {ParseMode::Exec,
     "1_0.0_1e1_0",
     "Module(body=[Expr(value=Constant(value=100100000000.0))], type_ignores=[])"},
    {ParseMode::Exec,
     "0.1",
     "Module(body=[Expr(value=Constant(value=0.1))], type_ignores=[])"},
    {ParseMode::Exec,
     "1e16",
     "Module(body=[Expr(value=Constant(value=1e+16))], type_ignores=[])"},
    {ParseMode::Exec,
     "1e15",
     "Module(body=[Expr(value=Constant(value=1000000000000000.0))], type_ignores=[])"},
    {ParseMode::Exec,
     "1e-4",
     "Module(body=[Expr(value=Constant(value=0.0001))], type_ignores=[])"},
    {ParseMode::Exec,
     "1e-5",
     "Module(body=[Expr(value=Constant(value=1e-05))], type_ignores=[])"},
    {ParseMode::Exec,
     "1e400",
     "Module(body=[Expr(value=Constant(value=inf))], type_ignores=[])"},
    {ParseMode::Exec,
     "1e-400",
     "Module(body=[Expr(value=Constant(value=0.0))], type_ignores=[])"},
    {ParseMode::Exec,
     "123456789.123456789",
     "Module(body=[Expr(value=Constant(value=123456789.12345679))], type_ignores=[])"},
    {ParseMode::Exec,
     "3.141592653589793",
     "Module(body=[Expr(value=Constant(value=3.141592653589793))], type_ignores=[])"},
    {ParseMode::Exec,
     "0e0",
     "Module(body=[Expr(value=Constant(value=0.0))], type_ignores=[])"},
    {ParseMode::Exec,
     "00.5",
     "Module(body=[Expr(value=Constant(value=0.5))], type_ignores=[])"},
    {ParseMode::Exec,
     "1if x else y",
     "Module(body=[Expr(value=IfExp(test=Name(id='x', ctx=Load()), body=Constant(value=1), ore"
     "lse=Name(id='y', ctx=Load())))], type_ignores=[])"},
    {ParseMode::Exec,
     "0x1for x in y",
     "Module(body=[Expr(value=BoolOp(op=Or(), values=[Constant(value=31), Compare(left=Name(id"
     "='x', ctx=Load()), ops=[In()], comparators=[Name(id='y', ctx=Load())])]))], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "'a'",
     "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"},
    {ParseMode::Exec,
     "\"a\"",
     "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'''a'''",
     "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"},
    {ParseMode::Exec,
     "\"\"\"a\"\"\"",
     "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'a' 'b'",
     "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'a' \\\n 'b'",
     "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {ParseMode::Exec,
     "('a'\n 'b')",
     "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {ParseMode::Exec,
     "u'a'",
     "Module(body=[Expr(value=Constant(value='a', kind='u'))], type_ignores=[])"},
    {ParseMode::Exec,
     "U'a'",
     "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"},
    {ParseMode::Exec,
     "u'a' 'b'",
     "Module(body=[Expr(value=Constant(value='ab', kind='u'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'a' u'b'",
     "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {ParseMode::Exec,
     "r'\\n'",
     "Module(body=[Expr(value=Constant(value='\\\\n'))], type_ignores=[])"},
    {ParseMode::Exec,
     "R'\\n'",
     "Module(body=[Expr(value=Constant(value='\\\\n'))], type_ignores=[])"},
    {ParseMode::Exec,
     "b'a'",
     "Module(body=[Expr(value=Constant(value=b'a'))], type_ignores=[])"},
    {ParseMode::Exec,
     "B'a'",
     "Module(body=[Expr(value=Constant(value=b'a'))], type_ignores=[])"},
    {ParseMode::Exec,
     "br'\\x'",
     "Module(body=[Expr(value=Constant(value=b'\\\\x'))], type_ignores=[])"},
    {ParseMode::Exec,
     "Rb'\\x'",
     "Module(body=[Expr(value=Constant(value=b'\\\\x'))], type_ignores=[])"},
    {ParseMode::Exec,
     "rb'x'",
     "Module(body=[Expr(value=Constant(value=b'x'))], type_ignores=[])"},
    {ParseMode::Exec,
     "bR'x'",
     "Module(body=[Expr(value=Constant(value=b'x'))], type_ignores=[])"},
    {ParseMode::Exec,
     "b'a' b'b'",
     "Module(body=[Expr(value=Constant(value=b'ab'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v\\0'",
     "Module(body=[Expr(value=Constant(value='\\n\\t\\r\\\\\\'\"\\x07\\x08\\x0c\\x0b\\x00'))],"
     " type_ignores=[])"},
    {ParseMode::Exec,
     "'\\x41\\u0042\\U00000043'",
     "Module(body=[Expr(value=Constant(value='ABC'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\\101\\7\\777'",
     "Module(body=[Expr(value=Constant(value='A\\x07ǿ'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\\q'",
     "Module(body=[Expr(value=Constant(value='\\\\q'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'a\\\nb'",
     "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"},
    {ParseMode::Exec,
     "b'\\x00\\xff\\177'",
     "Module(body=[Expr(value=Constant(value=b'\\x00\\xff\\x7f'))], type_ignores=[])"},
    {ParseMode::Exec,
     "b'\\u1234'",
     "Module(body=[Expr(value=Constant(value=b'\\\\u1234'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\\ud800'",
     "Module(body=[Expr(value=Constant(value='\\ud800'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'é€😀'",
     "Module(body=[Expr(value=Constant(value='é€😀'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\\x7f\\x80\\xa0\\xad'",
     "Module(body=[Expr(value=Constant(value='\\x7f\\x80\\xa0\\xad'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\\u2028\\u200b'",
     "Module(body=[Expr(value=Constant(value='\\u2028\\u200b'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\"'",
     "Module(body=[Expr(value=Constant(value='\"'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\\''",
     "Module(body=[Expr(value=Constant(value=\"'\"))], type_ignores=[])"},
    {ParseMode::Exec,
     "\"'\\\"\"",
     "Module(body=[Expr(value=Constant(value='\\'\"'))], type_ignores=[])"},
    {ParseMode::Exec,
     "''",
     "Module(body=[Expr(value=Constant(value=''))], type_ignores=[])"},
    {ParseMode::Exec,
     "b''",
     "Module(body=[Expr(value=Constant(value=b''))], type_ignores=[])"},
    {ParseMode::Exec,
     "b'\"'",
     "Module(body=[Expr(value=Constant(value=b'\"'))], type_ignores=[])"},
    {ParseMode::Exec,
     "b\"'\"",
     "Module(body=[Expr(value=Constant(value=b\"'\"))], type_ignores=[])"},
    {ParseMode::Exec,
     "'\\t'",
     "Module(body=[Expr(value=Constant(value='\\t'))], type_ignores=[])"},
    {ParseMode::Exec,
     "'''a\nb\n'''",
     "Module(body=[Expr(value=Constant(value='a\\nb\\n'))], type_ignores=[])"},
    {ParseMode::Exec,
     "f''",
     "Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'a'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x!r}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=114)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x!s}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=115)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x!a}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=97)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x:>10}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "f'{x:{y}}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load"
     "()), conversion=-1)]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x:{y}.{z}f}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load"
     "()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='z', ctx=Load()),"
     " conversion=-1), Constant(value='f')]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x!r:>{w}}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value"
     "=Name(id='w', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x=}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Nam"
     "e(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x = }'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=N"
     "ame(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x=!s}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Nam"
     "e(id='x', ctx=Load()), conversion=115)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x=:>5}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Nam"
     "e(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>5')"
     "]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x=!r:^{w}}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Nam"
     "e(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='^')"
     ", FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{{}}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{{x}}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{x}')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'a{{b}}c{d}e'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a{b}c'), FormattedValue(value="
     "Name(id='d', ctx=Load()), conversion=-1), Constant(value='e')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x}{y}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "'a' f'{b}' 'c'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name"
     "(id='b', ctx=Load()), conversion=-1), Constant(value='c')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x}' f'{y}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "f'a' 'b'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "'a' f'b'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "u'a' f'{b}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', kind='u'), FormattedValue("
     "value=Name(id='b', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "rf'\\n{x}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\\\n'), FormattedValue(value="
     "Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "fr'{x}\\n'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1), Constant(value='\\\\n')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "F'{x}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{a[\"b\"]}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='"
     "a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignore"
     "s=[])"},
    {ParseMode::Exec,
     "f'{x:}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{ x }'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{(lambda: 1)()}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Call(func=Lambda(args=arg"
     "uments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Consta"
     "nt(value=1)), args=[], keywords=[]), conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{a if b else c}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=IfExp(test=Name(id='b', c"
     "tx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())), conversion="
     "-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x, y}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', "
     "ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[]"
     ")"},
    {ParseMode::Exec,
     "f'{*a, b}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Starred(value"
     "=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), conversi"
     "on=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x!=y}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x',"
     " ctx=Load()), ops=[NotEq()], comparators=[Name(id='y', ctx=Load())]), conversion=-1)]))]"
     ", type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x==y}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x',"
     " ctx=Load()), ops=[Eq()], comparators=[Name(id='y', ctx=Load())]), conversion=-1)]))], t"
     "ype_ignores=[])"},
    {ParseMode::Exec,
     "f'{x<=y}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x',"
     " ctx=Load()), ops=[LtE()], comparators=[Name(id='y', ctx=Load())]), conversion=-1)]))], "
     "type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x>y}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x',"
     " ctx=Load()), ops=[Gt()], comparators=[Name(id='y', ctx=Load())]), conversion=-1)]))], t"
     "ype_ignores=[])"},
    {ParseMode::Exec,
     "f'{ {1: 2}[1] }'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Dict(keys"
     "=[Constant(value=1)], values=[Constant(value=2)]), slice=Constant(value=1), ctx=Load()),"
     " conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'''{\nx\n}'''",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'''a\n{x}\nb'''",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a\\n'), FormattedValue(value=N"
     "ame(id='x', ctx=Load()), conversion=-1), Constant(value='\\nb')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{f\"{x}\"}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[Formatt"
     "edValue(value=Name(id='x', ctx=Load()), conversion=-1)]), conversion=-1)]))], type_ignor"
     "es=[])"},
    {ParseMode::Exec,
     "f'\\n{x}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Na"
     "me(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x:\\n}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1, format_spec=JoinedStr(values=[Constant(value='\\n')]))]))], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "f'{x:{{}}}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Dict(keys=[], values="
     "[]), conversion=-1)]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{3.14:.2f}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=3.14), con"
     "version=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "f'{x:%H:%M}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1, format_spec=JoinedStr(values=[Constant(value='%H:%M')]))]))], type_ignor"
     "es=[])"},
    {ParseMode::Exec,
     "f'{x:=10}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1, format_spec=JoinedStr(values=[Constant(value='=10')]))]))], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "f'{x}' '{y}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()),"
     " conversion=-1), Constant(value='{y}')]))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = [\n  1,\n  2,\n]",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value"
     "=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "if x:\n    # comment\n    pass\n# trailing",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores="
     "[])"},
    {ParseMode::Exec,
     "x = 1  # comment",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "\n\n\nx = 1\n\n\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "",
     "Module(body=[], type_ignores=[])"},
    {ParseMode::Exec,
     "# only comment",
     "Module(body=[], type_ignores=[])"},
    {ParseMode::Exec,
     "if x:\n\tpass",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores="
     "[])"},
    {ParseMode::Exec,
     "x = (1 +\n     2)",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value"
     "=1), op=Add(), right=Constant(value=2)))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = 1 + \\\n    2",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value"
     "=1), op=Add(), right=Constant(value=2)))], type_ignores=[])"},
    {ParseMode::Exec,
     "def f():\n    '''doc'''\n    return 1",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[]"
     ", kw_defaults=[], defaults=[]), body=[Expr(value=Constant(value='doc')), Return(value=Co"
     "nstant(value=1))], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "x = 1\r\ny = 2\r\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assig"
     "n(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = 1\ry = 2",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assig"
     "n(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])"},
    {ParseMode::Exec,
     "é = 1",
     "Module(body=[Assign(targets=[Name(id='é', ctx=Store())], value=Constant(value=1))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "ñame = 'x'",
     "Module(body=[Assign(targets=[Name(id='ñame', ctx=Store())], value=Constant(value='x'))],"
     " type_ignores=[])"},
    {ParseMode::Exec,
     "x·y = 1",
     "Module(body=[Assign(targets=[Name(id='x·y', ctx=Store())], value=Constant(value=1))], ty"
     "pe_ignores=[])"},
    {ParseMode::Exec,
     "print(x, end='')",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='x', ctx=L"
     "oad())], keywords=[keyword(arg='end', value=Constant(value=''))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "match = 1",
     "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))], "
     "type_ignores=[])"},
    {ParseMode::Exec,
     "case = 2",
     "Module(body=[Assign(targets=[Name(id='case', ctx=Store())], value=Constant(value=2))], t"
     "ype_ignores=[])"},
    {ParseMode::Exec,
     "_ = 3",
     "Module(body=[Assign(targets=[Name(id='_', ctx=Store())], value=Constant(value=3))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "match(x)",
     "Module(body=[Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=L"
     "oad())], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "type = 4",
     "Module(body=[Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=4))], t"
     "ype_ignores=[])"},
    {ParseMode::Exec,
     "print('hello')",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value='he"
     "llo')], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "exec('x')",
     "Module(body=[Expr(value=Call(func=Name(id='exec', ctx=Load()), args=[Constant(value='x')"
     "], keywords=[]))], type_ignores=[])"},
    {ParseMode::Exec,
     "if (a\n    and b):\n    pass",
     "Module(body=[If(test=BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx"
     "=Load())]), body=[Pass()], orelse=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "x = [i\n     for i in y]",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Name(id='i',"
     " ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='"
     "y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "\014\nx = 1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "if x:\n    pass\n  \n    pass",
     "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass(), Pass()], orelse=[])], type_"
     "ignores=[])"},
    {ParseMode::Exec,
     "a = b = c[0].d",
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], valu"
     "e=Attribute(value=Subscript(value=Name(id='c', ctx=Load()), slice=Constant(value=0), ctx"
     "=Load()), attr='d', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = -1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operan"
     "d=Constant(value=1)))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = --1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operan"
     "d=UnaryOp(op=USub(), operand=Constant(value=1))))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = not -1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=Not(), operand"
     "=UnaryOp(op=USub(), operand=Constant(value=1))))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = 1 if 2 else 3",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Constant(value"
     "=2), body=Constant(value=1), orelse=Constant(value=3)))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = lambda: (yield)",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(pos"
     "onlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "class A:\n    x: int = 1\n    def f(self): return self.x",
     "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[AnnAssign(target=Name(id='x"
     "', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple="
     "1), FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlya"
     "rgs=[], kw_defaults=[], defaults=[]), body=[Return(value=Attribute(value=Name(id='self',"
     " ctx=Load()), attr='x', ctx=Load()))], decorator_list=[])], decorator_list=[])], type_ig"
     "nores=[])"},
    {ParseMode::Exec,
     "for x in range(10):\n    if x % 2:\n        continue\n    else:\n        break",
     "Module(body=[For(target=Name(id='x', ctx=Store()), iter=Call(func=Name(id='range', ctx=L"
     "oad()), args=[Constant(value=10)], keywords=[]), body=[If(test=BinOp(left=Name(id='x', c"
     "tx=Load()), op=Mod(), right=Constant(value=2)), body=[Continue()], orelse=[Break()])], o"
     "relse=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "try:\n    pass\nexcept E as e:\n    raise X from e",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), n"
     "ame='e', body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='e', ctx=Load()))])], o"
     "relse=[], finalbody=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "with open(f) as g, open(h) as i:\n    pass",
     "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), ar"
     "gs=[Name(id='f', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store())), w"
     "ithitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='h', ctx=Load("
     "))], keywords=[]), optional_vars=Name(id='i', ctx=Store()))], body=[Pass()])], type_igno"
     "res=[])"},
    {ParseMode::Exec,
     "x = {'a': 1, **b, 'c': [1, 2, {3}]}",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[Constant(value"
     "='a'), None, Constant(value='c')], values=[Constant(value=1), Name(id='b', ctx=Load()), "
     "List(elts=[Constant(value=1), Constant(value=2), Set(elts=[Constant(value=3)])], ctx=Loa"
     "d())]))], type_ignores=[])"},
    {ParseMode::Exec,
     "print(*args, sep='', **kw)",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name"
     "(id='args', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value"
     "='')), keyword(value=Name(id='kw', ctx=Load()))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "assert isinstance(x, int), f'bad {x!r}'",
     "Module(body=[Assert(test=Call(func=Name(id='isinstance', ctx=Load()), args=[Name(id='x',"
     " ctx=Load()), Name(id='int', ctx=Load())], keywords=[]), msg=JoinedStr(values=[Constant("
     "value='bad '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_"
     "ignores=[])"},
    {ParseMode::Exec,
     "def f(a, b, /, c, d, *, e, f):\n    return (a, b, c, d, e, f)",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b'"
     ")], args=[arg(arg='c'), arg(arg='d')], kwonlyargs=[arg(arg='e'), arg(arg='f')], kw_defau"
     "lts=[None, None], defaults=[]), body=[Return(value=Tuple(elts=[Name(id='a', ctx=Load()),"
     " Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='"
     "e', ctx=Load()), Name(id='f', ctx=Load())], ctx=Load()))], decorator_list=[])], type_ign"
     "ores=[])"},
    {ParseMode::Exec,
     "x = [*range(3), *[4, 5]]",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Starred(value="
     "Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)], keywords=[]), ctx=Load"
     "()), Starred(value=List(elts=[Constant(value=4), Constant(value=5)], ctx=Load()), ctx=Lo"
     "ad())], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "f(**{'a': 1})",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(v"
     "alue=Dict(keys=[Constant(value='a')], values=[Constant(value=1)]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = 1 if y else 2 if z else 3",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='y', c"
     "tx=Load()), body=Constant(value=1), orelse=IfExp(test=Name(id='z', ctx=Load()), body=Con"
     "stant(value=2), orelse=Constant(value=3))))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = (a, b) = c",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Tuple(elts=[Name(id='a', ctx=Sto"
     "re()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "x = y, = z",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Tuple(elts=[Name(id='y', ctx=Sto"
     "re())], ctx=Store())], value=Name(id='z', ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "f\"{yield}\"",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Yield(), conversion=-1)])"
     ")], type_ignores=[])"},
    {ParseMode::Exec,
     "x = *a, *b",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Starred(value"
     "=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load"
     "())], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "(a, *b) = *c",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(i"
     "d='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Starred(value=Name(id='c', ctx="
     "Load()), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "def f(a, a=1, *, a): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), ar"
     "g(arg='a')], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[Constant(value=1)]"
     "), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "x += yield",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Yield())], type"
     "_ignores=[])"},
    {ParseMode::Exec,
     "x[::,]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slic"
     "e()], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "lambda x: (yield)",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonl"
     "yargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[])"},
    {ParseMode::Exec,
     "from .import x",
     "Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[])"},
    {ParseMode::Exec,
     "++x",
     "Module(body=[Expr(value=UnaryOp(op=UAdd(), operand=UnaryOp(op=UAdd(), operand=Name(id='x"
     "', ctx=Load()))))], type_ignores=[])"},
    {ParseMode::Exec,
     "x = 1.e5",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=100000.0))"
     "], type_ignores=[])"},
    {ParseMode::Exec,
     "x = *a",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Starred(value=Name(id='a'"
     ", ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "def f(a=1, *, b=2, c):\n    pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], k"
     "wonlyargs=[arg(arg='b'), arg(arg='c')], kw_defaults=[Constant(value=2), None], defaults="
     "[Constant(value=1)]), body=[Pass()], decorator_list=[])], type_ignores=[])"},
    {ParseMode::Exec,
     "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
     "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
     "))))))))))))))))))))))))))))))))))))))))))))))",
     "Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "(((((((((((((((((((((((())))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
     "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
     "))))))))))))))))))))))))))))))))))))))))))))))))",
     "Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"},
    {ParseMode::Exec,
     "s = f'''{x\n}'''",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[Formatt"
     "edValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "s = f'''{\nx!r}'''",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[Formatt"
     "edValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])"},
    {ParseMode::Exec,
     "s = f'{x:{y!r}}'",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[Formatt"
     "edValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[For"
     "mattedValue(value=Name(id='y', ctx=Load()), conversion=114)]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "s = f'{x:{{}}}'",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[Formatt"
     "edValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[For"
     "mattedValue(value=Dict(keys=[], values=[]), conversion=-1)]))]))], type_ignores=[])"},
    {ParseMode::Exec,
     "s = f'{ x = }'",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[Constan"
     "t(value=' x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], ty"
     "pe_ignores=[])"},
    {ParseMode::Exec,
     "s = f'{x:=5}'",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[Formatt"
     "edValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Con"
     "stant(value='=5')]))]))], type_ignores=[])"},
    {ParseMode::Single,
     "x = 1",
     "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"},
    {ParseMode::Single,
     "if x:\n    pass\n",
     "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])])"},
    {ParseMode::Single,
     "1 + 2",
     "Interactive(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), right=Constant(valu"
     "e=2)))])"},
    {ParseMode::Single,
     "def f(): pass\n",
     "Interactive(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyar"
     "gs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])])"},
    {ParseMode::Single,
     "x = 1; y = 2",
     "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
     "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])"},
    {ParseMode::Single,
     "print(x)\n\n",
     "Interactive(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='x', "
     "ctx=Load())], keywords=[]))])"},
    {ParseMode::Eval,
     "1 + 2",
     "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))"},
    {ParseMode::Eval,
     "x, y",
     "Expression(body=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Loa"
     "d()))"},
    {ParseMode::Eval,
     "x,",
     "Expression(body=Tuple(elts=[Name(id='x', ctx=Load())], ctx=Load()))"},
    {ParseMode::Eval,
     "lambda: 0",
     "Expression(body=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_default"
     "s=[], defaults=[]), body=Constant(value=0)))"},
    {ParseMode::Eval,
     "x if y else z",
     "Expression(body=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orel"
     "se=Name(id='z', ctx=Load())))"},
    {ParseMode::Eval,
     "(yield)",
     "Expression(body=Yield())"},
    {ParseMode::Eval,
     "1\n\n",
     "Expression(body=Constant(value=1))"},
    {ParseMode::Eval,
     "[x for x in y]",
     "Expression(body=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target="
     "Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))"},
};

// Sources CPython rejects, with its SyntaxError (type, msg, lineno, offset, end_lineno,
// end_offset), generated with /usr/bin/python3.
const ErrorCase kErrorCases[] = {
    {ParseMode::Exec, "if x:\n        a\n\tb",
     "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {ParseMode::Exec, "x = (1 2)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 9},
    {ParseMode::Exec, "x = (",
     "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "x = )",
     "SyntaxError", "unmatched ')'", 1, 5, 1, 5},
    {ParseMode::Exec, "x = (1, 2]",
     "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 10, 1, 10},
    {ParseMode::Exec, "foo(]",
     "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 5, 1, 5},
    {ParseMode::Exec, "  x = 1",
     "IndentationError", "unexpected indent", 1, 2, 1, -1},
    {ParseMode::Exec, "def f():\npass",
     "IndentationError", "expected an indented block after function definition on line 1", 2, 1, 2, 5},
    {ParseMode::Exec, "if x:\npass",
     "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5},
    {ParseMode::Exec, "for x in y:\npass",
     "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1, 2, 5},
    {ParseMode::Exec, "class A:\npass",
     "IndentationError", "expected an indented block after class definition on line 1", 2, 1, 2, 5},
    {ParseMode::Exec, "while x:\npass",
     "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1, 2, 5},
    {ParseMode::Exec, "with a:\npass",
     "IndentationError", "expected an indented block after 'with' statement on line 1", 2, 1, 2, 5},
    {ParseMode::Exec, "try:\npass",
     "IndentationError", "expected an indented block after 'try' statement on line 1", 2, 1, 2, 5},
    {ParseMode::Exec, "try:\n  pass\nexcept:\npass",
     "IndentationError", "expected an indented block after 'except' statement on line 3", 4, 1, 4, 5},
    {ParseMode::Exec, "try:\n  pass\nfinally:\npass",
     "IndentationError", "expected an indented block after 'finally' statement on line 3", 4, 1, 4, 5},
    {ParseMode::Exec, "if x:\n  pass\nelse:\npass",
     "IndentationError", "expected an indented block after 'else' statement on line 3", 4, 1, 4, 5},
    {ParseMode::Exec, "if x:\n  pass\nelif y:\npass",
     "IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 1, 4, 5},
    {ParseMode::Exec, "try:\n  pass\nexcept* E:\npass",
     "IndentationError", "expected an indented block after 'except*' statement on line 3", 4, 1, 4, 5},
    {ParseMode::Exec, "if x:\n    a\n  b",
     "IndentationError", "unindent does not match any outer indentation level", 3, 4, 3, -1},
    {ParseMode::Exec, "x = 1 +",
     "SyntaxError", "invalid syntax", 1, 8, 1, 8},
    {ParseMode::Exec, "x = 1 + \\",
     "SyntaxError", "unexpected EOF while parsing", 1, 10, 1, -1},
    {ParseMode::Exec, "print 'hello'",
     "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 14},
    {ParseMode::Exec, "print x",
     "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 8},
    {ParseMode::Exec, "exec 'x'",
     "SyntaxError", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1, 1, 9},
    {ParseMode::Exec, "if x\n  pass",
     "SyntaxError", "expected ':'", 1, 5, 1, 5},
    {ParseMode::Exec, "while x\n  pass",
     "SyntaxError", "expected ':'", 1, 8, 1, 8},
    {ParseMode::Exec, "for x in y\n  pass",
     "SyntaxError", "expected ':'", 1, 11, 1, 11},
    {ParseMode::Exec, "class A\n  pass",
     "SyntaxError", "expected ':'", 1, 8, 1, 8},
    {ParseMode::Exec, "def f()\n  pass",
     "SyntaxError", "expected ':'", 1, 8, 1, 8},
    {ParseMode::Exec, "def f:\n  pass",
     "SyntaxError", "expected '('", 1, 6, 1, 7},
    {ParseMode::Exec, "else:",
     "SyntaxError", "invalid syntax", 1, 1, 1, 5},
    {ParseMode::Exec, "try:\n  pass\nexcept E\n  pass",
     "SyntaxError", "expected ':'", 3, 9, 3, 9},
    {ParseMode::Exec, "try:\n  pass\nexcept\n  pass",
     "SyntaxError", "expected ':'", 3, 7, 3, 7},
    {ParseMode::Exec, "with a\n  pass",
     "SyntaxError", "expected ':'", 1, 7, 1, 7},
    {ParseMode::Exec, "x = 'abc",
     "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {ParseMode::Exec, "x = \"abc",
     "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {ParseMode::Exec, "x = '''abc\n\ndef",
     "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5},
    {ParseMode::Exec, "x = \"\"\"abc",
     "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5},
    {ParseMode::Exec, "1 = x",
     "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 2},
    {ParseMode::Exec, "f() = 1",
     "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4},
    {ParseMode::Exec, "x + 1 = 2",
     "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6},
    {ParseMode::Exec, "'abc' = 1",
     "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6},
    {ParseMode::Exec, "None = 1",
     "SyntaxError", "cannot assign to None", 1, 1, 1, 5},
    {ParseMode::Exec, "True = 1",
     "SyntaxError", "cannot assign to True", 1, 1, 1, 5},
    {ParseMode::Exec, "(a, 1) = x",
     "SyntaxError", "cannot assign to literal", 1, 5, 1, 6},
    {ParseMode::Exec, "[a, f()] = x",
     "SyntaxError", "cannot assign to function call", 1, 5, 1, 8},
    {ParseMode::Exec, "x = 1 = y",
     "SyntaxError", "cannot assign to literal", 1, 5, 1, 6},
    {ParseMode::Exec, "a, f() = 1",
     "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4, 1, 7},
    {ParseMode::Exec, "f(), x = 1",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6, 1, 11},
    {ParseMode::Exec, "x = f() = 1",
     "SyntaxError", "cannot assign to function call", 1, 5, 1, 8},
    {ParseMode::Exec, "(yield) = 1",
     "SyntaxError", "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", 1, 2, 1, 7},
    {ParseMode::Exec, "x = yield = 1",
     "SyntaxError", "assignment to yield expression not possible", 1, 5, 1, 10},
    {ParseMode::Exec, "yield = 1",
     "SyntaxError", "assignment to yield expression not possible", 1, 1, 1, 6},
    {ParseMode::Exec, "-x = 1",
     "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 3},
    {ParseMode::Exec, "a.b := 1",
     "SyntaxError", "cannot use assignment expressions with attribute", 1, 1, 1, 4},
    {ParseMode::Exec, "x := 1",
     "SyntaxError", "invalid syntax", 1, 3, 1, 5},
    {ParseMode::Exec, "(a, b) := 1",
     "SyntaxError", "cannot use assignment expressions with tuple", 1, 1, 1, 7},
    {ParseMode::Exec, "[x] := 1",
     "SyntaxError", "cannot use assignment expressions with list", 1, 1, 1, 4},
    {ParseMode::Exec, "x = 0777",
     "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers", 1, 5, 1, 6},
    {ParseMode::Exec, "x = 07",
     "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers", 1, 5, 1, 6},
    {ParseMode::Exec, "x = 1__0",
     "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 1_",
     "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 0x",
     "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 0xg",
     "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 0o8",
     "SyntaxError", "invalid digit '8' in octal literal", 1, 7, 1, 7},
    {ParseMode::Exec, "x = 0o",
     "SyntaxError", "invalid octal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 0b2",
     "SyntaxError", "invalid digit '2' in binary literal", 1, 7, 1, 7},
    {ParseMode::Exec, "x = 0b",
     "SyntaxError", "invalid binary literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 1e",
     "SyntaxError", "invalid decimal literal", 1, 5, 1, 5},
    {ParseMode::Exec, "x = 1e+",
     "SyntaxError", "invalid decimal literal", 1, 7, 1, 7},
    {ParseMode::Exec, "x = 1.e",
     "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 1a",
     "SyntaxError", "invalid decimal literal", 1, 5, 1, 5},
    {ParseMode::Exec, "x = 0x1z",
     "SyntaxError", "invalid hexadecimal literal", 1, 7, 1, 7},
    {ParseMode::Exec, "x = 1_000_",
     "SyntaxError", "invalid decimal literal", 1, 10, 1, 10},
    {ParseMode::Exec, "x = 0_7",
     "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers", 1, 5, 1, 7},
    {ParseMode::Exec, "x = 00_1",
     "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers", 1, 5, 1, 8},
    {ParseMode::Exec, "x = 1.5_",
     "SyntaxError", "invalid decimal literal", 1, 8, 1, 8},
    {ParseMode::Exec, "x = 1__0.0",
     "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 1.0j_",
     "SyntaxError", "invalid imaginary literal", 1, 8, 1, 8},
    {ParseMode::Exec, "f(a=1, b)",
     "SyntaxError", "positional argument follows keyword argument", 1, 9, 1, 10},
    {ParseMode::Exec, "f(**a, b)",
     "SyntaxError", "positional argument follows keyword argument unpacking", 1, 9, 1, 10},
    {ParseMode::Exec, "f(**a, *b)",
     "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 3, 1, 6},
    {ParseMode::Exec, "f(x, **a, *b)",
     "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 3, 1, 9},
    {ParseMode::Exec, "f(a, *b, c=1, d)",
     "SyntaxError", "positional argument follows keyword argument", 1, 16, 1, 17},
    {ParseMode::Exec, "f(a=1, b, c)",
     "SyntaxError", "positional argument follows keyword argument", 1, 12, 1, 13},
    {ParseMode::Exec, "f(True=1)",
     "SyntaxError", "cannot assign to True", 1, 3, 1, 8},
    {ParseMode::Exec, "f(None=1)",
     "SyntaxError", "cannot assign to None", 1, 3, 1, 8},
    {ParseMode::Exec, "f(a.b=1)",
     "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, 1, 7},
    {ParseMode::Exec, "f(a=1 for a in b)",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3, 1, 5},
    {ParseMode::Exec, "f(x for x in y, 1)",
     "SyntaxError", "Generator expression must be parenthesized", 1, 3, 1, 15},
    {ParseMode::Exec, "f(1, x for x in y)",
     "SyntaxError", "Generator expression must be parenthesized", 1, 6, 1, 18},
    {ParseMode::Exec, "f(a, b for b in c, d)",
     "SyntaxError", "Generator expression must be parenthesized", 1, 6, 1, 18},
    {ParseMode::Exec, "class A(x for x in y): pass",
     "SyntaxError", "invalid syntax", 1, 11, 1, 14},
    {ParseMode::Exec, "def f(x=1, y): pass",
     "SyntaxError", "non-default argument follows default argument", 1, 12, 1, 13},
    {ParseMode::Exec, "def f(x=1, /, y): pass",
     "SyntaxError", "non-default argument follows default argument", 1, 15, 1, 16},
    {ParseMode::Exec, "lambda x=1, y: 0",
     "SyntaxError", "non-default argument follows default argument", 1, 13, 1, 14},
    {ParseMode::Exec, "def f(*): pass",
     "SyntaxError", "named arguments must follow bare *", 1, 7, 1, 8},
    {ParseMode::Exec, "def f(*, **k): pass",
     "SyntaxError", "named arguments must follow bare *", 1, 7, 1, 8},
    {ParseMode::Exec, "lambda *: 0",
     "SyntaxError", "named arguments must follow bare *", 1, 9, 1, 10},
    {ParseMode::Exec, "def f(a, /, /): pass",
     "SyntaxError", "/ may appear only once", 1, 13, 1, 14},
    {ParseMode::Exec, "def f(/): pass",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "def f(*, a, /): pass",
     "SyntaxError", "/ must be ahead of *", 1, 13, 1, 14},
    {ParseMode::Exec, "def f(*a, *b): pass",
     "SyntaxError", "* argument may appear only once", 1, 11, 1, 12},
    {ParseMode::Exec, "def f(**k, a): pass",
     "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12, 1, 13},
    {ParseMode::Exec, "def f(**k, *a): pass",
     "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12, 1, 13},
    {ParseMode::Exec, "def f(a=): pass",
     "SyntaxError", "expected default value expression", 1, 8, 1, 9},
    {ParseMode::Exec, "def f(*a=1): pass",
     "SyntaxError", "var-positional argument cannot have default value", 1, 9, 1, 10},
    {ParseMode::Exec, "def f(**a=1): pass",
     "SyntaxError", "var-keyword argument cannot have default value", 1, 10, 1, 11},
    {ParseMode::Exec, "def f((a, b)): pass",
     "SyntaxError", "Function parameters cannot be parenthesized", 1, 7, 1, 13},
    {ParseMode::Exec, "lambda (a): 0",
     "SyntaxError", "Lambda expression parameters cannot be parenthesized", 1, 8, 1, 11},
    {ParseMode::Exec, "def f(a /): pass",
     "SyntaxError", "invalid syntax", 1, 9, 1, 10},
    {ParseMode::Exec, "def f(a, / *): pass",
     "SyntaxError", "expected comma between / and *", 1, 12, 1, 13},
    {ParseMode::Exec, "f\"{x\"",
     "SyntaxError", "f-string: expecting '}'", 1, 6, 1, 6},
    {ParseMode::Exec, "f\"{x!z}\"",
     "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9, 1, 9},
    {ParseMode::Exec, "f\"{x!}\"",
     "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8, 1, 8},
    {ParseMode::Exec, "f\"}\"",
     "SyntaxError", "f-string: single '}' is not allowed", 1, 5, 1, 5},
    {ParseMode::Exec, "f\"{\"",
     "SyntaxError", "f-string: expecting '}'", 1, 5, 1, 5},
    {ParseMode::Exec, "f\"{}\"",
     "SyntaxError", "f-string: empty expression not allowed", 1, 6, 1, 6},
    {ParseMode::Exec, "f\"{ }\"",
     "SyntaxError", "f-string: empty expression not allowed", 1, 7, 1, 7},
    {ParseMode::Exec, "f\"{!r}\"",
     "SyntaxError", "f-string: expression required before '!'", 1, 8, 1, 8},
    {ParseMode::Exec, "f\"{:>10}\"",
     "SyntaxError", "f-string: expression required before ':'", 1, 10, 1, 10},
    {ParseMode::Exec, "f\"{=}\"",
     "SyntaxError", "f-string: expression required before '='", 1, 7, 1, 7},
    {ParseMode::Exec, "f\"{x#}\"",
     "SyntaxError", "f-string expression part cannot include '#'", 1, 8, 1, 8},
    {ParseMode::Exec, "f\"{x)}\"",
     "SyntaxError", "f-string: unmatched ')'", 1, 8, 1, 8},
    {ParseMode::Exec, "f\"{(x}\"",
     "SyntaxError", "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 8, 1, 8},
    {ParseMode::Exec, "f\"{x]}\"",
     "SyntaxError", "f-string: unmatched ']'", 1, 8, 1, 8},
    {ParseMode::Exec, "f\"{a b}\"",
     "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {ParseMode::Exec, "f\"{a +}\"",
     "SyntaxError", "f-string: invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "x = 1\nf\"{a +}\"",
     "SyntaxError", "f-string: invalid syntax", 2, 5, 2, 6},
    {ParseMode::Exec, "f\"{x:{y:{z}}}\"",
     "SyntaxError", "f-string: expressions nested too deeply", 1, 15, 1, 15},
    {ParseMode::Exec, "f\"{'a}\"",
     "SyntaxError", "f-string: unterminated string", 1, 8, 1, 8},
    {ParseMode::Exec, "f\"{x!r\"",
     "SyntaxError", "f-string: expecting '}'", 1, 8, 1, 8},
    {ParseMode::Exec, "f\"{x:\"",
     "SyntaxError", "f-string: expecting '}'", 1, 7, 1, 7},
    {ParseMode::Exec, "f\"{x:{y}\"",
     "SyntaxError", "f-string: expecting '}'", 1, 10, 1, 10},
    {ParseMode::Exec, "f\"{lambda x: 1}\"",
     "SyntaxError", "f-string: invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "f\"a{x!r }b\"",
     "SyntaxError", "f-string: expecting '}'", 1, 12, 1, 12},
    {ParseMode::Exec, "f\"{x y}\" 'abc'",
     "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {ParseMode::Exec, "a € b",
     "SyntaxError", "invalid character '€' (U+20AC)", 1, 3, 1, 3},
    {ParseMode::Exec, "x = 1€",
     "SyntaxError", "invalid decimal literal", 1, 5, 1, 5},
    {ParseMode::Exec, "a b",
     "SyntaxError", "invalid non-printable character U+00A0", 1, 2, 1, 2},
    {ParseMode::Exec, "x = $",
     "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "x = !a",
     "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "x = `a`",
     "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "x = 1 <> 2",
     "SyntaxError", "invalid syntax", 1, 7, 1, 9},
    {ParseMode::Exec, "x = ?",
     "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "a\001b",
     "SyntaxError", "invalid non-printable character U+0001", 1, 2, 1, 2},
    {ParseMode::Exec, "x€y = 1",
     "SyntaxError", "invalid character '€' (U+20AC)", 1, 2, 1, 2},
    {ParseMode::Exec, "€",
     "SyntaxError", "invalid character '€' (U+20AC)", 1, 1, 1, 1},
    {ParseMode::Exec, "x = 'a' b'b'",
     "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13, 1, 13},
    {ParseMode::Exec, "x = b'é'",
     "SyntaxError", "bytes can only contain ASCII literal characters", 1, 9, 1, 9},
    {ParseMode::Exec, "x = '\\x4'",
     "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xX"
     "X escape", 1, 10, 1, 10},
    {ParseMode::Exec, "x = '\\x'",
     "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xX"
     "X escape", 1, 9, 1, 9},
    {ParseMode::Exec, "x = '\\u12'",
     "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uX"
     "XXX escape", 1, 11, 1, 11},
    {ParseMode::Exec, "x = '\\U0011ffff'",
     "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicod"
     "e character", 1, 17, 1, 17},
    {ParseMode::Exec, "x = b'\\x4'",
     "SyntaxError", "(value error) invalid \\x escape at position 0", 1, 11, 1, 11},
    {ParseMode::Exec, "x = '\\'",
     "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {ParseMode::Exec, "x = b'\\'",
     "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {ParseMode::Exec, "{1: 2 3: 4}",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 5, 1, 8},
    {ParseMode::Exec, "f(a b)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6},
    {ParseMode::Exec, "f(a, b c)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 9},
    {ParseMode::Exec, "[a b]",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {ParseMode::Exec, "(a b c)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {ParseMode::Exec, "{a b}",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {ParseMode::Exec, "x = a b",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "a b",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Exec, "x = [1, 2 3]",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9, 1, 12},
    {ParseMode::Exec, "print x y",
     "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 8},
    {ParseMode::Exec, "foo(x z for z in y)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 5, 1, 8},
    {ParseMode::Exec, "[x y for x in z]",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {ParseMode::Exec, "{1: *a}",
     "SyntaxError", "cannot use a starred expression in a dictionary value", 1, 5, 1, 7},
    {ParseMode::Exec, "{1:}",
     "SyntaxError", "expression expected after dictionary key and ':'", 1, 3, 1, 4},
    {ParseMode::Exec, "{1: 2, 3}",
     "SyntaxError", "':' expected after dictionary key", 1, 8, 1, 0},
    {ParseMode::Exec, "{**a for a in b}",
     "SyntaxError", "dict unpacking cannot be used in dict comprehension", 1, 2, 1, 4},
    {ParseMode::Exec, "[*a for a in b]",
     "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 2, 1, 4},
    {ParseMode::Exec, "(*a for a in b)",
     "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 2, 1, 4},
    {ParseMode::Exec, "{*a for a in b}",
     "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 2, 1, 4},
    {ParseMode::Exec, "[a, b for b in c]",
     "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 2, 1, 6},
    {ParseMode::Exec, "[a, for b in c]",
     "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 2, 1, 4},
    {ParseMode::Exec, "{a, b for b in c}",
     "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 2, 1, 6},
    {ParseMode::Exec, "(*a)",
     "SyntaxError", "cannot use starred expression here", 1, 2, 1, 4},
    {ParseMode::Exec, "(**a)",
     "SyntaxError", "cannot use double starred expression here", 1, 2, 1, 4},
    {ParseMode::Exec, "print(*)",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "a, b: int",
     "SyntaxError", "only single target (not tuple) can be annotated", 1, 1, 1, 2},
    {ParseMode::Exec, "(a, b): int",
     "SyntaxError", "only single target (not tuple) can be annotated", 1, 1, 1, 7},
    {ParseMode::Exec, "[a]: int",
     "SyntaxError", "only single target (not list) can be annotated", 1, 1, 1, 4},
    {ParseMode::Exec, "f(): int",
     "SyntaxError", "illegal target for annotation", 1, 1, 1, 4},
    {ParseMode::Exec, "a + 1: int",
     "SyntaxError", "illegal target for annotation", 1, 1, 1, 6},
    {ParseMode::Exec, "f() += 1",
     "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1, 1, 4},
    {ParseMode::Exec, "(a, b) += 1",
     "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 7},
    {ParseMode::Exec, "a, b += 1",
     "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 5},
    {ParseMode::Exec, "[a] += 1",
     "SyntaxError", "'list' is an illegal expression for augmented assignment", 1, 1, 1, 4},
    {ParseMode::Exec, "1 += 1",
     "SyntaxError", "'literal' is an illegal expression for augmented assignment", 1, 1, 1, 2},
    {ParseMode::Exec, "x: int, y",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "del f()",
     "SyntaxError", "cannot delete function call", 1, 5, 1, 8},
    {ParseMode::Exec, "del *a",
     "SyntaxError", "cannot delete starred", 1, 5, 1, 7},
    {ParseMode::Exec, "del (a, 1)",
     "SyntaxError", "cannot delete literal", 1, 9, 1, 10},
    {ParseMode::Exec, "del a + b",
     "SyntaxError", "cannot delete expression", 1, 5, 1, 10},
    {ParseMode::Exec, "del [a, b()]",
     "SyntaxError", "cannot delete function call", 1, 9, 1, 12},
    {ParseMode::Exec, "del x y",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "del",
     "SyntaxError", "invalid syntax", 1, 4, 1, 4},
    {ParseMode::Exec, "for f() in x: pass",
     "SyntaxError", "cannot assign to function call", 1, 5, 1, 8},
    {ParseMode::Exec, "for a + b in x: pass",
     "SyntaxError", "cannot assign to expression", 1, 5, 1, 10},
    {ParseMode::Exec, "for 1 in x: pass",
     "SyntaxError", "cannot assign to literal", 1, 5, 1, 6},
    {ParseMode::Exec, "for (a, f()) in x: pass",
     "SyntaxError", "cannot assign to function call", 1, 9, 1, 12},
    {ParseMode::Exec, "for x in : pass",
     "SyntaxError", "invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "[x for f() in y]",
     "SyntaxError", "cannot assign to function call", 1, 8, 1, 11},
    {ParseMode::Exec, "[x for 1 in y]",
     "SyntaxError", "cannot assign to literal", 1, 8, 1, 9},
    {ParseMode::Exec, "with a as f(): pass",
     "SyntaxError", "cannot assign to function call", 1, 11, 1, 14},
    {ParseMode::Exec, "with a as 1: pass",
     "SyntaxError", "cannot assign to literal", 1, 11, 1, 12},
    {ParseMode::Exec, "with a as b + c: pass",
     "SyntaxError", "cannot assign to expression", 1, 11, 1, 16},
    {ParseMode::Exec, "with (a as f()): pass",
     "SyntaxError", "cannot assign to function call", 1, 12, 1, 15},
    {ParseMode::Exec, "try:\n  pass\nexcept A, B:\n  pass",
     "SyntaxError", "multiple exception types must be parenthesized", 3, 8, 3, 12},
    {ParseMode::Exec, "try:\n  pass\nexcept* A, B:\n  pass",
     "SyntaxError", "multiple exception types must be parenthesized", 3, 9, 3, 13},
    {ParseMode::Exec, "try:\n  pass\nexcept*:\n  pass",
     "SyntaxError", "expected one or more exception types", 3, 8, 3, 9},
    {ParseMode::Exec, "try:\n  pass\nexcept A:\n  pass\nexcept* B:\n  pass",
     "SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'", 5, 1, 5, 8},
    {ParseMode::Exec, "try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass",
     "SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'", 5, 1, 5, 7},
    {ParseMode::Exec, "try:\n  pass\nelse:\n  pass",
     "SyntaxError", "expected 'except' or 'finally' block", 3, 1, 3, 5},
    {ParseMode::Exec, "try:\n  pass\nx = 1",
     "SyntaxError", "expected 'except' or 'finally' block", 3, 1, 3, 2},
    {ParseMode::Exec, "import a.b,",
     "SyntaxError", "invalid syntax", 1, 12, 1, 12},
    {ParseMode::Exec, "from a import b,",
     "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17, 1, 17},
    {ParseMode::Exec, "from a import (b",
     "SyntaxError", "'(' was never closed", 1, 15, 1, 0},
    {ParseMode::Exec, "from a import",
     "SyntaxError", "invalid syntax", 1, 14, 1, 14},
    {ParseMode::Exec, "import",
     "SyntaxError", "invalid syntax", 1, 7, 1, 7},
    {ParseMode::Exec, "from . import *,",
     "SyntaxError", "invalid syntax", 1, 16, 1, 17},
    {ParseMode::Exec, "from a import b as",
     "SyntaxError", "invalid syntax", 1, 19, 1, 19},
    {ParseMode::Exec, "import a as b.c",
     "SyntaxError", "invalid syntax", 1, 14, 1, 15},
    {ParseMode::Exec, "if x = 1: pass",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9},
    {ParseMode::Exec, "while x = 1: pass",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 7, 1, 12},
    {ParseMode::Exec, "[x = 1]",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2, 1, 7},
    {ParseMode::Exec, "(x = 1)",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2, 1, 7},
    {ParseMode::Exec, "{x = 1}",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2, 1, 7},
    {ParseMode::Exec, "x[a = 1]",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3, 1, 8},
    {ParseMode::Exec, "f(a)[b = 1]",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6, 1, 11},
    {ParseMode::Exec, "if x.y = 1: pass",
     "SyntaxError", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4, 1, 7},
    {ParseMode::Exec, "if f() = 1: pass",
     "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4, 1, 7},
    {ParseMode::Exec, "if x = y = 1: pass",
     "SyntaxError", "invalid syntax", 1, 6, 1, 7},
    {ParseMode::Exec, "@x = 1\ndef f(): pass",
     "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2, 1, 7},
    {ParseMode::Exec, "assert x = 1",
     "SyntaxError", "invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "a if b",
     "SyntaxError", "expected 'else' after 'if' expression", 1, 1, 1, 7},
    {ParseMode::Exec, "x = a if b",
     "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 1, 11},
    {ParseMode::Exec, "[a if b for c in d]",
     "SyntaxError", "expected 'else' after 'if' expression", 1, 2, 1, 8},
    {ParseMode::Exec, "f(a if b)",
     "SyntaxError", "expected 'else' after 'if' expression", 1, 3, 1, 9},
    {ParseMode::Exec, "x = a if b else",
     "SyntaxError", "invalid syntax", 1, 16, 1, 16},
    {ParseMode::Exec, "x = 1\n  y = 2",
     "IndentationError", "unexpected indent", 2, 2, 2, -1},
    {ParseMode::Exec, "if x:\n  a\n    b",
     "IndentationError", "unexpected indent", 3, 4, 3, -1},
    {ParseMode::Exec, "if x:\n\ta\n        b",
     "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {ParseMode::Exec, "if x:\n        a\n\tb",
     "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {ParseMode::Exec, "def f():\n  x\n y",
     "IndentationError", "unindent does not match any outer indentation level", 3, 3, 3, -1},
    {ParseMode::Exec, "x = (\n",
     "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "x = [1,\n2,\n",
     "SyntaxError", "'[' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "x = {\n",
     "SyntaxError", "'{' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "foo(\n  a,\n  b",
     "SyntaxError", "'(' was never closed", 1, 4, 1, 0},
    {ParseMode::Exec, "x = (1,\n y = 2\n",
     "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "if x:\n  pass\n else:\n  pass",
     "IndentationError", "unindent does not match any outer indentation level", 3, 7, 3, -1},
    {ParseMode::Exec, "x = 1\n)\n",
     "SyntaxError", "unmatched ')'", 2, 1, 2, 1},
    {ParseMode::Exec, "x = ]",
     "SyntaxError", "unmatched ']'", 1, 5, 1, 5},
    {ParseMode::Exec, "}",
     "SyntaxError", "unmatched '}'", 1, 1, 1, 1},
    {ParseMode::Exec, "x = (1]\n",
     "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 1, 7},
    {ParseMode::Exec, "x = [1)\n",
     "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 7, 1, 7},
    {ParseMode::Exec, "x = (\n1]\n",
     "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2, 2},
    {ParseMode::Exec, "((((",
     "SyntaxError", "'(' was never closed", 1, 4, 1, 0},
    {ParseMode::Exec, "x = \\ y",
     "SyntaxError", "unexpected character after line continuation character", 1, 6, 1, 0},
    {ParseMode::Exec, "x = 1 \\",
     "SyntaxError", "unexpected EOF while parsing", 1, 8, 1, -1},
    {ParseMode::Exec, "\\",
     "SyntaxError", "unexpected EOF while parsing", 1, 2, 1, -1},
    {ParseMode::Exec, "def f():\n  return\n\n  x = (",
     "SyntaxError", "'(' was never closed", 4, 7, 4, 0},
    {ParseMode::Exec, "x = 1\ny = (2\nz = 3\n",
     "SyntaxError", "'(' was never closed", 2, 5, 2, 0},
    {ParseMode::Exec, "x = (1 2\ny = \"abc",
     "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5, 2, 5},
    {ParseMode::Exec, "x = = 1\ny = 'abc",
     "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5, 2, 5},
    {ParseMode::Exec, "x y\nz = (",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Exec, "x y\n)",
     "SyntaxError", "unmatched ')'", 2, 1, 2, 1},
    {ParseMode::Exec, "x = (\ny z\n",
     "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "global",
     "SyntaxError", "invalid syntax", 1, 7, 1, 7},
    {ParseMode::Exec, "global x,",
     "SyntaxError", "invalid syntax", 1, 10, 1, 10},
    {ParseMode::Exec, "nonlocal 1",
     "SyntaxError", "invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "assert",
     "SyntaxError", "invalid syntax", 1, 7, 1, 7},
    {ParseMode::Exec, "raise from x",
     "SyntaxError", "invalid syntax", 1, 7, 1, 11},
    {ParseMode::Exec, "return ,",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "pass x",
     "SyntaxError", "invalid syntax", 1, 6, 1, 7},
    {ParseMode::Exec, "break x",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "x.1",
     "SyntaxError", "invalid syntax", 1, 2, 1, 4},
    {ParseMode::Exec, "x.(y)",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Exec, "x[]",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Exec, "x()()(",
     "SyntaxError", "'(' was never closed", 1, 6, 1, 0},
    {ParseMode::Exec, "f(,)",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Exec, "f(a,,b)",
     "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "[,]",
     "SyntaxError", "invalid syntax", 1, 2, 1, 3},
    {ParseMode::Exec, "(,)",
     "SyntaxError", "invalid syntax", 1, 2, 1, 3},
    {ParseMode::Exec, "{,}",
     "SyntaxError", "invalid syntax", 1, 2, 1, 3},
    {ParseMode::Exec, "x = 1,,",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "lambda: yield",
     "SyntaxError", "invalid syntax", 1, 9, 1, 14},
    {ParseMode::Exec, "lambda x: x = 1",
     "SyntaxError", "cannot assign to lambda", 1, 1, 1, 12},
    {ParseMode::Exec, "x = lambda: *a",
     "SyntaxError", "invalid syntax", 1, 13, 1, 14},
    {ParseMode::Exec, "class A(B=1, C): pass",
     "SyntaxError", "positional argument follows keyword argument", 1, 15, 1, 16},
    {ParseMode::Exec, "class A(1=2): pass",
     "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 9, 1, 11},
    {ParseMode::Exec, "def f() -> : pass",
     "SyntaxError", "expected ':'", 1, 9, 1, 11},
    {ParseMode::Exec, "def 1(): pass",
     "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "class 1: pass",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "def f(a b): pass",
     "SyntaxError", "invalid syntax", 1, 9, 1, 10},
    {ParseMode::Exec, "@\ndef f(): pass",
     "SyntaxError", "invalid syntax", 1, 2, 1, 2},
    {ParseMode::Exec, "@x\nx = 1",
     "SyntaxError", "invalid syntax", 2, 1, 2, 2},
    {ParseMode::Exec, "if x:\n  pass\nelif:\n  pass",
     "SyntaxError", "invalid syntax", 3, 5, 3, 6},
    {ParseMode::Exec, "if:\n  pass",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Exec, "while:\n  pass",
     "SyntaxError", "invalid syntax", 1, 6, 1, 7},
    {ParseMode::Exec, "for in x: pass",
     "SyntaxError", "invalid syntax", 1, 5, 1, 7},
    {ParseMode::Exec, "x = not",
     "SyntaxError", "invalid syntax", 1, 8, 1, 8},
    {ParseMode::Exec, "x = 1 +* 2",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "x = 1 ** ** 2",
     "SyntaxError", "invalid syntax", 1, 10, 1, 12},
    {ParseMode::Exec, "x = a.b.",
     "SyntaxError", "invalid syntax", 1, 9, 1, 9},
    {ParseMode::Exec, "x = (a for)",
     "SyntaxError", "invalid syntax", 1, 11, 1, 12},
    {ParseMode::Exec, "x = [a for a in]",
     "SyntaxError", "invalid syntax", 1, 16, 1, 17},
    {ParseMode::Exec, "x = {a: b for a in}",
     "SyntaxError", "invalid syntax", 1, 19, 1, 20},
    {ParseMode::Exec, "x = 1 if else 2",
     "SyntaxError", "invalid syntax", 1, 10, 1, 14},
    {ParseMode::Exec, "x = 1 if 2",
     "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 1, 11},
    {ParseMode::Exec, "not",
     "SyntaxError", "invalid syntax", 1, 4, 1, 4},
    {ParseMode::Exec, "x = (yield from)",
     "SyntaxError", "invalid syntax", 1, 16, 1, 17},
    {ParseMode::Exec, "yield from",
     "SyntaxError", "invalid syntax", 1, 11, 1, 11},
    {ParseMode::Exec, "x: int: str",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "x, y: int = 1, 2",
     "SyntaxError", "only single target (not tuple) can be annotated", 1, 1, 1, 2},
    {ParseMode::Exec, "f(**)",
     "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "f(*)",
     "SyntaxError", "invalid syntax", 1, 4, 1, 5},
    {ParseMode::Exec, "f(a, **)",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "f(a=)",
     "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {ParseMode::Exec, "f(=1)",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Exec, "x[1:2:3:4]",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "x = {1: 2, **}",
     "SyntaxError", "invalid syntax", 1, 14, 1, 15},
    {ParseMode::Exec, "x = [*]",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "'abc' 'def' = 1",
     "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 12},
    {ParseMode::Exec, "f'{x}' = 1",
     "SyntaxError", "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 7},
    {ParseMode::Exec, "x = 1\nf'{x}' += 1",
     "SyntaxError", "'f-string expression' is an illegal expression for augmented assignment", 2, 1, 2, 7},
    {ParseMode::Exec, "[1, 2] = x",
     "SyntaxError", "cannot assign to literal", 1, 2, 1, 3},
    {ParseMode::Exec, "{a: b} = x",
     "SyntaxError", "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 7},
    {ParseMode::Exec, "{a} = x",
     "SyntaxError", "cannot assign to set display here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4},
    {ParseMode::Exec, "a < b = c",
     "SyntaxError", "cannot assign to comparison", 1, 1, 1, 6},
    {ParseMode::Exec, "a and b = c",
     "SyntaxError", "cannot assign to expression", 1, 1, 1, 8},
    {ParseMode::Exec, "not a = b",
     "SyntaxError", "cannot assign to expression", 1, 1, 1, 6},
    {ParseMode::Exec, "lambda: 1 = 2",
     "SyntaxError", "cannot assign to lambda", 1, 1, 1, 10},
    {ParseMode::Exec, "a if b else c = d",
     "SyntaxError", "cannot assign to conditional expression", 1, 1, 1, 14},
    {ParseMode::Exec, "(a := 1) = 2",
     "SyntaxError", "cannot assign to named expression here. Maybe you meant '==' instead of '='?", 1, 2, 1, 8},
    {ParseMode::Exec, "... = 1",
     "SyntaxError", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4},
    {ParseMode::Exec, "x.y.z() = 1",
     "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 8},
    {ParseMode::Exec, "x[0]() = 1",
     "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 7},
    {ParseMode::Exec, "for x in range(10):\n    pass\n  y = 1",
     "IndentationError", "unindent does not match any outer indentation level", 3, 8, 3, -1},
    {ParseMode::Exec, "class A:\n    def f(self):\n        pass\n      x = 1",
     "IndentationError", "unindent does not match any outer indentation level", 4, 12, 4, -1},
    {ParseMode::Exec, "x = 1\n\tif y:\n  pass",
     "IndentationError", "unexpected indent", 2, 1, 2, -1},
    {ParseMode::Exec, "x = [\n  1,\n  2\n  3\n]",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 3, 3, 4, 4},
    {ParseMode::Exec, "d = {'a': 1\n     'b': 2}",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 11, 2, 9},
    {ParseMode::Exec, "print('a' 'b' c)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 7, 1, 16},
    {ParseMode::Exec, "foo(a=1, b=2 c=3)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 12, 1, 15},
    {ParseMode::Exec, "é = (1 2)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 9},
    {ParseMode::Exec, "x = 'é' + (1 2)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 12, 1, 15},
    {ParseMode::Exec, "s = 'ñ€'; x = $",
     "SyntaxError", "invalid syntax", 1, 15, 1, 16},
    {ParseMode::Exec, "é = 1 +",
     "SyntaxError", "invalid syntax", 1, 8, 1, 8},
    {ParseMode::Exec, "x = '€' 1",
     "SyntaxError", "invalid syntax", 1, 9, 1, 10},
    {ParseMode::Exec, "f'{é b}'",
     "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 6},
    {ParseMode::Exec, "x = ('é'\n  'a' 1)",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 2, 7},
    {ParseMode::Exec, "def f():\n    x = 1\n    return x +\n",
     "SyntaxError", "invalid syntax", 3, 15, 3, 15},
    {ParseMode::Exec, "class A:\n    def f(self):\n        pass\n    x = (1,\n",
     "SyntaxError", "'(' was never closed", 4, 9, 4, 0},
    {ParseMode::Exec, "if x:\n    pass\n  elif y:\n    pass",
     "IndentationError", "unindent does not match any outer indentation level", 3, 10, 3, -1},
    {ParseMode::Exec, "x = [\n    1,\n    2,\n    3\n    4,\n]",
     "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 4, 5, 5, 6},
    {ParseMode::Exec, "foo(\n    a=1,\n    b\n)",
     "SyntaxError", "positional argument follows keyword argument", 4, 1, 4, 2},
    {ParseMode::Exec, "x = {\n  'a': 1,\n  'b' 2,\n}",
     "SyntaxError", "':' expected after dictionary key", 3, 5, 3, 0},
    {ParseMode::Exec, "def f(\n    a,\n    b=1,\n    c\n): pass",
     "SyntaxError", "non-default argument follows default argument", 4, 5, 4, 6},
    {ParseMode::Exec, "print(f'{x!}')",
     "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 14, 1, 15},
    {ParseMode::Exec, "x = f'{x' + 'y'",
     "SyntaxError", "f-string: expecting '}'", 1, 11, 1, 12},
    {ParseMode::Exec, "x = 1\n\n\n\nif",
     "SyntaxError", "invalid syntax", 5, 3, 5, 3},
    {ParseMode::Exec, "x = 1\n\n\n\nif x",
     "SyntaxError", "expected ':'", 5, 5, 5, 5},
    {ParseMode::Exec, "if x:\n\n\n",
     "IndentationError", "expected an indented block after 'if' statement on line 1", 3, 1, 3, -1},
    {ParseMode::Exec, "def f():\n\n",
     "IndentationError", "expected an indented block after function definition on line 1", 2, 1, 2, -1},
    {ParseMode::Exec, "x = '''\nabc\n",
     "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
    {ParseMode::Exec, "x = (1,\n     2,\n",
     "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "\tif x:\n\t\tpass",
     "IndentationError", "unexpected indent", 1, 1, 1, -1},
    {ParseMode::Exec, "if x:\n  \tpass\n\t  pass",
     "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {ParseMode::Exec, "x = 1\n  # comment\ny = 2\n    z = 3",
     "IndentationError", "unexpected indent", 4, 4, 4, -1},
    {ParseMode::Exec, "x = 1 if True else",
     "SyntaxError", "invalid syntax", 1, 19, 1, 19},
    {ParseMode::Exec, "for x in range(3):\n    pass\nelse\n    pass",
     "SyntaxError", "expected ':'", 3, 5, 3, 5},
    {ParseMode::Exec, "while True:\n    pass\nelse:",
     "IndentationError", "expected an indented block after 'else' statement on line 3", 3, 6, 3, -1},
    {ParseMode::Exec, "try:\n    pass\nfinally",
     "SyntaxError", "expected ':'", 3, 8, 3, 8},
    {ParseMode::Exec, "try:\n    pass\nexcept ValueError as:\n    pass",
     "SyntaxError", "invalid syntax", 3, 21, 3, 22},
    {ParseMode::Exec, "try:\n    pass\nexcept ValueError as e.x:\n    pass",
     "SyntaxError", "invalid syntax", 3, 23, 3, 24},
    {ParseMode::Exec, "with open(x) as f, :\n    pass",
     "SyntaxError", "invalid syntax", 1, 20, 1, 21},
    {ParseMode::Exec, "with (open(x) as f:\n    pass",
     "SyntaxError", "invalid syntax", 1, 19, 1, 20},
    {ParseMode::Exec, "import a.",
     "SyntaxError", "invalid syntax", 1, 10, 1, 10},
    {ParseMode::Exec, "from . import",
     "SyntaxError", "invalid syntax", 1, 14, 1, 14},
    {ParseMode::Exec, "from a import b c",
     "SyntaxError", "invalid syntax", 1, 17, 1, 18},
    {ParseMode::Exec, "import a b",
     "SyntaxError", "invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "x = [1, 2, 3",
     "SyntaxError", "'[' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "x = {'a': [1, 2}",
     "SyntaxError", "closing parenthesis '}' does not match opening parenthesis '['", 1, 16, 1, 16},
    {ParseMode::Exec, "print((1, 2)",
     "SyntaxError", "'(' was never closed", 1, 6, 1, 0},
    {ParseMode::Exec, "if (x:\n    pass",
     "SyntaxError", "invalid syntax", 1, 6, 1, 7},
    {ParseMode::Exec, "a = 1\nb = 2\nc = 3 4\nd = 5",
     "SyntaxError", "invalid syntax", 3, 7, 3, 8},
    {ParseMode::Exec, "def f():\n    pass\n\ndef g()\n    pass",
     "SyntaxError", "expected ':'", 4, 8, 4, 8},
    {ParseMode::Exec, "x = 5 if 6 7",
     "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 1, 11},
    {ParseMode::Exec, "x = a.b.c d",
     "SyntaxError", "invalid syntax", 1, 11, 1, 12},
    {ParseMode::Exec, "x = a[1] b",
     "SyntaxError", "invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "x = f(a) g(b)",
     "SyntaxError", "invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "x = not in y",
     "SyntaxError", "invalid syntax", 1, 9, 1, 11},
    {ParseMode::Exec, "x = a not b",
     "SyntaxError", "invalid syntax", 1, 11, 1, 12},
    {ParseMode::Exec, "x = a is not not b",
     "SyntaxError", "invalid syntax", 1, 14, 1, 17},
    {ParseMode::Exec, "x = a <> b",
     "SyntaxError", "invalid syntax", 1, 7, 1, 9},
    {ParseMode::Exec, "x = a === b",
     "SyntaxError", "invalid syntax", 1, 9, 1, 10},
    {ParseMode::Exec, "x = a =! b",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "x = a => b",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "x = a ! b",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "x = a && b",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "x = a || b",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "x++",
     "SyntaxError", "invalid syntax", 1, 4, 1, 4},
    {ParseMode::Exec, "x = 1 ++",
     "SyntaxError", "invalid syntax", 1, 9, 1, 9},
    {ParseMode::Exec, "'a' 'b' c",
     "SyntaxError", "invalid syntax", 1, 9, 1, 10},
    {ParseMode::Exec, "f'a' x",
     "SyntaxError", "invalid syntax", 1, 6, 1, 7},
    {ParseMode::Exec, "b'a' 'b'",
     "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 9, 1, 9},
    {ParseMode::Exec, "'a' b'b'",
     "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 9, 1, 9},
    {ParseMode::Exec, "f'x' b'y'",
     "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 10, 1, 10},
    {ParseMode::Exec, "u'x' b'y'",
     "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 10, 1, 10},
    {ParseMode::Exec, "x = 0b1_2",
     "SyntaxError", "invalid digit '2' in binary literal", 1, 9, 1, 9},
    {ParseMode::Exec, "x = 0o1_8",
     "SyntaxError", "invalid digit '8' in octal literal", 1, 9, 1, 9},
    {ParseMode::Exec, "x = 0x_",
     "SyntaxError", "invalid hexadecimal literal", 1, 7, 1, 7},
    {ParseMode::Exec, "x = 0_",
     "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 1e1_",
     "SyntaxError", "invalid decimal literal", 1, 8, 1, 8},
    {ParseMode::Exec, "x = 1.__class__",
     "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {ParseMode::Exec, "x = 0.0.0",
     "SyntaxError", "invalid syntax", 1, 8, 1, 10},
    {ParseMode::Exec, "x = 1..2",
     "SyntaxError", "invalid syntax", 1, 7, 1, 9},
    {ParseMode::Exec, "x = 1e5e5",
     "SyntaxError", "invalid decimal literal", 1, 7, 1, 7},
    {ParseMode::Exec, "def f(a, b):\n    return a +* b",
     "SyntaxError", "invalid syntax", 2, 15, 2, 16},
    {ParseMode::Exec, "x = (yield) = 1",
     "SyntaxError", "cannot assign to yield expression", 1, 6, 1, 11},
    {ParseMode::Exec, "x = [yield]",
     "SyntaxError", "invalid syntax", 1, 6, 1, 11},
    {ParseMode::Exec, "def f(): x = yield = 1",
     "SyntaxError", "assignment to yield expression not possible", 1, 14, 1, 19},
    {ParseMode::Exec, "print(*a for a in b)",
     "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 7, 1, 9},
    {ParseMode::Exec, "f(**a for a in b)",
     "SyntaxError", "invalid syntax", 1, 7, 1, 10},
    {ParseMode::Exec, "if x:\n    pass\nelif y\n    pass",
     "SyntaxError", "expected ':'", 3, 7, 3, 7},
    {ParseMode::Exec, "class A(metaclass=M:\n    pass",
     "SyntaxError", "invalid syntax", 1, 20, 1, 21},
    {ParseMode::Exec, "def f(a, *, b, **c, d): pass",
     "SyntaxError", "arguments cannot follow var-keyword argument", 1, 21, 1, 22},
    {ParseMode::Exec, "x = {a: b for a, b in c if d else e}",
     "SyntaxError", "invalid syntax", 1, 30, 1, 34},
    {ParseMode::Exec, "x = [a for a in b if c else d]",
     "SyntaxError", "invalid syntax", 1, 24, 1, 28},
    {ParseMode::Exec, "x = [a for a in b c]",
     "SyntaxError", "invalid syntax", 1, 19, 1, 20},
    {ParseMode::Exec, "x = (a for a in b if)",
     "SyntaxError", "invalid syntax", 1, 21, 1, 22},
    {ParseMode::Exec, "global x = 1",
     "SyntaxError", "invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "nonlocal x y",
     "SyntaxError", "invalid syntax", 1, 12, 1, 13},
    {ParseMode::Exec, "del x = 1",
     "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {ParseMode::Exec, "assert x, y, z",
     "SyntaxError", "invalid syntax", 1, 12, 1, 13},
    {ParseMode::Exec, "raise x, y",
     "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {ParseMode::Exec, "raise x from",
     "SyntaxError", "invalid syntax", 1, 13, 1, 13},
    {ParseMode::Exec, "return x = 1",
     "SyntaxError", "invalid syntax", 1, 10, 1, 11},
    {ParseMode::Exec, "import a.b as c.d",
     "SyntaxError", "invalid syntax", 1, 16, 1, 17},
    {ParseMode::Exec, "from a import b.c",
     "SyntaxError", "invalid syntax", 1, 16, 1, 17},
    {ParseMode::Exec, "x = 1\nx = 1\nx = 1\ny = (",
     "SyntaxError", "'(' was never closed", 4, 5, 4, 0},
    {ParseMode::Exec, "x = (\n1,\n1,\n1,\n1,\n1,\n",
     "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {ParseMode::Exec, "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "(((((((((((((((((((((((((",
     "SyntaxError", "too many nested parentheses", 1, 201, 1, 201},
    {ParseMode::Exec, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
     "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
     "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
     "SyntaxError", "too many nested parentheses", 1, 201, 1, 201},
    {ParseMode::Exec, "x = 'a\\\nb",
     "SyntaxError", "unterminated string literal (detected at line 2)", 1, 5, 1, 5},
    {ParseMode::Exec, "x = 'abc\\",
     "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {ParseMode::Exec, "x = \"\"\"abc\\\n",
     "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5},
    {ParseMode::Exec, "s = f'{x!r=}'",
     "SyntaxError", "f-string: expecting '}'", 1, 14, 1, 14},
    {ParseMode::Exec, "s = f'{x=!}'",
     "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, 1, 13},
    {ParseMode::Exec, "s = f'{x}}'",
     "SyntaxError", "f-string: single '}' is not allowed", 1, 12, 1, 12},
    {ParseMode::Exec, "s = f'{{x}'",
     "SyntaxError", "f-string: single '}' is not allowed", 1, 12, 1, 12},
    {ParseMode::Exec, "s = f'{x:}}'",
     "SyntaxError", "f-string: single '}' is not allowed", 1, 13, 1, 13},
    {ParseMode::Exec, "s = f'{x:{y}}}'",
     "SyntaxError", "f-string: single '}' is not allowed", 1, 16, 1, 16},
    {ParseMode::Single, "x = 1\ny = 2\n",
     "SyntaxError", "multiple statements found while compiling a single statement", 1, 6, 1, 6},
    {ParseMode::Single, "",
     "SyntaxError", "invalid syntax", 0, 0, 0, 0},
    {ParseMode::Single, "if x:\n  pass\nx = 1\n",
     "SyntaxError", "invalid syntax", 3, 1, 3, 2},
    {ParseMode::Single, "\n",
     "SyntaxError", "invalid syntax", 1, 0, 1, 0},
    {ParseMode::Single, "# c\n",
     "SyntaxError", "invalid syntax", 1, 0, 1, 0},
    {ParseMode::Eval, "*a, b",
     "SyntaxError", "invalid syntax", 1, 1, 1, 2},
    {ParseMode::Eval, "x = 1",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Eval, "",
     "SyntaxError", "invalid syntax", 0, 0, 0, 0},
    {ParseMode::Eval, "a b",
     "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {ParseMode::Eval, "f(x",
     "SyntaxError", "'(' was never closed", 1, 2, 1, 0},
};

// ast.dump(tree, include_attributes=True): every node's position.
const DumpCase kPositionCases[] = {
    {ParseMode::Exec,
     "x = 1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, e"
     "nd_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores"
     "=[])"},
    {ParseMode::Exec,
     "a, *b = c",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store(), lineno=1, col_offset="
     "0, end_lineno=1, end_col_offset=1), Starred(value=Name(id='b', ctx=Store(), lineno=1, co"
     "l_offset=4, end_lineno=1, end_col_offset=5), ctx=Store(), lineno=1, col_offset=3, end_li"
     "neno=1, end_col_offset=5)], ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_o"
     "ffset=5)], value=Name(id='c', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_"
     "offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[])"},
    {ParseMode::Exec,
     "x.y[0] += f(a, *b, k=1, **c)",
     "Module(body=[AugAssign(target=Subscript(value=Attribute(value=Name(id='x', ctx=Load(), l"
     "ineno=1, col_offset=0, end_lineno=1, end_col_offset=1), attr='y', ctx=Load(), lineno=1, "
     "col_offset=0, end_lineno=1, end_col_offset=3), slice=Constant(value=0, lineno=1, col_off"
     "set=4, end_lineno=1, end_col_offset=5), ctx=Store(), lineno=1, col_offset=0, end_lineno="
     "1, end_col_offset=6), op=Add(), value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_o"
     "ffset=10, end_lineno=1, end_col_offset=11), args=[Name(id='a', ctx=Load(), lineno=1, col"
     "_offset=12, end_lineno=1, end_col_offset=13), Starred(value=Name(id='b', ctx=Load(), lin"
     "eno=1, col_offset=16, end_lineno=1, end_col_offset=17), ctx=Load(), lineno=1, col_offset"
     "=15, end_lineno=1, end_col_offset=17)], keywords=[keyword(arg='k', value=Constant(value="
     "1, lineno=1, col_offset=21, end_lineno=1, end_col_offset=22), lineno=1, col_offset=19, e"
     "nd_lineno=1, end_col_offset=22), keyword(value=Name(id='c', ctx=Load(), lineno=1, col_of"
     "fset=26, end_lineno=1, end_col_offset=27), lineno=1, col_offset=24, end_lineno=1, end_co"
     "l_offset=27)], lineno=1, col_offset=10, end_lineno=1, end_col_offset=28), lineno=1, col_"
     "offset=0, end_lineno=1, end_col_offset=28)], type_ignores=[])"},
    {ParseMode::Exec,
     "if x:\n    pass\nelif y:\n    z\nelse:\n    w",
     "Module(body=[If(test=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_"
     "col_offset=4), body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], orel"
     "se=[If(test=Name(id='y', ctx=Load(), lineno=3, col_offset=5, end_lineno=3, end_col_offse"
     "t=6), body=[Expr(value=Name(id='z', ctx=Load(), lineno=4, col_offset=4, end_lineno=4, en"
     "d_col_offset=5), lineno=4, col_offset=4, end_lineno=4, end_col_offset=5)], orelse=[Expr("
     "value=Name(id='w', ctx=Load(), lineno=6, col_offset=4, end_lineno=6, end_col_offset=5), "
     "lineno=6, col_offset=4, end_lineno=6, end_col_offset=5)], lineno=3, col_offset=0, end_li"
     "neno=6, end_col_offset=5)], lineno=1, col_offset=0, end_lineno=6, end_col_offset=5)], ty"
     "pe_ignores=[])"},
    {ParseMode::Exec,
     "def f(a: int = 1, *b, c, **d) -> None:\n    return a",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', ann"
     "otation=Name(id='int', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset="
     "12), lineno=1, col_offset=6, end_lineno=1, end_col_offset=12)], vararg=arg(arg='b', line"
     "no=1, col_offset=19, end_lineno=1, end_col_offset=20), kwonlyargs=[arg(arg='c', lineno=1"
     ", col_offset=22, end_lineno=1, end_col_offset=23)], kw_defaults=[None], kwarg=arg(arg='d"
     "', lineno=1, col_offset=27, end_lineno=1, end_col_offset=28), defaults=[Constant(value=1"
     ", lineno=1, col_offset=15, end_lineno=1, end_col_offset=16)]), body=[Return(value=Name(i"
     "d='a', ctx=Load(), lineno=2, col_offset=11, end_lineno=2, end_col_offset=12), lineno=2, "
     "col_offset=4, end_lineno=2, end_col_offset=12)], decorator_list=[], returns=Constant(val"
     "ue=None, lineno=1, col_offset=33, end_lineno=1, end_col_offset=37), lineno=1, col_offset"
     "=0, end_lineno=2, end_col_offset=12)], type_ignores=[])"},
    {ParseMode::Exec,
     "@dec\nclass A(B, metaclass=M):\n    x: int = 1",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load(), lineno=2, col_offset=8, "
     "end_lineno=2, end_col_offset=9)], keywords=[keyword(arg='metaclass', value=Name(id='M', "
     "ctx=Load(), lineno=2, col_offset=21, end_lineno=2, end_col_offset=22), lineno=2, col_off"
     "set=11, end_lineno=2, end_col_offset=22)], body=[AnnAssign(target=Name(id='x', ctx=Store"
     "(), lineno=3, col_offset=4, end_lineno=3, end_col_offset=5), annotation=Name(id='int', c"
     "tx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=10), value=Constant(valu"
     "e=1, lineno=3, col_offset=13, end_lineno=3, end_col_offset=14), simple=1, lineno=3, col_"
     "offset=4, end_lineno=3, end_col_offset=14)], decorator_list=[Name(id='dec', ctx=Load(), "
     "lineno=1, col_offset=1, end_lineno=1, end_col_offset=4)], lineno=2, col_offset=0, end_li"
     "neno=3, end_col_offset=14)], type_ignores=[])"},
    {ParseMode::Exec,
     "try:\n    pass\nexcept E as e:\n    pass\nfinally:\n    pass",
     "Module(body=[Try(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], ha"
     "ndlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, col_offset=7, end_lineno=3"
     ", end_col_offset=8), name='e', body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_"
     "offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], orelse=[], finalbo"
     "dy=[Pass(lineno=6, col_offset=4, end_lineno=6, end_col_offset=8)], lineno=1, col_offset="
     "0, end_lineno=6, end_col_offset=8)], type_ignores=[])"},
    {ParseMode::Exec,
     "with a as b, (c):\n    pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=1, col_of"
     "fset=5, end_lineno=1, end_col_offset=6), optional_vars=Name(id='b', ctx=Store(), lineno="
     "1, col_offset=10, end_lineno=1, end_col_offset=11)), withitem(context_expr=Name(id='c', "
     "ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15))], body=[Pass(line"
     "no=2, col_offset=4, end_lineno=2, end_col_offset=8)], lineno=1, col_offset=0, end_lineno"
     "=2, end_col_offset=8)], type_ignores=[])"},
    {ParseMode::Exec,
     "import a.b as c\nfrom .d import (e, f as g)",
     "Module(body=[Import(names=[alias(name='a.b', asname='c', lineno=1, col_offset=7, end_lin"
     "eno=1, end_col_offset=15)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), Im"
     "portFrom(module='d', names=[alias(name='e', lineno=2, col_offset=16, end_lineno=2, end_c"
     "ol_offset=17), alias(name='f', asname='g', lineno=2, col_offset=19, end_lineno=2, end_co"
     "l_offset=25)], level=1, lineno=2, col_offset=0, end_lineno=2, end_col_offset=26)], type_"
     "ignores=[])"},
    {ParseMode::Exec,
     "x = [i for i in y if i] + {k: v for k, v in z}",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=BinOp(left=ListComp(elt=Name(id='i', ctx=Load(), lineno=1"
     ", col_offset=5, end_lineno=1, end_col_offset=6), generators=[comprehension(target=Name(i"
     "d='i', ctx=Store(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), iter=Name"
     "(id='y', ctx=Load(), lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), ifs=[Nam"
     "e(id='i', ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=22)], is_asy"
     "nc=0)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=23), op=Add(), right=DictCo"
     "mp(key=Name(id='k', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28"
     "), value=Name(id='v', ctx=Load(), lineno=1, col_offset=30, end_lineno=1, end_col_offset="
     "31), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store(), lineno=1, co"
     "l_offset=36, end_lineno=1, end_col_offset=37), Name(id='v', ctx=Store(), lineno=1, col_o"
     "ffset=39, end_lineno=1, end_col_offset=40)], ctx=Store(), lineno=1, col_offset=36, end_l"
     "ineno=1, end_col_offset=40), iter=Name(id='z', ctx=Load(), lineno=1, col_offset=44, end_"
     "lineno=1, end_col_offset=45), ifs=[], is_async=0)], lineno=1, col_offset=26, end_lineno="
     "1, end_col_offset=46), lineno=1, col_offset=4, end_lineno=1, end_col_offset=46), lineno="
     "1, col_offset=0, end_lineno=1, end_col_offset=46)], type_ignores=[])"},
    {ParseMode::Exec,
     "lambda a, /, b=1: (yield a)",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a', lineno=1, col_of"
     "fset=7, end_lineno=1, end_col_offset=8)], args=[arg(arg='b', lineno=1, col_offset=13, en"
     "d_lineno=1, end_col_offset=14)], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value"
     "=1, lineno=1, col_offset=15, end_lineno=1, end_col_offset=16)]), body=Yield(value=Name(i"
     "d='a', ctx=Load(), lineno=1, col_offset=25, end_lineno=1, end_col_offset=26), lineno=1, "
     "col_offset=19, end_lineno=1, end_col_offset=26), lineno=1, col_offset=0, end_lineno=1, e"
     "nd_col_offset=27), lineno=1, col_offset=0, end_lineno=1, end_col_offset=27)], type_ignor"
     "es=[])"},
    {ParseMode::Exec,
     "x = a if b else c",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=IfExp(test=Name(id='b', ctx=Load(), lineno=1, col_offset="
     "9, end_lineno=1, end_col_offset=10), body=Name(id='a', ctx=Load(), lineno=1, col_offset="
     "4, end_lineno=1, end_col_offset=5), orelse=Name(id='c', ctx=Load(), lineno=1, col_offset"
     "=16, end_lineno=1, end_col_offset=17), lineno=1, col_offset=4, end_lineno=1, end_col_off"
     "set=17), lineno=1, col_offset=0, end_lineno=1, end_col_offset=17)], type_ignores=[])"},
    {ParseMode::Exec,
     "x = (a + b) * -c ** d",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=BinOp(left=BinOp(left=Name(id='a', ctx=Load(), lineno=1, "
     "col_offset=5, end_lineno=1, end_col_offset=6), op=Add(), right=Name(id='b', ctx=Load(), "
     "lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=5, end_li"
     "neno=1, end_col_offset=10), op=Mult(), right=UnaryOp(op=USub(), operand=BinOp(left=Name("
     "id='c', ctx=Load(), lineno=1, col_offset=15, end_lineno=1, end_col_offset=16), op=Pow(),"
     " right=Name(id='d', ctx=Load(), lineno=1, col_offset=20, end_lineno=1, end_col_offset=21"
     "), lineno=1, col_offset=15, end_lineno=1, end_col_offset=21), lineno=1, col_offset=14, e"
     "nd_lineno=1, end_col_offset=21), lineno=1, col_offset=4, end_lineno=1, end_col_offset=21"
     "), lineno=1, col_offset=0, end_lineno=1, end_col_offset=21)], type_ignores=[])"},
    {ParseMode::Exec,
     "print(f'{x!r:>{w}} {y=}')",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load(), lineno=1, col_offset=0, e"
     "nd_lineno=1, end_col_offset=5), args=[JoinedStr(values=[FormattedValue(value=Name(id='x'"
     ", ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=114, "
     "format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=6, end_lineno=1, "
     "end_col_offset=24), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=1"
     "5, end_lineno=1, end_col_offset=16), conversion=-1, lineno=1, col_offset=6, end_lineno=1"
     ", end_col_offset=24)], lineno=1, col_offset=6, end_lineno=1, end_col_offset=24), lineno="
     "1, col_offset=6, end_lineno=1, end_col_offset=24), Constant(value=' y=', lineno=1, col_o"
     "ffset=6, end_lineno=1, end_col_offset=24), FormattedValue(value=Name(id='y', ctx=Load(),"
     " lineno=1, col_offset=20, end_lineno=1, end_col_offset=21), conversion=114, lineno=1, co"
     "l_offset=6, end_lineno=1, end_col_offset=24)], lineno=1, col_offset=6, end_lineno=1, end"
     "_col_offset=24)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=25),"
     " lineno=1, col_offset=0, end_lineno=1, end_col_offset=25)], type_ignores=[])"},
    {ParseMode::Exec,
     "s = f'''a\n{b + c}\nd'''",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=JoinedStr(values=[Constant(value='a\\n', lineno=1, col_of"
     "fset=4, end_lineno=3, end_col_offset=4), FormattedValue(value=BinOp(left=Name(id='b', ct"
     "x=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), op=Add(), right=Name("
     "id='c', ctx=Load(), lineno=2, col_offset=5, end_lineno=2, end_col_offset=6), lineno=2, c"
     "ol_offset=1, end_lineno=2, end_col_offset=6), conversion=-1, lineno=1, col_offset=4, end"
     "_lineno=3, end_col_offset=4), Constant(value='\\nd', lineno=1, col_offset=4, end_lineno="
     "3, end_col_offset=4)], lineno=1, col_offset=4, end_lineno=3, end_col_offset=4), lineno=1"
     ", col_offset=0, end_lineno=3, end_col_offset=4)], type_ignores=[])"},
    {ParseMode::Exec,
     "s = 'a' 'b' f'{c}'",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=JoinedStr(values=[Constant(value='ab', lineno=1, col_offs"
     "et=4, end_lineno=1, end_col_offset=18), FormattedValue(value=Name(id='c', ctx=Load(), li"
     "neno=1, col_offset=15, end_lineno=1, end_col_offset=16), conversion=-1, lineno=1, col_of"
     "fset=4, end_lineno=1, end_col_offset=18)], lineno=1, col_offset=4, end_lineno=1, end_col"
     "_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])"},
    {ParseMode::Exec,
     "x = é + 'ü' + ñ",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=BinOp(left=BinOp(left=Name(id='é', ctx=Load(), lineno=1, "
     "col_offset=4, end_lineno=1, end_col_offset=6), op=Add(), right=Constant(value='ü', linen"
     "o=1, col_offset=9, end_lineno=1, end_col_offset=13), lineno=1, col_offset=4, end_lineno="
     "1, end_col_offset=13), op=Add(), right=Name(id='ñ', ctx=Load(), lineno=1, col_offset=16,"
     " end_lineno=1, end_col_offset=18), lineno=1, col_offset=4, end_lineno=1, end_col_offset="
     "18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])"},
    {ParseMode::Exec,
     "x[1:2, ::3]",
     "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0,"
     " end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno"
     "=1, col_offset=2, end_lineno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col"
     "_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=2, end_lineno=1, end_co"
     "l_offset=5), Slice(step=Constant(value=3, lineno=1, col_offset=9, end_lineno=1, end_col_"
     "offset=10), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10)], ctx=Load(), linen"
     "o=1, col_offset=2, end_lineno=1, end_col_offset=10), ctx=Load(), lineno=1, col_offset=0,"
     " end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset="
     "11)], type_ignores=[])"},
    {ParseMode::Exec,
     "for (a, b) in c:\n    break\nelse:\n    continue",
     "Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store(), lineno=1, col_offset=5, en"
     "d_lineno=1, end_col_offset=6), Name(id='b', ctx=Store(), lineno=1, col_offset=8, end_lin"
     "eno=1, end_col_offset=9)], ctx=Store(), lineno=1, col_offset=4, end_lineno=1, end_col_of"
     "fset=10), iter=Name(id='c', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_o"
     "ffset=15), body=[Break(lineno=2, col_offset=4, end_lineno=2, end_col_offset=9)], orelse="
     "[Continue(lineno=4, col_offset=4, end_lineno=4, end_col_offset=12)], lineno=1, col_offse"
     "t=0, end_lineno=4, end_col_offset=12)], type_ignores=[])"},
    {ParseMode::Exec,
     "while not x < y <= z:\n    del a[0], b.c",
     "Module(body=[While(test=UnaryOp(op=Not(), operand=Compare(left=Name(id='x', ctx=Load(), "
     "lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), ops=[Lt(), LtE()], comparator"
     "s=[Name(id='y', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), N"
     "ame(id='z', ctx=Load(), lineno=1, col_offset=19, end_lineno=1, end_col_offset=20)], line"
     "no=1, col_offset=10, end_lineno=1, end_col_offset=20), lineno=1, col_offset=6, end_linen"
     "o=1, end_col_offset=20), body=[Delete(targets=[Subscript(value=Name(id='a', ctx=Load(), "
     "lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), slice=Constant(value=0, lineno="
     "2, col_offset=10, end_lineno=2, end_col_offset=11), ctx=Del(), lineno=2, col_offset=8, e"
     "nd_lineno=2, end_col_offset=12), Attribute(value=Name(id='b', ctx=Load(), lineno=2, col_"
     "offset=14, end_lineno=2, end_col_offset=15), attr='c', ctx=Del(), lineno=2, col_offset=1"
     "4, end_lineno=2, end_col_offset=17)], lineno=2, col_offset=4, end_lineno=2, end_col_offs"
     "et=17)], orelse=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=17)], type_igno"
     "res=[])"},
    {ParseMode::Exec,
     "f(x for x in y)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_l"
     "ineno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, co"
     "l_offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x"
     "', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y"
     "', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_asy"
     "nc=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1"
     ", col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, "
     "end_col_offset=15)], type_ignores=[])"},
    {ParseMode::Exec,
     "x = (\n  1,\n  2,\n)",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=Tuple(elts=[Constant(value=1, lineno=2, col_offset=2, end"
     "_lineno=2, end_col_offset=3), Constant(value=2, lineno=3, col_offset=2, end_lineno=3, en"
     "d_col_offset=3)], ctx=Load(), lineno=1, col_offset=4, end_lineno=4, end_col_offset=1), l"
     "ineno=1, col_offset=0, end_lineno=4, end_col_offset=1)], type_ignores=[])"},
    {ParseMode::Exec,
     "global a\nnonlocal b\nassert c, d\nraise e from f",
     "Module(body=[Global(names=['a'], lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)"
     ", Nonlocal(names=['b'], lineno=2, col_offset=0, end_lineno=2, end_col_offset=10), Assert"
     "(test=Name(id='c', ctx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=8), "
     "msg=Name(id='d', ctx=Load(), lineno=3, col_offset=10, end_lineno=3, end_col_offset=11), "
     "lineno=3, col_offset=0, end_lineno=3, end_col_offset=11), Raise(exc=Name(id='e', ctx=Loa"
     "d(), lineno=4, col_offset=6, end_lineno=4, end_col_offset=7), cause=Name(id='f', ctx=Loa"
     "d(), lineno=4, col_offset=13, end_lineno=4, end_col_offset=14), lineno=4, col_offset=0, "
     "end_lineno=4, end_col_offset=14)], type_ignores=[])"},
    {ParseMode::Exec,
     "x = -1\ny = 0xFF\nz = 1e3\nw = ...",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1)], value=UnaryOp(op=USub(), operand=Constant(value=1, lineno=1, co"
     "l_offset=5, end_lineno=1, end_col_offset=6), lineno=1, col_offset=4, end_lineno=1, end_c"
     "ol_offset=6), lineno=1, col_offset=0, end_lineno=1, end_col_offset=6), Assign(targets=[N"
     "ame(id='y', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value"
     "=Constant(value=255, lineno=2, col_offset=4, end_lineno=2, end_col_offset=8), lineno=2, "
     "col_offset=0, end_lineno=2, end_col_offset=8), Assign(targets=[Name(id='z', ctx=Store(),"
     " lineno=3, col_offset=0, end_lineno=3, end_col_offset=1)], value=Constant(value=1000.0, "
     "lineno=3, col_offset=4, end_lineno=3, end_col_offset=7), lineno=3, col_offset=0, end_lin"
     "eno=3, end_col_offset=7), Assign(targets=[Name(id='w', ctx=Store(), lineno=4, col_offset"
     "=0, end_lineno=4, end_col_offset=1)], value=Constant(value=Ellipsis, lineno=4, col_offse"
     "t=4, end_lineno=4, end_col_offset=7), lineno=4, col_offset=0, end_lineno=4, end_col_offs"
     "et=7)], type_ignores=[])"},
    {ParseMode::Exec,
     "x = y = z = 0",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_linen"
     "o=1, end_col_offset=1), Name(id='y', ctx=Store(), lineno=1, col_offset=4, end_lineno=1, "
     "end_col_offset=5), Name(id='z', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_c"
     "ol_offset=9)], value=Constant(value=0, lineno=1, col_offset=12, end_lineno=1, end_col_of"
     "fset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)], type_ignores=[])"},
    {ParseMode::Exec,
     "x: int",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_line"
     "no=1, end_col_offset=1), annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=3, e"
     "nd_lineno=1, end_col_offset=6), simple=1, lineno=1, col_offset=0, end_lineno=1, end_col_"
     "offset=6)], type_ignores=[])"},
    {ParseMode::Exec,
     "def f():\n    '''doc'''\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[]"
     ", kw_defaults=[], defaults=[]), body=[Expr(value=Constant(value='doc', lineno=2, col_off"
     "set=4, end_lineno=2, end_col_offset=13), lineno=2, col_offset=4, end_lineno=2, end_col_o"
     "ffset=13)], decorator_list=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=13)]"
     ", type_ignores=[])"},
};

TEST(Parser, DumpsMatchCPython) {
  for (const DumpCase& c : kDumpCases) {
    SCOPED_TRACE(c.source);
    EXPECT_EQ(parse_to_text(c.source, c.mode), c.dump);
  }
}

TEST(Parser, SyntaxErrorsMatchCPython) {
  for (const ErrorCase& c : kErrorCases) {
    SCOPED_TRACE(c.source);
    SyntaxErrorInfo expected;
    expected.type = c.type;
    expected.message = c.message;
    expected.line = c.line;
    expected.col = c.col;
    expected.end_line = c.end_line;
    expected.end_col = c.end_col;
    EXPECT_EQ(parse_to_text(c.source, c.mode), describe(expected));
  }
}

TEST(Parser, PositionsMatchCPython) {
  for (const DumpCase& c : kPositionCases) {
    SCOPED_TRACE(c.source);
    EXPECT_EQ(parse_to_text(c.source, c.mode, true), c.dump);
  }
}

TEST(Parser, ErrorCarriesFilenameAndLineText) {
  auto result = parse_source("x = 1\ny = (1 2)\n", "script.py", ParseMode::Exec);
  const auto& error = std::get<SyntaxErrorInfo>(result);
  EXPECT_EQ(error.filename, "script.py");
  EXPECT_EQ(error.text, "y = (1 2)");
  EXPECT_EQ(error.message, "invalid syntax. Perhaps you forgot a comma?");
}

TEST(Parser, RootsFollowTheMode) {
  EXPECT_TRUE(std::holds_alternative<ast::Module>(std::get<AstRoot>(parse_source("x", "f", ParseMode::Exec))));
  EXPECT_TRUE(std::holds_alternative<ast::Expression>(std::get<AstRoot>(parse_source("x", "f", ParseMode::Eval))));
  EXPECT_TRUE(std::holds_alternative<ast::Interactive>(std::get<AstRoot>(parse_source("x", "f", ParseMode::Single))));
}

TEST(Parser, ConstantValues) {
  auto result = parse_source("123456789012345678901234567890\n0xFFFFFFFFFFFFFFFFFF\n9223372036854775807\n1_5.2_5\nb'\\x00a'\n'é\\u20ac'\n",
                             "f.py", ParseMode::Exec);
  const auto& body = module_of(result).body;
  auto value = [&](size_t i) -> const auto& {
    return ast::as<ast::Constant>(*ast::as<ast::ExprStmt>(*body[i]).value).value.value;
  };
  EXPECT_EQ(std::get<BigIntConst>(value(0)).digits, "123456789012345678901234567890");
  EXPECT_EQ(std::get<BigIntConst>(value(0)).base, 10);
  EXPECT_EQ(std::get<BigIntConst>(value(1)).digits, "FFFFFFFFFFFFFFFFFF");
  EXPECT_EQ(std::get<BigIntConst>(value(1)).base, 16);
  EXPECT_EQ(std::get<int64_t>(value(2)), 9223372036854775807);
  EXPECT_EQ(std::get<double>(value(3)), 15.25);
  EXPECT_EQ(std::get<BytesConst>(value(4)).bytes, std::string("\0a", 2));
  EXPECT_EQ(std::get<std::string>(value(5)), "é€");
}

TEST(Parser, NodePositions) {
  auto result = parse_source("if x:\n    y = f(a,\n          b)\n", "f.py", ParseMode::Exec);
  const auto& if_node = ast::as<ast::If>(*module_of(result).body[0]);
  EXPECT_EQ(if_node.pos.line, 1);
  EXPECT_EQ(if_node.pos.col, 0);
  EXPECT_EQ(if_node.pos.end_line, 3);
  EXPECT_EQ(if_node.pos.end_col, 12);
  const auto& call = ast::as<ast::Call>(*ast::as<ast::Assign>(*if_node.body[0]).value);
  EXPECT_EQ(call.pos.line, 2);
  EXPECT_EQ(call.pos.col, 8);
  EXPECT_EQ(call.args[1]->pos.line, 3);
  EXPECT_EQ(call.args[1]->pos.col, 10);
}

TEST(Parser, UnsupportedConstructsAreReportedWhenNothingElseIsWrong) {
  EXPECT_EQ(parse_error("async def f():\n    pass\n").message,
            "'async' functions, loops and with statements are not supported");
  EXPECT_EQ(parse_error("x = await y\n").message, "'await' outside async function");
  EXPECT_EQ(parse_error("z = 2 + 1j\n").message, "imaginary numbers are not supported");
  EXPECT_EQ(parse_error("match x:\n    case 1:\n        pass\n").message, "match statements are not supported");
  EXPECT_EQ(parse_error("y = [a async for a in b]\n").message, "asynchronous comprehensions are not supported");
  // A real syntax error later in the file is still the one CPython reports.
  SyntaxErrorInfo later = parse_error("z = 1j\nmatch x:\n    case 1:\n        pass\ny = (1 2)\n");
  EXPECT_EQ(later.message, "invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(later.line, 5);
}

TEST(Parser, TenThousandNestedParentheses) {
  SyntaxErrorInfo error = parse_error(std::string(10000, '(') + std::string(10000, ')'));
  EXPECT_EQ(describe(error), "SyntaxError: too many nested parentheses @1:201-1:201");
  std::string deepest_allowed = "x = " + std::string(199, '(') + "1" + std::string(199, ')') + "\n";
  EXPECT_EQ(parse_to_text(deepest_allowed, ParseMode::Exec).substr(0, 7), "Module(");
}

TEST(Parser, ThousandNestedIfBlocks) {
  std::string source;
  for (int i = 0; i < 1000; ++i) source += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  source += std::string(1000, ' ') + "pass\n";
  // As CPython: the tokenizer allows 99 levels of indentation.
  EXPECT_EQ(describe(parse_error(source)), "IndentationError: too many levels of indentation @101:1-101:0");
  std::string allowed;
  for (int i = 0; i < 98; ++i) allowed += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  allowed += std::string(98, ' ') + "pass\n";
  EXPECT_EQ(parse_to_text(allowed, ParseMode::Exec).substr(0, 7), "Module(");
}

TEST(Parser, DeepExpressionsParseOrFailCleanly) {
  auto parses = [](const std::string& source) { return parse_to_text(source, ParseMode::Exec).substr(0, 7) == "Module("; };
  std::string sum = "1";
  for (int i = 0; i < 2500; ++i) sum += "+1";
  EXPECT_TRUE(parses(sum));
  EXPECT_TRUE(parses(std::string(2500, '-') + "1"));
  std::string attributes = "x";
  for (int i = 0; i < 2500; ++i) attributes += ".a";
  EXPECT_TRUE(parses(attributes));
  std::string elifs = "if x: pass\n";
  for (int i = 0; i < 2500; ++i) elifs += "elif x: pass\n";
  EXPECT_TRUE(parses(elifs));
  // Beyond ~3000 levels CPython's compiler gives up too; chaipy refuses with a SyntaxError.
  const std::string too_complex = "Parser stack overflowed - Python source too complex to parse";
  std::string long_sum = "1";
  for (int i = 0; i < 100000; ++i) long_sum += "+1";
  EXPECT_EQ(parse_error(long_sum).message, too_complex);
  EXPECT_EQ(parse_error(std::string(100000, '-') + "1").message, too_complex);
  EXPECT_EQ(parse_error(std::string(100000, '~') + "1").message, too_complex);
  std::string powers = "2";
  for (int i = 0; i < 100000; ++i) powers += "**2";
  EXPECT_EQ(parse_error(powers).message, too_complex);
  std::string lambdas;
  for (int i = 0; i < 100000; ++i) lambdas += "lambda: ";
  EXPECT_EQ(parse_error(lambdas + "0").message, too_complex);
  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "not ";
  EXPECT_EQ(parse_error(nots + "x").message, too_complex);
  std::string ternary = "x";
  for (int i = 0; i < 100000; ++i) ternary += " if y else x";
  EXPECT_EQ(parse_error(ternary).message, too_complex);
  std::string calls = "f";
  for (int i = 0; i < 100000; ++i) calls += "()";
  EXPECT_EQ(parse_error(calls).message, too_complex);
  std::string many_elifs = "if x: pass\n";
  for (int i = 0; i < 100000; ++i) many_elifs += "elif x: pass\n";
  EXPECT_EQ(parse_error(many_elifs).message, too_complex);
}

TEST(Parser, IncompleteInput) {
  EXPECT_TRUE(is_incomplete_input("if x:\n"));
  EXPECT_TRUE(is_incomplete_input("if x:\n    pass\n"));
  EXPECT_TRUE(is_incomplete_input("def f():\n    return 1\n"));
  EXPECT_TRUE(is_incomplete_input("for i in y:\n"));
  EXPECT_TRUE(is_incomplete_input("@decorator\n"));
  EXPECT_TRUE(is_incomplete_input("x = (1,\n"));
  EXPECT_TRUE(is_incomplete_input("x = [\n  1,\n"));
  EXPECT_TRUE(is_incomplete_input("s = '''abc\n"));
  EXPECT_TRUE(is_incomplete_input("x = 1 + \\\n"));
  EXPECT_TRUE(is_incomplete_input("class A:\n    def f(self):\n        pass\n"));
  EXPECT_FALSE(is_incomplete_input("if x:\n    pass\n\n"));
  EXPECT_FALSE(is_incomplete_input("class A:\n    def f(self):\n        pass\n\n"));
  EXPECT_FALSE(is_incomplete_input("x = 1\n"));
  EXPECT_FALSE(is_incomplete_input("print('hi')\n"));
  EXPECT_FALSE(is_incomplete_input("x = 1 +\n"));   // a real error: report it
  EXPECT_FALSE(is_incomplete_input("x = )\n"));
  EXPECT_FALSE(is_incomplete_input("s = 'abc\n"));
  EXPECT_FALSE(is_incomplete_input("if x:\n\n"));  // an empty line ends the block: compile and report
  EXPECT_FALSE(is_incomplete_input(""));
}

}  // namespace
}  // namespace chaipy
