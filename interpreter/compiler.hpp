// Bytecode compiler: AST to CodeUnit trees, with CPython 3.11's scoping, unwinding and errors.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "interpreter/code_unit.hpp"
#include "interpreter/parser.hpp"
#include "interpreter/syntax_error.hpp"

namespace chaipy {

// Parses and compiles; errors from the parser or from the compiler's own checks come back as
// SyntaxErrorInfo. The result is the module (Exec), expression (Eval) or statement (Single)
// code unit; nested functions and classes are code units among its constants.
std::variant<std::shared_ptr<CodeUnit>, SyntaxErrorInfo>
compile_source(std::string_view source, const std::string& filename, ParseMode mode);

// Compiles an already parsed tree; `source` only supplies the text line of error reports.
std::variant<std::shared_ptr<CodeUnit>, SyntaxErrorInfo>
compile_ast(const AstRoot& root, std::string_view source, const std::string& filename);

}  // namespace chaipy
