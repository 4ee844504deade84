// Symbol tables: which names each scope binds, and whether each is local, global, free or a cell.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "interpreter/ast.hpp"
#include "interpreter/code_unit.hpp"

namespace chaipy {

// A SyntaxError detected after parsing (symbol table or compiler), with the node it is about.
struct CompileError {
  std::string message;
  SourcePosition pos;
  bool has_end = true;  // CPython leaves end_offset unset for a few errors (future imports)
  bool too_deep = false;  // nesting exhausted the C++ stack: a RecursionError, as in CPython
};

enum class ScopeType { Module, Class, Function };
enum class ComprehensionType { None, List, Set, Dict, Generator };

// Raw facts the first pass collects about a name in one scope (CPython's DEF_* flags).
enum SymbolFlags : uint32_t {
  symbol_def_global = 1u << 0,     // `global` declaration
  symbol_def_local = 1u << 1,      // assigned, deleted, defined
  symbol_def_param = 1u << 2,
  symbol_def_nonlocal = 1u << 3,
  symbol_use = 1u << 4,
  symbol_free_class = 1u << 5,     // bound in a class body and also needed by its methods
  symbol_def_import = 1u << 6,
  symbol_def_annot = 1u << 7,      // target of an annotation `x: T`
  symbol_comp_iter = 1u << 8,      // iteration variable of a comprehension
};
inline constexpr uint32_t symbol_bound = symbol_def_local | symbol_def_param | symbol_def_import;

// What the analysis pass decides for a name.
enum class Resolution { Unresolved, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

struct Symbol {
  uint32_t flags = 0;
  Resolution resolution = Resolution::Unresolved;
};

struct Scope {
  ScopeType type = ScopeType::Module;
  ComprehensionType comprehension = ComprehensionType::None;
  std::string name;
  SourcePosition pos;
  std::vector<std::unique_ptr<Scope>> children;

  std::unordered_map<std::string, Symbol> symbols;
  std::vector<std::string> symbol_order;  // first-seen order, as CPython's dict
  std::vector<std::string> parameters;    // positional, keyword-only, *args, **kwargs
  // Where each `global`/`nonlocal` (or walrus-implied) declaration of a name is.
  std::unordered_map<std::string, SourcePosition> directives;

  bool nested = false;          // inside a function (directly or through other scopes)
  bool is_generator = false;
  bool has_varargs = false;
  bool has_varkeywords = false;
  bool has_free = false;        // this scope reads variables of enclosing functions
  bool child_has_free = false;
  bool needs_class_closure = false;  // class body whose methods use __class__ / super()

  // State while building (CPython's ste_comp_iter_*).
  int comp_iter_expr_depth = 0;
  bool in_comp_iter_target = false;

  // Flags of `name` (already mangled) or 0.
  uint32_t flags_of(const std::string& name) const;
  Resolution resolve(const std::string& name) const;
};

class SymbolTable {
 public:
  // Throws CompileError for CPython's symtable SyntaxErrors.
  static SymbolTable build(const ast::Module& module);
  static SymbolTable build(const ast::Interactive& interactive);
  static SymbolTable build(const ast::Expression& expression);

  const Scope& top() const { return *top_; }
  // The scope of a FunctionDef/ClassDef statement, or a Lambda/comprehension expression.
  const Scope& scope_of(const void* node) const;

 private:
  friend class SymbolTableBuilder;
  std::unique_ptr<Scope> top_;
  std::unordered_map<const void*, const Scope*> scopes_by_node_;
};

// CPython's _Py_Mangle: `__spam` inside class `Ham` becomes `_Ham__spam`.
std::string mangle(const std::optional<std::string>& class_name, const std::string& name);

}  // namespace chaipy
