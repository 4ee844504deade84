// Symbol tables: which names each scope binds, and whether each is local, global, free or a cell.
// A port of CPython 3.11's Python/symtable.c: a first pass records raw facts per scope, a second
// pass (analyze_block) resolves every name against the enclosing scopes.
#include "interpreter/symtable.hpp"

#include <unordered_set>

#include "interpreter/stack_guard.hpp"

namespace chaipy {

namespace {

using NameSet = std::unordered_set<std::string>;

std::string format_name_message(const char* before, const std::string& name, const char* after) {
  return std::string(before) + name + after;
}

}  // namespace

std::string mangle(const std::optional<std::string>& class_name, const std::string& name) {
  if (!class_name || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  // Dunder names and dotted (import) names are left alone.
  if (name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
  if (name.find('.') != std::string::npos) return name;
  size_t first = class_name->find_first_not_of('_');
  if (first == std::string::npos) return name;  // the class name is all underscores
  return "_" + class_name->substr(first) + name;
}

uint32_t Scope::flags_of(const std::string& name) const {
  auto found = symbols.find(name);
  return found == symbols.end() ? 0 : found->second.flags;
}

Resolution Scope::resolve(const std::string& name) const {
  auto found = symbols.find(name);
  return found == symbols.end() ? Resolution::Unresolved : found->second.resolution;
}

const Scope& SymbolTable::scope_of(const void* node) const {
  auto found = scopes_by_node_.find(node);
  if (found == scopes_by_node_.end()) throw std::logic_error("symbol table: node has no scope");
  return *found->second;
}

class SymbolTableBuilder {
 public:
  explicit SymbolTableBuilder(const void* root) {
    table_.top_ = std::make_unique<Scope>();
    table_.top_->type = ScopeType::Module;
    table_.top_->name = "top";
    table_.top_->pos = SourcePosition{1, 1, 0, 0};
    table_.scopes_by_node_[root] = table_.top_.get();
    stack_.push_back(table_.top_.get());
  }

  void visit_body(const std::vector<ast::StmtPtr>& body) {
    for (const auto& statement : body) visit_stmt(*statement);
  }
  void visit_expr(const ast::Expr& expression);

  SymbolTable finish() {
    NameSet free;
    NameSet global;
    analyze_block(*table_.top_, nullptr, free, global);
    return std::move(table_);
  }

 private:
  Scope& current() { return *stack_.back(); }
  Scope& module_scope() { return *table_.top_; }

  [[noreturn]] static void fail(std::string message, const SourcePosition& pos) {
    throw CompileError{std::move(message), pos};
  }
  static void check_stack(const SourcePosition& pos) {
    if (native_stack_exhausted()) throw CompileError{compile_recursion_message, pos, true, true};
  }

  void enter_scope(ScopeType type, std::string name, const void* node, const SourcePosition& pos) {
    auto scope = std::make_unique<Scope>();
    scope->type = type;
    scope->name = std::move(name);
    scope->pos = pos;
    scope->nested = current().nested || current().type == ScopeType::Function;
    Scope* raw = scope.get();
    current().children.push_back(std::move(scope));
    table_.scopes_by_node_[node] = raw;
    stack_.push_back(raw);
  }
  void exit_scope() { stack_.pop_back(); }

  static Symbol& symbol_in(Scope& scope, const std::string& mangled) {
    auto [it, inserted] = scope.symbols.try_emplace(mangled);
    if (inserted) scope.symbol_order.push_back(mangled);
    return it->second;
  }

  uint32_t lookup(const std::string& name) { return current().flags_of(mangle(private_, name)); }

  void add_def(const std::string& name, uint32_t flag, const SourcePosition& pos) {
    add_def_in(current(), name, flag, pos);
  }

  void add_def_in(Scope& scope, const std::string& name, uint32_t flag, const SourcePosition& pos) {
    std::string mangled = mangle(private_, name);
    Symbol& symbol = symbol_in(scope, mangled);
    if ((flag & symbol_def_param) && (symbol.flags & symbol_def_param)) {
      fail(format_name_message("duplicate argument '", name, "' in function definition"), pos);
    }
    uint32_t value = symbol.flags | flag;
    if (scope.in_comp_iter_target) {
      if (value & (symbol_def_global | symbol_def_nonlocal)) {
        fail(format_name_message("comprehension inner loop cannot rebind assignment expression target '",
                                 name, "'"),
             pos);
      }
      value |= symbol_comp_iter;
    }
    symbol.flags = value;
    if (flag & symbol_def_param) {
      scope.parameters.push_back(mangled);
    } else if (flag & symbol_def_global) {
      symbol_in(module_scope(), mangled).flags |= flag;
    }
  }

  void record_directive(const std::string& name, const SourcePosition& pos) {
    current().directives.try_emplace(mangle(private_, name), pos);
  }

  void visit_exprs(const std::vector<ast::ExprPtr>& expressions) {
    for (const auto& expression : expressions) {
      if (expression) visit_expr(*expression);
    }
  }

  void visit_stmt(const ast::Stmt& statement);
  void visit_function(const ast::FunctionDef& def);
  void visit_class(const ast::ClassDef& def);
  void visit_declaration(const std::vector<std::string>& names, const ast::Stmt& statement, bool is_global);
  void visit_alias(const ast::Alias& alias);
  void visit_arguments(const ast::Arguments& args);
  void visit_defaults(const ast::Arguments& args);
  void visit_annotations(const ast::Arguments& args, const ast::ExprPtr& returns);
  void visit_params(const std::vector<ast::Arg>& params);
  void visit_comprehension(const ast::Expr& node, const char* scope_name, ComprehensionType type,
                           const std::vector<ast::Comprehension>& generators, const ast::Expr& element,
                           const ast::Expr* value);
  void visit_named_expr(const ast::NamedExpr& node);
  void extend_named_expr_scope(const ast::Name& target);
  void visit_yield(const ast::Expr& node, const ast::Expr* value);

  void analyze_block(Scope& scope, NameSet* bound, NameSet& free, NameSet& global);
  void analyze_name(Scope& scope, std::unordered_map<std::string, Resolution>& resolutions,
                    const std::string& name, uint32_t flags, NameSet* bound, NameSet& local,
                    NameSet& free, NameSet& global);

  SymbolTable table_;
  std::vector<Scope*> stack_;
  std::optional<std::string> private_;  // name of the class whose body is being visited
};

void SymbolTableBuilder::visit_stmt(const ast::Stmt& statement) {
  check_stack(statement.pos);
  using K = ast::StmtKind;
  switch (statement.kind) {
    case K::FunctionDef:
      visit_function(ast::as<ast::FunctionDef>(statement));
      break;
    case K::ClassDef:
      visit_class(ast::as<ast::ClassDef>(statement));
      break;
    case K::Return: {
      const auto& node = ast::as<ast::Return>(statement);
      if (node.value) visit_expr(*node.value);
      break;
    }
    case K::Delete:
      visit_exprs(ast::as<ast::Delete>(statement).targets);
      break;
    case K::Assign: {
      const auto& node = ast::as<ast::Assign>(statement);
      visit_exprs(node.targets);
      visit_expr(*node.value);
      break;
    }
    case K::AugAssign: {
      const auto& node = ast::as<ast::AugAssign>(statement);
      visit_expr(*node.target);
      visit_expr(*node.value);
      break;
    }
    case K::AnnAssign: {
      // As CPython, the annotation's names count as used even where it is not evaluated.
      const auto& node = ast::as<ast::AnnAssign>(statement);
      if (node.target->kind == ast::ExprKind::Name) {
        const auto& target = ast::as<ast::Name>(*node.target);
        uint32_t flags = lookup(target.id);
        if ((flags & (symbol_def_global | symbol_def_nonlocal)) && &current() != &module_scope() &&
            node.simple) {
          fail(format_name_message("annotated name '", target.id,
                                   (flags & symbol_def_global) ? "' can't be global" : "' can't be nonlocal"),
               statement.pos);
        }
        if (node.simple) {
          add_def(target.id, symbol_def_annot | symbol_def_local, target.pos);
        } else if (node.value) {
          add_def(target.id, symbol_def_local, target.pos);
        }
      } else {
        visit_expr(*node.target);
      }
      visit_expr(*node.annotation);
      if (node.value) visit_expr(*node.value);
      break;
    }
    case K::For: {
      const auto& node = ast::as<ast::For>(statement);
      visit_expr(*node.target);
      visit_expr(*node.iter);
      visit_body(node.body);
      visit_body(node.orelse);
      break;
    }
    case K::While: {
      const auto& node = ast::as<ast::While>(statement);
      visit_expr(*node.test);
      visit_body(node.body);
      visit_body(node.orelse);
      break;
    }
    case K::If: {
      const auto& node = ast::as<ast::If>(statement);
      visit_expr(*node.test);
      visit_body(node.body);
      visit_body(node.orelse);
      break;
    }
    case K::With: {
      const auto& node = ast::as<ast::With>(statement);
      for (const auto& item : node.items) {
        visit_expr(*item.context_expr);
        if (item.optional_vars) visit_expr(*item.optional_vars);
      }
      visit_body(node.body);
      break;
    }
    case K::Raise: {
      const auto& node = ast::as<ast::Raise>(statement);
      if (node.exc) visit_expr(*node.exc);
      if (node.cause) visit_expr(*node.cause);
      break;
    }
    case K::Try:
    case K::TryStar: {
      const auto& body = statement.kind == K::Try ? ast::as<ast::Try>(statement).body
                                                  : ast::as<ast::TryStar>(statement).body;
      const auto& handlers = statement.kind == K::Try ? ast::as<ast::Try>(statement).handlers
                                                      : ast::as<ast::TryStar>(statement).handlers;
      const auto& orelse = statement.kind == K::Try ? ast::as<ast::Try>(statement).orelse
                                                    : ast::as<ast::TryStar>(statement).orelse;
      const auto& finalbody = statement.kind == K::Try ? ast::as<ast::Try>(statement).finalbody
                                                       : ast::as<ast::TryStar>(statement).finalbody;
      visit_body(body);
      visit_body(orelse);
      for (const auto& handler : handlers) {
        if (handler.type) visit_expr(*handler.type);
        if (handler.name) add_def(*handler.name, symbol_def_local, handler.pos);
        visit_body(handler.body);
      }
      visit_body(finalbody);
      break;
    }
    case K::Assert: {
      const auto& node = ast::as<ast::Assert>(statement);
      visit_expr(*node.test);
      if (node.msg) visit_expr(*node.msg);
      break;
    }
    case K::Import:
      for (const auto& alias : ast::as<ast::Import>(statement).names) visit_alias(alias);
      break;
    case K::ImportFrom:
      for (const auto& alias : ast::as<ast::ImportFrom>(statement).names) visit_alias(alias);
      break;
    case K::Global:
      visit_declaration(ast::as<ast::Global>(statement).names, statement, true);
      break;
    case K::Nonlocal:
      visit_declaration(ast::as<ast::Nonlocal>(statement).names, statement, false);
      break;
    case K::Expr:
      visit_expr(*ast::as<ast::ExprStmt>(statement).value);
      break;
    case K::Pass:
    case K::Break:
    case K::Continue:
      break;
  }
}

void SymbolTableBuilder::visit_function(const ast::FunctionDef& def) {
  add_def(def.name, symbol_def_local, def.pos);
  visit_defaults(def.args);
  visit_annotations(def.args, def.returns);
  visit_exprs(def.decorator_list);
  enter_scope(ScopeType::Function, def.name, &def, def.pos);
  visit_arguments(def.args);
  visit_body(def.body);
  exit_scope();
}

void SymbolTableBuilder::visit_class(const ast::ClassDef& def) {
  add_def(def.name, symbol_def_local, def.pos);
  visit_exprs(def.bases);
  for (const auto& keyword : def.keywords) visit_expr(*keyword.value);
  visit_exprs(def.decorator_list);
  enter_scope(ScopeType::Class, def.name, &def, def.pos);
  std::optional<std::string> enclosing_private = std::move(private_);
  private_ = def.name;
  visit_body(def.body);
  private_ = std::move(enclosing_private);
  exit_scope();
}

void SymbolTableBuilder::visit_declaration(const std::vector<std::string>& names, const ast::Stmt& statement,
                                           bool is_global) {
  const char* keyword = is_global ? "global" : "nonlocal";
  for (const auto& name : names) {
    uint32_t flags = lookup(name);
    if (flags & (symbol_def_param | symbol_def_local | symbol_use | symbol_def_annot)) {
      std::string message;
      if (flags & symbol_def_param) {
        message = "name '" + name + "' is parameter and " + keyword;
      } else if (flags & symbol_use) {
        message = "name '" + name + "' is used prior to " + keyword + " declaration";
      } else if (flags & symbol_def_annot) {
        message = "annotated name '" + name + "' can't be " + keyword;
      } else {
        message = "name '" + name + "' is assigned to before " + keyword + " declaration";
      }
      fail(std::move(message), statement.pos);
    }
    add_def(name, is_global ? symbol_def_global : symbol_def_nonlocal, statement.pos);
    record_directive(name, statement.pos);
  }
}

void SymbolTableBuilder::visit_alias(const ast::Alias& alias) {
  const std::string& name = alias.asname ? *alias.asname : alias.name;
  if (name == "*") {
    if (current().type != ScopeType::Module) fail("import * only allowed at module level", alias.pos);
    return;
  }
  size_t dot = name.find('.');
  add_def(dot == std::string::npos ? name : name.substr(0, dot), symbol_def_import, alias.pos);
}

void SymbolTableBuilder::visit_defaults(const ast::Arguments& args) {
  visit_exprs(args.defaults);
  visit_exprs(args.kw_defaults);
}

// Parameter and return annotations are evaluated in the scope around the function.
void SymbolTableBuilder::visit_annotations(const ast::Arguments& args, const ast::ExprPtr& returns) {
  for (const auto* params : {&args.posonlyargs, &args.args, &args.kwonlyargs})
    for (const auto& param : *params)
      if (param.annotation) visit_expr(*param.annotation);
  for (const ast::ArgPtr* param : {&args.vararg, &args.kwarg})
    if (*param && (*param)->annotation) visit_expr(*(*param)->annotation);
  if (returns) visit_expr(*returns);
}

void SymbolTableBuilder::visit_params(const std::vector<ast::Arg>& params) {
  for (const auto& param : params) add_def(param.arg, symbol_def_param, param.pos);
}

void SymbolTableBuilder::visit_arguments(const ast::Arguments& args) {
  visit_params(args.posonlyargs);
  visit_params(args.args);
  visit_params(args.kwonlyargs);
  if (args.vararg) {
    add_def(args.vararg->arg, symbol_def_param, args.vararg->pos);
    current().has_varargs = true;
  }
  if (args.kwarg) {
    add_def(args.kwarg->arg, symbol_def_param, args.kwarg->pos);
    current().has_varkeywords = true;
  }
}

void SymbolTableBuilder::visit_comprehension(const ast::Expr& node, const char* scope_name,
                                             ComprehensionType type,
                                             const std::vector<ast::Comprehension>& generators,
                                             const ast::Expr& element, const ast::Expr* value) {
  const ast::Comprehension& outermost = generators.front();
  // The outermost iterable is evaluated in the enclosing scope.
  current().comp_iter_expr_depth++;
  visit_expr(*outermost.iter);
  current().comp_iter_expr_depth--;

  enter_scope(ScopeType::Function, scope_name, &node, node.pos);
  current().comprehension = type;
  add_def(".0", symbol_def_param, node.pos);
  current().in_comp_iter_target = true;
  visit_expr(*outermost.target);
  current().in_comp_iter_target = false;
  visit_exprs(outermost.ifs);
  for (size_t i = 1; i < generators.size(); ++i) {
    const ast::Comprehension& generator = generators[i];
    current().in_comp_iter_target = true;
    visit_expr(*generator.target);
    current().in_comp_iter_target = false;
    current().comp_iter_expr_depth++;
    visit_expr(*generator.iter);
    current().comp_iter_expr_depth--;
    visit_exprs(generator.ifs);
  }
  if (value) visit_expr(*value);
  visit_expr(element);
  current().is_generator = type == ComprehensionType::Generator;
  exit_scope();
}

void SymbolTableBuilder::extend_named_expr_scope(const ast::Name& target) {
  // The walrus target binds in the nearest enclosing scope that is not a comprehension.
  for (auto scope_it = stack_.rbegin(); scope_it != stack_.rend(); ++scope_it) {
    Scope& scope = **scope_it;
    if (scope.comprehension != ComprehensionType::None) {
      if (scope.flags_of(mangle(private_, target.id)) & symbol_comp_iter) {
        fail(format_name_message("assignment expression cannot rebind comprehension iteration variable '",
                                 target.id, "'"),
             target.pos);
      }
      continue;
    }
    if (scope.type == ScopeType::Function) {
      uint32_t flags = scope.flags_of(mangle(private_, target.id));
      add_def(target.id, (flags & symbol_def_global) ? symbol_def_global : symbol_def_nonlocal, target.pos);
      record_directive(target.id, target.pos);
      add_def_in(scope, target.id, symbol_def_local, target.pos);
      return;
    }
    if (scope.type == ScopeType::Module) {
      add_def(target.id, symbol_def_global, target.pos);
      record_directive(target.id, target.pos);
      add_def_in(scope, target.id, symbol_def_global, target.pos);
      return;
    }
    fail("assignment expression within a comprehension cannot be used in a class body", target.pos);
  }
}

void SymbolTableBuilder::visit_named_expr(const ast::NamedExpr& node) {
  if (current().comp_iter_expr_depth > 0) {
    fail("assignment expression cannot be used in a comprehension iterable expression", node.pos);
  }
  if (current().comprehension != ComprehensionType::None) {
    extend_named_expr_scope(ast::as<ast::Name>(*node.target));
  }
  visit_expr(*node.value);
  visit_expr(*node.target);
}

void SymbolTableBuilder::visit_yield(const ast::Expr& node, const ast::Expr* value) {
  if (value) visit_expr(*value);
  current().is_generator = true;
  switch (current().comprehension) {
    case ComprehensionType::None:
      return;
    case ComprehensionType::List:
      fail("'yield' inside list comprehension", node.pos);
    case ComprehensionType::Set:
      fail("'yield' inside set comprehension", node.pos);
    case ComprehensionType::Dict:
      fail("'yield' inside dict comprehension", node.pos);
    case ComprehensionType::Generator:
      fail("'yield' inside generator expression", node.pos);
  }
}

void SymbolTableBuilder::visit_expr(const ast::Expr& expression) {
  check_stack(expression.pos);
  using K = ast::ExprKind;
  switch (expression.kind) {
    case K::BoolOp:
      visit_exprs(ast::as<ast::BoolOp>(expression).values);
      break;
    case K::NamedExpr:
      visit_named_expr(ast::as<ast::NamedExpr>(expression));
      break;
    case K::BinOp: {
      const auto& node = ast::as<ast::BinOp>(expression);
      visit_expr(*node.left);
      visit_expr(*node.right);
      break;
    }
    case K::UnaryOp:
      visit_expr(*ast::as<ast::UnaryOp>(expression).operand);
      break;
    case K::Lambda: {
      const auto& node = ast::as<ast::Lambda>(expression);
      visit_defaults(node.args);
      enter_scope(ScopeType::Function, "lambda", &node, node.pos);
      visit_arguments(node.args);
      visit_expr(*node.body);
      exit_scope();
      break;
    }
    case K::IfExp: {
      const auto& node = ast::as<ast::IfExp>(expression);
      visit_expr(*node.test);
      visit_expr(*node.body);
      visit_expr(*node.orelse);
      break;
    }
    case K::Dict: {
      const auto& node = ast::as<ast::Dict>(expression);
      visit_exprs(node.keys);
      visit_exprs(node.values);
      break;
    }
    case K::Set:
      visit_exprs(ast::as<ast::Set>(expression).elts);
      break;
    case K::ListComp: {
      const auto& node = ast::as<ast::ListComp>(expression);
      visit_comprehension(node, "listcomp", ComprehensionType::List, node.generators, *node.elt, nullptr);
      break;
    }
    case K::SetComp: {
      const auto& node = ast::as<ast::SetComp>(expression);
      visit_comprehension(node, "setcomp", ComprehensionType::Set, node.generators, *node.elt, nullptr);
      break;
    }
    case K::DictComp: {
      const auto& node = ast::as<ast::DictComp>(expression);
      visit_comprehension(node, "dictcomp", ComprehensionType::Dict, node.generators, *node.key,
                          node.value.get());
      break;
    }
    case K::GeneratorExp: {
      const auto& node = ast::as<ast::GeneratorExp>(expression);
      visit_comprehension(node, "genexpr", ComprehensionType::Generator, node.generators, *node.elt,
                          nullptr);
      break;
    }
    case K::Yield:
      visit_yield(expression, ast::as<ast::Yield>(expression).value.get());
      break;
    case K::YieldFrom:
      visit_yield(expression, ast::as<ast::YieldFrom>(expression).value.get());
      break;
    case K::Compare: {
      const auto& node = ast::as<ast::Compare>(expression);
      visit_expr(*node.left);
      visit_exprs(node.comparators);
      break;
    }
    case K::Call: {
      const auto& node = ast::as<ast::Call>(expression);
      visit_expr(*node.func);
      visit_exprs(node.args);
      for (const auto& keyword : node.keywords) visit_expr(*keyword.value);
      break;
    }
    case K::FormattedValue: {
      const auto& node = ast::as<ast::FormattedValue>(expression);
      visit_expr(*node.value);
      if (node.format_spec) visit_expr(*node.format_spec);
      break;
    }
    case K::JoinedStr:
      visit_exprs(ast::as<ast::JoinedStr>(expression).values);
      break;
    case K::Constant:
      break;
    case K::Attribute:
      visit_expr(*ast::as<ast::Attribute>(expression).value);
      break;
    case K::Subscript: {
      const auto& node = ast::as<ast::Subscript>(expression);
      visit_expr(*node.value);
      visit_expr(*node.slice);
      break;
    }
    case K::Starred:
      visit_expr(*ast::as<ast::Starred>(expression).value);
      break;
    case K::Name: {
      const auto& node = ast::as<ast::Name>(expression);
      // `__debug__` is a compile-time constant when loaded.
      if (node.ctx == ast::ExprContext::Load && node.id == "__debug__") break;
      add_def(node.id, node.ctx == ast::ExprContext::Load ? symbol_use : symbol_def_local, node.pos);
      // A bare super() finds its class through the __class__ cell.
      if (node.ctx == ast::ExprContext::Load && current().type == ScopeType::Function && node.id == "super") {
        add_def("__class__", symbol_use, node.pos);
      }
      break;
    }
    case K::List:
      visit_exprs(ast::as<ast::List>(expression).elts);
      break;
    case K::Tuple:
      visit_exprs(ast::as<ast::Tuple>(expression).elts);
      break;
    case K::Slice: {
      const auto& node = ast::as<ast::Slice>(expression);
      if (node.lower) visit_expr(*node.lower);
      if (node.upper) visit_expr(*node.upper);
      if (node.step) visit_expr(*node.step);
      break;
    }
  }
}

// ---- Analysis ----

void SymbolTableBuilder::analyze_name(Scope& scope, std::unordered_map<std::string, Resolution>& resolutions,
                                      const std::string& name, uint32_t flags, NameSet* bound, NameSet& local,
                                      NameSet& free, NameSet& global) {
  auto directive_pos = [&]() {
    auto found = scope.directives.find(name);
    return found == scope.directives.end() ? scope.pos : found->second;
  };
  if (flags & symbol_def_global) {
    if (flags & symbol_def_nonlocal) fail("name '" + name + "' is nonlocal and global", directive_pos());
    resolutions[name] = Resolution::GlobalExplicit;
    global.insert(name);
    if (bound) bound->erase(name);
    return;
  }
  if (flags & symbol_def_nonlocal) {
    if (!bound) fail("nonlocal declaration not allowed at module level", directive_pos());
    if (!bound->count(name)) fail("no binding for nonlocal '" + name + "' found", directive_pos());
    resolutions[name] = Resolution::Free;
    scope.has_free = true;
    free.insert(name);
    return;
  }
  if (flags & symbol_bound) {
    resolutions[name] = Resolution::Local;
    local.insert(name);
    global.erase(name);
    return;
  }
  // A binding in an enclosing function makes the name free here rather than global.
  if (bound && bound->count(name)) {
    resolutions[name] = Resolution::Free;
    scope.has_free = true;
    free.insert(name);
    return;
  }
  if (global.count(name)) {
    resolutions[name] = Resolution::GlobalImplicit;
    return;
  }
  if (scope.nested) scope.has_free = true;
  resolutions[name] = Resolution::GlobalImplicit;
}

void SymbolTableBuilder::analyze_block(Scope& scope, NameSet* bound, NameSet& free, NameSet& global) {
  std::unordered_map<std::string, Resolution> resolutions;
  NameSet local;
  NameSet new_global;
  NameSet new_free;
  NameSet new_bound;

  // Class bindings are invisible to nested functions: what the children see is fixed before
  // the class body's own names are analyzed.
  if (scope.type == ScopeType::Class) {
    new_global = global;
    if (bound) new_bound = *bound;
  }
  for (const auto& name : scope.symbol_order) {
    analyze_name(scope, resolutions, name, scope.symbols[name].flags, bound, local, free, global);
  }
  if (scope.type != ScopeType::Class) {
    if (scope.type == ScopeType::Function) new_bound.insert(local.begin(), local.end());
    if (bound) new_bound.insert(bound->begin(), bound->end());
    new_global.insert(global.begin(), global.end());
  } else {
    new_bound.insert("__class__");
  }

  NameSet all_free;
  for (auto& child : scope.children) {
    NameSet child_bound = new_bound;
    NameSet child_free = new_free;
    NameSet child_global = new_global;
    analyze_block(*child, &child_bound, child_free, child_global);
    all_free.insert(child_free.begin(), child_free.end());
    if (child->has_free || child->child_has_free) scope.child_has_free = true;
  }
  new_free.insert(all_free.begin(), all_free.end());

  if (scope.type == ScopeType::Function) {
    // Locals that children close over become cells.
    for (auto& [name, resolution] : resolutions) {
      if (resolution == Resolution::Local && new_free.erase(name)) resolution = Resolution::Cell;
    }
  } else if (scope.type == ScopeType::Class) {
    if (new_free.erase("__class__")) scope.needs_class_closure = true;
  }

  for (auto& [name, symbol] : scope.symbols) symbol.resolution = resolutions[name];
  for (const auto& name : new_free) {
    auto found = scope.symbols.find(name);
    if (found != scope.symbols.end()) {
      if (scope.type == ScopeType::Class && (found->second.flags & (symbol_bound | symbol_def_global))) {
        found->second.flags |= symbol_free_class;
      }
      continue;
    }
    if (bound && !bound->count(name)) continue;  // a global
    Symbol& symbol = symbol_in(scope, name);
    symbol.resolution = Resolution::Free;
  }
  free.insert(new_free.begin(), new_free.end());
}

SymbolTable SymbolTable::build(const ast::Module& module) {
  SymbolTableBuilder builder(&module);
  builder.visit_body(module.body);
  return builder.finish();
}

SymbolTable SymbolTable::build(const ast::Interactive& interactive) {
  SymbolTableBuilder builder(&interactive);
  builder.visit_body(interactive.body);
  return builder.finish();
}

SymbolTable SymbolTable::build(const ast::Expression& expression) {
  SymbolTableBuilder builder(&expression);
  builder.visit_expr(*expression.body);
  return builder.finish();
}

}  // namespace chaipy
