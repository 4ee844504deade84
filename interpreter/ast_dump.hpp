// AST text dump: the same text as CPython's ast.dump(), used to test the parser.
#pragma once
#include <string>

#include "interpreter/parser.hpp"

namespace chaipy {

// CPython's `ast.dump(tree, include_attributes=...)` (no indentation) for a parsed tree.
std::string ast_dump(const AstRoot& root, bool include_attributes = false);

}  // namespace chaipy
