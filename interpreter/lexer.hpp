// Lexer: Python source text to tokens, following CPython 3.11's tokenizer (including its errors).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/syntax_error.hpp"

namespace chaipy {

enum class TokenType : uint8_t { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker, Error };

enum class OpKind : uint8_t {
  None,  // not an operator token
  LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar,
  Amper, Less, Greater, Equal, Dot, Percent, EqEqual, NotEqual, LessEqual, GreaterEqual, Tilde,
  Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual, SlashEqual,
  PercentEqual, AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual, RightShiftEqual,
  DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At, AtEqual, RArrow, Ellipsis, ColonEqual,
  Unknown,  // a character CPython passes to the parser as an operator no rule accepts ('$', '!')
};

enum class KeywordKind : uint8_t {
  None,  // an ordinary name
  False_, None_, True_, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif,
  Else, Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or, Pass,
  Raise, Return, Try, While, With, Yield,
};

struct Token {
  TokenType type = TokenType::EndMarker;
  OpKind op = OpKind::None;
  KeywordKind keyword = KeywordKind::None;
  // Bracket nesting level after this token, as CPython's token.level.
  int level = 0;
  // Start and end as CPython's token lineno/col_offset/end_lineno/end_col_offset (0-based byte
  // columns). Tokens without a source extent (INDENT, DEDENT, ENDMARKER) have col == -1 and
  // `error_col` holds where CPython's tokenizer stood when it produced them.
  int line = 0, col = 0, end_line = 0, end_col = 0;
  int error_col = 0;
  std::string_view text;  // the token's source bytes (for strings: prefix and quotes included)
};

// A tokenizer error, already placed as CPython reports it.
struct LexError {
  SyntaxErrorInfo info;
  // CPython's tokenizer raises these itself (bad literal, bad character, unterminated string,
  // bracket mismatch...); they win over parser errors anywhere in the file. The others (EOF in
  // a statement, bad dedent, tab/space mix, too deep) only count when the parser reaches them.
  bool raised_by_tokenizer = true;
  // For end of file inside brackets: the line of the innermost open bracket (else 0).
  int open_bracket_line = 0;
};

struct TokenStream {
  std::string source;              // normalized text the tokens point into
  std::vector<int> line_starts;    // byte offset of each line of `source`
  std::vector<Token> tokens;       // ends with EndMarker, or with an Error token
  std::optional<LexError> error;   // set when tokens end with Error
  // Where `source` sits in an enclosing file (f-string replacement fields): its first line's
  // number, and the column added to positions on that line.
  int first_line = 1;
  int first_col = 0;

  // The text of line `line` (numbered as in the tokens), without its newline.
  std::string_view line_text(int line) const;
};

// Tokenizes the whole source at once. The source is normalized first: a leading UTF-8 BOM is
// dropped, "\r\n" and "\r" become "\n", and a final newline is added when missing.
// `first_line`/`first_col` place the text inside an enclosing file (see TokenStream).
TokenStream tokenize(std::string_view source, const std::string& filename, int first_line = 1, int first_col = 0);

// Whether CPython's str.isprintable() holds for the code point (used by repr()).
bool is_printable_code_point(uint32_t cp);

// CPython's conversion of a 1-based byte offset on a line (given without its newline) to the
// 1-based character offset that SyntaxError.offset reports (clamped to the line's length,
// newline included, as when CPython reads the line from the source file).
int char_offset(std::string_view line_text, int byte_offset);

}  // namespace chaipy
