// Traceback text: one "File ..., line N, in name" entry per frame with its source line and CPython 3.11's carets under the failing expression.
#include <string>

#include "interpreter/parser.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/function.hpp"

namespace chaipy {

namespace {

struct Anchors {
  int left = -1;   // where the secondary ('^') part starts, relative to the segment
  int right = -1;  // where it ends
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r'; }

// CPython 3.11's extract_anchors_from_line: for a binary operation the operator is marked
// with '^' and the operands with '~'; for a subscript the brackets are.
Anchors extract_anchors(const std::string& segment) {
  Anchors anchors;
  auto parsed = parse_source(segment, "<traceback>", ParseMode::Exec);
  auto* root = std::get_if<AstRoot>(&parsed);
  if (!root) return anchors;
  auto* module = std::get_if<ast::Module>(root);
  if (!module || module->body.size() != 1 || module->body[0]->kind != ast::StmtKind::Expr) return anchors;
  auto& statement = static_cast<ast::ExprStmt&>(*module->body[0]);
  const ast::Expr& expr = *statement.value;
  if (expr.kind == ast::ExprKind::BinOp) {
    auto& binop = static_cast<const ast::BinOp&>(expr);
    int left_end = binop.left->pos.end_col, right_start = binop.right->pos.col;
    for (int i = left_end; i < right_start && i < int(segment.size()); ++i) {
      if (is_space(segment[i])) continue;
      anchors.left = i;
      anchors.right = i + 1;
      if (i + 1 < right_start && !is_space(segment[i + 1])) ++anchors.right;
      break;
    }
  } else if (expr.kind == ast::ExprKind::Subscript) {
    auto& subscript = static_cast<const ast::Subscript&>(expr);
    anchors.left = subscript.value->pos.end_col;
    anchors.right = subscript.slice->pos.end_col + 1;
  }
  return anchors;
}

// Byte offset to character (code point) offset within a UTF-8 line.
int character_offset(const std::string& line, int byte_offset) {
  int chars = 0;
  for (int i = 0; i < byte_offset && i < int(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}

}  // namespace

// One entry: the File line, the source line and the carets.
static void format_entry(const CodeUnit& unit, const SourcePosition& position, int line, std::string& out) {
  out += "  File \"" + unit.filename + "\", line " + std::to_string(line) + ", in " + unit.name + "\n";
  std::string source = source_line(unit.filename, line);
  size_t indent = source.find_first_not_of(" \t\f");
  if (indent == std::string::npos) return;
  size_t last = source.find_last_not_of(" \t\f\r\n");
  std::string stripped = source.substr(indent, last - indent + 1);
  out += "    " + stripped + "\n";
  if (position.line != position.end_line || position.end_col <= position.col) return;
  if (size_t(position.end_col) > source.size()) return;
  std::string segment = source.substr(position.col, position.end_col - position.col);
  Anchors anchors = extract_anchors(segment);
  int start = character_offset(source, position.col);
  int end = character_offset(source, position.end_col);
  int stripped_start = character_offset(source, int(indent));
  int stripped_length = character_offset(source, int(last + 1)) - stripped_start;
  bool has_anchors = anchors.left >= 0;
  if (end - start >= stripped_length && !has_anchors) return;
  std::string carets(start - stripped_start, ' ');
  if (has_anchors) {
    int left = character_offset(segment, anchors.left);
    int right = character_offset(segment, std::min<int>(anchors.right, int(segment.size())));
    carets += std::string(left, '~') + std::string(right - left, '^') + std::string(end - start - right, '~');
  } else {
    carets += std::string(end - start, '^');
  }
  out += "    " + carets + "\n";
}

// As CPython: after three identical consecutive entries (deep recursion) the rest are counted.
static constexpr int recursive_cutoff = 3;

static void flush_repeats(int repeats, std::string& out) {
  if (repeats <= recursive_cutoff) return;
  int more = repeats - recursive_cutoff;
  out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more == 1 ? "" : "s") + "]\n";
}

std::string format_traceback_entries(Value traceback) {
  std::string out;
  const CodeUnit* last_unit = nullptr;
  int last_line = -1;
  int repeats = 0;
  for (Value entry = traceback; entry; entry = entry.as<TracebackObject>()->next) {
    auto* tb = entry.as<TracebackObject>();
    const CodeUnit& unit = *tb->code.as<CodeObject>()->unit;
    SourcePosition position;
    if (tb->instruction < unit.positions.size()) position = unit.positions[tb->instruction];
    int line = position.line ? position.line : unit.first_line;
    bool same = last_unit && last_line == line && last_unit->filename == unit.filename && last_unit->name == unit.name;
    if (!same) {
      flush_repeats(repeats, out);
      repeats = 0;
    }
    last_unit = &unit;
    last_line = line;
    if (++repeats > recursive_cutoff) continue;
    format_entry(unit, position, line, out);
  }
  flush_repeats(repeats, out);
  return out;
}

}  // namespace chaipy
