// Parser diagnostics: the data of a SyntaxError raised while turning source text into an AST.
#pragma once
#include <string>

namespace chaipy {

// Mirrors the attributes of CPython's SyntaxError as raised by compile().
struct SyntaxErrorInfo {
  std::string type;      // "SyntaxError", "IndentationError", "TabError" or "RecursionError" (too deep)
  std::string message;   // CPython's wording
  std::string filename;
  int line = 0, col = 0;         // 1-based line; 1-based column offset as SyntaxError.offset
  int end_line = 0, end_col = 0; // as SyntaxError.end_lineno/end_offset (0 when unknown)
  std::string text;      // the offending source line, without its newline
};

}  // namespace chaipy
