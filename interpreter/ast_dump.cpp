// AST text dump: the same text as CPython's ast.dump(), used to test the parser.
#include "interpreter/ast_dump.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "interpreter/lexer.hpp"

namespace chaipy {
namespace {

using namespace ast;

// CPython's repr() of a str (UTF-8), bytes, or float, as ast.dump prints constants.
std::string python_str_repr(std::string_view utf8);
std::string python_bytes_repr(std::string_view bytes);
std::string python_float_repr(double value);

const char* operator_name(Operator op) {
  switch (op) {
    case Operator::Add: return "Add()";
    case Operator::Sub: return "Sub()";
    case Operator::Mult: return "Mult()";
    case Operator::MatMult: return "MatMult()";
    case Operator::Div: return "Div()";
    case Operator::Mod: return "Mod()";
    case Operator::Pow: return "Pow()";
    case Operator::LShift: return "LShift()";
    case Operator::RShift: return "RShift()";
    case Operator::BitOr: return "BitOr()";
    case Operator::BitXor: return "BitXor()";
    case Operator::BitAnd: return "BitAnd()";
    case Operator::FloorDiv: return "FloorDiv()";
  }
  return "?";
}

const char* unary_name(UnaryOperator op) {
  switch (op) {
    case UnaryOperator::Invert: return "Invert()";
    case UnaryOperator::Not: return "Not()";
    case UnaryOperator::UAdd: return "UAdd()";
    case UnaryOperator::USub: return "USub()";
  }
  return "?";
}

const char* compare_name(CmpOperator op) {
  switch (op) {
    case CmpOperator::Eq: return "Eq()";
    case CmpOperator::NotEq: return "NotEq()";
    case CmpOperator::Lt: return "Lt()";
    case CmpOperator::LtE: return "LtE()";
    case CmpOperator::Gt: return "Gt()";
    case CmpOperator::GtE: return "GtE()";
    case CmpOperator::Is: return "Is()";
    case CmpOperator::IsNot: return "IsNot()";
    case CmpOperator::In: return "In()";
    case CmpOperator::NotIn: return "NotIn()";
  }
  return "?";
}

const char* context_name(ExprContext ctx) {
  switch (ctx) {
    case ExprContext::Load: return "Load()";
    case ExprContext::Store: return "Store()";
    case ExprContext::Del: return "Del()";
  }
  return "?";
}

// Decimal digits of a non-negative integer written in `base`.
std::string to_decimal(const std::string& digits, int base) {
  std::vector<int> decimal{0};  // little-endian base-10^9 limbs
  for (char c : digits) {
    int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    int64_t carry = digit;
    for (int& limb : decimal) {
      int64_t value = static_cast<int64_t>(limb) * base + carry;
      limb = static_cast<int>(value % 1000000000);
      carry = value / 1000000000;
    }
    if (carry) decimal.push_back(static_cast<int>(carry));
  }
  std::string out = std::to_string(decimal.back());
  for (size_t i = decimal.size() - 1; i-- > 0;) {
    char limb[16];
    std::snprintf(limb, sizeof limb, "%09d", decimal[i]);
    out += limb;
  }
  return out;
}

class Dumper {
 public:
  explicit Dumper(bool include_attributes) : include_attributes_(include_attributes) {}
  std::string out;

  void root(const AstRoot& root) {
    if (const auto* module = std::get_if<Module>(&root)) {
      out += "Module(body=";
      stmts(module->body);
      out += ", type_ignores=[])";
    } else if (const auto* interactive = std::get_if<Interactive>(&root)) {
      out += "Interactive(body=";
      stmts(interactive->body);
      out += ")";
    } else {
      out += "Expression(body=";
      expr(*std::get<Expression>(root).body);
      out += ")";
    }
  }

 private:
  // Appends ", name=" (or "name=" first); fields follow ast.dump's order and omissions.
  // With `pos` (nodes that have CPython's position attributes), include_attributes appends
  // lineno, col_offset, end_lineno and end_col_offset after the fields.
  class Fields {
   public:
    Fields(Dumper& d, const char* node, const SourcePosition* pos = nullptr) : d_(d), pos_(pos) {
      d_.out += node;
      d_.out += '(';
    }
    ~Fields() {
      if (pos_ && d_.include_attributes_) {
        field("lineno").out += std::to_string(pos_->line);
        field("col_offset").out += std::to_string(pos_->col);
        field("end_lineno").out += std::to_string(pos_->end_line);
        field("end_col_offset").out += std::to_string(pos_->end_col);
      }
      d_.out += ')';
    }
    Fields(const Fields&) = delete;
    Fields& operator=(const Fields&) = delete;
    Dumper& field(const char* name) {
      if (!first_) d_.out += ", ";
      first_ = false;
      d_.out += name;
      d_.out += '=';
      return d_;
    }

   private:
    Dumper& d_;
    const SourcePosition* pos_;
    bool first_ = true;
  };

  bool include_attributes_;

  void text(const std::string& s) { out += python_str_repr(s); }

  void stmts(const std::vector<StmtPtr>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      stmt(*list[i]);
    }
    out += ']';
  }
  void exprs(const std::vector<ExprPtr>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      if (list[i]) {
        expr(*list[i]);
      } else {
        out += "None";
      }
    }
    out += ']';
  }
  void names(const std::vector<std::string>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      text(list[i]);
    }
    out += ']';
  }
  void optional_expr(Fields& f, const char* name, const ExprPtr& e) {
    if (e) f.field(name).expr(*e);
  }
  void arg(const Arg& a) {
    Fields f(*this, "arg", &a.pos);
    f.field("arg").text(a.arg);
    optional_expr(f, "annotation", a.annotation);
  }
  void args_list(const std::vector<Arg>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      arg(list[i]);
    }
    out += ']';
  }
  void arguments(const Arguments& a) {
    Fields f(*this, "arguments");
    f.field("posonlyargs").args_list(a.posonlyargs);
    f.field("args").args_list(a.args);
    if (a.vararg) f.field("vararg").arg(*a.vararg);
    f.field("kwonlyargs").args_list(a.kwonlyargs);
    f.field("kw_defaults").exprs(a.kw_defaults);
    if (a.kwarg) f.field("kwarg").arg(*a.kwarg);
    f.field("defaults").exprs(a.defaults);
  }
  void keywords(const std::vector<ast::Keyword>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      Fields f(*this, "keyword", &list[i].pos);
      if (list[i].arg) f.field("arg").text(*list[i].arg);
      f.field("value").expr(*list[i].value);
    }
    out += ']';
  }
  void aliases(const std::vector<Alias>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      Fields f(*this, "alias", &list[i].pos);
      f.field("name").text(list[i].name);
      if (list[i].asname) f.field("asname").text(*list[i].asname);
    }
    out += ']';
  }
  void comprehensions(const std::vector<Comprehension>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      Fields f(*this, "comprehension");
      f.field("target").expr(*list[i].target);
      f.field("iter").expr(*list[i].iter);
      f.field("ifs").exprs(list[i].ifs);
      f.field("is_async").out += '0';
    }
    out += ']';
  }
  void handlers(const std::vector<ExceptHandler>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      Fields f(*this, "ExceptHandler", &list[i].pos);
      optional_expr(f, "type", list[i].type);
      if (list[i].name) f.field("name").text(*list[i].name);
      f.field("body").stmts(list[i].body);
    }
    out += ']';
  }
  template <class T>
  void try_fields(const char* node, const T& s) {
    Fields f(*this, node, &s.pos);
    f.field("body").stmts(s.body);
    f.field("handlers").handlers(s.handlers);
    f.field("orelse").stmts(s.orelse);
    f.field("finalbody").stmts(s.finalbody);
  }

  void constant(const chaipy::Constant& c) {
    std::visit(
        [this](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, NoneConst>) {
            out += "None";
          } else if constexpr (std::is_same_v<V, bool>) {
            out += v ? "True" : "False";
          } else if constexpr (std::is_same_v<V, int64_t>) {
            out += std::to_string(v);
          } else if constexpr (std::is_same_v<V, BigIntConst>) {
            out += to_decimal(v.digits, v.base);
          } else if constexpr (std::is_same_v<V, double>) {
            out += python_float_repr(v);
          } else if constexpr (std::is_same_v<V, std::string>) {
            out += python_str_repr(v);
          } else if constexpr (std::is_same_v<V, BytesConst>) {
            out += python_bytes_repr(v.bytes);
          } else if constexpr (std::is_same_v<V, EllipsisConst>) {
            out += "Ellipsis";
          } else {
            out += "<unexpected constant>";
          }
        },
        c.value);
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::FunctionDef: {
        const auto& n = as<FunctionDef>(s);
        Fields f(*this, "FunctionDef", &s.pos);
        f.field("name").text(n.name);
        f.field("args").arguments(n.args);
        f.field("body").stmts(n.body);
        f.field("decorator_list").exprs(n.decorator_list);
        optional_expr(f, "returns", n.returns);
        break;
      }
      case StmtKind::ClassDef: {
        const auto& n = as<ClassDef>(s);
        Fields f(*this, "ClassDef", &s.pos);
        f.field("name").text(n.name);
        f.field("bases").exprs(n.bases);
        f.field("keywords").keywords(n.keywords);
        f.field("body").stmts(n.body);
        f.field("decorator_list").exprs(n.decorator_list);
        break;
      }
      case StmtKind::Return: {
        Fields f(*this, "Return", &s.pos);
        optional_expr(f, "value", as<Return>(s).value);
        break;
      }
      case StmtKind::Delete: {
        Fields f(*this, "Delete", &s.pos);
        f.field("targets").exprs(as<Delete>(s).targets);
        break;
      }
      case StmtKind::Assign: {
        const auto& n = as<Assign>(s);
        Fields f(*this, "Assign", &s.pos);
        f.field("targets").exprs(n.targets);
        f.field("value").expr(*n.value);
        break;
      }
      case StmtKind::AugAssign: {
        const auto& n = as<AugAssign>(s);
        Fields f(*this, "AugAssign", &s.pos);
        f.field("target").expr(*n.target);
        f.field("op").out += operator_name(n.op);
        f.field("value").expr(*n.value);
        break;
      }
      case StmtKind::AnnAssign: {
        const auto& n = as<AnnAssign>(s);
        Fields f(*this, "AnnAssign", &s.pos);
        f.field("target").expr(*n.target);
        f.field("annotation").expr(*n.annotation);
        optional_expr(f, "value", n.value);
        f.field("simple").out += std::to_string(n.simple);
        break;
      }
      case StmtKind::For: {
        const auto& n = as<For>(s);
        Fields f(*this, "For", &s.pos);
        f.field("target").expr(*n.target);
        f.field("iter").expr(*n.iter);
        f.field("body").stmts(n.body);
        f.field("orelse").stmts(n.orelse);
        break;
      }
      case StmtKind::While: {
        const auto& n = as<While>(s);
        Fields f(*this, "While", &s.pos);
        f.field("test").expr(*n.test);
        f.field("body").stmts(n.body);
        f.field("orelse").stmts(n.orelse);
        break;
      }
      case StmtKind::If: {
        const auto& n = as<If>(s);
        Fields f(*this, "If", &s.pos);
        f.field("test").expr(*n.test);
        f.field("body").stmts(n.body);
        f.field("orelse").stmts(n.orelse);
        break;
      }
      case StmtKind::With: {
        const auto& n = as<With>(s);
        Fields f(*this, "With", &s.pos);
        f.field("items").out += '[';
        for (size_t i = 0; i < n.items.size(); ++i) {
          if (i) out += ", ";
          Fields item(*this, "withitem");
          item.field("context_expr").expr(*n.items[i].context_expr);
          optional_expr(item, "optional_vars", n.items[i].optional_vars);
        }
        out += ']';
        f.field("body").stmts(n.body);
        break;
      }
      case StmtKind::Raise: {
        const auto& n = as<Raise>(s);
        Fields f(*this, "Raise", &s.pos);
        optional_expr(f, "exc", n.exc);
        optional_expr(f, "cause", n.cause);
        break;
      }
      case StmtKind::Try: try_fields("Try", as<Try>(s)); break;
      case StmtKind::TryStar: try_fields("TryStar", as<TryStar>(s)); break;
      case StmtKind::Assert: {
        const auto& n = as<Assert>(s);
        Fields f(*this, "Assert", &s.pos);
        f.field("test").expr(*n.test);
        optional_expr(f, "msg", n.msg);
        break;
      }
      case StmtKind::Import: {
        Fields f(*this, "Import", &s.pos);
        f.field("names").aliases(as<Import>(s).names);
        break;
      }
      case StmtKind::ImportFrom: {
        const auto& n = as<ImportFrom>(s);
        Fields f(*this, "ImportFrom", &s.pos);
        if (n.module) f.field("module").text(*n.module);
        f.field("names").aliases(n.names);
        f.field("level").out += std::to_string(n.level);
        break;
      }
      case StmtKind::Global: {
        Fields f(*this, "Global", &s.pos);
        f.field("names").names(as<Global>(s).names);
        break;
      }
      case StmtKind::Nonlocal: {
        Fields f(*this, "Nonlocal", &s.pos);
        f.field("names").names(as<Nonlocal>(s).names);
        break;
      }
      case StmtKind::Expr: {
        Fields f(*this, "Expr", &s.pos);
        f.field("value").expr(*as<ExprStmt>(s).value);
        break;
      }
      case StmtKind::Pass: Fields(*this, "Pass", &s.pos); break;
      case StmtKind::Break: Fields(*this, "Break", &s.pos); break;
      case StmtKind::Continue: Fields(*this, "Continue", &s.pos); break;
    }
  }

 public:
  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::BoolOp: {
        const auto& n = as<BoolOp>(e);
        Fields f(*this, "BoolOp", &e.pos);
        f.field("op").out += n.op == BoolOperator::And ? "And()" : "Or()";
        f.field("values").exprs(n.values);
        break;
      }
      case ExprKind::NamedExpr: {
        const auto& n = as<NamedExpr>(e);
        Fields f(*this, "NamedExpr", &e.pos);
        f.field("target").expr(*n.target);
        f.field("value").expr(*n.value);
        break;
      }
      case ExprKind::BinOp: {
        const auto& n = as<BinOp>(e);
        Fields f(*this, "BinOp", &e.pos);
        f.field("left").expr(*n.left);
        f.field("op").out += operator_name(n.op);
        f.field("right").expr(*n.right);
        break;
      }
      case ExprKind::UnaryOp: {
        const auto& n = as<UnaryOp>(e);
        Fields f(*this, "UnaryOp", &e.pos);
        f.field("op").out += unary_name(n.op);
        f.field("operand").expr(*n.operand);
        break;
      }
      case ExprKind::Lambda: {
        const auto& n = as<Lambda>(e);
        Fields f(*this, "Lambda", &e.pos);
        f.field("args").arguments(n.args);
        f.field("body").expr(*n.body);
        break;
      }
      case ExprKind::IfExp: {
        const auto& n = as<IfExp>(e);
        Fields f(*this, "IfExp", &e.pos);
        f.field("test").expr(*n.test);
        f.field("body").expr(*n.body);
        f.field("orelse").expr(*n.orelse);
        break;
      }
      case ExprKind::Dict: {
        const auto& n = as<Dict>(e);
        Fields f(*this, "Dict", &e.pos);
        f.field("keys").exprs(n.keys);
        f.field("values").exprs(n.values);
        break;
      }
      case ExprKind::Set: {
        Fields f(*this, "Set", &e.pos);
        f.field("elts").exprs(as<Set>(e).elts);
        break;
      }
      case ExprKind::ListComp: {
        const auto& n = as<ListComp>(e);
        Fields f(*this, "ListComp", &e.pos);
        f.field("elt").expr(*n.elt);
        f.field("generators").comprehensions(n.generators);
        break;
      }
      case ExprKind::SetComp: {
        const auto& n = as<SetComp>(e);
        Fields f(*this, "SetComp", &e.pos);
        f.field("elt").expr(*n.elt);
        f.field("generators").comprehensions(n.generators);
        break;
      }
      case ExprKind::DictComp: {
        const auto& n = as<DictComp>(e);
        Fields f(*this, "DictComp", &e.pos);
        f.field("key").expr(*n.key);
        f.field("value").expr(*n.value);
        f.field("generators").comprehensions(n.generators);
        break;
      }
      case ExprKind::GeneratorExp: {
        const auto& n = as<GeneratorExp>(e);
        Fields f(*this, "GeneratorExp", &e.pos);
        f.field("elt").expr(*n.elt);
        f.field("generators").comprehensions(n.generators);
        break;
      }
      case ExprKind::Yield: {
        Fields f(*this, "Yield", &e.pos);
        optional_expr(f, "value", as<Yield>(e).value);
        break;
      }
      case ExprKind::YieldFrom: {
        Fields f(*this, "YieldFrom", &e.pos);
        f.field("value").expr(*as<YieldFrom>(e).value);
        break;
      }
      case ExprKind::Compare: {
        const auto& n = as<Compare>(e);
        Fields f(*this, "Compare", &e.pos);
        f.field("left").expr(*n.left);
        f.field("ops").out += '[';
        for (size_t i = 0; i < n.ops.size(); ++i) {
          if (i) out += ", ";
          out += compare_name(n.ops[i]);
        }
        out += ']';
        f.field("comparators").exprs(n.comparators);
        break;
      }
      case ExprKind::Call: {
        const auto& n = as<Call>(e);
        Fields f(*this, "Call", &e.pos);
        f.field("func").expr(*n.func);
        f.field("args").exprs(n.args);
        f.field("keywords").keywords(n.keywords);
        break;
      }
      case ExprKind::FormattedValue: {
        const auto& n = as<FormattedValue>(e);
        Fields f(*this, "FormattedValue", &e.pos);
        f.field("value").expr(*n.value);
        f.field("conversion").out += std::to_string(n.conversion);
        optional_expr(f, "format_spec", n.format_spec);
        break;
      }
      case ExprKind::JoinedStr: {
        Fields f(*this, "JoinedStr", &e.pos);
        f.field("values").exprs(as<JoinedStr>(e).values);
        break;
      }
      case ExprKind::Constant: {
        const auto& n = as<ast::Constant>(e);
        Fields f(*this, "Constant", &e.pos);
        f.field("value").constant(n.value);
        if (n.kind) f.field("kind").text(*n.kind);
        break;
      }
      case ExprKind::Attribute: {
        const auto& n = as<Attribute>(e);
        Fields f(*this, "Attribute", &e.pos);
        f.field("value").expr(*n.value);
        f.field("attr").text(n.attr);
        f.field("ctx").out += context_name(n.ctx);
        break;
      }
      case ExprKind::Subscript: {
        const auto& n = as<Subscript>(e);
        Fields f(*this, "Subscript", &e.pos);
        f.field("value").expr(*n.value);
        f.field("slice").expr(*n.slice);
        f.field("ctx").out += context_name(n.ctx);
        break;
      }
      case ExprKind::Starred: {
        const auto& n = as<Starred>(e);
        Fields f(*this, "Starred", &e.pos);
        f.field("value").expr(*n.value);
        f.field("ctx").out += context_name(n.ctx);
        break;
      }
      case ExprKind::Name: {
        const auto& n = as<Name>(e);
        Fields f(*this, "Name", &e.pos);
        f.field("id").text(n.id);
        f.field("ctx").out += context_name(n.ctx);
        break;
      }
      case ExprKind::List: {
        const auto& n = as<List>(e);
        Fields f(*this, "List", &e.pos);
        f.field("elts").exprs(n.elts);
        f.field("ctx").out += context_name(n.ctx);
        break;
      }
      case ExprKind::Tuple: {
        const auto& n = as<Tuple>(e);
        Fields f(*this, "Tuple", &e.pos);
        f.field("elts").exprs(n.elts);
        f.field("ctx").out += context_name(n.ctx);
        break;
      }
      case ExprKind::Slice: {
        const auto& n = as<Slice>(e);
        Fields f(*this, "Slice", &e.pos);
        optional_expr(f, "lower", n.lower);
        optional_expr(f, "upper", n.upper);
        optional_expr(f, "step", n.step);
        break;
      }
    }
  }
};

// Decodes one code point of (generalized) UTF-8; lone surrogates are accepted.
uint32_t next_code_point(std::string_view s, size_t* i) {
  auto byte = static_cast<unsigned char>(s[*i]);
  int extra = byte < 0x80 ? 0 : byte < 0xE0 ? 1 : byte < 0xF0 ? 2 : 3;
  uint32_t cp = extra == 0 ? byte : byte & (0x3F >> extra);
  for (int k = 1; k <= extra && *i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += static_cast<size_t>(extra) + 1;
  return cp;
}


std::string python_str_repr(std::string_view utf8) {
  bool has_single = utf8.find('\'') != std::string_view::npos;
  bool has_double = utf8.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  size_t i = 0;
  while (i < utf8.size()) {
    size_t start = i;
    uint32_t cp = next_code_point(utf8, &i);
    char buffer[16];
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      std::snprintf(buffer, sizeof buffer, "\\x%02x", cp);
      out += buffer;
    } else if (cp < 0x7F || is_printable_code_point(cp)) {
      out.append(utf8.substr(start, i - start));
    } else {
      std::snprintf(buffer, sizeof buffer, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", cp);
      out += buffer;
    }
  }
  out += quote;
  return out;
}

std::string python_bytes_repr(std::string_view bytes) {
  bool has_single = bytes.find('\'') != std::string_view::npos;
  bool has_double = bytes.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte >= 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
      out += buffer;
    } else {
      out += c;
    }
  }
  out += quote;
  return out;
}

std::string python_float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view sci(buffer, static_cast<size_t>(result.ptr - buffer));
  // sci is "[-]d[.ddd]e[+-]XX": split into digits and the decimal point position.
  bool negative = sci.front() == '-';
  if (negative) sci.remove_prefix(1);
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exponent = std::stoi(std::string(sci.substr(e + 1)));
  int point = exponent + 1;  // digits before the decimal point
  std::string out = negative ? "-" : "";
  if (point > 16 || point < -3) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp;
  } else if (point <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-point), '0');
    out += digits;
  } else if (static_cast<size_t>(point) >= digits.size()) {
    out += digits;
    out.append(static_cast<size_t>(point) - digits.size(), '0');
    out += ".0";
  } else {
    out += digits.substr(0, static_cast<size_t>(point));
    out += '.';
    out += digits.substr(static_cast<size_t>(point));
  }
  return out;
}

}  // namespace

std::string ast_dump(const AstRoot& root, bool include_attributes) {
  Dumper dumper(include_attributes);
  dumper.root(root);
  return std::move(dumper.out);
}

}  // namespace chaipy
