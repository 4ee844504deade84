// Parser output: the abstract syntax tree, mirroring CPython 3.11's Parser/Python.asdl.
#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "interpreter/code_unit.hpp"

// Node and field names follow Python.asdl exactly, minus match statements, async constructs
// (AsyncFunctionDef, AsyncFor, AsyncWith, Await, comprehension.is_async) and type comments.
// The stmt constructor `Expr` is named ExprStmt (kind StmtKind::Expr) because the expression
// base struct is Expr. The expr node ast::Constant holds a chaipy::Constant value.
// Optional children are null pointers; optional identifiers are std::optional<std::string>.
namespace chaipy::ast {

enum class ExprContext { Load, Store, Del };
enum class BoolOperator { And, Or };
enum class Operator { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOperator { Invert, Not, UAdd, USub };
enum class CmpOperator { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

enum class StmtKind {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
  Raise, Try, TryStar, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue,
};

struct Expr {
  const ExprKind kind;
  SourcePosition pos;  // CPython's lineno, col_offset, end_lineno, end_col_offset
  explicit Expr(ExprKind k) : kind(k) {}
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;
  virtual ~Expr() = default;
};

struct Stmt {
  const StmtKind kind;
  SourcePosition pos;
  explicit Stmt(StmtKind k) : kind(k) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  virtual ~Stmt() = default;
};

using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;

template <ExprKind K>
struct ExprNode : Expr {
  static constexpr ExprKind kind_id = K;
  ExprNode() : Expr(K) {}
};

template <StmtKind K>
struct StmtNode : Stmt {
  static constexpr StmtKind kind_id = K;
  StmtNode() : Stmt(K) {}
};

// ---- Product types ----

struct Arg {
  std::string arg;
  ExprPtr annotation;  // null when absent
  SourcePosition pos;
};
using ArgPtr = std::unique_ptr<Arg>;

struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  ArgPtr vararg;                    // *args, null when absent
  std::vector<Arg> kwonlyargs;
  std::vector<ExprPtr> kw_defaults; // one per kwonlyarg; null where it has no default
  ArgPtr kwarg;                     // **kwargs, null when absent
  std::vector<ExprPtr> defaults;    // for the last len(defaults) of posonlyargs + args
};

struct Keyword {
  std::optional<std::string> arg;  // nullopt for **mapping
  ExprPtr value;
  SourcePosition pos;
};

struct Alias {
  std::string name;  // dotted name, or "*"
  std::optional<std::string> asname;
  SourcePosition pos;
};

struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;  // null when there is no `as`
};

struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
};

struct ExceptHandler {
  ExprPtr type;  // null for a bare `except:`
  std::optional<std::string> name;
  std::vector<StmtPtr> body;
  SourcePosition pos;
};

// ---- Expressions ----

struct BoolOp final : ExprNode<ExprKind::BoolOp> {
  BoolOperator op = BoolOperator::And;
  std::vector<ExprPtr> values;
};
struct NamedExpr final : ExprNode<ExprKind::NamedExpr> {
  ExprPtr target;
  ExprPtr value;
};
struct BinOp final : ExprNode<ExprKind::BinOp> {
  ExprPtr left;
  Operator op = Operator::Add;
  ExprPtr right;
};
struct UnaryOp final : ExprNode<ExprKind::UnaryOp> {
  UnaryOperator op = UnaryOperator::Not;
  ExprPtr operand;
};
struct Lambda final : ExprNode<ExprKind::Lambda> {
  Arguments args;
  ExprPtr body;
};
struct IfExp final : ExprNode<ExprKind::IfExp> {
  ExprPtr test;
  ExprPtr body;
  ExprPtr orelse;
};
struct Dict final : ExprNode<ExprKind::Dict> {
  std::vector<ExprPtr> keys;  // null key: `**values[i]`
  std::vector<ExprPtr> values;
};
struct Set final : ExprNode<ExprKind::Set> {
  std::vector<ExprPtr> elts;
};
struct ListComp final : ExprNode<ExprKind::ListComp> {
  ExprPtr elt;
  std::vector<Comprehension> generators;
};
struct SetComp final : ExprNode<ExprKind::SetComp> {
  ExprPtr elt;
  std::vector<Comprehension> generators;
};
struct DictComp final : ExprNode<ExprKind::DictComp> {
  ExprPtr key;
  ExprPtr value;
  std::vector<Comprehension> generators;
};
struct GeneratorExp final : ExprNode<ExprKind::GeneratorExp> {
  ExprPtr elt;
  std::vector<Comprehension> generators;
};
struct Yield final : ExprNode<ExprKind::Yield> {
  ExprPtr value;  // null for a bare `yield`
};
struct YieldFrom final : ExprNode<ExprKind::YieldFrom> {
  ExprPtr value;
};
struct Compare final : ExprNode<ExprKind::Compare> {
  ExprPtr left;
  std::vector<CmpOperator> ops;
  std::vector<ExprPtr> comparators;
};
struct Call final : ExprNode<ExprKind::Call> {
  ExprPtr func;
  std::vector<ExprPtr> args;  // may contain Starred
  std::vector<Keyword> keywords;
};
struct FormattedValue final : ExprNode<ExprKind::FormattedValue> {
  ExprPtr value;
  int conversion = -1;  // -1, or 's', 'r', 'a'
  ExprPtr format_spec;  // a JoinedStr, or null
};
struct JoinedStr final : ExprNode<ExprKind::JoinedStr> {
  std::vector<ExprPtr> values;  // Constant (str) and FormattedValue nodes
};
struct Constant final : ExprNode<ExprKind::Constant> {
  chaipy::Constant value;
  std::optional<std::string> kind;  // "u" for u'' string literals, else nullopt
};
struct Attribute final : ExprNode<ExprKind::Attribute> {
  ExprPtr value;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};
struct Subscript final : ExprNode<ExprKind::Subscript> {
  ExprPtr value;
  ExprPtr slice;  // a Slice, a Tuple (possibly holding Slices) or any expression
  ExprContext ctx = ExprContext::Load;
};
struct Starred final : ExprNode<ExprKind::Starred> {
  ExprPtr value;
  ExprContext ctx = ExprContext::Load;
};
struct Name final : ExprNode<ExprKind::Name> {
  std::string id;
  ExprContext ctx = ExprContext::Load;
};
struct List final : ExprNode<ExprKind::List> {
  std::vector<ExprPtr> elts;
  ExprContext ctx = ExprContext::Load;
};
struct Tuple final : ExprNode<ExprKind::Tuple> {
  std::vector<ExprPtr> elts;
  ExprContext ctx = ExprContext::Load;
};
struct Slice final : ExprNode<ExprKind::Slice> {
  ExprPtr lower;  // each null when omitted
  ExprPtr upper;
  ExprPtr step;
};

// ---- Statements ----

struct FunctionDef final : StmtNode<StmtKind::FunctionDef> {
  std::string name;
  Arguments args;
  std::vector<StmtPtr> body;
  std::vector<ExprPtr> decorator_list;
  ExprPtr returns;  // null when there is no `->` annotation
};
struct ClassDef final : StmtNode<StmtKind::ClassDef> {
  std::string name;
  std::vector<ExprPtr> bases;
  std::vector<Keyword> keywords;
  std::vector<StmtPtr> body;
  std::vector<ExprPtr> decorator_list;
};
struct Return final : StmtNode<StmtKind::Return> {
  ExprPtr value;  // null for a bare `return`
};
struct Delete final : StmtNode<StmtKind::Delete> {
  std::vector<ExprPtr> targets;
};
struct Assign final : StmtNode<StmtKind::Assign> {
  std::vector<ExprPtr> targets;  // `a = b = v` has two targets
  ExprPtr value;
};
struct AugAssign final : StmtNode<StmtKind::AugAssign> {
  ExprPtr target;
  Operator op = Operator::Add;
  ExprPtr value;
};
struct AnnAssign final : StmtNode<StmtKind::AnnAssign> {
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value;    // null for a bare annotation `x: int`
  int simple = 0;   // 1 when the target is a plain Name not in parentheses
};
struct For final : StmtNode<StmtKind::For> {
  ExprPtr target;
  ExprPtr iter;
  std::vector<StmtPtr> body;
  std::vector<StmtPtr> orelse;
};
struct While final : StmtNode<StmtKind::While> {
  ExprPtr test;
  std::vector<StmtPtr> body;
  std::vector<StmtPtr> orelse;
};
struct If final : StmtNode<StmtKind::If> {
  ExprPtr test;
  std::vector<StmtPtr> body;
  std::vector<StmtPtr> orelse;  // `elif` is a nested If alone in orelse
};
struct With final : StmtNode<StmtKind::With> {
  std::vector<WithItem> items;
  std::vector<StmtPtr> body;
};
struct Raise final : StmtNode<StmtKind::Raise> {
  ExprPtr exc;    // null for a bare `raise`
  ExprPtr cause;  // null without `from`
};
struct Try final : StmtNode<StmtKind::Try> {
  std::vector<StmtPtr> body;
  std::vector<ExceptHandler> handlers;
  std::vector<StmtPtr> orelse;
  std::vector<StmtPtr> finalbody;
};
// `try: ... except* E: ...` (PEP 654); same shape as Try.
struct TryStar final : StmtNode<StmtKind::TryStar> {
  std::vector<StmtPtr> body;
  std::vector<ExceptHandler> handlers;
  std::vector<StmtPtr> orelse;
  std::vector<StmtPtr> finalbody;
};
struct Assert final : StmtNode<StmtKind::Assert> {
  ExprPtr test;
  ExprPtr msg;  // null when absent
};
struct Import final : StmtNode<StmtKind::Import> {
  std::vector<Alias> names;
};
struct ImportFrom final : StmtNode<StmtKind::ImportFrom> {
  std::optional<std::string> module;  // nullopt for `from . import x`
  std::vector<Alias> names;
  int level = 0;  // number of leading dots
};
struct Global final : StmtNode<StmtKind::Global> {
  std::vector<std::string> names;
};
struct Nonlocal final : StmtNode<StmtKind::Nonlocal> {
  std::vector<std::string> names;
};
// ASDL's stmt `Expr(expr value)`: an expression statement.
struct ExprStmt final : StmtNode<StmtKind::Expr> {
  ExprPtr value;
};
struct Pass final : StmtNode<StmtKind::Pass> {};
struct Break final : StmtNode<StmtKind::Break> {};
struct Continue final : StmtNode<StmtKind::Continue> {};

// ---- Roots ----

struct Module {
  std::vector<StmtPtr> body;
};
struct Interactive {
  std::vector<StmtPtr> body;
};
struct Expression {
  ExprPtr body;
};

// ---- Checked downcasts ----

template <class T>
bool is(const Expr& node) { return node.kind == T::kind_id; }
template <class T>
bool is(const Stmt& node) { return node.kind == T::kind_id; }

template <class T>
T& as(Expr& node) {
  if (node.kind != T::kind_id) throw std::logic_error("ast::as: expression node of another kind");
  return static_cast<T&>(node);
}
template <class T>
const T& as(const Expr& node) {
  if (node.kind != T::kind_id) throw std::logic_error("ast::as: expression node of another kind");
  return static_cast<const T&>(node);
}
template <class T>
T& as(Stmt& node) {
  if (node.kind != T::kind_id) throw std::logic_error("ast::as: statement node of another kind");
  return static_cast<T&>(node);
}
template <class T>
const T& as(const Stmt& node) {
  if (node.kind != T::kind_id) throw std::logic_error("ast::as: statement node of another kind");
  return static_cast<const T&>(node);
}

}  // namespace chaipy::ast
