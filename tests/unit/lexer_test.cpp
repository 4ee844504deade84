// Lexer tests: tokens, positions and tokenizer errors of tricky inputs, as CPython 3.11 produces them.
#include <gtest/gtest.h>

#include <string>

#include "interpreter/lexer.hpp"

namespace chaipy {
namespace {

const char* type_name(TokenType type) {
  switch (type) {
    case TokenType::Name: return "NAME";
    case TokenType::Number: return "NUMBER";
    case TokenType::String: return "STRING";
    case TokenType::Op: return "OP";
    case TokenType::Newline: return "NEWLINE";
    case TokenType::Indent: return "INDENT";
    case TokenType::Dedent: return "DEDENT";
    case TokenType::EndMarker: return "ENDMARKER";
    case TokenType::Error: return "ERROR";
  }
  return "?";
}

// "TYPE:text" for each token with text, "TYPE" otherwise, separated by spaces.
std::string kinds(std::string_view source) {
  TokenStream stream = tokenize(source, "t.py");
  std::string out;
  for (const Token& t : stream.tokens) {
    if (!out.empty()) out += ' ';
    out += type_name(t.type);
    bool has_text = t.type == TokenType::Name || t.type == TokenType::Number || t.type == TokenType::String ||
                    t.type == TokenType::Op;
    if (has_text) {
      out += ':';
      out += t.text;
    }
  }
  return out;
}

// "message @line:col-end_line:end_col" of the tokenizer error, or "" when there is none.
std::string error_of(std::string_view source) {
  TokenStream stream = tokenize(source, "t.py");
  if (!stream.error) return "";
  const SyntaxErrorInfo& e = stream.error->info;
  return e.type + ": " + e.message + " @" + std::to_string(e.line) + ":" + std::to_string(e.col) + "-" +
         std::to_string(e.end_line) + ":" + std::to_string(e.end_col);
}

TEST(Lexer, SimpleStatement) {
  EXPECT_EQ(kinds("x = 1\n"), "NAME:x OP:= NUMBER:1 NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = 1"), "NAME:x OP:= NUMBER:1 NEWLINE ENDMARKER");  // newline added at the end
  EXPECT_EQ(kinds(""), "ENDMARKER");
  EXPECT_EQ(kinds("\n\n# only a comment\n   \n"), "ENDMARKER");
}

TEST(Lexer, KeywordsAreNamesWithAKeywordKind) {
  TokenStream stream = tokenize("if not match: None\n", "t.py");
  EXPECT_EQ(stream.tokens[0].keyword, KeywordKind::If);
  EXPECT_EQ(stream.tokens[1].keyword, KeywordKind::Not);
  EXPECT_EQ(stream.tokens[2].keyword, KeywordKind::None);  // soft keyword: an ordinary name
  EXPECT_EQ(stream.tokens[4].keyword, KeywordKind::None_);
}

TEST(Lexer, IndentAndDedent) {
  EXPECT_EQ(kinds("if x:\n    y\n    if z:\n        w\nv\n"),
            "NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE NAME:if NAME:z OP:: NEWLINE INDENT NAME:w NEWLINE "
            "DEDENT DEDENT NAME:v NEWLINE ENDMARKER");
  // Blank and comment-only lines do not affect indentation.
  EXPECT_EQ(kinds("if x:\n\n    # c\n  \n    y\n"),
            "NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER");
  // Dedents are emitted at the end of input.
  EXPECT_EQ(kinds("if x:\n  y"), "NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, TabsAdvanceToMultiplesOfEight) {
  // A tab followed by spaces, and eight spaces after a tab-indented line: consistent or not
  // depending on how tabs line up (CPython compares with tab size 8 and with tab size 1).
  EXPECT_EQ(error_of("if x:\n\ty\n\ty\n"), "");
  EXPECT_EQ(error_of("if x:\n\ty\n        y\n"), "TabError: inconsistent use of tabs and spaces in indentation @3:1-3:0");
  EXPECT_EQ(error_of("if x:\n        y\n\ty\n"), "TabError: inconsistent use of tabs and spaces in indentation @3:1-3:0");
  EXPECT_EQ(kinds("if x:\n  \ty\n"), "NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, ImplicitLineJoiningInBrackets) {
  EXPECT_EQ(kinds("x = (1,\n  2,\n\n# c\n 3)\n"),
            "NAME:x OP:= OP:( NUMBER:1 OP:, NUMBER:2 OP:, NUMBER:3 OP:) NEWLINE ENDMARKER");
  TokenStream stream = tokenize("f(a,\n  b)\n", "t.py");
  EXPECT_EQ(stream.tokens[1].level, 1);
  EXPECT_EQ(stream.tokens[5].level, 0);  // ')' closes the bracket
  EXPECT_EQ(stream.tokens[4].line, 2);
  EXPECT_EQ(stream.tokens[4].col, 2);
}

TEST(Lexer, BackslashContinuation) {
  EXPECT_EQ(kinds("x = 1 + \\\n    2\n"), "NAME:x OP:= NUMBER:1 OP:+ NUMBER:2 NEWLINE ENDMARKER");
  EXPECT_EQ(error_of("x = 1 \\ y\n"),
            "SyntaxError: unexpected character after line continuation character @1:8-1:0");
  EXPECT_EQ(error_of("x = 1 + \\\n"), "SyntaxError: unexpected EOF while parsing @1:10-1:-1");
}

TEST(Lexer, StringPrefixes) {
  EXPECT_EQ(kinds("r'a' b'b' f'c' u'd' rb'e' BR'f' Rb'g' bR'h' fr'i' Rf'j' F'k'\n"),
            "STRING:r'a' STRING:b'b' STRING:f'c' STRING:u'd' STRING:rb'e' STRING:BR'f' STRING:Rb'g' STRING:bR'h' "
            "STRING:fr'i' STRING:Rf'j' STRING:F'k' NEWLINE ENDMARKER");
  // Not prefixes: the name, then a string.
  EXPECT_EQ(kinds("ur'x' bf'y'\n"), "NAME:ur STRING:'x' NAME:bf STRING:'y' NEWLINE ENDMARKER");
}

TEST(Lexer, Strings) {
  EXPECT_EQ(kinds("'it\\'s' \"a\\\"b\" ''\n"), "STRING:'it\\'s' STRING:\"a\\\"b\" STRING:'' NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("'''a ' '' \"\n\n''' \"\"\"\"\"\"\n"),
            "STRING:'''a ' '' \"\n\n''' STRING:\"\"\"\"\"\" NEWLINE ENDMARKER");
  TokenStream stream = tokenize("x = '''a\nbc'''\n", "t.py");
  const Token& s = stream.tokens[2];
  EXPECT_EQ(s.line, 1);
  EXPECT_EQ(s.col, 4);
  EXPECT_EQ(s.end_line, 2);
  EXPECT_EQ(s.end_col, 5);
  // A backslash-newline continues a single-quoted string.
  EXPECT_EQ(kinds("'a\\\nb'\n"), "STRING:'a\\\nb' NEWLINE ENDMARKER");
}

TEST(Lexer, UnterminatedStrings) {
  EXPECT_EQ(error_of("x = 'abc\n"), "SyntaxError: unterminated string literal (detected at line 1) @1:5-1:5");
  EXPECT_EQ(error_of("x = f'abc"), "SyntaxError: unterminated string literal (detected at line 1) @1:5-1:5");
  EXPECT_EQ(error_of("x = \"\"\"abc\n\ndef\n"),
            "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:5-1:5");
  EXPECT_EQ(error_of("é = 'abc\n"), "SyntaxError: unterminated string literal (detected at line 1) @1:5-1:5");
}

TEST(Lexer, Numbers) {
  EXPECT_EQ(kinds("1 1_000 0x_1f 0o17 0b1_0 1.5 .5 5. 1e-5 1E+5 1.5e3 0 00 0_0 1j 1.5J 0.0\n"),
            "NUMBER:1 NUMBER:1_000 NUMBER:0x_1f NUMBER:0o17 NUMBER:0b1_0 NUMBER:1.5 NUMBER:.5 NUMBER:5. "
            "NUMBER:1e-5 NUMBER:1E+5 NUMBER:1.5e3 NUMBER:0 NUMBER:00 NUMBER:0_0 NUMBER:1j NUMBER:1.5J NUMBER:0.0 "
            "NEWLINE ENDMARKER");
  // A number glued to a keyword that may follow it is accepted (CPython warns).
  EXPECT_EQ(kinds("1if x else 0x1for\n"), "NUMBER:1 NAME:if NAME:x NAME:else NUMBER:0x1f NAME:or NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1.e\n"), "ERROR");
}

TEST(Lexer, NumberErrors) {
  EXPECT_EQ(error_of("x = 0777"),
            "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
            "integers @1:5-1:6");
  EXPECT_EQ(error_of("x = 1__0"), "SyntaxError: invalid decimal literal @1:6-1:6");
  EXPECT_EQ(error_of("x = 1_"), "SyntaxError: invalid decimal literal @1:6-1:6");
  EXPECT_EQ(error_of("x = 1a"), "SyntaxError: invalid decimal literal @1:5-1:5");
  EXPECT_EQ(error_of("x = 1e"), "SyntaxError: invalid decimal literal @1:5-1:5");
  EXPECT_EQ(error_of("x = 0x"), "SyntaxError: invalid hexadecimal literal @1:6-1:6");
  EXPECT_EQ(error_of("x = 0o8"), "SyntaxError: invalid digit '8' in octal literal @1:7-1:7");
  EXPECT_EQ(error_of("x = 0b12"), "SyntaxError: invalid digit '2' in binary literal @1:8-1:8");
  EXPECT_EQ(error_of("x = 1.0j_"), "SyntaxError: invalid imaginary literal @1:8-1:8");
}

TEST(Lexer, DotsAndEllipsis) {
  EXPECT_EQ(kinds("a.b ... .. ....\n"), "NAME:a OP:. NAME:b OP:... OP:. OP:. OP:... OP:. NEWLINE ENDMARKER");
}

TEST(Lexer, Operators) {
  EXPECT_EQ(kinds("-> := **= //= <<= >>= != <> == <= >= ** // << >> @= @ ~ ^ | &\n"),
            "OP:-> OP::= OP:**= OP://= OP:<<= OP:>>= OP:!= OP:<> OP:== OP:<= OP:>= OP:** OP:// OP:<< OP:>> OP:@= "
            "OP:@ OP:~ OP:^ OP:| OP:& NEWLINE ENDMARKER");
  TokenStream stream = tokenize("$ ! ?\n", "t.py");
  EXPECT_EQ(stream.tokens[0].op, OpKind::Unknown);
  EXPECT_EQ(stream.tokens[1].op, OpKind::Unknown);
  EXPECT_EQ(stream.tokens[2].op, OpKind::Unknown);
}

TEST(Lexer, Brackets) {
  EXPECT_EQ(error_of("x = )"), "SyntaxError: unmatched ')' @1:5-1:5");
  EXPECT_EQ(error_of("x = (1, 2]"), "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:10-1:10");
  EXPECT_EQ(error_of("x = (1,\n2]"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:2-2:2");
  EXPECT_EQ(error_of("x = (1,\n"), "SyntaxError: '(' was never closed @1:5-1:0");
  EXPECT_EQ(error_of(std::string(200, '(')), "SyntaxError: '(' was never closed @1:200-1:0");
  EXPECT_EQ(error_of(std::string(10000, '(')), "SyntaxError: too many nested parentheses @1:201-1:201");
}

TEST(Lexer, Comments) {
  TokenStream stream = tokenize("x = 1  # note\n", "t.py");
  const Token& newline = stream.tokens[3];
  EXPECT_EQ(newline.type, TokenType::Newline);
  EXPECT_EQ(newline.col, 7);  // CPython starts the NEWLINE token at the comment
  EXPECT_EQ(newline.end_col, 13);
}

TEST(Lexer, LineEndingsAndBom) {
  EXPECT_EQ(kinds("x = 1\r\ny = 2\r\n"), "NAME:x OP:= NUMBER:1 NEWLINE NAME:y OP:= NUMBER:2 NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x\ry\r"), "NAME:x NEWLINE NAME:y NEWLINE ENDMARKER");
  TokenStream stream = tokenize("\xEF\xBB\xBFx = 1\n", "t.py");
  EXPECT_EQ(stream.tokens[0].text, "x");
  EXPECT_EQ(stream.tokens[0].col, 0);
}

TEST(Lexer, Utf8Identifiers) {
  EXPECT_EQ(kinds("é = ñame\n"), "NAME:é OP:= NAME:ñame NEWLINE ENDMARKER");
  TokenStream stream = tokenize("é = ñ\n", "t.py");
  EXPECT_EQ(stream.tokens[1].col, 3);  // columns count bytes
  EXPECT_EQ(stream.tokens[2].col, 5);
  EXPECT_EQ(stream.tokens[2].end_col, 7);
}

TEST(Lexer, InvalidCharacters) {
  EXPECT_EQ(error_of("a € b"), "SyntaxError: invalid character '€' (U+20AC) @1:3-1:3");
  EXPECT_EQ(error_of("x€y = 1"), "SyntaxError: invalid character '€' (U+20AC) @1:2-1:2");
  EXPECT_EQ(error_of("a\xC2\xA0" "b"), "SyntaxError: invalid non-printable character U+00A0 @1:2-1:2");
  EXPECT_EQ(error_of("x = \x01"), "SyntaxError: invalid non-printable character U+0001 @1:5-1:5");
  EXPECT_EQ(error_of(std::string("x = 1\0", 6)), "SyntaxError: source code string cannot contain null bytes @0:0-0:0");
  EXPECT_EQ(error_of("x = '\xFF'"),
            "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid start byte "
            "@1:6-1:-1");
}

TEST(Lexer, IndentationErrors) {
  EXPECT_EQ(error_of("if x:\n    a\n  b\n"), "IndentationError: unindent does not match any outer indentation level @3:4-3:-1");
  std::string deep;
  for (int i = 0; i < 120; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  EXPECT_EQ(error_of(deep), "IndentationError: too many levels of indentation @101:1-101:0");
}

TEST(Lexer, ErrorsThatWaitForTheParser) {
  // Tokenizer errors CPython raises itself win over parser errors anywhere; the others do not.
  EXPECT_TRUE(tokenize("x = 'abc", "t.py").error->raised_by_tokenizer);
  EXPECT_FALSE(tokenize("if x:\n  a\n b\n", "t.py").error->raised_by_tokenizer);
  auto open = tokenize("x = [1,\ny = 2\n", "t.py");
  EXPECT_FALSE(open.error->raised_by_tokenizer);
  EXPECT_EQ(open.error->open_bracket_line, 1);
}

TEST(Lexer, PositionsInsideAnEnclosingFile) {
  // f-string replacement fields are lexed on their own and placed back in the file.
  TokenStream stream = tokenize("(a +\nb)", "t.py", 3, 10);
  EXPECT_EQ(stream.tokens[1].line, 3);
  EXPECT_EQ(stream.tokens[1].col, 11);
  EXPECT_EQ(stream.tokens[3].line, 4);
  EXPECT_EQ(stream.tokens[3].col, 0);
  EXPECT_EQ(stream.line_text(4), "b)");
}

TEST(Lexer, CharOffsetsCountCharacters) {
  EXPECT_EQ(char_offset("é = 1", 4), 3);   // byte offset 4 is the '=' (third character)
  EXPECT_EQ(char_offset("abc", 10), 5);    // clamped past the end, like CPython
  EXPECT_EQ(char_offset("abc", 0), 0);
}

}  // namespace
}  // namespace chaipy
