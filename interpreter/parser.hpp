// Parser entry points: source text to AST, or the SyntaxError CPython 3.11 would raise.
#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "interpreter/ast.hpp"
#include "interpreter/syntax_error.hpp"

namespace chaipy {

enum class ParseMode { Exec, Eval, Single };  // a file, one expression, one interactive statement

using AstRoot = std::variant<ast::Module, ast::Expression, ast::Interactive>;

// `source` is UTF-8 (a leading BOM is ignored). Errors are CPython 3.11's: the same type,
// message and position. Constructs CPython accepts but chaipy does not support (async/await,
// match, imaginary literals, \N{...} escapes) are a SyntaxError saying so, reported only when
// the rest of the source parses. Nesting deeper than ~3000 levels is a SyntaxError too.
std::variant<AstRoot, SyntaxErrorInfo> parse_source(std::string_view source,
                                                    const std::string& filename, ParseMode mode);

// For the REPL: true when `source` is an incomplete statement that needs more lines (an open
// bracket, an open triple-quoted string, a compound statement whose block has not been ended by
// an empty line, a trailing backslash). `source` is the lines entered so far, each ending with
// '\n'; a last line that is empty or blank ends a compound statement. When false, compile it
// (ParseMode::Single): it is complete, or its SyntaxError should be reported now.
bool is_incomplete_input(std::string_view source);

}  // namespace chaipy
