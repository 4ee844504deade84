// Disassembler: readable listings of code units, in the style of CPython's dis (backs --dis).
#include "interpreter/disassembler.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

#include "interpreter/opcodes.hpp"

namespace chaipy {

namespace {

// Converts the digits of a big integer literal in `base` to decimal.
std::string big_int_decimal(const BigIntConst& big) {
  constexpr uint32_t limb_base = 1000000000;
  std::vector<uint32_t> limbs;  // little-endian, base 10**9
  for (char c : big.digits) {
    uint32_t digit = c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0';
    uint64_t carry = digit;
    for (auto& limb : limbs) {
      uint64_t value = static_cast<uint64_t>(limb) * big.base + carry;
      limb = static_cast<uint32_t>(value % limb_base);
      carry = value / limb_base;
    }
    while (carry > 0) {
      limbs.push_back(static_cast<uint32_t>(carry % limb_base));
      carry /= limb_base;
    }
  }
  if (limbs.empty()) return "0";
  std::string text = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    char chunk[16];
    std::snprintf(chunk, sizeof chunk, "%09u", limbs[i]);
    text += chunk;
  }
  return text;
}

// Python's float repr: the shortest round-tripping digits, positional for exponents -4..15.
std::string float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string scientific(buffer, result.ptr);
  std::string sign;
  if (scientific[0] == '-') {
    sign = "-";
    scientific.erase(0, 1);
  }
  size_t e = scientific.find('e');
  int exponent = std::stoi(scientific.substr(e + 1));
  std::string digits;
  for (size_t i = 0; i < e; ++i) {
    if (scientific[i] != '.') digits.push_back(scientific[i]);
  }
  if (exponent < -4 || exponent >= 16) {
    std::string text = sign + digits.substr(0, 1);
    if (digits.size() > 1) text += "." + digits.substr(1);
    char exponent_text[16];
    std::snprintf(exponent_text, sizeof exponent_text, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return text + exponent_text;
  }
  if (exponent < 0) return sign + "0." + std::string(-exponent - 1, '0') + digits;
  size_t integer_digits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= integer_digits) {
    return sign + digits + std::string(integer_digits - digits.size(), '0') + ".0";
  }
  return sign + digits.substr(0, integer_digits) + "." + digits.substr(integer_digits);
}

void append_hex_escape(std::string& out, const char* prefix, uint32_t value, int width) {
  char text[16];
  std::snprintf(text, sizeof text, "%s%0*x", prefix, width, value);
  out += text;
}

std::string string_repr(const std::string& text, bool bytes) {
  bool has_single = text.find('\'') != std::string::npos;
  bool has_double = text.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = bytes ? "b" : "";
  out.push_back(quote);
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
      append_hex_escape(out, "\\x", c, 2);
    } else if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      // A UTF-8 sequence: decode to escape the code points Python does not print.
      int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      uint32_t code_point = c & (0xFF >> (length + 1));
      for (int k = 1; k < length && i + k < text.size(); ++k) {
        code_point = (code_point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      }
      if (code_point <= 0xA0 || code_point == 0xAD) {
        append_hex_escape(out, "\\x", code_point, 2);
      } else if (code_point == 0x2028 || code_point == 0x2029) {
        append_hex_escape(out, "\\u", code_point, 4);
      } else {
        out.append(text, i, length);
      }
      i += length - 1;
    }
  }
  out.push_back(quote);
  return out;
}

std::string code_description(const CodeUnit& code) {
  return "<code object " + code.name + " at line " + std::to_string(code.first_line) + ">";
}

bool has_argument(Opcode op) {
  switch (op) {
    case Opcode::NOP:
    case Opcode::POP_TOP:
    case Opcode::BINARY_SUBSCR:
    case Opcode::STORE_SUBSCR:
    case Opcode::AUG_SUBSCR_LOAD:
    case Opcode::AUG_SUBSCR_STORE:
    case Opcode::DELETE_SUBSCR:
    case Opcode::UNARY_NEGATIVE:
    case Opcode::UNARY_POSITIVE:
    case Opcode::UNARY_NOT:
    case Opcode::UNARY_INVERT:
    case Opcode::GET_ITER:
    case Opcode::LIST_TO_TUPLE:
    case Opcode::RETURN_VALUE:
    case Opcode::LOAD_BUILD_CLASS:
    case Opcode::IMPORT_STAR:
    case Opcode::POP_BLOCK:
    case Opcode::POP_EXCEPT:
    case Opcode::RERAISE:
    case Opcode::WITH_EXCEPT_START:
    case Opcode::CHECK_EXC_MATCH:
    case Opcode::LOAD_ASSERTION_ERROR:
    case Opcode::YIELD_VALUE:
    case Opcode::GET_YIELD_FROM_ITER:
    case Opcode::YIELD_FROM:
    case Opcode::PRINT_EXPR:
      return false;
    default:
      return true;
  }
}

bool is_jump(Opcode op) {
  switch (op) {
    case Opcode::JUMP:
    case Opcode::JUMP_BACKWARD:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::FOR_ITER:
    case Opcode::SETUP_FINALLY:
    case Opcode::SETUP_WITH:
      return true;
    default:
      return false;
  }
}

template <class Container>
std::string item_or_unknown(const Container& items, uint32_t index) {
  return index < items.size() ? std::string(items[index]) : "<" + std::to_string(index) + "?>";
}

std::string argument_meaning(const CodeUnit& code, Opcode op, uint32_t arg) {
  static const char* const binary_symbols[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
  static const char* const compare_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
  if (is_jump(op)) return "to " + std::to_string(arg);
  if (is_binary_opcode(op)) {
    if (arg < binary_op_count) return binary_symbols[arg];
    if (arg < 2 * binary_op_count) return std::string(binary_symbols[arg - inplace_offset]) + "=";
    return "";
  }
  switch (op) {
    case Opcode::LOAD_CONST:
      return arg < code.consts.size() ? constant_repr(code.consts[arg]) : "<" + std::to_string(arg) + "?>";
    case Opcode::LOAD_NAME:
    case Opcode::STORE_NAME:
    case Opcode::DELETE_NAME:
    case Opcode::LOAD_GLOBAL:
    case Opcode::STORE_GLOBAL:
    case Opcode::DELETE_GLOBAL:
    case Opcode::LOAD_ATTR:
    case Opcode::STORE_ATTR:
    case Opcode::DELETE_ATTR:
    case Opcode::LOAD_METHOD:
    case Opcode::IMPORT_NAME:
    case Opcode::IMPORT_FROM:
      return item_or_unknown(code.names, arg);
    case Opcode::LOAD_FAST:
    case Opcode::STORE_FAST:
    case Opcode::DELETE_FAST:
      return item_or_unknown(code.varnames, arg);
    case Opcode::LOAD_DEREF:
    case Opcode::STORE_DEREF:
    case Opcode::DELETE_DEREF:
    case Opcode::LOAD_CLOSURE:
    case Opcode::LOAD_CLASSDEREF:
      if (arg < code.cellvars.size()) return code.cellvars[arg];
      return item_or_unknown(code.freevars, static_cast<uint32_t>(arg - code.cellvars.size()));
    case Opcode::COMPARE_OP:
      return arg < 6 ? compare_symbols[arg] : "";
    case Opcode::IS_OP:
      return arg ? "is not" : "is";
    case Opcode::CONTAINS_OP:
      return arg ? "not in" : "in";
    case Opcode::FORMAT_VALUE: {
      static const char* const conversions[] = {"", "str", "repr", "ascii"};
      std::string meaning = conversions[arg & format_conversion_mask];
      if (arg & format_has_spec) meaning += meaning.empty() ? "with format" : ", with format";
      return meaning;
    }
    case Opcode::MAKE_FUNCTION: {
      std::string meaning;
      auto add = [&meaning](const char* part) { meaning += (meaning.empty() ? "" : ", ") + std::string(part); };
      if (arg & make_function_defaults) add("defaults");
      if (arg & make_function_kwdefaults) add("kwdefaults");
      if (arg & make_function_closure) add("closure");
      return meaning;
    }
    case Opcode::UNPACK_EX:
      return std::to_string(arg & 0xFF) + " before, " + std::to_string(arg >> 8) + " after";
    default:
      return "";
  }
}

void pad_right(std::string& text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
}

void disassemble_into(const CodeUnit& code, std::string& out) {
  out += "Disassembly of " + code_description(code) + ":\n";
  std::set<uint32_t> targets;
  int max_line = 0;
  for (size_t i = 0; i < code.code.size(); ++i) {
    Opcode op = instruction_opcode(code.code[i]);
    if (is_jump(op)) targets.insert(instruction_arg(code.code[i]));
    if (i < code.positions.size()) max_line = std::max(max_line, code.positions[i].line);
  }
  const size_t line_width = std::max<size_t>(3, std::to_string(max_line).size());
  const size_t index_width = std::max<size_t>(4, std::to_string(code.code.size()).size());
  int previous_line = -1;
  for (size_t i = 0; i < code.code.size(); ++i) {
    // The listing shows the program, not the encoding: a fused pair reads as its two instructions.
    const uint32_t word = unfused_first_word(code.code[i]);
    const Opcode op = instruction_opcode(word);
    const uint32_t arg = instruction_arg(word);
    const int line = i < code.positions.size() ? code.positions[i].line : 0;
    std::string line_field;
    if (line != previous_line) {
      if (i > 0) out += "\n";
      line_field = std::to_string(line);
      previous_line = line;
    }
    std::string row = std::string(line_width > line_field.size() ? line_width - line_field.size() : 0, ' ');
    row += line_field + "     " + (targets.count(static_cast<uint32_t>(i)) ? ">>" : "  ") + " ";
    std::string index = std::to_string(i);
    row += std::string(index_width > index.size() ? index_width - index.size() : 0, ' ') + index + " ";
    const auto opcode_index = static_cast<size_t>(op);
    std::string name = opcode_index < std::size(opcode_names) ? opcode_names[opcode_index]
                                                             : "<" + std::to_string(opcode_index) + ">";
    row += name;
    if (has_argument(op)) {
      pad_right(row, row.size() - name.size() + 20);
      std::string arg_text = std::to_string(arg);
      row += " " + std::string(arg_text.size() < 5 ? 5 - arg_text.size() : 0, ' ') + arg_text;
      std::string meaning = argument_meaning(code, op, arg);
      if (!meaning.empty()) row += " (" + meaning + ")";
    }
    out += row + "\n";
  }
  for (const auto& constant : code.consts) {
    if (auto nested = std::get_if<std::shared_ptr<CodeUnit>>(&constant.value)) {
      out += "\n";
      disassemble_into(**nested, out);
    }
  }
}

}  // namespace

std::string constant_repr(const Constant& constant) {
  return std::visit(
      [](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, NoneConst>) {
          return "None";
        } else if constexpr (std::is_same_v<T, bool>) {
          return value ? "True" : "False";
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return std::to_string(value);
        } else if constexpr (std::is_same_v<T, BigIntConst>) {
          return big_int_decimal(value);
        } else if constexpr (std::is_same_v<T, double>) {
          return float_repr(value);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return string_repr(value, false);
        } else if constexpr (std::is_same_v<T, BytesConst>) {
          return string_repr(value.bytes, true);
        } else if constexpr (std::is_same_v<T, EllipsisConst>) {
          return "Ellipsis";
        } else if constexpr (std::is_same_v<T, TupleConst>) {
          std::string text = "(";
          for (size_t i = 0; i < value.items.size(); ++i) {
            if (i > 0) text += ", ";
            text += constant_repr(value.items[i]);
          }
          if (value.items.size() == 1) text += ",";
          return text + ")";
        } else {
          return value ? code_description(*value) : "<code object>";
        }
      },
      constant.value);
}

std::string disassemble(const CodeUnit& code) {
  std::string out;
  disassemble_into(code, out);
  return out;
}

}  // namespace chaipy
