// Parser: tokens to AST by recursive descent over CPython 3.11's PEG grammar, with its SyntaxErrors.
#include "interpreter/parser.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <charconv>
#include <cstdlib>
#include <unordered_set>
#include <utility>

#include "interpreter/lexer.hpp"
#include "interpreter/stack_guard.hpp"
#include "runtime/unicode_names.hpp"

// How errors are chosen, following CPython's pegen:
// - Pass 1 parses the grammar proper. Forced tokens ("expected ':'"), literal errors and
//   tokenizer errors are raised at once (HardError). Any other mismatch is a SoftFailure.
// - After a SoftFailure, pass 2 re-parses from the start with the `invalid_*` rules enabled
//   (`diagnose_`), which raise CPython's specialised messages. If none fires, the error is a
//   generic "invalid syntax" at the furthest token pass 1 looked at.
// - Finally, a tokenizer error further on in the file takes precedence over parser errors.
namespace chaipy {
namespace {

using namespace ast;

// Deepest nesting of recursive constructs and operator chains accepted; CPython's compiler
// gives up around the same depth (RecursionError), and deeper trees risk the C++ stack.
constexpr int kMaxDepth = 3000;

struct HardError {
  SyntaxErrorInfo info;
  bool from_tokenizer = false;
};
struct SoftFailure {};

bool is_soft_keyword(std::string_view name) { return name == "_" || name == "case" || name == "match"; }

// CPython's _PyPegen_get_expr_name.
const char* expr_name(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      const auto& value = as<ast::Constant>(e).value.value;
      if (std::holds_alternative<NoneConst>(value)) return "None";
      if (const bool* b = std::get_if<bool>(&value)) return *b ? "True" : "False";
      if (std::holds_alternative<EllipsisConst>(value)) return "ellipsis";
      return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

enum class TargetsType { Star, Del, For };

// CPython's _PyPegen_get_invalid_target: the first node that cannot be assigned/deleted.
const Expr* invalid_target(const Expr* e, TargetsType type) {
  if (e == nullptr) return nullptr;
  switch (e->kind) {
    case ExprKind::List:
      for (const auto& elt : as<List>(*e).elts) {
        if (const Expr* bad = invalid_target(elt.get(), type)) return bad;
      }
      return nullptr;
    case ExprKind::Tuple:
      for (const auto& elt : as<Tuple>(*e).elts) {
        if (const Expr* bad = invalid_target(elt.get(), type)) return bad;
      }
      return nullptr;
    case ExprKind::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(as<Starred>(*e).value.get(), type);
    case ExprKind::Compare:
      // `for x in y` reaches here as the comparison `x in y`.
      if (type == TargetsType::For) {
        const auto& compare = as<Compare>(*e);
        if (compare.ops[0] == CmpOperator::In) return invalid_target(compare.left.get(), type);
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

// Whether `e` is a valid assignment (or del, when `del` is set) target, as the target rules
// of the grammar accept them.
bool is_valid_target(const Expr& e, bool del) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return true;
    case ExprKind::Starred: {
      const Expr& value = *as<Starred>(e).value;
      return !del && value.kind != ExprKind::Starred && is_valid_target(value, del);
    }
    case ExprKind::List:
      return std::all_of(as<List>(e).elts.begin(), as<List>(e).elts.end(),
                         [del](const ExprPtr& elt) { return is_valid_target(*elt, del); });
    case ExprKind::Tuple:
      return std::all_of(as<Tuple>(e).elts.begin(), as<Tuple>(e).elts.end(),
                         [del](const ExprPtr& elt) { return is_valid_target(*elt, del); });
    default:
      return false;
  }
}

void set_context(Expr& e, ExprContext ctx) {
  switch (e.kind) {
    case ExprKind::Name: as<Name>(e).ctx = ctx; break;
    case ExprKind::Attribute: as<Attribute>(e).ctx = ctx; break;
    case ExprKind::Subscript: as<Subscript>(e).ctx = ctx; break;
    case ExprKind::Starred:
      as<Starred>(e).ctx = ctx;
      set_context(*as<Starred>(e).value, ctx);
      break;
    case ExprKind::List:
      as<List>(e).ctx = ctx;
      for (auto& elt : as<List>(e).elts) set_context(*elt, ctx);
      break;
    case ExprKind::Tuple:
      as<Tuple>(e).ctx = ctx;
      for (auto& elt : as<Tuple>(e).elts) set_context(*elt, ctx);
      break;
    default:
      break;
  }
}

// The node an expression's text starts with: the leftmost operand of its operator chain.
const Expr& leftmost_operand(const Expr& e) {
  const Expr* node = &e;
  for (;;) {
    switch (node->kind) {
      case ExprKind::BinOp: node = as<BinOp>(*node).left.get(); break;
      case ExprKind::Attribute: node = as<Attribute>(*node).value.get(); break;
      case ExprKind::Subscript: node = as<Subscript>(*node).value.get(); break;
      case ExprKind::Call: node = as<Call>(*node).func.get(); break;
      case ExprKind::Compare: node = as<Compare>(*node).left.get(); break;
      default: return *node;
    }
  }
}

bool starts_at(const SourcePosition& pos, const Token& t) { return pos.line == t.line && pos.col == t.col; }



// Parses the f-string expression `text` (already wrapped in parentheses) that starts at
// `line`/`col` in the enclosing source; defined after Parser.
ExprPtr parse_fstring_expression(const std::string& text, const std::string& filename, int line, int col,
                                 std::optional<SyntaxErrorInfo>* unsupported);

class Parser {
 public:
  Parser(const TokenStream& stream, const std::string& filename, bool diagnose, size_t* furthest,
         bool fstring = false)
      : stream_(stream), toks_(stream.tokens), filename_(filename), diagnose_(diagnose), furthest_(furthest),
        fstring_(fstring) {}

  // ---- start rules ----

  Module file() {
    Module module;
    while (!at_type(TokenType::EndMarker)) statement(module.body);
    return module;
  }

  Expression eval() {
    Expression expression;
    expression.body = expressions();
    while (at_type(TokenType::Newline)) next();
    if (!at_type(TokenType::EndMarker)) fail();
    return expression;
  }

  Interactive interactive() {
    Interactive interactive;
    if (skip_match_statement()) {
      // reported as unsupported
    } else if (at_type(TokenType::Newline)) {
      const Token& t = next();
      auto pass = std::make_unique<Pass>();
      pass->pos = {t.line, t.end_line, t.col, t.end_col};
      interactive.body.push_back(std::move(pass));
    } else if (at_compound_statement()) {
      interactive.body.push_back(compound_statement());
      // CPython turns the end of input into the NEWLINE this rule requires.
      if (at_type(TokenType::Newline)) next();
      else if (!at_type(TokenType::EndMarker)) fail();
    } else if (at_type(TokenType::EndMarker)) {
      fail();
    } else {
      simple_statements(interactive.body);
    }
    size_t end = pos_;
    while (end < toks_.size() && (toks_[end].type == TokenType::Newline || toks_[end].type == TokenType::Dedent)) ++end;
    if (end < toks_.size() && toks_[end].type != TokenType::EndMarker) {
      raise_last_token("SyntaxError", "multiple statements found while compiling a single statement");
    }
    return interactive;
  }

  // f-string replacement fields: `star_expressions` over "(expr)".
  ExprPtr fstring() { return star_expressions(); }

  // The first construct CPython accepts but chaipy does not (async, await, match, imaginary
  // literals, \N escapes). It is parsed past, so that real syntax errors anywhere still win,
  // and reported only when the whole input parses.
  std::optional<SyntaxErrorInfo>& unsupported() { return unsupported_; }

 private:
  // ---- tokens ----

  const Token& peek(size_t ahead = 0) {
    size_t index = std::min(pos_ + ahead, toks_.size() - 1);
    if (index > *furthest_) *furthest_ = index;
    const Token& t = toks_[index];
    if (t.type == TokenType::Error) throw HardError{stream_.error->info, true};
    return t;
  }
  bool at_type(TokenType type, size_t ahead = 0) { return peek(ahead).type == type; }
  bool at_op(OpKind op, size_t ahead = 0) {
    const Token& t = peek(ahead);
    return t.type == TokenType::Op && t.op == op;
  }
  bool at_kw(KeywordKind kw, size_t ahead = 0) {
    const Token& t = peek(ahead);
    return t.type == TokenType::Name && t.keyword == kw;
  }
  bool at_name(size_t ahead = 0) {
    const Token& t = peek(ahead);
    return t.type == TokenType::Name && t.keyword == KeywordKind::None;
  }
  const Token& next() {
    const Token& t = peek();
    ++pos_;
    return t;
  }
  [[noreturn]] void fail() { throw SoftFailure{}; }
  const Token& expect_op(OpKind op) {
    if (!at_op(op)) fail();
    return next();
  }
  const Token& expect_kw(KeywordKind kw) {
    if (!at_kw(kw)) fail();
    return next();
  }
  const Token& expect_name() {
    if (!at_name()) fail();
    return next();
  }
  // CPython's `&&'x'`: a missing token is an immediate "expected 'x'".
  const Token& expect_forced(OpKind op, const char* text) {
    if (!at_op(op)) raise_at_token(peek(), std::string("expected '") + text + "'");
    return next();
  }

  // Whether `t` can begin an `expression` (with_star: also a `*` starred item).
  static bool starts_expression(const Token& t, bool with_star) {
    switch (t.type) {
      case TokenType::Name:
        switch (t.keyword) {
          case KeywordKind::None:
          case KeywordKind::False_:
          case KeywordKind::None_:
          case KeywordKind::True_:
          case KeywordKind::Not:
          case KeywordKind::Lambda:
          case KeywordKind::Await:
            return true;
          default:
            return false;
        }
      case TokenType::Number:
      case TokenType::String:
        return true;
      case TokenType::Op:
        switch (t.op) {
          case OpKind::LPar:
          case OpKind::LSqb:
          case OpKind::LBrace:
          case OpKind::Minus:
          case OpKind::Plus:
          case OpKind::Tilde:
          case OpKind::Ellipsis:
            return true;
          case OpKind::Star:
            return with_star;
          default:
            return false;
        }
      default:
        return false;
    }
  }
  bool at_expression_start(bool with_star = false) { return starts_expression(peek(), with_star); }
  // The start of a comprehension's `for` clause (`async for` is parsed, then reported).
  bool at_comprehension() { return at_kw(KeywordKind::For) || (at_kw(KeywordKind::Async) && at_kw(KeywordKind::For, 1)); }

  // The last token consumed that has a source extent (CPython's EXTRA end).
  const Token& last_real_token() const {
    size_t m = pos_;
    while (m > 0) {
      const Token& t = toks_[--m];
      if (t.type != TokenType::Newline && t.type != TokenType::Indent && t.type != TokenType::Dedent &&
          t.type != TokenType::EndMarker) {
        return t;
      }
    }
    return toks_[0];
  }
  SourcePosition span_from(int line, int col) const {
    const Token& last = last_real_token();
    return SourcePosition{line, last.end_line, col, last.end_col};
  }
  SourcePosition span(const Token& first) const { return span_from(first.line, first.col); }
  SourcePosition span(const SourcePosition& first) const { return span_from(first.line, first.col); }
  static SourcePosition token_pos(const Token& t) { return SourcePosition{t.line, t.end_line, t.col, t.end_col}; }

  template <class T>
  std::unique_ptr<T> make(const SourcePosition& pos) {
    auto node = std::make_unique<T>();
    node->pos = pos;
    return node;
  }

  // ---- errors ----

  // `col` and `end_col` are CPython's 1-based byte offsets before conversion to characters
  // (converted against the text of `line`, like CPython, even when the end is on another line).
  [[noreturn]] void raise(const char* type, std::string message, int line, int col, int end_line, int end_col) {
    SyntaxErrorInfo info;
    info.type = type;
    info.message = std::move(message);
    info.filename = filename_;
    info.text = std::string(stream_.line_text(line));
    info.line = line;
    // Inside an f-string, CPython reports columns relative to the replacement field's text.
    col -= stream_.first_col;
    end_col -= stream_.first_col;
    // CPython's f-string sub-parser reports byte offsets.
    info.col = fstring_ ? col : char_offset(info.text, col);
    info.end_line = end_line;
    info.end_col = end_col > 0 && !fstring_ ? char_offset(info.text, end_col) : end_col;
    throw HardError{std::move(info), false};
  }
  // RAISE_SYNTAX_ERROR_KNOWN_LOCATION / _RANGE.
  [[noreturn]] void raise_at(const SourcePosition& pos, std::string message) {
    raise("SyntaxError", std::move(message), pos.line, pos.col + 1, pos.end_line, pos.end_col + 1);
  }
  [[noreturn]] void raise_range(const SourcePosition& a, const SourcePosition& b, std::string message) {
    raise("SyntaxError", std::move(message), a.line, a.col + 1, b.end_line, b.end_col + 1);
  }
  [[noreturn]] void raise_at_token(const Token& t, std::string message) {
    raise("SyntaxError", std::move(message), t.line, t.col + 1, t.end_line, t.end_col + 1);
  }
  // RAISE_SYNTAX_ERROR_STARTING_FROM: from `pos` to where the tokenizer stands.
  [[noreturn]] void raise_starting_from(const SourcePosition& pos, std::string message) {
    const Token& t = toks_[*furthest_];
    raise("SyntaxError", std::move(message), pos.line, pos.col + 1, t.end_line, t.end_col < 0 ? t.error_col : t.end_col);
  }
  // RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token the parser fetched.
  [[noreturn]] void raise_last_token(const char* type, std::string message) {
    const Token& t = toks_[*furthest_];
    int col = t.col < 0 ? t.error_col : t.col + 1;
    int end_col = t.end_col < 0 ? -1 : t.end_col + 1;
    raise(type, std::move(message), t.line, col, t.end_line, end_col);
  }
  // An `invalid_*` rule matched: its message in pass 2, a plain mismatch in pass 1.
  void check_diagnosing() {
    if (!diagnose_) fail();
  }

  void unsupported(const Token& t, const char* message) {
    if (unsupported_) return;
    SyntaxErrorInfo info;
    info.type = "SyntaxError";
    info.message = message;
    info.filename = filename_;
    info.text = std::string(stream_.line_text(t.line));
    info.line = t.line;
    info.end_line = t.end_line;
    info.col = char_offset(info.text, t.col + 1 - stream_.first_col);
    info.end_col = char_offset(info.text, t.end_col + 1 - stream_.first_col);
    unsupported_ = std::move(info);
  }

  // A statement shaped like `match subject:` NEWLINE INDENT `case ...` is skipped whole.
  bool skip_match_statement() {
    const Token& t = peek();
    if (t.type != TokenType::Name || t.keyword != KeywordKind::None || t.text != "match") return false;
    size_t i = pos_ + 1;
    auto is_end = [&](size_t k) {
      TokenType type = toks_[k].type;
      return type == TokenType::EndMarker || type == TokenType::Error;
    };
    while (!is_end(i) && toks_[i].type != TokenType::Newline) ++i;
    if (is_end(i) || i == pos_ + 1 || i + 2 >= toks_.size()) return false;
    const Token& colon = toks_[i - 1];
    const Token& case_keyword = toks_[i + 2];
    if (colon.type != TokenType::Op || colon.op != OpKind::Colon || toks_[i + 1].type != TokenType::Indent ||
        case_keyword.type != TokenType::Name || case_keyword.text != "case") {
      return false;
    }
    size_t j = i + 2;
    for (int depth = 1; depth > 0; ++j) {
      if (is_end(j)) return false;
      if (toks_[j].type == TokenType::Indent) ++depth;
      if (toks_[j].type == TokenType::Dedent) --depth;
    }
    unsupported(t, "match statements are not supported");
    pos_ = j;
    *furthest_ = std::max(*furthest_, j);
    return true;
  }

  [[noreturn]] void too_deep() {
    raise_last_token("SyntaxError", "Parser stack overflowed - Python source too complex to parse");
  }

  // Counts nesting (recursion and operator chains) against kMaxDepth.
  class Depth {
   public:
    explicit Depth(Parser& parser, int levels = 1) : parser_(parser) {
      for (int i = 0; i < levels; ++i) add();
    }
    ~Depth() { parser_.depth_ -= levels_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
    void add() {
      ++levels_;
      if (++parser_.depth_ > kMaxDepth || native_stack_exhausted()) parser_.too_deep();
    }

   private:
    Parser& parser_;
    int levels_ = 0;
  };

  // Runs `attempt` from the current position; on a SoftFailure the position is restored and
  // false returned. Hard errors propagate, as in CPython.
  template <class F>
  bool speculate(F&& attempt) {
    size_t saved = pos_;
    try {
      attempt();
      return true;
    } catch (const SoftFailure&) {
      pos_ = saved;
      return false;
    }
  }

  // ---- statements ----

  bool at_compound_statement() {
    const Token& t = peek();
    if (t.type == TokenType::Op) return t.op == OpKind::At;
    if (t.type != TokenType::Name) return false;
    switch (t.keyword) {
      case KeywordKind::Def:
      case KeywordKind::If:
      case KeywordKind::Class:
      case KeywordKind::With:
      case KeywordKind::For:
      case KeywordKind::Try:
      case KeywordKind::While:
      case KeywordKind::Async:
        return true;
      default:
        return false;
    }
  }

  void statement(std::vector<StmtPtr>& out) {
    if (skip_match_statement()) return;
    if (at_compound_statement()) {
      out.push_back(compound_statement());
    } else {
      simple_statements(out);
    }
  }

  void simple_statements(std::vector<StmtPtr>& out) {
    for (;;) {
      out.push_back(simple_statement());
      if (!at_op(OpKind::Semi)) break;
      next();
      if (at_type(TokenType::Newline)) break;
    }
    if (!at_type(TokenType::Newline)) fail();
    next();
  }

  StmtPtr simple_statement() {
    const Token& t = peek();
    if (t.type == TokenType::Name) {
      switch (t.keyword) {
        case KeywordKind::Return: return return_statement();
        case KeywordKind::Import: return import_name();
        case KeywordKind::From: return import_from();
        case KeywordKind::Raise: return raise_statement();
        case KeywordKind::Pass: next(); return make<Pass>(token_pos(t));
        case KeywordKind::Break: next(); return make<Break>(token_pos(t));
        case KeywordKind::Continue: next(); return make<Continue>(token_pos(t));
        case KeywordKind::Del: return del_statement();
        case KeywordKind::Assert: return assert_statement();
        case KeywordKind::Global: return global_statement<Global>();
        case KeywordKind::Nonlocal: return global_statement<Nonlocal>();
        default: break;
      }
    }
    return expression_statement();
  }

  StmtPtr return_statement() {
    const Token& first = next();
    ExprPtr value;
    if (at_expression_start(true)) value = star_expressions();
    auto node = make<Return>(span(first));
    node->value = std::move(value);
    return node;
  }

  StmtPtr raise_statement() {
    const Token& first = next();
    auto node = std::make_unique<Raise>();
    if (at_expression_start()) {
      node->exc = expression();
      if (at_kw(KeywordKind::From)) {
        next();
        node->cause = expression();
      }
    }
    node->pos = span(first);
    return node;
  }

  template <class T>
  StmtPtr global_statement() {
    const Token& first = next();
    auto node = std::make_unique<T>();
    for (;;) {
      node->names.emplace_back(expect_name().text);
      if (!at_op(OpKind::Comma)) break;
      next();
    }
    node->pos = span(first);
    return node;
  }

  StmtPtr assert_statement() {
    const Token& first = next();
    auto node = std::make_unique<Assert>();
    node->test = expression();
    if (at_op(OpKind::Comma)) {
      next();
      node->msg = expression();
    }
    node->pos = span(first);
    return node;
  }

  StmtPtr del_statement() {
    const Token& first = next();
    size_t targets_start = pos_;
    ExprGroup group;
    ExprPtr parsed = star_expressions(&group);
    std::vector<ExprPtr> targets;
    if (group.bare_tuple) {
      targets = std::move(as<Tuple>(*parsed).elts);
    } else {
      targets.push_back(std::move(parsed));
    }
    for (auto& target : targets) {
      if (!is_valid_target(*target, true)) {
        // invalid_del_stmt: 'del' star_expressions
        check_diagnosing();
        pos_ = targets_start;
        ExprPtr all = star_expressions();
        if (const Expr* bad = invalid_target(all.get(), TargetsType::Del)) {
          raise_at(bad->pos, std::string("cannot delete ") + expr_name(*bad));
        }
        fail();
      }
      set_context(*target, ExprContext::Del);
    }
    if (!at_op(OpKind::Semi) && !at_type(TokenType::Newline)) fail();
    auto node = make<Delete>(span(first));
    node->targets = std::move(targets);
    return node;
  }

  // ---- imports ----

  std::string dotted_name() {
    std::string name(expect_name().text);
    while (at_op(OpKind::Dot)) {
      next();
      name += '.';
      name += expect_name().text;
    }
    return name;
  }

  StmtPtr import_name() {
    const Token& first = next();
    auto node = std::make_unique<Import>();
    for (;;) {
      const Token& start = peek();
      Alias alias;
      alias.name = dotted_name();
      if (at_kw(KeywordKind::As)) {
        next();
        alias.asname = std::string(expect_name().text);
      }
      alias.pos = span(start);
      node->names.push_back(std::move(alias));
      if (!at_op(OpKind::Comma)) break;
      next();
    }
    node->pos = span(first);
    return node;
  }

  StmtPtr import_from() {
    const Token& first = next();
    auto node = std::make_unique<ImportFrom>();
    for (;;) {
      if (at_op(OpKind::Dot)) {
        next();
        node->level += 1;
      } else if (at_op(OpKind::Ellipsis)) {
        next();
        node->level += 3;
      } else {
        break;
      }
    }
    if (node->level == 0 || !at_kw(KeywordKind::Import)) node->module = dotted_name();
    expect_kw(KeywordKind::Import);
    if (at_op(OpKind::Star)) {
      const Token& star = next();
      node->names.push_back(Alias{"*", std::nullopt, token_pos(star)});
    } else if (at_op(OpKind::LPar)) {
      next();
      import_from_as_names(node->names);
      if (at_op(OpKind::Comma)) next();
      expect_op(OpKind::RPar);
    } else {
      import_from_as_names(node->names);
      if (at_op(OpKind::Comma)) {
        // invalid_import_from_targets
        if (diagnose_ && at_type(TokenType::Newline, 1)) {
          raise_last_token("SyntaxError", "trailing comma not allowed without surrounding parentheses");
        }
        fail();
      }
    }
    node->pos = span(first);
    return node;
  }

  void import_from_as_names(std::vector<Alias>& names) {
    for (;;) {
      const Token& start = expect_name();
      Alias alias;
      alias.name = std::string(start.text);
      if (at_kw(KeywordKind::As)) {
        next();
        alias.asname = std::string(expect_name().text);
      }
      alias.pos = span(start);
      names.push_back(std::move(alias));
      if (!at_op(OpKind::Comma) || !at_name(1)) break;
      next();
    }
  }

  // ---- expression statements and assignments ----

  // What star_expressions saw at the top level, for assignment diagnostics.
  struct ExprGroup {
    bool bare_tuple = false;              // comma-separated without parentheses
    std::vector<size_t> element_starts;   // token index where each element begins
  };

  static bool is_augassign(const Token& t) {
    if (t.type != TokenType::Op) return false;
    switch (t.op) {
      case OpKind::PlusEqual: case OpKind::MinEqual: case OpKind::StarEqual: case OpKind::AtEqual:
      case OpKind::SlashEqual: case OpKind::PercentEqual: case OpKind::AmperEqual: case OpKind::VBarEqual:
      case OpKind::CircumflexEqual: case OpKind::LeftShiftEqual: case OpKind::RightShiftEqual:
      case OpKind::DoubleStarEqual: case OpKind::DoubleSlashEqual:
        return true;
      default:
        return false;
    }
  }
  static Operator augassign_operator(OpKind op) {
    switch (op) {
      case OpKind::PlusEqual: return Operator::Add;
      case OpKind::MinEqual: return Operator::Sub;
      case OpKind::StarEqual: return Operator::Mult;
      case OpKind::AtEqual: return Operator::MatMult;
      case OpKind::SlashEqual: return Operator::Div;
      case OpKind::PercentEqual: return Operator::Mod;
      case OpKind::AmperEqual: return Operator::BitAnd;
      case OpKind::VBarEqual: return Operator::BitOr;
      case OpKind::CircumflexEqual: return Operator::BitXor;
      case OpKind::LeftShiftEqual: return Operator::LShift;
      case OpKind::RightShiftEqual: return Operator::RShift;
      case OpKind::DoubleStarEqual: return Operator::Pow;
      default: return Operator::FloorDiv;
    }
  }

  // Whether the expression parsed from token `start` is a single NAME token.
  bool is_bare_name(const Expr& e, size_t start) const {
    return e.kind == ExprKind::Name && toks_[start].type == TokenType::Name && starts_at(e.pos, toks_[start]) &&
           e.pos.end_col == toks_[start].end_col && e.pos.end_line == toks_[start].end_line;
  }

  static bool is_single_target(const Expr& e) {
    return e.kind == ExprKind::Name || e.kind == ExprKind::Attribute || e.kind == ExprKind::Subscript;
  }

  ExprPtr annotated_rhs() { return at_kw(KeywordKind::Yield) ? yield_expr() : star_expressions(); }

  StmtPtr expression_statement() {
    const Token& first = peek();
    // assignment: NAME ':' expression ['=' annotated_rhs]
    if (at_name() && at_op(OpKind::Colon, 1)) {
      auto target = make<Name>(token_pos(first));
      target->id = std::string(first.text);
      target->ctx = ExprContext::Store;
      next();
      next();
      auto node = std::make_unique<AnnAssign>();
      node->target = std::move(target);
      node->annotation = expression();
      if (at_op(OpKind::Equal)) {
        next();
        node->value = annotated_rhs();
      }
      node->simple = 1;
      node->pos = span(first);
      return node;
    }
    ExprGroup group;
    bool starts_with_yield = at_kw(KeywordKind::Yield);
    ExprPtr e = starts_with_yield ? yield_expr() : star_expressions(&group);

    if (at_op(OpKind::Colon)) return annotated_assignment(first, std::move(e), group, starts_with_yield);
    if (is_augassign(peek())) return augmented_assignment(first, std::move(e), starts_with_yield);
    if (at_op(OpKind::Equal)) return assignment(first, std::move(e), group, starts_with_yield);

    if (diagnose_ && at_op(OpKind::ColonEqual) && !starts_with_yield) {
      // invalid_named_expression on the statement's last element: `a.b := 1`.
      size_t last_start = group.element_starts.back();
      const Expr& last = group.bare_tuple ? *as<Tuple>(*e).elts.back() : *e;
      if (last.kind != ExprKind::Starred && !is_bare_name(last, last_start)) {
        raise_at(last.pos, std::string("cannot use assignment expressions with ") + expr_name(last));
      }
    }
    auto node = make<ExprStmt>(span(first));
    node->value = std::move(e);
    return node;
  }

  StmtPtr annotated_assignment(const Token& first, ExprPtr target, const ExprGroup& group, bool yield) {
    bool valid = !yield && !group.bare_tuple && is_single_target(*target);
    if (!valid) {
      check_diagnosing();
      if (!yield && !group.bare_tuple &&
          (target->kind == ExprKind::List || target->kind == ExprKind::Tuple)) {
        raise_at(target->pos, std::string("only single target (not ") + expr_name(*target) + ") can be annotated");
      }
      if (group.bare_tuple) {
        raise_at(as<Tuple>(*target).elts.front()->pos, "only single target (not tuple) can be annotated");
      }
      raise_at(target->pos, "illegal target for annotation");
    }
    next();
    set_context(*target, ExprContext::Store);
    auto node = std::make_unique<AnnAssign>();
    node->target = std::move(target);
    node->annotation = expression();
    if (at_op(OpKind::Equal)) {
      next();
      node->value = annotated_rhs();
    }
    node->simple = 0;
    node->pos = span(first);
    return node;
  }

  StmtPtr augmented_assignment(const Token& first, ExprPtr target, bool yield) {
    if (yield || !is_single_target(*target)) {
      check_diagnosing();
      raise_at(target->pos, std::string("'") + expr_name(*target) + "' is an illegal expression for augmented assignment");
    }
    Operator op = augassign_operator(next().op);
    set_context(*target, ExprContext::Store);
    auto node = std::make_unique<AugAssign>();
    node->target = std::move(target);
    node->op = op;
    node->value = annotated_rhs();
    node->pos = span(first);
    return node;
  }

  StmtPtr assignment(const Token& first, ExprPtr e, const ExprGroup& group, bool starts_with_yield) {
    std::vector<ExprPtr> targets;
    std::vector<bool> target_is_yield{starts_with_yield};
    size_t first_equal = pos_;
    while (at_op(OpKind::Equal)) {
      next();
      bool is_yield = at_kw(KeywordKind::Yield);
      target_is_yield.push_back(is_yield);
      ExprPtr value = is_yield ? yield_expr() : star_expressions();
      targets.push_back(std::move(e));
      e = std::move(value);
    }
    for (size_t i = 0; i < targets.size(); ++i) {
      if (target_is_yield[i] || !is_valid_target(*targets[i], false)) {
        check_diagnosing();
        diagnose_assignment(targets, target_is_yield, group, first_equal);
        fail();
      }
    }
    for (auto& target : targets) set_context(*target, ExprContext::Store);
    auto node = make<Assign>(span(first));
    node->targets = std::move(targets);
    node->value = std::move(e);
    return node;
  }

  // invalid_assignment, for a chain of `=` with an invalid target.
  void diagnose_assignment(const std::vector<ExprPtr>& targets, const std::vector<bool>& is_yield,
                           const ExprGroup& group, size_t first_equal) {
    // The statement's first elements are re-read as star_named_expressions, so the one before
    // the first '=' gets invalid_named_expression's checks.
    if (!is_yield[0]) {
      const Expr& last = group.bare_tuple ? *as<Tuple>(*targets[0]).elts.back() : *targets[0];
      size_t last_start = group.element_starts.back();
      if (last.kind != ExprKind::Starred) named_expression_followed_by_equal(last, last_start, first_equal);
    }
    for (size_t i = 0; i < targets.size(); ++i) {
      const Expr& target = *targets[i];
      if (is_yield[i]) raise_at(target.pos, "assignment to yield expression not possible");
      if (!is_valid_target(target, false)) {
        if (const Expr* bad = invalid_target(&target, TargetsType::Star)) {
          raise_at(bad->pos, std::string("cannot assign to ") + expr_name(*bad));
        }
        return;
      }
    }
  }

  // invalid_named_expression alternatives 2 and 3: `e` (parsed from token `start`) followed by
  // the '=' at token `equal`, then a bitwise_or not followed by '=' or ':='.
  void named_expression_followed_by_equal(const Expr& e, size_t start, size_t equal) {
    bool bare_name = is_bare_name(e, start);
    if (!bare_name) {
      if (!is_bitwise_or(e, start)) return;
      const Token& first = toks_[start];
      if (first.type == TokenType::Name &&
          (first.keyword == KeywordKind::True_ || first.keyword == KeywordKind::None_ || first.keyword == KeywordKind::False_)) {
        return;
      }
      const Expr& leftmost = leftmost_operand(e);
      if (starts_at(leftmost.pos, first) && (leftmost.kind == ExprKind::List || leftmost.kind == ExprKind::Tuple ||
                                              leftmost.kind == ExprKind::GeneratorExp)) {
        return;
      }
    }
    size_t saved = pos_;
    pos_ = equal + 1;
    ExprPtr value;
    bool matched = speculate([&] { value = bitwise_or(); }) && !at_op(OpKind::Equal) && !at_op(OpKind::ColonEqual);
    pos_ = saved;
    if (!matched) return;
    if (bare_name) raise_range(e.pos, value->pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    raise_at(e.pos, std::string("cannot assign to ") + expr_name(e) + " here. Maybe you meant '==' instead of '='?");
  }

  // Whether `e`, parsed from token `start`, is what the bitwise_or rule alone would read.
  bool is_bitwise_or(const Expr& e, size_t start) const {
    switch (e.kind) {
      case ExprKind::Compare:
      case ExprKind::BoolOp:
      case ExprKind::IfExp:
      case ExprKind::Lambda:
      case ExprKind::NamedExpr:
      case ExprKind::Starred:
        return !starts_at(e.pos, toks_[start]);  // only when parenthesized
      case ExprKind::UnaryOp:
        return as<UnaryOp>(e).op != UnaryOperator::Not || !starts_at(e.pos, toks_[start]);
      default:
        return true;
    }
  }

  // ---- compound statements ----

  StmtPtr compound_statement() {
    const Token& t = peek();
    if (t.type == TokenType::Op) return decorated();
    switch (t.keyword) {
      case KeywordKind::Def: return function_def({});
      case KeywordKind::If: return if_statement();
      case KeywordKind::Class: return class_def({});
      case KeywordKind::With: return with_statement();
      case KeywordKind::For: return for_statement();
      case KeywordKind::Try: return try_statement();
      case KeywordKind::While: return while_statement();
      default: return async_statement({});
    }
  }

  // `async def/for/with`: parsed like their synchronous forms, then reported as unsupported.
  StmtPtr async_statement(std::vector<ExprPtr> decorator_list) {
    unsupported(next(), "'async' functions, loops and with statements are not supported");
    if (at_kw(KeywordKind::Def)) return function_def(std::move(decorator_list));
    if (!decorator_list.empty()) fail();
    if (at_kw(KeywordKind::For)) return for_statement();
    if (at_kw(KeywordKind::With)) return with_statement();
    fail();
  }

  // block: NEWLINE INDENT statements DEDENT | simple_stmts; `what` names the statement for
  // "expected an indented block after ..." (invalid_*_stmt rules).
  std::vector<StmtPtr> block(const char* what, int header_line) {
    std::vector<StmtPtr> body;
    if (!at_type(TokenType::Newline)) {
      simple_statements(body);
      return body;
    }
    if (!at_type(TokenType::Indent, 1)) {
      check_diagnosing();
      raise_last_token("IndentationError", std::string("expected an indented block after ") + what + " on line " +
                                               std::to_string(header_line));
    }
    next();
    next();
    Depth depth(*this);
    while (!at_type(TokenType::Dedent)) statement(body);
    next();
    return body;
  }

  // The ':' ending a compound statement header; CPython's invalid_*_stmt report a newline.
  void header_colon() {
    if (at_op(OpKind::Colon)) {
      next();
      return;
    }
    if (diagnose_ && at_type(TokenType::Newline)) raise_last_token("SyntaxError", "expected ':'");
    fail();
  }

  std::vector<ExprPtr> decorators() {
    std::vector<ExprPtr> list;
    while (at_op(OpKind::At)) {
      next();
      list.push_back(named_expression());
      if (!at_type(TokenType::Newline)) fail();
      next();
    }
    return list;
  }

  StmtPtr decorated() {
    std::vector<ExprPtr> list = decorators();
    if (at_kw(KeywordKind::Def)) return function_def(std::move(list));
    if (at_kw(KeywordKind::Class)) return class_def(std::move(list));
    if (at_kw(KeywordKind::Async)) return async_statement(std::move(list));
    fail();
  }

  StmtPtr function_def(std::vector<ExprPtr> decorator_list) {
    const Token& def = next();
    auto node = std::make_unique<FunctionDef>();
    node->name = std::string(expect_name().text);
    expect_forced(OpKind::LPar, "(");
    node->args = parameters(false);
    expect_op(OpKind::RPar);
    if (at_op(OpKind::RArrow)) {
      speculate([&] {
        next();
        node->returns = expression();
      });
    }
    expect_forced(OpKind::Colon, ":");
    node->body = block("function definition", def.line);
    node->decorator_list = std::move(decorator_list);
    node->pos = span(def);
    return node;
  }

  StmtPtr class_def(std::vector<ExprPtr> decorator_list) {
    const Token& cls = next();
    auto node = std::make_unique<ClassDef>();
    node->name = std::string(expect_name().text);
    if (at_op(OpKind::LPar)) {
      next();
      if (!at_op(OpKind::RPar)) call_arguments(node->bases, node->keywords, pos_);
      expect_op(OpKind::RPar);
    }
    header_colon();
    node->body = block("class definition", cls.line);
    node->decorator_list = std::move(decorator_list);
    node->pos = span(cls);
    return node;
  }

  StmtPtr if_statement() {
    Depth depth(*this);           // `elif` nests
    const Token& first = next();  // 'if' or 'elif'
    bool is_elif = first.keyword == KeywordKind::Elif;
    auto node = std::make_unique<If>();
    node->test = named_expression();
    header_colon();
    node->body = block(is_elif ? "'elif' statement" : "'if' statement", first.line);
    if (at_kw(KeywordKind::Elif)) {
      node->orelse.push_back(if_statement());
    } else if (at_kw(KeywordKind::Else)) {
      node->orelse = else_block();
    }
    node->pos = span(first);
    return node;
  }

  std::vector<StmtPtr> else_block() {
    const Token& t = next();
    expect_forced(OpKind::Colon, ":");
    return block("'else' statement", t.line);
  }

  StmtPtr while_statement() {
    const Token& first = next();
    auto node = std::make_unique<While>();
    node->test = named_expression();
    header_colon();
    node->body = block("'while' statement", first.line);
    if (at_kw(KeywordKind::Else)) node->orelse = else_block();
    node->pos = span(first);
    return node;
  }

  // 'for' star_targets 'in' (the part before CPython's cut), with invalid_for_target.
  // A failure is remembered by position: in the diagnosing pass each level tries the text
  // twice (as targets, then as expressions), and without the memo a target holding nested
  // unfinished comprehensions, `f(g(x for f(g(y for ...`, took time exponential in the nesting.
  ExprPtr for_target() {
    size_t start = pos_;
    size_t memo_key = start * 2 + (diagnose_ ? 1 : 0);
    if (failed_for_targets_.count(memo_key)) fail();
    ExprPtr target;
    if (speculate([&] {
          target = star_targets();
          if (!at_kw(KeywordKind::In)) fail();
        })) {
      next();
      return target;
    }
    failed_for_targets_.insert(memo_key);
    check_diagnosing();
    ExprPtr all;
    pos_ = start;
    if (speculate([&] { all = star_expressions(); })) {
      if (const Expr* bad = invalid_target(all.get(), TargetsType::For)) {
        raise_at(bad->pos, std::string("cannot assign to ") + expr_name(*bad));
      }
    }
    fail();
  }

  StmtPtr for_statement() {
    const Token& first = next();
    auto node = std::make_unique<For>();
    node->target = for_target();
    node->iter = star_expressions();
    header_colon();
    node->body = block("'for' statement", first.line);
    if (at_kw(KeywordKind::Else)) node->orelse = else_block();
    node->pos = span(first);
    return node;
  }

  WithItem with_item() {
    WithItem item;
    item.context_expr = expression();
    if (at_kw(KeywordKind::As)) {
      next();
      size_t target_start = pos_;
      if (!speculate([&] {
            item.optional_vars = star_target();
            if (!at_op(OpKind::Comma) && !at_op(OpKind::RPar) && !at_op(OpKind::Colon)) fail();
          })) {
        // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
        check_diagnosing();
        pos_ = target_start;
        ExprPtr target;
        if (speculate([&] { target = expression(); }) &&
            (at_op(OpKind::Comma) || at_op(OpKind::RPar) || at_op(OpKind::Colon))) {
          if (const Expr* bad = invalid_target(target.get(), TargetsType::Star)) {
            raise_at(bad->pos, std::string("cannot assign to ") + expr_name(*bad));
          }
        }
        fail();
      }
    }
    return item;
  }

  StmtPtr with_statement() {
    const Token& first = next();
    auto node = std::make_unique<With>();
    bool parenthesized = at_op(OpKind::LPar) && speculate([&] {
      next();
      for (;;) {
        node->items.push_back(with_item());
        if (!at_op(OpKind::Comma)) break;
        next();
        if (at_op(OpKind::RPar)) break;
      }
      expect_op(OpKind::RPar);
      if (!at_op(OpKind::Colon)) fail();
    });
    if (!parenthesized) {
      node->items.clear();
      for (;;) {
        node->items.push_back(with_item());
        if (!at_op(OpKind::Comma)) break;
        next();
      }
    }
    header_colon();
    node->body = block("'with' statement", first.line);
    node->pos = span(first);
    return node;
  }

  StmtPtr try_statement() {
    const Token& first = next();
    expect_forced(OpKind::Colon, ":");
    std::vector<StmtPtr> body = block("'try' statement", first.line);
    std::vector<ExceptHandler> handlers;
    bool star = false;
    while (at_kw(KeywordKind::Except)) {
      bool this_star = at_op(OpKind::Star, 1);
      if (!handlers.empty() && this_star != star) {
        check_diagnosing();
        const Token& except = peek();
        if (this_star) {
          raise_range(token_pos(except), token_pos(peek(1)), "cannot have both 'except' and 'except*' on the same 'try'");
        }
        raise_at_token(except, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      star = this_star;
      handlers.push_back(except_block());
    }
    std::vector<StmtPtr> orelse;
    std::vector<StmtPtr> finalbody;
    if (!handlers.empty() && at_kw(KeywordKind::Else)) orelse = else_block();
    if (at_kw(KeywordKind::Finally)) {
      const Token& t = next();
      expect_forced(OpKind::Colon, ":");
      finalbody = block("'finally' statement", t.line);
    } else if (handlers.empty()) {
      check_diagnosing();
      raise_last_token("SyntaxError", "expected 'except' or 'finally' block");
    }
    SourcePosition pos = span(first);
    if (star) {
      auto node = make<TryStar>(pos);
      node->body = std::move(body);
      node->handlers = std::move(handlers);
      node->orelse = std::move(orelse);
      node->finalbody = std::move(finalbody);
      return node;
    }
    auto node = make<Try>(pos);
    node->body = std::move(body);
    node->handlers = std::move(handlers);
    node->orelse = std::move(orelse);
    node->finalbody = std::move(finalbody);
    return node;
  }

  ExceptHandler except_block() {
    const Token& first = next();
    bool star = at_op(OpKind::Star);
    if (star) next();
    ExceptHandler handler;
    if (!at_op(OpKind::Colon) || star) {
      if (star && (at_op(OpKind::Colon) || at_type(TokenType::Newline))) {
        check_diagnosing();
        raise_last_token("SyntaxError", "expected one or more exception types");
      }
      if (!at_expression_start()) {
        if (diagnose_ && at_type(TokenType::Newline)) raise_last_token("SyntaxError", "expected ':'");
        fail();
      }
      handler.type = expression();
      if (at_op(OpKind::Comma)) {
        // invalid_except_stmt: 'except' expression ',' expressions ['as' NAME] ':'
        check_diagnosing();
        const SourcePosition type_pos = handler.type->pos;
        speculate([&] {
          next();
          expressions();
          if (at_kw(KeywordKind::As)) {
            next();
            expect_name();
          }
          if (at_op(OpKind::Colon)) {
            next();
            raise_starting_from(type_pos, "multiple exception types must be parenthesized");
          }
          fail();
        });
        fail();
      }
      if (at_kw(KeywordKind::As)) {
        next();
        handler.name = std::string(expect_name().text);
      }
    }
    header_colon();
    handler.body = block(star ? "'except*' statement" : "'except' statement", first.line);
    handler.pos = span(first);
    return handler;
  }

  // ---- assignment targets (for loops, comprehensions, with items) ----

  ExprPtr star_targets() {
    const Token& first = peek();
    ExprPtr target = star_target();
    if (!at_op(OpKind::Comma)) return target;
    auto tuple = std::make_unique<Tuple>();
    tuple->elts.push_back(std::move(target));
    while (at_op(OpKind::Comma)) {
      next();
      if (!at_name() && !at_op(OpKind::LPar) && !at_op(OpKind::LSqb) && !at_op(OpKind::Star)) break;
      tuple->elts.push_back(star_target());
    }
    tuple->ctx = ExprContext::Store;
    tuple->pos = span(first);
    return tuple;
  }

  ExprPtr star_target() {
    if (at_op(OpKind::Star)) {
      const Token& star = next();
      if (at_op(OpKind::Star)) fail();
      auto node = std::make_unique<Starred>();
      node->value = star_target();
      node->ctx = ExprContext::Store;
      node->pos = span(star);
      return node;
    }
    ExprPtr target = primary();
    if (!is_valid_target(*target, false) || target->kind == ExprKind::Starred) fail();
    set_context(*target, ExprContext::Store);
    return target;
  }

  // ---- expressions ----

  // expressions: expression (',' expression)* [','] (eval input)
  ExprPtr expressions() {
    const Token& first = peek();
    ExprPtr e = expression();
    if (!at_op(OpKind::Comma)) return e;
    auto tuple = std::make_unique<Tuple>();
    tuple->elts.push_back(std::move(e));
    while (at_op(OpKind::Comma)) {
      next();
      if (!at_expression_start()) break;
      tuple->elts.push_back(expression());
    }
    tuple->pos = span(first);
    return tuple;
  }

  // star_expressions: star_expression (',' star_expression)* [',']
  ExprPtr star_expressions(ExprGroup* group = nullptr) {
    const Token& first = peek();
    if (group) group->element_starts.push_back(pos_);
    ExprPtr e = star_expression();
    if (!at_op(OpKind::Comma)) return e;
    auto tuple = std::make_unique<Tuple>();
    tuple->elts.push_back(std::move(e));
    while (at_op(OpKind::Comma)) {
      next();
      if (!at_expression_start(true)) break;
      if (group) group->element_starts.push_back(pos_);
      tuple->elts.push_back(star_expression());
    }
    if (group) group->bare_tuple = true;
    tuple->pos = span(first);
    return tuple;
  }

  ExprPtr star_expression() {
    if (!at_op(OpKind::Star)) return expression();
    const Token& star = next();
    auto node = std::make_unique<Starred>();
    node->value = bitwise_or();
    node->pos = span(star);
    return node;
  }

  ExprPtr star_named_expression() {
    if (!at_op(OpKind::Star)) return named_expression();
    const Token& star = next();
    auto node = std::make_unique<Starred>();
    node->value = bitwise_or();
    node->pos = span(star);
    return node;
  }

  // assignment_expression: NAME ':=' ~ expression
  ExprPtr assignment_expression() {
    const Token& name = next();
    next();
    auto target = make<Name>(token_pos(name));
    target->id = std::string(name.text);
    target->ctx = ExprContext::Store;
    auto node = std::make_unique<NamedExpr>();
    node->target = std::move(target);
    node->value = expression();
    node->pos = span(name);
    return node;
  }

  ExprPtr named_expression() {
    if (at_name() && at_op(OpKind::ColonEqual, 1)) return assignment_expression();
    size_t start = pos_;
    ExprPtr e = expression();
    if (at_op(OpKind::ColonEqual)) {
      // invalid_named_expression: expression ':=' expression
      check_diagnosing();
      size_t saved = pos_;
      next();
      if (speculate([&] { expression(); })) {
        raise_at(e->pos, std::string("cannot use assignment expressions with ") + expr_name(*e));
      }
      pos_ = saved;
      fail();
    }
    if (diagnose_ && at_op(OpKind::Equal)) named_expression_followed_by_equal(*e, start, pos_);
    return e;
  }

  bool is_legacy_name(const Expr& e) const {
    if (e.kind != ExprKind::Name) return false;
    const std::string& id = as<Name>(e).id;
    return id == "print" || id == "exec";
  }

  // expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
  ExprPtr expression() {
    Depth depth(*this);
    if (at_kw(KeywordKind::Lambda)) return lambdef();
    size_t start = pos_;
    bool suppressed = std::exchange(suppress_invalid_expression_, false);
    ExprPtr a = disjunction();
    if (diagnose_ && !suppressed) invalid_expression(start, *a);
    if (!at_kw(KeywordKind::If)) return a;
    size_t after_a = pos_;
    ExprPtr test, orelse;
    if (!speculate([&] {
          next();
          test = disjunction();
          expect_kw(KeywordKind::Else);
          orelse = expression();
        })) {
      pos_ = after_a;
      return a;
    }
    auto node = make<IfExp>(span(toks_[start]));
    node->test = std::move(test);
    node->body = std::move(a);
    node->orelse = std::move(orelse);
    return node;
  }

  // The pass-2 alternatives CPython tries before an expression (invalid_expression and
  // invalid_legacy_expression), given the disjunction `a` read from token `start`.
  void invalid_expression(size_t start, const Expr& a) {
    size_t after_a = pos_;
    const Token& first = toks_[start];
    bool name_string = first.type == TokenType::Name && toks_[start + 1].type == TokenType::String;
    bool soft_keyword = first.type == TokenType::Name && first.keyword == KeywordKind::None && is_soft_keyword(first.text);
    if (!name_string && !soft_keyword && at_expression_start()) {
      ExprPtr b = expression_without_invalid();
      if (b && !is_legacy_name(a) && toks_[pos_ - 1].level != 0) {
        raise_range(a.pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
      }
      pos_ = after_a;
    }
    if (at_kw(KeywordKind::If)) {
      ExprPtr b;
      if (speculate([&] {
            next();
            b = disjunction();
          })) {
        bool else_or_colon = at_kw(KeywordKind::Else) || at_op(OpKind::Colon);
        pos_ = after_a;
        if (!else_or_colon) raise_range(a.pos, b->pos, "expected 'else' after 'if' expression");
      }
    }
    if (first.type == TokenType::Name && first.keyword == KeywordKind::None &&
        (first.text == "print" || first.text == "exec") &&
        !(toks_[start + 1].type == TokenType::Op && toks_[start + 1].op == OpKind::LPar)) {
      pos_ = start + 1;
      ExprPtr b;
      if (speculate([&] { b = star_expressions(); })) {
        std::string name(first.text);
        raise_range(token_pos(first), b->pos,
                    "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
      }
      pos_ = after_a;
    }
  }

  ExprPtr expression_without_invalid() {
    bool saved = diagnose_;
    diagnose_ = false;
    ExprPtr e;
    bool parsed = speculate([&] { e = expression(); });
    diagnose_ = saved;
    return parsed ? std::move(e) : nullptr;
  }

  ExprPtr yield_expr() {
    const Token& first = next();
    if (at_kw(KeywordKind::From)) {
      next();
      auto node = std::make_unique<YieldFrom>();
      node->value = expression();
      node->pos = span(first);
      return node;
    }
    auto node = std::make_unique<Yield>();
    if (at_expression_start(true)) node->value = star_expressions();
    node->pos = span(first);
    return node;
  }

  ExprPtr disjunction() { return bool_chain(KeywordKind::Or); }

  // disjunction / conjunction: flat BoolOp over inversions.
  ExprPtr bool_chain(KeywordKind keyword) {
    const Token& first = peek();
    ExprPtr e = keyword == KeywordKind::Or ? bool_chain(KeywordKind::And) : inversion();
    if (!at_kw(keyword)) return e;
    auto node = std::make_unique<BoolOp>();
    node->op = keyword == KeywordKind::Or ? BoolOperator::Or : BoolOperator::And;
    node->values.push_back(std::move(e));
    while (at_kw(keyword)) {
      next();
      node->values.push_back(keyword == KeywordKind::Or ? bool_chain(KeywordKind::And) : inversion());
    }
    node->pos = span(first);
    return node;
  }

  ExprPtr inversion() {
    if (!at_kw(KeywordKind::Not)) return comparison();
    Depth depth(*this);
    const Token& first = next();
    auto node = std::make_unique<UnaryOp>();
    node->op = UnaryOperator::Not;
    node->operand = inversion();
    node->pos = span(first);
    return node;
  }

  // The comparison operator at the current token (consuming it), if any.
  bool comparison_operator(CmpOperator* op) {
    const Token& t = peek();
    if (t.type == TokenType::Op) {
      switch (t.op) {
        case OpKind::EqEqual: *op = CmpOperator::Eq; break;
        case OpKind::NotEqual:
          if (t.text == "<>") return false;  // only valid under `barry_as_FLUFL`
          *op = CmpOperator::NotEq;
          break;
        case OpKind::LessEqual: *op = CmpOperator::LtE; break;
        case OpKind::Less: *op = CmpOperator::Lt; break;
        case OpKind::GreaterEqual: *op = CmpOperator::GtE; break;
        case OpKind::Greater: *op = CmpOperator::Gt; break;
        default: return false;
      }
      next();
      return true;
    }
    if (t.type != TokenType::Name) return false;
    if (t.keyword == KeywordKind::In) {
      *op = CmpOperator::In;
      next();
      return true;
    }
    if (t.keyword == KeywordKind::Not && at_kw(KeywordKind::In, 1)) {
      *op = CmpOperator::NotIn;
      next();
      next();
      return true;
    }
    if (t.keyword == KeywordKind::Is) {
      next();
      *op = CmpOperator::Is;
      if (at_kw(KeywordKind::Not)) {
        next();
        *op = CmpOperator::IsNot;
      }
      return true;
    }
    return false;
  }

  ExprPtr comparison() {
    const Token& first = peek();
    ExprPtr e = bitwise_or();
    CmpOperator op;
    size_t before = pos_;
    if (!comparison_operator(&op)) return e;
    auto node = std::make_unique<Compare>();
    node->left = std::move(e);
    do {
      ExprPtr right;
      if (!speculate([&] { right = bitwise_or(); })) {
        // PEG: the pair fails, so the comparison ends before this operator.
        pos_ = before;
        break;
      }
      node->ops.push_back(op);
      node->comparators.push_back(std::move(right));
      before = pos_;
    } while (comparison_operator(&op));
    if (node->ops.empty()) return std::move(node->left);
    node->pos = span(first);
    return node;
  }

  template <class Next>
  ExprPtr binary_chain(Next operand, bool (*operator_of)(const Token&, Operator*)) {
    const Token& first = peek();
    ExprPtr e = (this->*operand)();
    Depth depth(*this, 0);
    Operator op;
    for (;;) {
      const Token& t = peek();
      if (!operator_of(t, &op)) break;
      size_t before = pos_;
      next();
      ExprPtr right;
      if (!speculate([&] { right = (this->*operand)(); })) {
        pos_ = before;
        break;
      }
      auto node = std::make_unique<BinOp>();
      node->left = std::move(e);
      node->op = op;
      node->right = std::move(right);
      node->pos = span(first);
      e = std::move(node);
      depth.add();
    }
    return e;
  }

  static bool op_bitor(const Token& t, Operator* op) { return match_op(t, OpKind::VBar, Operator::BitOr, op); }
  static bool op_bitxor(const Token& t, Operator* op) { return match_op(t, OpKind::Circumflex, Operator::BitXor, op); }
  static bool op_bitand(const Token& t, Operator* op) { return match_op(t, OpKind::Amper, Operator::BitAnd, op); }
  static bool op_shift(const Token& t, Operator* op) {
    return match_op(t, OpKind::LeftShift, Operator::LShift, op) || match_op(t, OpKind::RightShift, Operator::RShift, op);
  }
  static bool op_sum(const Token& t, Operator* op) {
    return match_op(t, OpKind::Plus, Operator::Add, op) || match_op(t, OpKind::Minus, Operator::Sub, op);
  }
  static bool op_term(const Token& t, Operator* op) {
    return match_op(t, OpKind::Star, Operator::Mult, op) || match_op(t, OpKind::Slash, Operator::Div, op) ||
           match_op(t, OpKind::DoubleSlash, Operator::FloorDiv, op) || match_op(t, OpKind::Percent, Operator::Mod, op) ||
           match_op(t, OpKind::At, Operator::MatMult, op);
  }
  static bool match_op(const Token& t, OpKind kind, Operator value, Operator* op) {
    if (t.type != TokenType::Op || t.op != kind) return false;
    *op = value;
    return true;
  }

  ExprPtr bitwise_or() { return binary_chain(&Parser::bitwise_xor, op_bitor); }
  ExprPtr bitwise_xor() { return binary_chain(&Parser::bitwise_and, op_bitxor); }
  ExprPtr bitwise_and() { return binary_chain(&Parser::shift_expr, op_bitand); }
  ExprPtr shift_expr() { return binary_chain(&Parser::sum, op_shift); }
  ExprPtr sum() { return binary_chain(&Parser::term, op_sum); }
  ExprPtr term() { return binary_chain(&Parser::factor, op_term); }

  ExprPtr factor() {
    const Token& t = peek();
    UnaryOperator op;
    if (t.type == TokenType::Op && t.op == OpKind::Plus) {
      op = UnaryOperator::UAdd;
    } else if (t.type == TokenType::Op && t.op == OpKind::Minus) {
      op = UnaryOperator::USub;
    } else if (t.type == TokenType::Op && t.op == OpKind::Tilde) {
      op = UnaryOperator::Invert;
    } else {
      return power();
    }
    Depth depth(*this);
    next();
    auto node = std::make_unique<UnaryOp>();
    node->op = op;
    node->operand = factor();
    node->pos = span(t);
    return node;
  }

  ExprPtr power() {
    const Token& first = peek();
    if (at_kw(KeywordKind::Await)) {
      unsupported(next(), "'await' outside async function");
      return primary();
    }
    ExprPtr e = primary();
    if (!at_op(OpKind::DoubleStar)) return e;
    Depth depth(*this);
    size_t before = pos_;
    next();
    ExprPtr right;
    if (!speculate([&] { right = factor(); })) {
      pos_ = before;
      return e;
    }
    auto node = std::make_unique<BinOp>();
    node->left = std::move(e);
    node->op = Operator::Pow;
    node->right = std::move(right);
    node->pos = span(first);
    return node;
  }

  ExprPtr primary() {
    const Token& first = peek();
    ExprPtr e = atom();
    Depth depth(*this, 0);
    for (;;) {
      if (at_op(OpKind::Dot)) {
        next();
        const Token& name = expect_name();
        auto node = std::make_unique<Attribute>();
        node->value = std::move(e);
        node->attr = std::string(name.text);
        node->pos = span(first);
        e = std::move(node);
      } else if (at_op(OpKind::LPar)) {
        e = call(std::move(e), first);
      } else if (at_op(OpKind::LSqb)) {
        next();
        auto node = std::make_unique<Subscript>();
        node->value = std::move(e);
        node->slice = slices();
        expect_op(OpKind::RSqb);
        node->pos = span(first);
        e = std::move(node);
      } else {
        break;
      }
      depth.add();
    }
    return e;
  }

  // ---- calls ----

  // `func(...)`, including the bare generator expression argument `f(x for x in y)`.
  ExprPtr call(ExprPtr func, const Token& first) {
    const Token& open = next();
    auto node = std::make_unique<Call>();
    node->func = std::move(func);
    if (at_op(OpKind::RPar)) {
      next();
      node->pos = span(first);
      return node;
    }
    size_t arguments_start = pos_;
    ExprPtr first_argument;
    if (at_op(OpKind::Star)) {
      invalid_starred_first_item(pos_, false);
    } else if (!at_op(OpKind::DoubleStar) && !at_keyword_argument()) {
      first_argument = positional_argument();
      if (at_comprehension()) {
        // primary genexp: the generator expression as sole argument, `f(x for x in y)`
        std::vector<Comprehension> generators = for_if_clauses();
        if (at_op(OpKind::RPar)) {
          next();
          auto gen = make<GeneratorExp>(span(open));
          gen->elt = std::move(first_argument);
          gen->generators = std::move(generators);
          node->args.push_back(std::move(gen));
          node->pos = span(first);
          return node;
        }
        // An unparenthesized generator among other arguments (invalid_arguments), reported from
        // the clauses already parsed: parsing them again would double the work at every level
        // of nested calls (a fuzzer's input of nested `max(len(w) for` took 30 s).
        check_diagnosing();
        unparenthesized_generator_error(*first_argument, generators, true);
      }
    }
    call_arguments(node->args, node->keywords, arguments_start, std::move(first_argument));
    expect_op(OpKind::RPar);
    node->pos = span(first);
    return node;
  }

  // NAME '=' (or True/False/None '=', which invalid_kwarg reports).
  bool at_keyword_argument() {
    const Token& t = peek();
    return t.type == TokenType::Name && at_op(OpKind::Equal, 1) &&
           (t.keyword == KeywordKind::None || t.keyword == KeywordKind::True_ || t.keyword == KeywordKind::False_ ||
            t.keyword == KeywordKind::None_);
  }

  // (assignment_expression | expression !':=')
  ExprPtr positional_argument() {
    return at_name() && at_op(OpKind::ColonEqual, 1) ? assignment_expression() : expression_no_walrus();
  }

  ExprPtr expression_no_walrus() {
    ExprPtr e = expression();
    if (at_op(OpKind::ColonEqual)) fail();
    return e;
  }

  // arguments: positional (including *x) then keywords (including **x); stops before ')'.
  // They start at token `start`; `parsed_first` is the first positional, already read.
  void call_arguments(std::vector<ExprPtr>& args, std::vector<ast::Keyword>& keywords, size_t start,
                      ExprPtr parsed_first = nullptr) {
    const Token& first = toks_[start];
    bool seen_keyword = false;
    bool seen_double_star = false;
    bool positional_after_keyword = false;
    SourcePosition last_arg_end{};
    enum class Kind { Positional, Starred, DoubleStarred, Keyword };
    for (;;) {
      const Token& t = peek();
      Kind kind = Kind::Positional;
      if (parsed_first) {
        kind = Kind::Positional;
      } else if (t.type == TokenType::Op && t.op == OpKind::Star) {
        kind = Kind::Starred;
      } else if (t.type == TokenType::Op && t.op == OpKind::DoubleStar) {
        kind = Kind::DoubleStarred;
      } else if (at_keyword_argument()) {
        kind = Kind::Keyword;
      }
      switch (kind) {
        case Kind::Starred: {
          if (seen_double_star) {
            // invalid_arguments: args ',' '*'
            check_diagnosing();
            raise("SyntaxError", "iterable argument unpacking follows keyword argument unpacking", first.line,
                  first.col + 1, last_arg_end.end_line, last_arg_end.end_col + 1);
          }
          next();
          auto starred = std::make_unique<Starred>();
          starred->value = expression();
          starred->pos = span(t);
          args.push_back(std::move(starred));
          break;
        }
        case Kind::DoubleStarred: {
          next();
          ast::Keyword keyword;
          keyword.value = expression();
          keyword.pos = span(t);
          keywords.push_back(std::move(keyword));
          seen_keyword = seen_double_star = true;
          break;
        }
        case Kind::Keyword: {
          if (t.keyword != KeywordKind::None) {
            // invalid_kwarg: ('True'|'False'|'None') '='
            check_diagnosing();
            raise_range(token_pos(t), token_pos(peek(1)), std::string("cannot assign to ") + std::string(t.text));
          }
          next();
          const Token& equal = next();
          ast::Keyword keyword;
          keyword.arg = std::string(t.text);
          keyword.value = expression();
          if (diagnose_ && at_comprehension()) {
            raise_range(token_pos(t), token_pos(equal), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
          }
          keyword.pos = span(t);
          keywords.push_back(std::move(keyword));
          seen_keyword = true;
          break;
        }
        case Kind::Positional: {
          ExprPtr e = parsed_first ? std::move(parsed_first) : positional_argument();
          if (at_op(OpKind::Equal)) {
            // invalid_kwarg: !(NAME '=') expression '='
            check_diagnosing();
            raise_range(e->pos, token_pos(peek()), "expression cannot contain assignment, perhaps you meant \"==\"?");
          }
          if (at_comprehension()) {
            check_diagnosing();
            generator_argument_error(*e, args.empty() && keywords.empty());
          }
          if (seen_keyword) positional_after_keyword = true;
          args.push_back(std::move(e));
          break;
        }
      }
      last_arg_end = last_real_token_pos();
      if (!at_op(OpKind::Comma)) break;
      next();
      if (at_op(OpKind::RPar)) break;
    }
    if (positional_after_keyword) {
      // invalid_arguments: args ',' args
      check_diagnosing();
      raise_last_token("SyntaxError", seen_double_star ? "positional argument follows keyword argument unpacking"
                                                       : "positional argument follows keyword argument");
    }
  }

  SourcePosition last_real_token_pos() const { return token_pos(last_real_token()); }

  // An unparenthesized generator expression `elt for ...` among other arguments
  // (invalid_arguments); alone, it is only valid as a call's sole argument.
  [[noreturn]] void generator_argument_error(const Expr& elt, bool first_argument) {
    unparenthesized_generator_error(elt, for_if_clauses(), first_argument);
  }

  // The same once the clauses are parsed, the position just after them.
  [[noreturn]] void unparenthesized_generator_error(const Expr& elt, const std::vector<Comprehension>& generators,
                                                    bool first_argument) {
    if (first_argument && !at_op(OpKind::Comma)) fail();
    const Comprehension& last = generators.back();
    const Expr& last_item = last.ifs.empty() ? *last.iter : *last.ifs.back();
    raise_range(elt.pos, last_item.pos, "Generator expression must be parenthesized");
  }

  // ---- subscripts ----

  // slices: slice !',' | ','.(slice | starred_expression)+ [',']
  ExprPtr slices() {
    const Token& first = peek();
    ExprPtr e = slice_or_starred();
    if (!at_op(OpKind::Comma) && e->kind != ExprKind::Starred) return e;
    auto tuple = std::make_unique<Tuple>();
    tuple->elts.push_back(std::move(e));
    while (at_op(OpKind::Comma)) {
      next();
      if (!at_op(OpKind::Colon) && !at_expression_start(true)) break;
      tuple->elts.push_back(slice_or_starred());
    }
    tuple->pos = span(first);
    return tuple;
  }

  ExprPtr slice_or_starred() {
    if (at_op(OpKind::Star)) {
      const Token& star = next();
      auto node = std::make_unique<Starred>();
      node->value = expression();
      node->pos = span(star);
      return node;
    }
    const Token& first = peek();
    ExprPtr lower;
    if (!at_op(OpKind::Colon)) {
      bool walrus = at_name() && at_op(OpKind::ColonEqual, 1);
      lower = named_expression();
      if (!at_op(OpKind::Colon)) return lower;
      if (walrus) fail();
    }
    next();
    auto node = std::make_unique<Slice>();
    node->lower = std::move(lower);
    if (at_expression_start()) node->upper = expression();
    if (at_op(OpKind::Colon)) {
      next();
      if (at_expression_start()) node->step = expression();
    }
    node->pos = span(first);
    return node;
  }

  // ---- atoms ----

  ExprPtr atom() {
    const Token& t = peek();
    switch (t.type) {
      case TokenType::Name:
        switch (t.keyword) {
          case KeywordKind::None: {
            next();
            auto node = make<Name>(token_pos(t));
            node->id = std::string(t.text);
            return node;
          }
          case KeywordKind::True_: next(); return constant(token_pos(t), chaipy::Constant{true});
          case KeywordKind::False_: next(); return constant(token_pos(t), chaipy::Constant{false});
          case KeywordKind::None_: next(); return constant(token_pos(t), chaipy::Constant{NoneConst{}});
          default: fail();
        }
      case TokenType::Number:
        next();
        return number(t);
      case TokenType::String:
        return strings();
      case TokenType::Op:
        switch (t.op) {
          case OpKind::LPar: return paren_atom();
          case OpKind::LSqb: return list_atom();
          case OpKind::LBrace: return brace_atom();
          case OpKind::Ellipsis: next(); return constant(token_pos(t), chaipy::Constant{EllipsisConst{}});
          default: fail();
        }
      default:
        fail();
    }
  }

  ExprPtr constant(const SourcePosition& pos, chaipy::Constant value) {
    auto node = make<ast::Constant>(pos);
    node->value = std::move(value);
    return node;
  }

  ExprPtr number(const Token& t) {
    std::string digits;
    digits.reserve(t.text.size());
    for (char c : t.text) {
      if (c != '_') digits.push_back(c);
    }
    char last = digits.back();
    if (last == 'j' || last == 'J') {
      unsupported(t, "imaginary numbers are not supported");
      return constant(token_pos(t), chaipy::Constant{0.0});
    }
    bool is_float = false;
    char prefix = digits.size() > 1 && digits[0] == '0' ? static_cast<char>(digits[1] | 0x20) : '\0';
    bool radix = prefix == 'x' || prefix == 'o' || prefix == 'b';
    if (!radix) is_float = digits.find_first_of(".eE") != std::string::npos;
    if (is_float) return constant(token_pos(t), chaipy::Constant{parse_float(digits)});
    int base = 10;
    std::string_view body = digits;
    if (radix) {
      base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
      body.remove_prefix(2);
    }
    uint64_t value = 0;
    auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value, base);
    if (error == std::errc() && end == body.data() + body.size() && value <= static_cast<uint64_t>(INT64_MAX)) {
      return constant(token_pos(t), chaipy::Constant{static_cast<int64_t>(value)});
    }
    size_t nonzero = body.find_first_not_of('0');
    return constant(token_pos(t), chaipy::Constant{BigIntConst{std::string(body.substr(nonzero)), base}});
  }

  // A decimal float literal (without '_'); out-of-range values become inf or 0 as in CPython.
  static double parse_float(const std::string& digits) {
    double value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc::result_out_of_range) return value;
    size_t exponent_at = digits.find_first_of("eE");
    long exponent = exponent_at == std::string::npos ? 0 : std::strtol(digits.c_str() + exponent_at + 1, nullptr, 10);
    // strtol saturates at LONG_MAX; a bound far beyond any source length keeps the sum below exact.
    exponent = std::clamp(exponent, -(1L << 60), 1L << 60);
    std::string_view mantissa = std::string_view(digits).substr(0, exponent_at);
    size_t significant = mantissa.find_first_not_of("0.");
    size_t point = mantissa.find('.');
    if (point == std::string_view::npos) point = mantissa.size();
    long magnitude = static_cast<long>(point) - static_cast<long>(significant) + exponent;
    return magnitude > 0 ? HUGE_VAL : 0.0;
  }

  // '(' ... ')': tuple, group, generator expression, or yield.
  ExprPtr paren_atom() {
    const Token& open = next();
    Depth depth(*this);
    if (at_op(OpKind::RPar)) {
      next();
      return make<Tuple>(span(open));
    }
    if (at_kw(KeywordKind::Yield)) {
      ExprPtr e = yield_expr();
      expect_op(OpKind::RPar);
      return e;
    }
    if (at_op(OpKind::DoubleStar)) {
      // invalid_group: '(' '**' expression ')'
      check_diagnosing();
      const Token& stars = next();
      if (speculate([&] { expression(); }) && at_op(OpKind::RPar)) {
        raise_at_token(stars, "cannot use double starred expression here");
      }
      fail();
    }
    size_t first_start = pos_;
    ExprPtr first = star_named_expression();
    if (first->kind == ExprKind::Starred && !at_op(OpKind::Comma)) {
      invalid_starred_first_item(first_start, true);
      fail();
    }
    if (first->kind != ExprKind::Starred && at_comprehension()) {
      auto node = std::make_unique<GeneratorExp>();
      node->elt = std::move(first);
      node->generators = for_if_clauses();
      expect_op(OpKind::RPar);
      node->pos = span(open);
      return node;
    }
    if (at_op(OpKind::RPar)) {
      next();
      return first;
    }
    if (!at_op(OpKind::Comma)) fail();
    auto tuple = std::make_unique<Tuple>();
    tuple->elts.push_back(std::move(first));
    while (at_op(OpKind::Comma)) {
      next();
      if (at_op(OpKind::RPar)) break;
      tuple->elts.push_back(star_named_expression());
    }
    expect_op(OpKind::RPar);
    tuple->pos = span(open);
    return tuple;
  }

  // invalid_comprehension (and, in parentheses, invalid_group) for a starred first item at
  // token `start`.
  void invalid_starred_first_item(size_t start, bool parenthesized) {
    if (!diagnose_) return;
    size_t saved = pos_;
    pos_ = start;
    const Token& star = next();
    ExprPtr value;
    if (speculate([&] { value = expression(); })) {
      SourcePosition starred = span(star);
      if (at_comprehension() && speculate([&] { for_if_clauses(); })) {
        raise_at(starred, "iterable unpacking cannot be used in comprehension");
      }
      if (parenthesized && at_op(OpKind::RPar)) raise_at(starred, "cannot use starred expression here");
    }
    pos_ = saved;
  }

  // invalid_comprehension: several items, or one with a trailing comma, then 'for'.
  void invalid_comprehension_target(const std::vector<ExprPtr>& elts, const Token* comma) {
    if (!diagnose_ || !speculate([&] { for_if_clauses(); })) return;
    const SourcePosition end = elts.size() == 1 ? token_pos(*comma) : elts.back()->pos;
    raise_range(elts.front()->pos, end, "did you forget parentheses around the comprehension target?");
  }

  ExprPtr list_atom() {
    const Token& open = next();
    Depth depth(*this);
    if (at_op(OpKind::RSqb)) {
      next();
      return make<List>(span(open));
    }
    size_t first_start = pos_;
    ExprPtr first = star_named_expression();
    if (at_comprehension()) {
      if (first->kind == ExprKind::Starred) {
        invalid_starred_first_item(first_start, false);
        fail();
      }
      auto node = std::make_unique<ListComp>();
      node->elt = std::move(first);
      node->generators = for_if_clauses();
      expect_op(OpKind::RSqb);
      node->pos = span(open);
      return node;
    }
    auto list = std::make_unique<List>();
    list->elts.push_back(std::move(first));
    display_items(list->elts, OpKind::RSqb);
    list->pos = span(open);
    return list;
  }

  // The rest of a list or set display after its first item, through the closing bracket.
  void display_items(std::vector<ExprPtr>& elts, OpKind close) {
    const Token* comma = nullptr;
    while (at_op(OpKind::Comma)) {
      comma = &next();
      if (at_op(close) || at_comprehension()) break;
      elts.push_back(star_named_expression());
    }
    if (at_comprehension() && (elts.size() > 1 || comma)) {
      invalid_comprehension_target(elts, comma);
      fail();
    }
    expect_op(close);
  }

  // '{' ... '}': dict, set, or their comprehensions.
  ExprPtr brace_atom() {
    const Token& open = next();
    Depth depth(*this);
    if (at_op(OpKind::RBrace)) {
      next();
      return make<Dict>(span(open));
    }
    if (at_op(OpKind::DoubleStar)) {
      const Token& stars = next();
      ExprPtr value = bitwise_or();
      if (at_comprehension()) {
        // invalid_dict_comprehension
        check_diagnosing();
        if (speculate([&] { for_if_clauses(); }) && at_op(OpKind::RBrace)) {
          raise_at_token(stars, "dict unpacking cannot be used in dict comprehension");
        }
        fail();
      }
      auto dict = std::make_unique<Dict>();
      dict->keys.push_back(nullptr);
      dict->values.push_back(std::move(value));
      dict_items(*dict);
      dict->pos = span(open);
      return dict;
    }
    size_t first_start = pos_;
    bool walrus = at_name() && at_op(OpKind::ColonEqual, 1);
    ExprPtr first = star_named_expression();
    if (at_op(OpKind::Colon) && first->kind != ExprKind::Starred && !walrus) {
      ExprPtr value = dict_value();
      if (at_comprehension()) {
        auto node = std::make_unique<DictComp>();
        node->key = std::move(first);
        node->value = std::move(value);
        node->generators = for_if_clauses();
        expect_op(OpKind::RBrace);
        node->pos = span(open);
        return node;
      }
      auto dict = std::make_unique<Dict>();
      dict->keys.push_back(std::move(first));
      dict->values.push_back(std::move(value));
      dict_items(*dict);
      dict->pos = span(open);
      return dict;
    }
    if (at_comprehension()) {
      if (first->kind == ExprKind::Starred) {
        invalid_starred_first_item(first_start, false);
        fail();
      }
      auto node = std::make_unique<SetComp>();
      node->elt = std::move(first);
      node->generators = for_if_clauses();
      expect_op(OpKind::RBrace);
      node->pos = span(open);
      return node;
    }
    auto set = std::make_unique<Set>();
    set->elts.push_back(std::move(first));
    display_items(set->elts, OpKind::RBrace);
    set->pos = span(open);
    return set;
  }

  // ':' expression after a dictionary key, with invalid_kvpair's diagnostics.
  ExprPtr dict_value() {
    const Token& colon = next();
    if (at_op(OpKind::Star)) {
      check_diagnosing();
      const Token& star = next();
      if (speculate([&] { bitwise_or(); })) raise_starting_from(token_pos(star), "cannot use a starred expression in a dictionary value");
      fail();
    }
    if (at_op(OpKind::RBrace) || at_op(OpKind::Comma)) {
      check_diagnosing();
      raise_at_token(colon, "expression expected after dictionary key and ':'");
    }
    return expression();
  }

  void dict_items(Dict& dict) {
    while (at_op(OpKind::Comma)) {
      next();
      if (at_op(OpKind::RBrace)) break;
      if (at_op(OpKind::DoubleStar)) {
        next();
        dict.keys.push_back(nullptr);
        dict.values.push_back(bitwise_or());
        continue;
      }
      // CPython's second pass reports a missing ':' here rather than a missing comma.
      suppress_invalid_expression_ = true;
      ExprPtr key = expression();
      if (!at_op(OpKind::Colon)) {
        check_diagnosing();
        raise("SyntaxError", "':' expected after dictionary key", key->pos.line, key->pos.end_col, key->pos.end_line, 0);
      }
      dict.keys.push_back(std::move(key));
      dict.values.push_back(dict_value());
    }
    expect_op(OpKind::RBrace);
  }

  // ---- comprehensions ----

  std::vector<Comprehension> for_if_clauses() {
    std::vector<Comprehension> generators;
    while (at_comprehension()) {
      if (at_kw(KeywordKind::Async)) {
        unsupported(next(), "asynchronous comprehensions are not supported");
        if (!at_kw(KeywordKind::For)) fail();
      }
      next();
      Comprehension generator;
      generator.target = for_target();
      generator.iter = disjunction();
      while (at_kw(KeywordKind::If)) {
        next();
        generator.ifs.push_back(disjunction());
      }
      generators.push_back(std::move(generator));
    }
    if (generators.empty()) fail();
    return generators;
  }

  // ---- lambda and parameters ----

  ExprPtr lambdef() {
    const Token& first = next();
    auto node = std::make_unique<Lambda>();
    if (!at_op(OpKind::Colon)) node->args = parameters(true);
    expect_op(OpKind::Colon);
    node->body = expression();
    node->pos = span(first);
    return node;
  }

  Arg parameter(bool lambda, bool star_annotation) {
    const Token& name = expect_name();
    Arg arg;
    arg.arg = std::string(name.text);
    if (!lambda && at_op(OpKind::Colon)) {
      next();
      arg.annotation = star_annotation ? star_expression() : expression();
    }
    arg.pos = span(name);
    return arg;
  }

  // Parameters up to (not including) ')' for a def, or ':' for a lambda, with the
  // invalid_parameters / invalid_star_etc / invalid_kwds diagnostics.
  Arguments parameters(bool lambda) {
    OpKind close = lambda ? OpKind::Colon : OpKind::RPar;
    Arguments args;
    std::vector<Arg> positional;
    bool seen_default = false, seen_slash = false, seen_star = false, seen_kwarg = false;
    while (!at_op(close)) {
      const Token& t = peek();
      if (seen_kwarg) {
        check_diagnosing();
        if (t.type == TokenType::Name) raise_at(parameter(lambda, false).pos, "arguments cannot follow var-keyword argument");
        if (t.type == TokenType::Op && (t.op == OpKind::Star || t.op == OpKind::DoubleStar || t.op == OpKind::Slash)) {
          raise_at_token(t, "arguments cannot follow var-keyword argument");
        }
        fail();
      }
      if (t.type == TokenType::Op && t.op == OpKind::Slash) {
        next();
        if (seen_slash || seen_star || positional.empty()) {
          check_diagnosing();
          if (seen_slash) raise_at_token(t, "/ may appear only once");
          if (seen_star) raise_at_token(t, "/ must be ahead of *");
          if (at_op(OpKind::Comma)) raise_at_token(t, "at least one argument must precede /");
          fail();
        }
        seen_slash = true;
        args.posonlyargs = std::move(positional);
        positional.clear();
        if (!at_op(OpKind::Comma) && !at_op(close)) {
          if (at_op(OpKind::Star)) {
            check_diagnosing();
            raise_at_token(peek(), "expected comma between / and *");
          }
          fail();
        }
      } else if (t.type == TokenType::Op && t.op == OpKind::Star) {
        next();
        if (seen_star) {
          check_diagnosing();
          raise_at_token(t, "* argument may appear only once");
        }
        seen_star = true;
        if (at_op(OpKind::Comma)) {
          next();
          if (at_op(close) || at_op(OpKind::DoubleStar)) bare_star_error(t, lambda);
          continue;
        }
        if (at_op(close)) bare_star_error(t, lambda);
        args.vararg = std::make_unique<Arg>(parameter(lambda, !lambda));
        if (at_op(OpKind::Equal)) {
          check_diagnosing();
          raise_at_token(peek(), "var-positional argument cannot have default value");
        }
      } else if (t.type == TokenType::Op && t.op == OpKind::DoubleStar) {
        next();
        args.kwarg = std::make_unique<Arg>(parameter(lambda, false));
        seen_kwarg = true;
        if (at_op(OpKind::Equal)) {
          check_diagnosing();
          raise_at_token(peek(), "var-keyword argument cannot have default value");
        }
      } else if (t.type == TokenType::Op && t.op == OpKind::LPar) {
        parenthesized_parameters_error(lambda);
      } else {
        Arg arg = parameter(lambda, false);
        ExprPtr default_value;
        if (at_op(OpKind::Equal)) {
          const Token& equal = next();
          if (at_op(OpKind::Comma) || at_op(close)) {
            check_diagnosing();
            raise_at_token(equal, "expected default value expression");
          }
          default_value = expression();
        }
        if (seen_star) {
          args.kwonlyargs.push_back(std::move(arg));
          args.kw_defaults.push_back(std::move(default_value));
        } else {
          if (default_value) {
            seen_default = true;
            args.defaults.push_back(std::move(default_value));
          } else if (seen_default) {
            check_diagnosing();
            raise_at(arg.pos, "non-default argument follows default argument");
          }
          positional.push_back(std::move(arg));
        }
      }
      if (!at_op(OpKind::Comma)) break;
      next();
    }
    args.args = std::move(positional);
    return args;
  }

  [[noreturn]] void bare_star_error(const Token& star, bool lambda) {
    check_diagnosing();
    if (lambda) raise_last_token("SyntaxError", "named arguments must follow bare *");
    raise_at_token(star, "named arguments must follow bare *");
  }

  // invalid_parameters: '(' NAME (',' NAME)* [','] ')' where a parameter belongs.
  [[noreturn]] void parenthesized_parameters_error(bool lambda) {
    check_diagnosing();
    const Token& open = next();
    speculate([&] {
      for (;;) {
        expect_name();
        if (!at_op(OpKind::Comma)) break;
        next();
        if (at_op(OpKind::RPar)) break;
      }
      const Token& close = expect_op(OpKind::RPar);
      raise_range(token_pos(open), token_pos(close), lambda ? "Lambda expression parameters cannot be parenthesized"
                                                            : "Function parameters cannot be parenthesized");
    });
    fail();
  }

  // ---- string literals ----

  struct StringPiece {
    const Token* token;
    bool bytes = false, raw = false, fstring = false;
    std::string_view body;  // between the quotes
  };

  static StringPiece split_string(const Token& t) {
    StringPiece piece;
    piece.token = &t;
    size_t quote = t.text.find_first_of("'\"");
    for (char c : t.text.substr(0, quote)) {
      switch (c | 0x20) {
        case 'b': piece.bytes = true; break;
        case 'r': piece.raw = true; break;
        case 'f': piece.fstring = true; break;
        default: break;
      }
    }
    std::string_view rest = t.text.substr(quote);
    size_t quote_size = rest.size() >= 6 && rest[1] == rest[0] && rest[2] == rest[0] ? 3 : 1;
    piece.body = rest.substr(quote_size, rest.size() - 2 * quote_size);
    return piece;
  }

  [[noreturn]] void unicode_error(size_t start, size_t end, const char* reason) {
    std::string where = end - start == 1 ? "byte 0x5c in position " + std::to_string(start)
                                         : "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
    raise_last_token("SyntaxError", "(unicode error) 'unicodeescape' codec can't decode " + where + ": " + reason);
  }

  static void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      // Lone surrogates from \ud800-style escapes are kept in the same 3-byte form.
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // Backslash escapes of a str (bytes == false) or bytes literal body.
  std::string decode_escapes(std::string_view body, bool bytes, const Token& token) {
    std::string out;
    out.reserve(body.size());
    size_t i = 0;
    while (i < body.size()) {
      char c = body[i];
      if (c != '\\') {
        out.push_back(c);
        ++i;
        continue;
      }
      size_t start = i++;
      if (i >= body.size()) {
        if (bytes) raise_last_token("SyntaxError", "(value error) Trailing \\ in string");
        unicode_error(start, body.size(), "\\ at end of string");
      }
      char e = body[i++];
      switch (e) {
        case '\n': break;
        case '\\': out.push_back('\\'); break;
        case '\'': out.push_back('\''); break;
        case '"': out.push_back('"'); break;
        case 'a': out.push_back('\a'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'v': out.push_back('\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          uint32_t value = static_cast<uint32_t>(e - '0');
          for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k) {
            value = value * 8 + static_cast<uint32_t>(body[i++] - '0');
          }
          if (bytes) {
            out.push_back(static_cast<char>(value & 0xFF));
          } else {
            append_utf8(out, value);
          }
          break;
        }
        case 'x':
        case 'u':
        case 'U': {
          if (bytes && e != 'x') {
            out.push_back('\\');
            out.push_back(e);
            break;
          }
          int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          uint32_t value = 0;
          for (int k = 0; k < count; ++k) {
            int digit = i < body.size() ? hex_value(body[i]) : -1;
            if (digit < 0) {
              if (bytes) raise_last_token("SyntaxError", "(value error) invalid \\x escape at position " + std::to_string(start));
              unicode_error(start, i, e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                                     : "truncated \\UXXXXXXXX escape");
            }
            value = value * 16 + static_cast<uint32_t>(digit);
            ++i;
          }
          if (bytes) {
            out.push_back(static_cast<char>(value));
          } else {
            if (value > 0x10FFFF) unicode_error(start, i, "illegal Unicode character");
            append_utf8(out, value);
          }
          break;
        }
        case 'N':
          if (!bytes) {
            // Error positions as CPython's unicodeescape decoder: up to where it stopped reading.
            if (i >= body.size() || body[i] != '{') unicode_error(start, i, "malformed \\N character escape");
            size_t name_start = ++i;
            while (i < body.size() && body[i] != '}') ++i;
            if (i >= body.size() || i == name_start) unicode_error(start, i, "malformed \\N character escape");
            std::optional<uint32_t> cp = unicode_lookup_name(body.substr(name_start, i - name_start));
            ++i;
            if (!cp) unicode_error(start, i, "unknown Unicode character name");
            append_utf8(out, *cp);
            break;
          }
          [[fallthrough]];
        default:
          // Unknown escapes keep their backslash (CPython warns).
          out.push_back('\\');
          --i;
          break;
      }
    }
    return out;
  }

  // Concatenation state of adjacent literals (CPython's FstringParser).
  struct Fstring {
    std::optional<std::string> last_str;
    std::vector<ExprPtr> values;
    bool fmode = false;
  };

  static void add_literal(Fstring& state, std::string text) {
    if (text.empty()) return;
    if (state.last_str) {
      *state.last_str += text;
    } else {
      state.last_str = std::move(text);
    }
  }

  std::unique_ptr<ast::Constant> string_constant(std::string text, const SourcePosition& pos, const Token& first) {
    auto node = make<ast::Constant>(pos);
    node->value.value = std::move(text);
    if (!first.text.empty() && first.text[0] == 'u') node->kind = "u";
    return node;
  }

  ExprPtr finish_fstring(Fstring& state, const SourcePosition& pos, const Token& first) {
    if (!state.fmode) return string_constant(state.last_str.value_or(""), pos, first);
    if (state.last_str) state.values.push_back(string_constant(*std::exchange(state.last_str, std::nullopt), pos, first));
    auto node = make<JoinedStr>(pos);
    node->values = std::move(state.values);
    return node;
  }

  ExprPtr strings() {
    std::vector<const Token*> tokens;
    while (at_type(TokenType::String)) tokens.push_back(&next());
    const Token& first = *tokens.front();
    const Token& last = *tokens.back();
    SourcePosition whole{first.line, last.end_line, first.col, last.end_col};
    bool bytes_mode = false;
    std::string bytes_value;
    Fstring state;
    for (size_t i = 0; i < tokens.size(); ++i) {
      StringPiece piece = split_string(*tokens[i]);
      if (piece.bytes && std::any_of(piece.body.begin(), piece.body.end(), [](char c) { return (c & 0x80) != 0; })) {
        raise_last_token("SyntaxError", "bytes can only contain ASCII literal characters");
      }
      if (i != 0 && piece.bytes != bytes_mode) raise_last_token("SyntaxError", "cannot mix bytes and nonbytes literals");
      bytes_mode = piece.bytes;
      if (piece.fstring) {
        size_t cursor = 0;
        fstring_concat(state, piece, cursor, 0, whole, first);
      } else if (piece.bytes) {
        bytes_value += piece.raw ? std::string(piece.body) : decode_escapes(piece.body, true, *piece.token);
      } else {
        add_literal(state, piece.raw ? std::string(piece.body) : decode_escapes(piece.body, false, *piece.token));
      }
    }
    if (bytes_mode) return constant(whole, chaipy::Constant{BytesConst{std::move(bytes_value)}});
    return finish_fstring(state, whole, first);
  }

  // Adds the f-string `piece` from `cursor` on to `state`; a format spec (depth > 0) stops at
  // its closing '}'. `whole`/`first` locate the complete string literal.
  void fstring_concat(Fstring& state, const StringPiece& piece, size_t& cursor, int depth,
                      const SourcePosition& whole, const Token& first) {
    state.fmode = true;
    std::string_view body = piece.body;
    for (;;) {
      bool doubled_brace = fstring_literal(state, piece, cursor, depth);
      if (doubled_brace) continue;
      if (cursor >= body.size() || body[cursor] == '}') break;
      ExprPtr expression = fstring_replacement_field(state, piece, cursor, depth, whole);
      if (state.last_str) {
        state.values.push_back(string_constant(*std::exchange(state.last_str, std::nullopt), whole, first));
      }
      state.values.push_back(std::move(expression));
    }
    if (depth != 0 && (cursor >= body.size() || body[cursor] != '}')) {
      raise_last_token("SyntaxError", "f-string: expecting '}'");
    }
  }

  // The literal text up to the next replacement field; true when it ended at a doubled brace.
  bool fstring_literal(Fstring& state, const StringPiece& piece, size_t& cursor, int depth) {
    std::string_view body = piece.body;
    size_t start = cursor;
    size_t s = cursor;
    bool doubled = false;
    while (s < body.size()) {
      char ch = body[s++];
      if (!piece.raw && ch == '\\' && s < body.size()) {
        ch = body[s++];
        if (ch == 'N') {
          if (s < body.size() && body[s++] == '{') {
            while (s < body.size() && body[s++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (depth == 0) {
          if (s < body.size() && body[s] == ch) {
            cursor = s + 1;
            doubled = true;
            break;
          }
          if (ch == '}') raise_last_token("SyntaxError", "f-string: single '}' is not allowed");
        }
        --s;
        break;
      }
    }
    size_t literal_end = doubled ? cursor - 1 : s;
    if (!doubled) cursor = s;
    if (literal_end > start) {
      std::string_view text = body.substr(start, literal_end - start);
      add_literal(state, piece.raw ? std::string(text) : decode_escapes(text, false, *piece.token));
    }
    return doubled;
  }

  // A replacement field `{expr[=][!c][:spec]}` at `cursor` (on its '{').
  ExprPtr fstring_replacement_field(Fstring& state, const StringPiece& piece, size_t& cursor, int depth,
                                    const SourcePosition& whole) {
    std::string_view body = piece.body;
    if (depth >= 2) raise_last_token("SyntaxError", "f-string: expressions nested too deeply");
    size_t brace = cursor++;
    size_t expr_start = cursor;
    char quote = 0;
    int string_type = 0;
    std::vector<char> brackets;
    for (; cursor < body.size(); ++cursor) {
      char ch = body[cursor];
      if (ch == '\\') raise_last_token("SyntaxError", "f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (string_type == 3) {
            if (cursor + 2 < body.size() && body[cursor + 1] == ch && body[cursor + 2] == ch) {
              cursor += 2;
              quote = 0;
              string_type = 0;
            }
          } else {
            quote = 0;
            string_type = 0;
          }
        }
      } else if (ch == '\'' || ch == '"') {
        if (cursor + 2 < body.size() && body[cursor + 1] == ch && body[cursor + 2] == ch) {
          string_type = 3;
          cursor += 2;
        } else {
          string_type = 1;
        }
        quote = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (brackets.size() >= 200) raise_last_token("SyntaxError", "f-string: too many nested parenthesis");
        brackets.push_back(ch);
      } else if (ch == '#') {
        raise_last_token("SyntaxError", "f-string expression part cannot include '#'");
      } else if (brackets.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (cursor + 1 < body.size() && body[cursor + 1] == '=' && ch != ':' && ch != '}') {
          ++cursor;  // "!=", "==", "<=", ">=" belong to the expression
          continue;
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (brackets.empty()) raise_last_token("SyntaxError", std::string("f-string: unmatched '") + ch + "'");
        char opening = brackets.back();
        brackets.pop_back();
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}'))) {
          raise_last_token("SyntaxError", std::string("f-string: closing parenthesis '") + ch +
                                              "' does not match opening parenthesis '" + opening + "'");
        }
      }
    }
    size_t expr_end = cursor;
    if (quote) raise_last_token("SyntaxError", "f-string: unterminated string");
    if (!brackets.empty()) raise_last_token("SyntaxError", std::string("f-string: unmatched '") + brackets.back() + "'");
    if (cursor >= body.size()) raise_last_token("SyntaxError", "f-string: expecting '}'");

    ExprPtr value = fstring_expression(piece, brace, expr_start, expr_end);

    int conversion = -1;
    bool self_documenting = false;
    if (body[cursor] == '=') {
      ++cursor;
      while (cursor < body.size() && std::isspace(static_cast<unsigned char>(body[cursor]))) ++cursor;
      if (cursor >= body.size()) raise_last_token("SyntaxError", "f-string: expecting '}'");
      add_literal(state, std::string(body.substr(expr_start, cursor - expr_start)));
      self_documenting = true;
    }
    if (body[cursor] == '!') {
      ++cursor;
      if (cursor >= body.size()) raise_last_token("SyntaxError", "f-string: expecting '}'");
      conversion = static_cast<unsigned char>(body[cursor++]);
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        raise_last_token("SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    ExprPtr format_spec;
    if (cursor < body.size() && body[cursor] == ':') {
      ++cursor;
      if (cursor >= body.size()) raise_last_token("SyntaxError", "f-string: expecting '}'");
      Fstring spec;
      const Token& t = *piece.token;
      SourcePosition token_span = token_pos(t);
      fstring_concat(spec, piece, cursor, depth + 1, token_span, t);
      format_spec = finish_fstring(spec, token_span, t);
    }
    if (cursor >= body.size() || body[cursor] != '}') raise_last_token("SyntaxError", "f-string: expecting '}'");
    ++cursor;
    if (self_documenting && !format_spec && conversion == -1) conversion = 'r';
    auto node = make<FormattedValue>(whole);
    node->value = std::move(value);
    node->conversion = conversion;
    node->format_spec = std::move(format_spec);
    return node;
  }

  // Parses the expression text body[start, end) of the field whose '{' is at `brace`.
  ExprPtr fstring_expression(const StringPiece& piece, size_t brace, size_t start, size_t end) {
    std::string_view body = piece.body;
    std::string_view text = body.substr(start, end - start);
    if (text.find_first_not_of(" \t\n\f") == std::string_view::npos) {
      char after = body[end];
      if (after == '!' || after == ':' || after == '=') {
        raise_last_token("SyntaxError", std::string("f-string: expression required before '") + after + "'");
      }
      raise_last_token("SyntaxError", "f-string: empty expression not allowed");
    }
    // Locate the '{' in the source, as CPython's fstring_find_expr_location does.
    const Token& t = *piece.token;
    size_t brace_in_token = static_cast<size_t>(body.data() - t.text.data()) + brace;
    std::string_view before = t.text.substr(0, brace_in_token);
    int lines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    size_t after_brace = text.find_first_not_of(" \t\f");
    bool newline_after_brace = after_brace == std::string_view::npos || text[after_brace] == '\n';
    int cols = 0;
    if (!newline_after_brace) {
      size_t newline = before.rfind('\n');
      cols = static_cast<int>(newline == std::string_view::npos ? brace_in_token : brace_in_token - newline - 1);
    }
    int line = t.line + lines;
    int col = lines == 0 ? t.col + cols : cols;
    return parse_fstring_expression("(" + std::string(text) + ")", filename_, line, col, &unsupported_);
  }

  const TokenStream& stream_;
  const std::vector<Token>& toks_;
  const std::string filename_;
  bool diagnose_;
  size_t* furthest_;  // furthest token index looked at, shared by both passes (CPython's fill)
  size_t pos_ = 0;
  int depth_ = 0;
  std::optional<SyntaxErrorInfo> unsupported_;
  bool suppress_invalid_expression_ = false;  // for the next expression() only
  bool fstring_;                              // parsing an f-string replacement field
  std::unordered_set<size_t> failed_for_targets_;  // for_target: position * 2 + diagnosing
};

// Whether CPython's tokenize-to-the-end check would replace a parser error by the tokenizer
// error still ahead in the file.
bool tokenizer_error_wins(const TokenStream& stream, size_t furthest) {
  if (!stream.error) return false;
  if (stream.error->raised_by_tokenizer) return true;
  int bracket_line = stream.error->open_bracket_line;
  return bracket_line > 0 && stream.tokens[furthest].line > bracket_line;
}

// CPython's _PyPegen_run_parser: pass 1, then pass 2 with the invalid_* rules, then the
// generic error. `rule` runs a start rule on a Parser. `fstring` prefixes parser messages.
// The first unsupported construct of a successful parse goes to `*unsupported` when given,
// else it is returned as the error.
template <class Result, class Rule>
std::variant<Result, SyntaxErrorInfo> run_parser(const TokenStream& stream, const std::string& filename, Rule rule,
                                                 bool fstring = false,
                                                 std::optional<SyntaxErrorInfo>* unsupported = nullptr) {
  size_t furthest = 0;
  auto parser_error = [&](SyntaxErrorInfo info) -> std::variant<Result, SyntaxErrorInfo> {
    if (tokenizer_error_wins(stream, furthest)) return stream.error->info;
    if (fstring) info.message = "f-string: " + info.message;
    return info;
  };
  try {
    Parser first(stream, filename, false, &furthest, fstring);
    Result result = rule(first);
    if (first.unsupported()) {
      if (!unsupported) return std::move(*first.unsupported());
      if (!*unsupported) *unsupported = std::move(first.unsupported());
    }
    return result;
  } catch (const HardError& error) {
    if (error.from_tokenizer) return error.info;
    return parser_error(error.info);
  } catch (const SoftFailure&) {
  }
  size_t last_token = furthest;
  try {
    Parser second(stream, filename, true, &furthest, fstring);
    rule(second);
  } catch (const HardError& error) {
    if (error.from_tokenizer) return error.info;
    return parser_error(error.info);
  } catch (const SoftFailure&) {
  }
  const Token& t = stream.tokens[last_token];
  SyntaxErrorInfo info;
  info.filename = filename;
  if (t.type == TokenType::Indent || t.type == TokenType::Dedent) {
    // RAISE_INDENTATION_ERROR at the last token fetched; no tokenizer check afterwards.
    const Token& at = stream.tokens[furthest];
    info.type = "IndentationError";
    info.message = t.type == TokenType::Indent ? "unexpected indent" : "unexpected unindent";
    info.line = info.end_line = at.line;
    info.text = std::string(stream.line_text(at.line));
    info.col = char_offset(info.text, at.col < 0 ? at.error_col : at.col + 1 - stream.first_col);
    info.end_col = at.end_col < 0 ? -1 : char_offset(info.text, at.end_col + 1 - stream.first_col);
    if (fstring) info.message = "f-string: " + info.message;
    return info;
  }
  info.type = "SyntaxError";
  info.message = "invalid syntax";
  info.line = t.line;
  info.end_line = t.end_line;
  info.text = std::string(stream.line_text(t.line));
  info.col = t.col + 1 - stream.first_col;
  info.end_col = t.end_col + 1 - stream.first_col;
  if (!fstring) {
    info.col = char_offset(info.text, info.col);
    info.end_col = char_offset(info.text, info.end_col);
  }
  return parser_error(std::move(info));
}

ExprPtr parse_fstring_expression(const std::string& text, const std::string& filename, int line, int col,
                                 std::optional<SyntaxErrorInfo>* unsupported) {
  TokenStream stream = tokenize(text, filename, line, col);
  auto result = run_parser<ExprPtr>(stream, filename, [](Parser& p) { return p.fstring(); }, true, unsupported);
  if (auto* error = std::get_if<SyntaxErrorInfo>(&result)) throw HardError{std::move(*error), false};
  return std::move(std::get<ExprPtr>(result));
}

}  // namespace

std::variant<AstRoot, SyntaxErrorInfo> parse_source(std::string_view source, const std::string& filename,
                                                    ParseMode mode) {
  TokenStream stream = tokenize(source, filename);
  auto run = [&](auto rule) -> std::variant<AstRoot, SyntaxErrorInfo> {
    auto result = run_parser<AstRoot>(stream, filename, [&](Parser& p) { return AstRoot(rule(p)); });
    return result;
  };
  switch (mode) {
    case ParseMode::Exec: return run([](Parser& p) { return p.file(); });
    case ParseMode::Eval: return run([](Parser& p) { return p.eval(); });
    case ParseMode::Single: break;
  }
  return run([](Parser& p) { return p.interactive(); });
}

bool is_incomplete_input(std::string_view source) {
  TokenStream stream = tokenize(source, "<input>");
  if (stream.tokens.size() == 1 && stream.tokens[0].type == TokenType::EndMarker) return false;  // nothing to run
  if (stream.error) {
    const std::string& message = stream.error->info.message;
    bool open_at_end = stream.error->open_bracket_line > 0 ||
                       message.rfind("unterminated triple-quoted string literal", 0) == 0 ||
                       message == "unexpected EOF while parsing";
    if (open_at_end) return true;
  }
  // The user ends a compound statement with an empty (or blank) line.
  std::string_view lines = source;
  if (!lines.empty() && lines.back() == '\n') lines.remove_suffix(1);
  size_t last_newline = lines.rfind('\n');
  bool ends_with_empty_line = last_newline != std::string_view::npos &&
                              lines.substr(last_newline + 1).find_first_not_of(" \t\r\f") == std::string_view::npos;
  if (ends_with_empty_line) return false;
  // Tokens CPython's tokenizer only produces once it has reached the end of the input.
  size_t at_end = stream.tokens.size();
  while (at_end > 0 && (stream.tokens[at_end - 1].type == TokenType::EndMarker ||
                        stream.tokens[at_end - 1].type == TokenType::Dedent)) {
    --at_end;
  }
  size_t furthest = 0;
  Parser parser(stream, "<input>", false, &furthest);
  bool compound = false;
  try {
    Interactive tree = parser.interactive();
    compound = !tree.body.empty() && (tree.body[0]->kind == StmtKind::FunctionDef ||
                                      tree.body[0]->kind == StmtKind::ClassDef || tree.body[0]->kind == StmtKind::If ||
                                      tree.body[0]->kind == StmtKind::For || tree.body[0]->kind == StmtKind::While ||
                                      tree.body[0]->kind == StmtKind::With || tree.body[0]->kind == StmtKind::Try ||
                                      tree.body[0]->kind == StmtKind::TryStar);
  } catch (const HardError&) {
    return false;
  } catch (const SoftFailure&) {
    return furthest >= at_end;
  }
  return compound;
}

}  // namespace chaipy
